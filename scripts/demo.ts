// The Commonweal story on the in-process Hardhat network: a circle is founded, decides, takes its temperature
// and resets. Run with `npm run demo`.
import { network } from "hardhat";

import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";

import { BALLOT_TYPES, ballotDomain, type Ballot } from "../client/ballots.js";
import { blockHeaderRlp } from "../client/blockHeader.js";
import { describeError } from "../client/errors.js";
import { findEvent, findEvents } from "../client/events.js";
import { planPayment } from "../client/actions/income/planPayment.js";
import { flowHops, type Address } from "../client/pathfinder.js";
import { mandateRulesFromChain, rulesFromChain } from "../client/rules.js";
import { withConsents } from "./founding.js";
import CirclesModule from "../deploy/modules/Circles.js";
import type { Circle } from "../typechain-types/index.js";

const { ethers, ignition, networkHelpers, viem } = await network.create();
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
// Ana registers in the income hub while anyone may (its 30-day bootstrap); her income accrues from now on.
await (
  await (
    await ethers.getContractAt("IncomeHub", await deployed.incomeHub.getAddress())
  )
    .connect(ana.signer)
    .register(ethers.ZeroAddress)
).wait();
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
// Every founder consents to this very founding (name, founders, charter, rules) with a signature; Ana sends it.
const elmFounding = await withConsents(
  registry.connect(ana.signer),
  {
    name: "Elm Street Garden",
    founders: founders.map((p) => p.signer.address),
    charterHash: ethers.id(charterText),
    charterURI: "ipfs://elm-street-garden/charter-v1",
  },
  rules,
  mandateRules,
  ana.signer.address,
  (founder) => ethers.getSigner(founder),
);
await (await registry.connect(ana.signer).createCircleFromTemplate(elmFounding, templateId)).wait();
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
await (await membership.connect(gus.signer).requestAdmission()).wait();
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
  `Voting closes. State: ${await stateOf(circle, proposalId)} (quorum ${await circle.quorum(await circle.proposalSnapshot(proposalId))}).`,
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

// --- Mandates: granted, used, drawn by lot, term-limited, recalled -------------------------------------------------
const mandates = await ethers.getContractAt("Mandates", await circle.mandates());
const seedFund = await ethers.deployContract("MockERC20");
await (await seedFund.mint(circleAddress!, 500n)).wait();
const supplier = signers[10]!.address;

/** A decision of `body`: proposed, voted for by `voters` after the notice, executed after the vote. */
async function decideIn(
  body: Circle,
  proposer: Person,
  voters: Person[],
  calls: { target: string; data: string }[],
  text: string,
) {
  const targets = calls.map((c) => c.target);
  const values = calls.map(() => 0n);
  const datas = calls.map((c) => c.data);
  await (await body.connect(proposer.signer).propose(targets, values, datas, text)).wait();
  const id = await body.hashProposal(targets, values, datas, ethers.id(text));
  await time.increase(Number(await body.votingDelay()) + 1);
  for (const voter of voters) await (await body.connect(voter.signer).castVote(id, 1)).wait();
  await time.increaseTo((await body.proposalDeadline(id)) + 1n);
  return (await body.connect(proposer.signer).execute(targets, values, datas, ethers.id(text))).wait();
}

/** A decision of Elm Street Garden, carried by Ana, Cai, Eli and Gus. */
async function decide(proposer: Person, calls: { target: string; data: string }[], text: string) {
  return decideIn(circle, proposer, [ana, cai, eli, gus], calls, text);
}

const creditInterface = (await ethers.getContractFactory("MutualCredit")).interface;

/** Runs `action`; if it reverts, returns the decoded custom error as a sentence. */
async function attempt(action: () => Promise<unknown>): Promise<string | null> {
  try {
    await action();
    return null;
  } catch (error) {
    const data = revertData(error);
    for (const iface of [mandates.interface, circle.interface, membership.interface, creditInterface]) {
      const parsed = data ? iface.parseError(data) : null;
      if (parsed) return named(describeError(parsed.name, [...parsed.args]));
    }
    throw error;
  }
}
/** Replaces the addresses the demo knows with names. */
function named(sentence: string): string {
  const known = new Map([...nameOf].map(([address, name]) => [address.toLowerCase(), name]));
  known.set(seedFund.target.toString().toLowerCase(), "the seed fund");
  return sentence.replace(/0x[0-9a-fA-F]{40}/g, (address) => known.get(address.toLowerCase()) ?? address);
}
function revertData(error: unknown): string | undefined {
  for (
    let e: unknown = error;
    e && typeof e === "object";
    e = (e as { error?: unknown; cause?: unknown }).error ?? (e as { cause?: unknown }).cause
  ) {
    const data = (e as { data?: unknown }).data;
    if (typeof data === "string" && data.startsWith("0x")) return data;
  }
  return undefined;
}

type Power = { target: string; selector: string; maxValue?: bigint; maxAmount?: bigint };
const spec = (role: string, days: number, powers: Power[] = []) => ({
  role,
  title: role,
  scopeHash: ethers.id(role),
  duration: days * DAY,
  powers: powers.map((p) => ({ maxValue: 0n, maxAmount: 0n, ...p })),
});
// A treasurer may move at most 100 seed-fund units per transfer: a value-moving power always carries a cap.
const transferPower = {
  target: await seedFund.getAddress(),
  selector: seedFund.interface.getFunction("transfer").selector,
  maxAmount: 100n,
};
const grant = (s: ReturnType<typeof spec>, holder: Person) => ({
  target: mandatesAddress,
  data: mandates.interface.encodeFunctionData("grant", [s, holder.signer.address]),
});
const mandatesAddress = await mandates.getAddress();

const refusedSelf = await attempt(() =>
  decide(cai, [grant(spec("treasurer", 30, [transferPower]), cai)], "Cai as treasurer"),
);
say(`Cai proposes himself as treasurer; the decision passes but cannot be carried out: ${refusedSelf}`);
await decide(cai, [grant(spec("treasurer", 30, [transferPower]), dee)], "Dee as treasurer, to pay for seeds");
const treasurer = await mandates.mandateCount();
say(
  `Cai proposes Dee instead: mandate ${treasurer} makes Dee treasurer until ${date((await mandates.mandate(treasurer)).expiresAt)}, ` +
    `allowed one thing: transfers from the circle's seed fund, at most 100 per transfer.`,
);
await (
  await mandates
    .connect(dee.signer)
    .act(treasurer, await seedFund.getAddress(), 0n, seedFund.interface.encodeFunctionData("transfer", [supplier, 40n]))
).wait();
say(`Dee pays the seed supplier 40 through her mandate; the fund holds ${await seedFund.balanceOf(circleAddress!)}.`);
const overreach = await attempt(() =>
  mandates
    .connect(dee.signer)
    .act(treasurer, seedFund.target, 0n, seedFund.interface.encodeFunctionData("approve", [supplier, 1000n])),
);
say(`Dee tries to approve the supplier to draw on the fund: refused. ${overreach}`);
const overCap = await attempt(() =>
  mandates
    .connect(dee.signer)
    .act(treasurer, seedFund.target, 0n, seedFund.interface.encodeFunctionData("transfer", [supplier, 150n])),
);
say(`Dee tries to pay the supplier 150 in one transfer: refused. ${overCap}`);

// Recall by a majority, directly, without a proposal.
for (const member of [ana, ben, eli]) await (await mandates.connect(member.signer).signalRecall(treasurer)).wait();
const [signals, needed] = await mandates.recallSignals(treasurer);
say(`Ana, Ben and Eli signal to recall Dee's treasurer mandate: ${signals} of the ${needed} needed.`);
await (await mandates.connect(gus.signer).signalRecall(treasurer)).wait();
say(
  `Gus signals too: a majority of the seven. Mandate ${treasurer} is recalled in that same transaction (live: ${await mandates.isLive(treasurer)}).`,
);

// Sortition with the default randomness: the RANDAO value of a block fixed four blocks ahead.
const drawReceipt = await decide(
  ana,
  [
    {
      target: mandatesAddress,
      data: mandates.interface.encodeFunctionData("requestDraw", [spec("compost steward", 60)]),
    },
  ],
  "Draw a compost steward by lot",
);
const requested = findEvent(mandates.interface, drawReceipt!.logs, "DrawRequested")!;
const pool = [...(requested.args.pool as string[])];
const leftOut: string[] = [];
for (const address of await membership.members()) {
  if (pool.includes(address)) continue;
  const why =
    address === ana.signer.address
      ? "who proposed it"
      : (await rituals.isCooledDown(address))
        ? "cooled down"
        : "who already holds a mandate";
  leftOut.push(`not ${nameOf.get(address)}, ${why}`);
}
say(
  `Ana proposes drawing a compost steward by lot. The pool is frozen: ${pool.map((a) => nameOf.get(a)).join(", ")} ` +
    `(${leftOut.join("; ")}). The randomness will be that of block ${requested.args.ticket}.`,
);
await networkHelpers.mine(5);
const header = blockHeaderRlp(
  await ethers.provider.send("eth_getBlockByNumber", [ethers.toQuantity(requested.args.ticket), false]),
);
await (await mandates.connect(fay.signer).completeDraw(requested.args.drawId, pool, header)).wait();
const steward = await mandates.mandateCount();
say(
  `Four blocks later Fay completes the draw with that block's header: ${nameOf.get((await mandates.mandate(steward)).holder)} is the compost steward.`,
);

// Term limits: two consecutive terms of a role, then a cooldown.
const stewardAddress = (await mandates.mandate(steward)).holder;
const delegate = [gus, eli, cai].find((p) => p.signer.address !== stewardAddress)!;
for (let term = 1; term <= 2; term++) {
  const text = `${delegate.name} as market stall keeper, term ${term}`;
  await decide(ana, [grant(spec("market stall keeper", 7), delegate)], text);
  await (await mandates.connect(delegate.signer).complete(await mandates.mandateCount())).wait();
}
const third = await attempt(() =>
  decide(ana, [grant(spec("market stall keeper", 7), delegate)], `${delegate.name} as market stall keeper, term 3`),
);
say(
  `${delegate.name} serves two terms as market stall keeper, completing each (two hand-offs). ` +
    `A third in a row is refused: ${third}`,
);

// --- Federation: two circles form a council, vote through delegates, recall one, leave freely ---------------------
const birchNames = ["Hal", "Ida", "Jo", "Kai", "Lea", "Max"];
const birchPeople: Person[] = birchNames.map((name, i) => ({ name, signer: signers[11 + i]! }));
for (const p of birchPeople) nameOf.set(p.signer.address, p.name);
const [hal, ida, jo, kai, lea, max] = birchPeople as [Person, Person, Person, Person, Person, Person];
const birchFounding = await withConsents(
  registry.connect(hal.signer),
  {
    name: "Birch Lane Gardens",
    founders: birchPeople.map((p) => p.signer.address),
    charterHash: ethers.id("birch"),
    charterURI: "ipfs://birch-lane/charter",
  },
  rules,
  mandateRules,
  hal.signer.address,
  (founder) => ethers.getSigner(founder),
);
await (await registry.connect(hal.signer).createCircle(birchFounding, rules, mandateRules)).wait();
const [birchAddress] = await registry.circles((await registry.circleCount()) - 1n, 1);
const birch = await ethers.getContractAt("Circle", birchAddress!);
const birchMandates = await ethers.getContractAt("Mandates", await birch.mandates());
await time.increase(1);
const birchDecide = (proposer: Person, calls: { target: string; data: string }[], text: string) =>
  decideIn(birch, proposer, [hal, jo, kai, lea], calls, text);

const councilRules = { ...rules, minMembers: 1, maxMembers: 8 };
const founded = await decide(
  cai,
  [
    {
      target: await registry.getAddress(),
      data: registry.interface.encodeFunctionData("createCouncil", [
        {
          name: "Watershed council",
          charterHash: ethers.id("watershed"),
          charterURI: "ipfs://watershed/charter",
          openJoin: false,
        },
        councilRules,
        mandateRules,
      ]),
    },
  ],
  "Found a watershed council with our neighbours",
);
const councilParts = findEvent(registry.interface, founded!.logs, "CouncilCreated")!.args.parts as {
  circle: string;
  membership: string;
};
const council = await ethers.getContractAt("Circle", councilParts.circle);
nameOf.set(councilParts.circle, "the Watershed council");
const seats = await ethers.getContractAt("CouncilSeats", councilParts.membership);
const delegateSpec = async () =>
  spec(await seats.delegateRole(), 60, [
    { target: councilParts.circle, selector: council.interface.getFunction("propose").selector },
    { target: councilParts.circle, selector: council.interface.getFunction("castVote").selector },
  ]);
say(
  `Elm Street Garden founds the Watershed council by its own decision and holds its first seat. ` +
    `The council has no authority over its circles: it can call only itself and what it owns.`,
);
// The envoy is whoever holds no live mandate (the lot above decides who is compost steward).
const envoy = [eli, dee, cai].find((p) => p.signer.address !== stewardAddress)!;
await decide(ana, [grant(await delegateSpec(), envoy)], `${envoy.name} represents us on the watershed council`);
const envoyDelegate = await mandates.mandateCount();
await birchDecide(
  hal,
  [
    { target: councilParts.membership, data: seats.interface.encodeFunctionData("requestSeat") },
    {
      target: await birchMandates.getAddress(),
      data: birchMandates.interface.encodeFunctionData("grant", [await delegateSpec(), ida.signer.address]),
    },
  ],
  "Ask for a seat on the watershed council, with Ida as our delegate",
);
const idaDelegate = await birchMandates.mandateCount();
say(`Elm makes ${envoy.name} its delegate; Birch Lane Gardens decides to ask for a seat, with Ida as its delegate.`);

/** A delegate has their circle call the council. */
const viaDelegate = (delegate: Person, circleMandates: typeof mandates, id: bigint, data: string) =>
  circleMandates.connect(delegate.signer).act(id, councilParts.circle, 0n, data);
async function councilDecide(
  calls: { target: string; data: string }[],
  text: string,
  voters: [Person, typeof mandates, bigint][],
) {
  const targets = calls.map((c) => c.target);
  const datas = calls.map((c) => c.data);
  const zeros = calls.map(() => 0n);
  const [first] = voters;
  await (
    await viaDelegate(
      first![0],
      first![1],
      first![2],
      council.interface.encodeFunctionData("propose", [targets, zeros, datas, text]),
    )
  ).wait();
  const id = await council.hashProposal(targets, zeros, datas, ethers.id(text));
  await time.increase(Number(await council.votingDelay()) + 1);
  for (const [who, via, mandateId] of voters) {
    await (await viaDelegate(who, via, mandateId, council.interface.encodeFunctionData("castVote", [id, 1]))).wait();
  }
  await time.increaseTo((await council.proposalDeadline(id)) + 1n);
  await (await council.execute(targets, zeros, datas, ethers.id(text))).wait();
  return id;
}
await councilDecide(
  [{ target: councilParts.membership, data: seats.interface.encodeFunctionData("admit", [birchAddress!]) }],
  "Seat Birch Lane Gardens",
  [[envoy, mandates, envoyDelegate]],
);
say(
  `The council seats Birch Lane, ${envoy.name} voting for Elm through their mandate: ${await seats.memberCount()} seats, both filled.`,
);
const resolution = await councilDecide(
  [{ target: councilParts.circle, data: "0x" }],
  "Share the rain-barrel rota across both gardens",
  [
    [envoy, mandates, envoyDelegate],
    [ida, birchMandates, idaDelegate],
  ],
);
const [, councilFor] = await council.proposalVotes(resolution);
say(
  `${envoy.name} and Ida carry "Share the rain-barrel rota" for their circles: ${councilFor} seats for; ${await stateOf(council, resolution)}.`,
);

for (const member of [hal, jo, kai])
  await (await birchMandates.connect(member.signer).signalRecall(idaDelegate)).wait();
await (await birchMandates.connect(lea.signer).signalRecall(idaDelegate)).wait();
say(
  `Four of Birch Lane's six recall Ida: in that same block Birch Lane's seat is vacant ` +
    `(filled: ${await seats.isSeatFilled(birchAddress!)}), and new council proposals count ${await seats.electorateSize(0)} filled seat(s). ` +
    `The circle keeps its seat: the delegate takes nothing with them.`,
);

// --- Mutual credit: a currency created by trading ----------------------------------------------------------------
const creditFactory = await ethers.getContractAt("CreditFactory", await deployed.creditFactory.getAddress());
const currencyAddress = await creditFactory.currencyOf(circleAddress!);
await decide(
  dee,
  [
    {
      target: await creditFactory.getAddress(),
      data: creditFactory.interface.encodeFunctionData("createCurrency", ["Elm hours", "HRS", 0, 100n, 200n]),
    },
    {
      target: await rituals.getAddress(),
      data: rituals.interface.encodeFunctionData("addRoleModule", [currencyAddress]),
    },
  ],
  "Create Elm hours, our own currency",
);
const hours = await ethers.getContractAt("MutualCredit", currencyAddress);
say(`Elm Street Garden creates "Elm hours" by decision: no one mints; members may go 100 below zero, 200 above.`);
await (
  await hours.connect(ana.signer).transferWithMemo(fay.signer.address, 12n, ethers.id("plumbing"), "fixed the tap")
).wait();
await (await hours.connect(fay.signer).transfer(gus.signer.address, 5n)).wait();
await (await hours.connect(cai.signer).transfer(ana.signer.address, 30n)).wait();
const balances = await Promise.all(
  [ana, cai, fay, gus].map(async (p) => `${p.name} ${await hours.signedBalanceOf(p.signer.address)}`),
);
say(
  `Ana pays Fay 12 for fixing the tap (with a memo), Fay pays Gus 5, Cai pays Ana 30: ${balances.join(", ")}; outstanding credit ${await hours.totalSupply()}.`,
);
const tooFar = await attempt(() => hours.connect(cai.signer).transfer(gus.signer.address, 80n));
say(`Cai tries to pay Gus 80 more: refused. ${tooFar}`);
await (await membership.connect(fay.signer).leave()).wait();
say(
  `Fay leaves the circle: her balance moves to the commons (commons ${await hours.signedBalanceOf(circleAddress!)}), ` +
    `the ledger keeps that Ana gave her ${await hours.givenTo(ana.signer.address, fay.signer.address)}, and the balances still sum to zero.`,
);

// A payment across two circles, through their commons, on a clearing line both opened in the watershed council.
const birchCurrency = await creditFactory.currencyOf(birchAddress!);
await birchDecide(
  hal,
  [
    {
      target: await creditFactory.getAddress(),
      data: creditFactory.interface.encodeFunctionData("createCurrency", ["Birch hours", "BRH", 0, 100n, 200n]),
    },
    {
      target: await birch.rituals(),
      data: rituals.interface.encodeFunctionData("addRoleModule", [birchCurrency]),
    },
    {
      target: birchCurrency,
      data: hours.interface.encodeFunctionData("openClearingLine", [currencyAddress, councilParts.circle]),
    },
    { target: birchCurrency, data: hours.interface.encodeFunctionData("setLimits", [circleAddress!, 50n, 50n]) },
  ],
  "Create Birch hours and open a clearing line with Elm",
);
await decide(
  ana,
  [
    {
      target: currencyAddress,
      data: hours.interface.encodeFunctionData("openClearingLine", [birchCurrency, councilParts.circle]),
    },
    { target: currencyAddress, data: hours.interface.encodeFunctionData("setLimits", [birchAddress!, 50n, 50n]) },
  ],
  "Open a clearing line with Birch Lane",
);
const birchHours = await ethers.getContractAt("MutualCredit", birchCurrency);
await (await hours.connect(gus.signer).payAcross(birchCurrency, ida.signer.address, 8n)).wait();
say(
  `Both circles open a clearing line (limit 50 each way). Gus pays Ida of Birch Lane 8 in one transaction: ` +
    `Elm hours go from Gus to Birch's commons (${await hours.signedBalanceOf(birchAddress!)}), ` +
    `Birch hours from Birch's commons (${await birchHours.signedBalanceOf(birchAddress!)}) to Ida (${await birchHours.signedBalanceOf(ida.signer.address)}).`,
);
await birchDecide(
  max,
  [{ target: councilParts.membership, data: seats.interface.encodeFunctionData("leave") }],
  "Leave the watershed council",
);
say(
  `Birch Lane then leaves the council by its own decision, at once, with no penalty: ${await seats.memberCount()} seat left.`,
);
const closed = await attempt(() => hours.connect(gus.signer).payAcross(birchCurrency, ida.signer.address, 1n));
say(`New payments on the line are refused now ("${closed}"); its balances stay readable for settlement.`);

// --- Basic income: a personal currency for every person ---------------------------------------------------------
const hub = await ethers.getContractAt("IncomeHub", await deployed.incomeHub.getAddress());
const TOKEN = 10n ** 18n;
const tokens = (amount: bigint) => (Number(amount / 10n ** 14n) / 10_000).toFixed(2);
const idOf = (p: Person) => BigInt(p.signer.address);
// Ana has earned 1 token an hour since she registered at deployment; five more days, and she claims it.
await time.increase(5 * DAY);
await (await hub.connect(ana.signer).claim()).wait();
const claimed = await hub.balanceOf(ana.signer.address, idOf(ana));
await (
  await hub.connect(ana.signer).safeTransferFrom(ana.signer.address, circleAddress!, idOf(ana), 100n * TOKEN, "0x")
).wait();
await decide(
  ana,
  [
    { target: await hub.getAddress(), data: hub.interface.encodeFunctionData("registerCircle") },
    {
      target: await hub.getAddress(),
      data: hub.interface.encodeFunctionData("vouch", [[gus.signer.address], [ana.signer.address]]),
    },
  ],
  "Vouch for Gus in the income hub",
);
await (await hub.connect(gus.signer).acceptVouch(circleAddress!)).wait();
say(
  `Ana, registered in the income hub during its bootstrap, claims what she has earned since (${tokens(claimed)} ` +
    `Ana-tokens: 1 an hour, less 7%-a-year demurrage) and gives Elm Street Garden 100 of them (they decay a little while it votes). The circle registers ` +
    `and, by one decision, vouches for Gus, burning 96 of them: an identity through a circle costs what an invitation ` +
    `costs. Gus accepts the offer himself (no one is registered without their own transaction) and now earns 1 ` +
    `token an hour of his own currency (the circle's admission vote is the sybil defence).`,
);
await (await hub.connect(ana.signer).trust(hal.signer.address, (await time.latest()) + 365 * DAY)).wait();
await (await hub.connect(hal.signer).register(ana.signer.address)).wait();
say(
  `Ana invites Hal of Birch Lane: she trusts him first, he registers naming her; her invitation burns 96 of her ` +
    `tokens (${tokens(await hub.balanceOf(ana.signer.address, idOf(ana)))} left) and Hal starts with a welcome bonus ` +
    `of ${tokens(await hub.balanceOf(hal.signer.address, idOf(hal)))} Hal-tokens.`,
);
await (await hub.connect(gus.signer).trust(ana.signer.address, (await time.latest()) + 365 * DAY)).wait();
const paid = 20n * TOKEN;
const flow = await planPayment(await viem.getPublicClient(), {
  hub: (await hub.getAddress()) as Address,
  payer: hal.signer.address as Address,
  to: gus.signer.address as Address,
  amount: paid,
});
await (await hub.connect(hal.signer).payAlongTrust(flow.vertices, flow.edges, gus.signer.address, paid)).wait();
say(
  `Gus does not know Hal, but trusts Ana, who trusts Hal. Hal pays Gus 20 along that chain in one transaction ` +
    `(the pathfinder found ${flow.edges.length} transfers over ${flowHops(flow)} hops): Ana swaps 20 Hal-tokens for 20 of ` +
    `her own and ends with as much as before; Gus receives ${tokens(await hub.balanceOf(gus.signer.address, idOf(ana)))} Ana-tokens.`,
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
  const reset = findEvent(circle.interface, receipt!.logs, "HardReset");
  if (reset) {
    const by = (reset.args.triggeredBy as string[]).map((a) => nameOf.get(a)).join(", ");
    const ended = findEvents(mandates.interface, receipt!.logs, "MandateEnded").length;
    say(
      `${by} signal a hard reset within the window: HardReset (epoch ${reset.args.epoch}), ` +
        `ending ${ended} live mandate(s) in the same transaction.`,
    );
  }
}
say(
  `Ben's proposal is now ${await stateOf(circle, pendingId)}, and every role is dissolved (live mandates: ` +
    `${(await mandates.liveMandates()).length}, so Elm's council seat is vacant until it names a new delegate: ` +
    `${!(await seats.isSeatFilled(circleAddress!))}); the circle starts afresh, its members unchanged.`,
);

console.log("\nEvery step above is an event on the chain: the circle's public ledger.");
