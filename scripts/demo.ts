// The Commonweal story on the in-process Hardhat network: a circle is founded, decides, takes its temperature
// and resets. Run with `npm run demo`.
import { network } from "hardhat";

import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";

import { BALLOT_TYPES, ballotDomain, type Ballot } from "../client/ballots.js";
import { mandateRulesFromChain, rulesFromChain } from "../client/rules.js";
import CirclesModule from "../deploy/modules/Circles.js";
import type { Circle } from "../typechain-types/index.js";

const { ethers, ignition, networkHelpers } = await network.create();
const { time } = networkHelpers;

const NAMES = ["Ana", "Ben", "Cai", "Dee", "Eli", "Fay", "Gus"] as const;
const signers = await ethers.getSigners();
interface Person {
  name: string;
  signer: HardhatEthersSigner;
}
const people: Person[] = NAMES.map((name, i) => {
  const signer = signers[i];
  if (!signer) throw new Error(`the network has fewer than ${NAMES.length} accounts`);
  return { name, signer };
});
const nameOf = new Map(people.map((p) => [p.signer.address, p.name]));
const [ana, ben, cai, dee, eli, fay, gus] = people as [Person, Person, Person, Person, Person, Person, Person];
const DAY = 86_400;

let step = 0;
function say(line: string): void {
  step += 1;
  console.log(`${String(step).padStart(2)}. ${line}`);
}
function date(seconds: bigint | number): string {
  return new Date(Number(seconds) * 1000).toISOString().slice(0, 10);
}
const STATES = ["Pending", "Active", "Canceled", "Defeated", "Succeeded", "Queued", "Expired", "Executed"];
async function stateOf(circle: Circle, id: bigint): Promise<string> {
  return STATES[Number(await circle.state(id))]!;
}

const { chainId } = await ethers.provider.getNetwork();
console.log(`Commonweal demo on the in-process Hardhat network (chain ${chainId})\n`);

// --- Deploy -------------------------------------------------------------------------------------------------
const deployed = await ignition.deploy(CirclesModule);
const registry = await ethers.getContractAt("CircleRegistry", await deployed.registry.getAddress());
say(
  `Deployed the suite with the Ignition module deploy/modules/Circles.ts: registry at ${await registry.getAddress()}.`,
);

// --- Found a circle from a published template ----------------------------------------------------------------
const rules = rulesFromChain(await registry.defaultRules());
const templateId = ethers.id("Affinity circle");
const mandateRules = mandateRulesFromChain(await registry.defaultMandateRules());
await (await registry.publishTemplate("Affinity circle", rules, mandateRules)).wait();
say(`Published the "Affinity circle" rule set as a template anyone can copy.`);

const founders = [ana, ben, cai, dee, eli, fay];
const charterText = "We tend the community garden on Elm Street and share its harvest.";
await (
  await registry.connect(ana.signer).createCircleFromTemplate(
    {
      name: "Elm Street Garden",
      founders: founders.map((p) => p.signer.address),
      charterHash: ethers.id(charterText),
      charterURI: "ipfs://elm-street-garden/charter-v1",
    },
    templateId,
  )
).wait();
const [circleAddress] = await registry.circles(0, 1);
const circle = await ethers.getContractAt("Circle", circleAddress!);
const membership = await ethers.getContractAt("CircleMembership", await circle.membership());
const rituals = await ethers.getContractAt("CircleRituals", await circle.rituals());
const charter = await circle.charter();
say(
  `${founders.map((p) => p.name).join(", ")} found "${await circle.name()}" from the template: ` +
    `${await membership.memberCount()} members, quorum ${rules.quorumPercent}%, charter in force until ${date(charter.expiresAt)}.`,
);
await time.increase(1);

// --- A decision: admit Gus ------------------------------------------------------------------------------------
const admitGus = membership.interface.encodeFunctionData("admit", [gus.signer.address]);
const description = "Admit Gus, who has been helping with the compost since spring";
const targets = [await membership.getAddress()];
await (await circle.connect(ben.signer).propose(targets, [0n], [admitGus], description)).wait();
const proposalId = await circle.hashProposal(targets, [0n], [admitGus], ethers.id(description));
say(`Ben proposes: "${description}". State: ${await stateOf(circle, proposalId)}.`);

await time.increase(Number(await circle.votingDelay()) + 1);
say(`A day's notice later voting opens. State: ${await stateOf(circle, proposalId)}.`);
const ballots: [Person, number, string][] = [
  [ana, 1, "For"],
  [ben, 1, "For"],
  [cai, 1, "For"],
  [eli, 2, "Abstain"],
  [fay, 0, "Against"],
];
for (const [person, support] of ballots)
  await (await circle.connect(person.signer).castVote(proposalId, support)).wait();

// Dee is travelling: she signs her ballot off-chain and Ana submits it.
const ballot: Ballot = {
  proposalId,
  support: 1,
  voter: dee.signer.address,
  nonce: await circle.nonces(dee.signer.address),
};
const signature = await dee.signer.signTypedData(
  ballotDomain(await circle.name(), chainId, circleAddress!),
  { Ballot: [...BALLOT_TYPES.Ballot] },
  ballot,
);
await (await circle.connect(ana.signer).castVoteBySig(proposalId, 1, dee.signer.address, signature)).wait();
const [against, forVotes, abstain] = await circle.proposalVotes(proposalId);
say(
  `${ballots.map(([p, , label]) => `${p.name} ${label.toLowerCase()}`).join(", ")}; Dee votes for by signature. ` +
    `Tally: ${forVotes} for, ${against} against, ${abstain} abstain.`,
);

await time.increaseTo((await circle.proposalDeadline(proposalId)) + 1n);
say(
  `Voting closes. State: ${await stateOf(circle, proposalId)} (quorum ${await circle.quorum(await circle.proposalElectorateTimepoint(proposalId))}).`,
);
await (await circle.connect(fay.signer).execute(targets, [0n], [admitGus], ethers.id(description))).wait();
say(
  `Fay, who voted against, executes it anyway: the circle carries out its own decisions. ` +
    `Gus is a member: ${await membership.isMember(gus.signer.address)}; ${await membership.memberCount()} members.`,
);

// --- Power temperature check -----------------------------------------------------------------------------------
await time.increase(Number((await circle.rules()).temperaturePeriod));
const readings: [Person, number, Person | null][] = [
  [ana, 2, ben],
  [cai, 3, ben],
  [dee, 2, ben],
  [eli, 4, ben],
  [fay, 3, null],
];
for (const [person, heard, dominant] of readings) {
  await (
    await rituals.connect(person.signer).recordTemperature(heard, dominant?.signer.address ?? ethers.ZeroAddress)
  ).wait();
}
const period = (await rituals.currentPeriod()) - 1n;
const aggregate = await rituals.temperature(period);
say(
  `Temperature check for period ${period}: ${aggregate.readings} readings, average "heard" ` +
    `${(Number(aggregate.heardSum) / Number(aggregate.readings)).toFixed(1)} of 5; ` +
    `${await rituals.timesNamedDominant(period, ben.signer.address)} of ${await membership.memberCount()} named Ben as dominant.`,
);
say(
  `A majority named Ben, so he sits out of roles until ${date(await rituals.cooldownEndsAt(ben.signer.address))} ` +
    `(cooled down: ${await rituals.isCooledDown(ben.signer.address)}).`,
);

// --- Hard reset --------------------------------------------------------------------------------------------------
const pending = "Give Ben the keys to the tool shed for a year";
const shed = [circleAddress!];
await (await circle.connect(ben.signer).propose(shed, [0n], ["0x"], pending)).wait();
const pendingId = await circle.hashProposal(shed, [0n], ["0x"], ethers.id(pending));
say(`Ben proposes: "${pending}". State: ${await stateOf(circle, pendingId)}.`);
for (const person of [cai, eli, gus]) {
  const tx = await rituals.connect(person.signer).signalReset();
  const receipt = await tx.wait();
  const reset = receipt!.logs
    .map((l) => {
      try {
        return circle.interface.parseLog(l);
      } catch {
        return null;
      }
    })
    .find((l) => l?.name === "HardReset");
  if (reset) {
    const by = (reset.args.triggeredBy as string[]).map((a) => nameOf.get(a)).join(", ");
    say(`${by} signal a hard reset within the window: HardReset (epoch ${reset.args.epoch}).`);
  }
}
say(`Ben's proposal is now ${await stateOf(circle, pendingId)}; the circle starts afresh, its members unchanged.`);

console.log("\nEvery step above is an event on the chain: the circle's public ledger.");
