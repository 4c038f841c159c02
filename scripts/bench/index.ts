// Gas benchmarks: every Commonweal operation next to an OpenZeppelin Governor + ERC20Votes reference doing the
// same thing in the same run. Prints a table and writes BENCHMARKS.md. Run with `npm run bench`.
import { writeFileSync } from "node:fs";

import type { Signer } from "ethers";

import { gasOf, type OperationRow } from "./gas.js";
import hre, { network } from "hardhat";

import { BALLOT_TYPES, PERMIT_TYPES, ballotDomain } from "../../client/ballots.js";
import { benchCaps, capsReport, TX_GAS_CAP } from "./caps.js";
import { benchCli, cliReport } from "./cli.js";
import { goalsTable, type Goal } from "./goals.js";
import { missesSection, variantCode, withCode, type Miss, type Without } from "./guarantees.js";
import { MAX_HOPS, benchIncome } from "./income.js";
import { benchIndexer, indexerReport } from "./indexer.js";
import { withConsents } from "../founding.js";
import { pathfinderReport } from "./pathfinder.js";
import { benchRituals } from "./rituals.js";
import { contractSizes, sizesReport } from "./sizes.js";
import { mandateRulesFromChain, rulesFromChain, type CircleRules } from "../../client/rules.js";
import type { Circle, CircleRegistry, ReferenceGovernor } from "../../typechain-types/index.js";

const { ethers, networkHelpers, networkConfig } = await network.create();
const { time } = networkHelpers;
const signers = await ethers.getSigners();

// The EVM rules: the compiler's target (hardhat.config.ts) and the in-process node's hardfork (EDR's default unless
// the config names one) may differ; both are read here rather than written down.
const compiler = hre.config.solidity.profiles.default!.compilers[0]!;
const evmVersion = String(compiler.settings?.evmVersion ?? "the compiler's default");
const optimizer = compiler.settings?.optimizer as { enabled?: boolean; runs?: number } | undefined;
const hardfork = networkConfig.type === "edr-simulated" ? networkConfig.hardfork : "the node's own";
const evmRules =
  `The contracts are compiled by solc ${compiler.version} for the \`${evmVersion}\` EVM` +
  (optimizer?.enabled ? ` with the optimizer at ${optimizer.runs} runs` : " without the optimizer") +
  `; the node runs the \`${hardfork}\` hardfork's rules` +
  (hardfork === "osaka"
    ? ", which cap one transaction's gas at 16,777,216 (EIP-7825) and reprice only MODEXP (EIP-7883), a precompile" +
      " no contract here calls, so every figure below would be the same under Prague's."
    : ".");

type Row = OperationRow;
const rows: Row[] = [];
const growth: { series: string; size: number; gas: bigint }[] = [];

// --- Deploy both systems ------------------------------------------------------------------------------------------
const auditsModule = await ethers.deployContract("MandateAudits");
const implementations = await Promise.all(
  (
    [
      "Circle",
      "CircleMembership",
      "CircleRituals",
      "Mandates",
      "MandateBadges",
      "CouncilSeats",
      "MockRandomness",
    ] as const
  ).map((n) => (n === "Mandates" ? ethers.deployContract(n, [auditsModule.target]) : ethers.deployContract(n))),
);
const randomness = await ethers.getContractAt("MockRandomness", await implementations[6]!.getAddress());
const registry: CircleRegistry = await ethers.deployContract(
  "CircleRegistry",
  await Promise.all(implementations.map((c) => c.getAddress())),
);
const mandateRules = mandateRulesFromChain(await registry.defaultMandateRules());
const rules: CircleRules = {
  ...rulesFromChain(await registry.defaultRules()),
  maxMembers: 32,
  votingDelay: 60,
  votingPeriod: 3_600,
};
// Seven founders, and seven one-vote holders in the reference: the same electorate, so that a proposal's whole
// lifecycle (propose, seven votes, execute) is measured on both.
const ELECTORATE = 7;
const founders = signers.slice(0, ELECTORATE);

async function createCircle(members: readonly { address: string }[], name: string) {
  const founding = await withConsents(
    registry,
    { name, founders: members.map((m) => m.address), charterHash: ethers.id(name), charterURI: `ipfs://${name}` },
    rules,
    mandateRules,
    signers[0]!.address,
    // Founders are node accounts or local keys (the circles of up to 32): each signs for itself.
    (founder) => members.find((m) => m.address === founder) as unknown as Signer,
  );
  const tx = registry.createCircle(founding, rules, mandateRules);
  const gas = await gasOf(tx);
  const count = await registry.circleCount();
  const [address] = await registry.circles(count - 1n, 1);
  return { gas, circle: await ethers.getContractAt("Circle", address!) };
}

// The registry's first circle writes its list from empty: a warm-up circle takes that cost, so that the circles
// measured are created as every later one is.
await createCircle(signers.slice(0, 6), "Warm-up circle");
const { gas: createGas, circle } = await createCircle(founders, "Bench Circle");
const { gas: createSixGas } = await createCircle(signers.slice(0, 6), "Bench Circle of six");
const membership = await ethers.getContractAt("CircleMembership", await circle.membership());

// Reference: seven holders of one vote each, self-delegated, and a Governor with the same delay and period.
const votesToken = await ethers.deployContract("ReferenceVotesToken");
const reference: ReferenceGovernor = await ethers.deployContract("ReferenceGovernor", [
  await votesToken.getAddress(),
  rules.votingDelay,
  rules.votingPeriod,
]);
for (const holder of founders) {
  await (await votesToken.mint(holder.address, 1n)).wait();
  await (await votesToken.connect(holder).delegate(holder.address)).wait();
}
const treasuryToken = await ethers.deployContract("MockERC20");
await (await treasuryToken.mint(await circle.getAddress(), 1_000n)).wait();
await (await treasuryToken.mint(await reference.getAddress(), 1_000n)).wait();
await time.increase(1);

rows.push({
  operation: "create circle (6 founders)",
  circle: createSixGas,
  note: "5 clones + initialisation, founders minted; the sender is a founder, the others consent by signature",
});
rows.push({
  operation: `create circle (${ELECTORATE} founders)`,
  circle: createGas,
  note: "the same, one founder more",
});

// --- The same proposal lifecycle on both ---------------------------------------------------------------------------
type Governor = Circle | ReferenceGovernor;
const { chainId } = await ethers.provider.getNetwork();

// Each governor pays 10 tokens out of its treasury (its balance non-zero before and after). Every voter votes
// for: the proposer's vote comes last, the third vote is by signature (sent by a relayer).
async function lifecycle(governor: Governor, description: string, recipient: string) {
  const targets = [await treasuryToken.getAddress()];
  const calldatas = [treasuryToken.interface.encodeFunctionData("transfer", [recipient, 10n])];
  const propose = await gasOf(governor.connect(founders[0]!).propose(targets, [0n], calldatas, description));
  const id = await governor.hashProposal(targets, [0n], calldatas, ethers.id(description));
  await time.increase(rules.votingDelay + 1);
  const firstVote = await gasOf(governor.connect(founders[1]!).castVote(id, 1));
  const laterVote = await gasOf(governor.connect(founders[2]!).castVote(id, 1));
  const voter = founders[3]!;
  const signature = await voter.signTypedData(
    ballotDomain(await governor.name(), chainId, await governor.getAddress()),
    { Ballot: [...BALLOT_TYPES.Ballot] },
    { proposalId: id, support: 1, voter: voter.address, nonce: await governor.nonces(voter.address) },
  );
  const castVoteBySig = await gasOf(governor.connect(signers[10]!).castVoteBySig(id, 1, voter.address, signature));
  let votes = firstVote + laterVote + castVoteBySig;
  for (const other of [...founders.slice(4), founders[0]!])
    votes += await gasOf(governor.connect(other).castVote(id, 1));
  await time.increaseTo((await governor.proposalDeadline(id)) + 1n);
  const execute = await gasOf(governor.execute(targets, [0n], calldatas, ethers.id(description)));
  return { propose, firstVote, laterVote, castVoteBySig, execute, whole: propose + votes + execute };
}

// Twice on each: paying an account that never held the token (its balance 0 -> 10: a new storage slot, a different
// fresh account for each governor), then an account that holds it (minted 10 first: 10 -> 20 when the circle pays,
// 20 -> 30 when the reference does; non-zero before and after on both).
const newRecipient = (label: string) => new ethers.Wallet(ethers.id(`bench recipient ${label}`)).address;
// What the guarantees cost (scripts/bench/guarantees.ts): the circle's first lifecycle again, from this very state,
// with a variant's code in place of one implementation (every clone of it runs the variant), and the state put back
// after each. The variants are in contracts/mocks/guarantees/, each the real contract with one guarantee off.
const [circleImpl, membershipImpl, ritualsImpl] = [
  await registry.circleImplementation(),
  await registry.membershipImplementation(),
  await registry.ritualsImplementation(),
];
const code = (contract: string, deployer?: string) => variantCode(ethers, networkHelpers, contract, deployer);
const ourLifecycleWith = async (codes: Record<string, string>) =>
  withCode(networkHelpers, codes, () => lifecycle(circle, "Pay the seed supplier", newRecipient("circle")));
const withoutLiveCheck = await ourLifecycleWith({ [membershipImpl]: await code("CircleMembershipWithoutLiveCheck") });
const withoutCallCheck = await ourLifecycleWith({ [membershipImpl]: await code("CircleMembershipWithoutCallCheck") });
const withoutBook = await ourLifecycleWith({ [ritualsImpl]: await code("CircleRitualsWithoutProposalBook") });
const withoutFixedQuorum = await ourLifecycleWith({ [circleImpl]: await code("CircleWithoutFixedQuorum") });
const withoutRecord = await ourLifecycleWith({ [circleImpl]: await code("CircleWithoutProposalRecord") });
const everyGuaranteeOff = {
  membership: await code("CircleMembershipWithoutChecks"),
  rituals: await code("CircleRitualsWithoutProposalBook"),
  circle: await code("CircleWithoutProposalRecord"),
};
const withoutAll = await ourLifecycleWith({
  [membershipImpl]: everyGuaranteeOff.membership,
  [ritualsImpl]: everyGuaranteeOff.rituals,
  [circleImpl]: everyGuaranteeOff.circle,
});
// The clones themselves, as if each part were a full contract: the implementation's code put at the clone's address
// (its storage is the clone's, namespaced as in the implementation), so no call goes through a delegate call.
const [circleAddress, membershipAddress_, ritualsAddress] = [
  await circle.getAddress(),
  await circle.membership(),
  await circle.rituals(),
];
const withoutClones = await ourLifecycleWith({
  [circleAddress]: await ethers.provider.getCode(circleImpl),
  [membershipAddress_]: await ethers.provider.getCode(membershipImpl),
  [ritualsAddress]: await ethers.provider.getCode(ritualsImpl),
});
// Both at once: each variant's code at its clone's address.
const withoutAllOrClones = await ourLifecycleWith({
  [circleAddress]: everyGuaranteeOff.circle,
  [membershipAddress_]: everyGuaranteeOff.membership,
  [ritualsAddress]: everyGuaranteeOff.rituals,
});
const ours = await lifecycle(circle, "Pay the seed supplier", newRecipient("circle"));
const theirs = await lifecycle(reference, "Pay the seed supplier", newRecipient("reference"));
const holder = signers[10]!.address;
await (await treasuryToken.mint(holder, 10n)).wait();
const oursToHolder = await lifecycle(circle, "Pay the seed supplier again", holder);
const theirsToHolder = await lifecycle(reference, "Pay the seed supplier again", holder);
rows.push({
  operation: "propose (one ERC-20 transfer)",
  circle: ours.propose,
  reference: theirs.propose,
  note: "each governor's first proposal",
});
rows.push({
  operation: "propose (one ERC-20 transfer, a later proposal)",
  circle: oursToHolder.propose,
  reference: theirsToHolder.propose,
  note: "the same proposer's second, its first executed",
});
rows.push({ operation: "castVote (first vote of a proposal)", circle: ours.firstVote, reference: theirs.firstVote });
rows.push({ operation: "castVote (a later vote)", circle: ours.laterVote, reference: theirs.laterVote });
rows.push({
  operation: "castVoteBySig",
  circle: ours.castVoteBySig,
  reference: theirs.castVoteBySig,
  note: "the third vote, sent by a relayer",
});
rows.push({
  operation: "execute (one ERC-20 transfer to a new holder)",
  circle: ours.execute,
  reference: theirs.execute,
  note: "the recipient's balance 0 -> 10 on both",
});
rows.push({
  operation: "execute (one ERC-20 transfer to a holder)",
  circle: oursToHolder.execute,
  reference: theirsToHolder.execute,
  note: "the recipient's balance non-zero before, on both",
});
rows.push({
  operation: `whole lifecycle: propose, ${ELECTORATE} votes, execute`,
  circle: ours.whole,
  reference: theirs.whole,
  note: `one proposal through ${ELECTORATE} votes for (one by signature) and its execution to a new holder; sum of the transactions`,
});
const LIFECYCLE_WITHOUT = `whole lifecycle, with the circle's guarantees below switched off`;
const LIFECYCLE_WITHOUT_CLONES = `whole lifecycle, with those guarantees off and no clones`;
rows.push({
  operation: LIFECYCLE_WITHOUT,
  circle: withoutAll.whole,
  reference: theirs.whole,
  note: "the same lifecycle from the same state, run by variant contracts without the live member check, the call check, the open-proposal book and the proposal's record (see Goals not met); not a goal",
});
rows.push({
  operation: LIFECYCLE_WITHOUT_CLONES,
  circle: withoutAllOrClones.whole,
  reference: theirs.whole,
  note: "the same, each variant's code at its clone's address (no delegate calls); not a goal",
});

// --- Membership -----------------------------------------------------------------------------------------------------
async function decide(calls: { target: string; data: string }[], description: string): Promise<bigint> {
  const targets = calls.map((c) => c.target);
  const values = calls.map(() => 0n);
  const calldatas = calls.map((c) => c.data);
  await (await circle.connect(founders[0]!).propose(targets, values, calldatas, description)).wait();
  const id = await circle.hashProposal(targets, values, calldatas, ethers.id(description));
  await time.increase(rules.votingDelay + 1);
  for (const voter of founders.slice(0, 4)) await (await circle.connect(voter).castVote(id, 1)).wait();
  await time.increaseTo((await circle.proposalDeadline(id)) + 1n);
  return gasOf(circle.execute(targets, values, calldatas, ethers.id(description)));
}
const membershipAddress = await membership.getAddress();
await (await membership.connect(signers[ELECTORATE]!).requestAdmission()).wait();
const admitGas = await decide(
  [
    {
      target: membershipAddress,
      data: membership.interface.encodeFunctionData("admit", [signers[ELECTORATE]!.address]),
    },
  ],
  "Admit a newcomer",
);
rows.push({ operation: "execute admit (one member)", circle: admitGas, note: "the execution of a passed admission" });
const leaveGas = await gasOf(membership.connect(signers[ELECTORATE]!).leave());
rows.push({ operation: "leave (no role modules)", circle: leaveGas });

// --- Mandates ---------------------------------------------------------------------------------------------------------
const DAY = 86_400;
const mandates = await ethers.getContractAt("Mandates", await circle.mandates());
const mandatesAddress = await mandates.getAddress();
const tokenAddress = await treasuryToken.getAddress();
const transfer = (to: string, amount: bigint) => treasuryToken.interface.encodeFunctionData("transfer", [to, amount]);
const spec = (role: string, powers: { target: string; selector: string; maxAmount?: bigint }[] = []) => ({
  role,
  title: `Carry out: ${role}`,
  scopeHash: ethers.id(role),
  duration: 30 * DAY,
  powers: powers.map((p) => ({ maxValue: 0n, maxAmount: 0n, ...p })),
});
const treasurer = founders[1]!;
const grantTreasurer = () =>
  decide(
    [
      {
        target: mandatesAddress,
        data: mandates.interface.encodeFunctionData("grant", [
          spec("treasurer", [
            {
              target: tokenAddress,
              selector: treasuryToken.interface.getFunction("transfer").selector,
              maxAmount: ethers.parseEther("1000000"),
            },
          ]),
          treasurer.address,
        ]),
      },
    ],
    "Grant the treasurer mandate",
  );
// What the grant's guarantees cost: the same decision from this very state, with a variant's code in place of the
// mandates' or the badges' implementation (scripts/bench/guarantees.ts), the state put back after each. The mandates
// variants are built with the real audit module; the draw module their constructor creates is undone with the rest
// of the deployment, and a grant never calls it.
const [mandatesImpl, badgesImpl] = [await registry.mandatesImplementation(), await registry.badgesImplementation()];
const auditsAddress = await auditsModule.getAddress();
const mandatesCode = (contract: string) => variantCode(ethers, networkHelpers, contract, undefined, [auditsAddress]);
const grantWith = async (codes: Record<string, string>) => withCode(networkHelpers, codes, grantTreasurer);
const grantWithoutNames = await grantWith({ [badgesImpl]: await code("MandateBadgesWithoutStoredNames") });
const grantWithoutTermRecord = await grantWith({ [mandatesImpl]: await mandatesCode("MandatesWithoutTermRecord") });
const grantWithoutCooldownCheck = await grantWith({
  [mandatesImpl]: await mandatesCode("MandatesWithoutCooldownCheck"),
});
const grantGas = await grantTreasurer();
const treasurerMandate = await mandates.mandateCount();
// The same transfer acted through the mandate (out of the circle's treasury) and sent directly by a holder, first to
// an account that never held the token (a different one each: 0 -> 5), then to one that holds it (minted 5 first: 5 -> 10 through
// the mandate, 10 -> 15 directly). The sender's balance is non-zero before and after on both sides.
const direct = signers[13]!;
await (await treasuryToken.mint(direct.address, 100n)).wait();
await (await treasuryToken.mint(signers[12]!.address, 5n)).wait();
const actTo = (to: string) =>
  gasOf(mandates.connect(treasurer).act(treasurerMandate, tokenAddress, 0n, transfer(to, 5n)));
const directTo = (to: string) => gasOf(treasuryToken.connect(direct).transfer(to, 5n));
const actNewGas = await actTo(newRecipient("mandate"));
const directNewGas = await directTo(newRecipient("direct"));
const actHolderGas = await actTo(signers[12]!.address);
const directHolderGas = await directTo(signers[12]!.address);
rows.push({ operation: "execute grant (one power)", circle: grantGas, note: "the execution of a passed grant" });
rows.push({
  operation: "act through a mandate (ERC-20 transfer to a new holder)",
  circle: actNewGas,
  reference: directNewGas,
  note: "reference: the same transfer sent directly by a holder; the recipient's balance 0 -> 5 on both",
});
rows.push({
  operation: "act through a mandate (ERC-20 transfer to a holder)",
  circle: actHolderGas,
  reference: directHolderGas,
  note: "reference: the same transfer sent directly by a holder; the recipient holds before, on both",
});
// Recall: seven members, so the fourth signal is the majority that ends the mandate.
for (const member of founders.slice(2, 4)) await gasOf(mandates.connect(member).signalRecall(treasurerMandate));
const recallSignalGas = await gasOf(mandates.connect(founders[4]!).signalRecall(treasurerMandate));
const recallGas = await gasOf(mandates.connect(founders[5]!).signalRecall(treasurerMandate));
rows.push({ operation: "signalRecall (below majority)", circle: recallSignalGas });
rows.push({ operation: "signalRecall (the majority: recall)", circle: recallGas });
await decide(
  [
    {
      target: mandatesAddress,
      data: mandates.interface.encodeFunctionData("grant", [spec("gardener"), founders[2]!.address]),
    },
  ],
  "Grant the gardener mandate",
);
const completeGas = await gasOf(mandates.connect(founders[2]!).complete(await mandates.mandateCount()));
rows.push({ operation: "complete (hand-off)", circle: completeGas });
const requestDrawGas = await decide(
  [{ target: mandatesAddress, data: mandates.interface.encodeFunctionData("requestDraw", [spec("cook")]) }],
  "Draw a cook",
);
const drawId = await mandates.drawCount();
const pool = await mandates.eligiblePool(ethers.id("cook"), founders[0]!.address);
await (await randomness.setValue((await mandates.draw(drawId)).ticket, 42n)).wait();
const completeDrawGas = await gasOf(mandates.completeDraw(drawId, [...pool], "0x"));
rows.push({
  operation: `execute requestDraw (pool of ${pool.length})`,
  circle: requestDrawGas,
  note: "freezes the pool: one eligibility check per member",
});
rows.push({ operation: `completeDraw (pool of ${pool.length})`, circle: completeDrawGas });

// Signals for a hard reset: two plain signals and the third that resets.
const rituals = await ethers.getContractAt("CircleRituals", await circle.rituals());
await gasOf(rituals.connect(founders[0]!).signalReset());
const signalGas = await gasOf(rituals.connect(founders[1]!).signalReset());
const resetGas = await gasOf(rituals.connect(founders[2]!).signalReset());
rows.push({ operation: "signalReset (below threshold)", circle: signalGas });
rows.push({
  operation: "signalReset (third: hard reset)",
  circle: resetGas,
  note: "states change in O(1); one ProposalCanceled per open proposal, three cooldowns; ends live mandates (here one), see below",
});

// --- Growth ----------------------------------------------------------------------------------------------------------
// The node has 20 accounts; larger circles are founded by deterministic addresses that never sign.
const manyMembers = Array.from({ length: 32 }, (_, i) => new ethers.Wallet(ethers.id(`bench member ${i}`)));
for (const size of [ELECTORATE, 10, 20, 32]) {
  const { gas } = await createCircle(manyMembers.slice(0, size), `Circle of ${size}`);
  growth.push({ series: "create circle, by founders", size, gas });
}
// Leave with 0, 1, 4 and 8 registered role modules (each hook is a call with a fixed stipend).
for (const modules of [0, 1, 4, 8]) {
  const { circle: c } = await createCircle(signers.slice(0, 6), `Modules ${modules}`);
  const m = await ethers.getContractAt("CircleMembership", await c.membership());
  await time.increase(1);
  if (modules > 0) {
    const mocks = await Promise.all(Array.from({ length: modules }, () => ethers.deployContract("MockRoleModule")));
    const calls = await Promise.all(
      mocks.map(async (mock) => ({
        target: await c.rituals(),
        data: rituals.interface.encodeFunctionData("addRoleModule", [await mock.getAddress()]),
      })),
    );
    const description = `Register ${modules} modules`;
    await (
      await c.connect(founders[0]!).propose(
        calls.map((x) => x.target),
        calls.map(() => 0n),
        calls.map((x) => x.data),
        description,
      )
    ).wait();
    const id = await c.hashProposal(
      calls.map((x) => x.target),
      calls.map(() => 0n),
      calls.map((x) => x.data),
      ethers.id(description),
    );
    await time.increase(rules.votingDelay + 1);
    for (const voter of founders.slice(0, 4)) await (await c.connect(voter).castVote(id, 1)).wait();
    await time.increaseTo((await c.proposalDeadline(id)) + 1n);
    await (
      await c.execute(
        calls.map((x) => x.target),
        calls.map(() => 0n),
        calls.map((x) => x.data),
        ethers.id(description),
      )
    ).wait();
  }
  growth.push({ series: "leave, by role modules", size: modules, gas: await gasOf(m.connect(founders[5]!).leave()) });
}

// A hard reset ends every live mandate in one loop: its cost as the live mandates grow to the cap of 32 (eight
// members holding four each). Mandates are granted by impersonating the circle, to keep the setup short.
const eight = signers.slice(0, 8);
const busyRules = { ...mandateRules, maxLivePerMember: 4 };
for (const live of [0, 1, 8, 16, 32]) {
  const founding = await withConsents(
    registry,
    { name: `Reset ${live}`, founders: eight.map((m) => m.address), charterHash: ethers.id("x"), charterURI: "" },
    rules,
    busyRules,
    signers[0]!.address,
    (founder) => ethers.getSigner(founder),
  );
  const tx = registry.createCircle(founding, rules, busyRules);
  await gasOf(tx);
  const [address] = await registry.circles((await registry.circleCount()) - 1n, 1);
  const c = await ethers.getContractAt("Circle", address!);
  const m = await ethers.getContractAt("Mandates", await c.mandates());
  await networkHelpers.impersonateAccount(address!);
  await networkHelpers.setBalance(address!, 10n ** 18n);
  const asCircle = await ethers.getSigner(address!);
  for (let i = 0; i < live; i++) await gasOf(m.connect(asCircle).grant(spec(`role ${i}`), eight[i % 8]!.address));
  const r = await ethers.getContractAt("CircleRituals", await c.rituals());
  await gasOf(r.connect(eight[0]!).signalReset());
  await gasOf(r.connect(eight[1]!).signalReset());
  growth.push({
    series: "hard reset, by live mandates",
    size: live,
    gas: await gasOf(r.connect(eight[2]!).signalReset()),
  });
}

// --- Federation ------------------------------------------------------------------------------------------------------
// Councils are measured with circles of three members, the fewest whose seat counts (CouncilSeats.MIN_SEAT_MEMBERS),
// acting as the circles themselves (impersonated) so that the numbers are the council's own cost, not that of the
// circles' proposals that would make these calls. A council starts with its founding circle's seat alone.
const councilRules = { ...rules, minMembers: 1, maxMembers: 32 };
const seatCircleRules = { ...rules, minMembers: 3, maxMembers: 32 };
async function asAccount(address: string) {
  await networkHelpers.impersonateAccount(address);
  await networkHelpers.setBalance(address, 10n ** 18n);
  return ethers.getSigner(address);
}
async function smallCircle(i: number) {
  const keys = [0, 1, 2].map((k) => new ethers.Wallet(ethers.id(`council bench member ${i}/${k}`)));
  const founding = await withConsents(
    registry,
    { name: `Seat circle ${i}`, founders: keys.map((k) => k.address), charterHash: ethers.id("x"), charterURI: "" },
    seatCircleRules,
    mandateRules,
    signers[0]!.address,
    (founder) => keys.find((k) => k.address === founder)!,
  );
  const tx = registry.createCircle(founding, seatCircleRules, mandateRules);
  await gasOf(tx);
  const [address] = await registry.circles((await registry.circleCount()) - 1n, 1);
  const c = await ethers.getContractAt("Circle", address!);
  // The first member is the circle's delegate.
  return { circle: c, member: keys[0]!.address, signer: await asAccount(address!) };
}
async function fillSeat(seat: Awaited<ReturnType<typeof smallCircle>>, role: string) {
  const m = await ethers.getContractAt("Mandates", await seat.circle.mandates());
  await gasOf(m.connect(seat.signer).grant({ ...spec(role), title: "delegate" }, seat.member));
}
// The first and last councils' proposals are measured again with the seats' variant that reads nothing from the
// member circles (scripts/bench/guarantees.ts), from the same state, for the per-seat cost of live seats.
const seatsImpl = await registry.seatsImplementation();
const seatsWithoutLiveSeats = await code("CouncilSeatsWithoutLiveSeats");
const councilMeasures: { seats: number; propose: bigint; withoutLiveSeats?: bigint }[] = [];
let joinGas = 0n;
let leaveGas2 = 0n;
let seatVoteGas = 0n;
const SEAT_COUNTS = [1, 2, 4, 8, 16, 32];
for (const seatCount of SEAT_COUNTS) {
  const circles = [];
  for (let i = 0; i < seatCount; i++) circles.push(await smallCircle(1000 * seatCount + i));
  // A circle takes a seat only with 3 members recorded a second before.
  await time.increase(1);
  const founder = circles[0]!;
  await gasOf(
    registry
      .connect(founder.signer)
      .createCouncil(
        { name: `Council of ${seatCount}`, charterHash: ethers.id("c"), charterURI: "", openJoin: true },
        councilRules,
        mandateRules,
      ),
  );
  const [councilAddress] = await registry.circles((await registry.circleCount()) - 1n, 1);
  const council = await ethers.getContractAt("Circle", councilAddress!);
  const seats = await ethers.getContractAt("CouncilSeats", await council.membership());
  const role = await seats.delegateRole();
  const members = [founder];
  for (const seat of circles.slice(1)) {
    const gas = await gasOf(seats.connect(seat.signer).requestSeat());
    if (seatCount === 2) joinGas = gas;
    members.push(seat);
  }
  for (const seat of members) await fillSeat(seat, role);
  // A seat taken by open join counts once its probation is over (default two voting rounds of the council).
  await time.increase(Number(await seats.probation()) + 1);
  const text = `A proposal before ${seatCount} seats`;
  const propose = () => gasOf(council.connect(founder.signer).propose([councilAddress!], [0n], ["0x"], text));
  const withoutLiveSeats =
    seatCount === SEAT_COUNTS[0] || seatCount === SEAT_COUNTS.at(-1)
      ? await withCode(networkHelpers, { [seatsImpl]: seatsWithoutLiveSeats }, propose)
      : undefined;
  councilMeasures.push({ seats: seatCount, propose: await propose(), withoutLiveSeats });
  if (seatCount === 2) {
    const id = await council.hashProposal([councilAddress!], [0n], ["0x"], ethers.id(text));
    await time.increase(rules.votingDelay + 1);
    seatVoteGas = await gasOf(council.connect(members[1]!.signer).castVote(id, 1));
    leaveGas2 = await gasOf(seats.connect(members[1]!.signer).leave());
  }
}
for (const m of councilMeasures)
  growth.push({ series: "council propose, by filled seats", size: m.seats, gas: m.propose });
rows.push({
  operation: "join a council (open join: request seats at once)",
  circle: joinGas,
  note: "the seat's own cost, called as the circle (of 3 members: its size is checked); starts its probation",
});
rows.push({
  operation: "cast a seat's vote",
  circle: seatVoteGas,
  reference: theirs.firstVote,
  note: "called as the circle (of 3 members), after its probation; a delegate adds the mandate act above. Reference: OZ castVote, the first vote of a proposal",
});
rows.push({ operation: "leave a council", circle: leaveGas2, note: "immediate, no vote" });

// --- Mutual credit ---------------------------------------------------------------------------------------------------
// Steady state: payer and payee already hold balances, as in the OpenZeppelin ERC-20 reference transfer.
const creditFactory = await ethers.deployContract("CreditFactory", [await registry.getAddress()]);
const creditCircle = await smallCircle(90_000);
const createCurrencyGas = await gasOf(
  creditFactory.connect(creditCircle.signer).createCurrency("Hours", "HRS", 2, 1_000_00n, 1_000_00n),
);
const credit = await ethers.getContractAt("MutualCredit", await creditFactory.currencyOf(creditCircle.circle.target));
const traders = signers.slice(14, 17);
for (const t of traders) {
  await gasOf(credit.connect(creditCircle.signer).admitAccount(t.address));
}
const [payer, payee, spender] = traders as [(typeof traders)[0], (typeof traders)[0], (typeof traders)[0]];
// The reference: OpenZeppelin's ERC20 with ERC20Permit, driven through the same steps by the same accounts.
const ozToken = await ethers.deployContract("ReferencePermitToken");
await (await ozToken.mint(payer!.address, 1_000_000n)).wait();
await (await ozToken.mint(payee!.address, 1_000_000n)).wait();
await gasOf(credit.connect(payer!).transfer(payee!.address, 10_00n));
await gasOf(credit.connect(payee!).transfer(payer!.address, 1_00n));
const creditTransfer = await gasOf(credit.connect(payer!).transfer(payee!.address, 1_00n));
const ozTransfer = await gasOf(ozToken.connect(payer!).transfer(payee!.address, 1_00n));
const creditMemo = await gasOf(
  credit.connect(payer!).transferWithMemo(payee!.address, 1_00n, ethers.id("memo"), "bread"),
);
// transferFrom with an unlimited allowance (type(uint256).max: neither side decrements it), then with a finite one
// (1,000.00 -> 999.00 on both: non-zero before and after).
const bothApprove = async (value: bigint) => {
  await gasOf(credit.connect(payer!).approve(spender!.address, value));
  await gasOf(ozToken.connect(payer!).approve(spender!.address, value));
};
const bothTransferFrom = async () => ({
  circle: await gasOf(credit.connect(spender!).transferFrom(payer!.address, payee!.address, 1_00n)),
  reference: await gasOf(ozToken.connect(spender!).transferFrom(payer!.address, payee!.address, 1_00n)),
});
await bothApprove(ethers.MaxUint256);
const transferFromUnlimited = await bothTransferFrom();
await bothApprove(1_000_00n);
const transferFromFinite = await bothTransferFrom();
// permit, twice on each: the owner's first permit (its nonce 0 -> 1) and its second (1 -> 2); each sets the
// spender's allowance from a non-zero value to another.
const { chainId: creditChain } = await ethers.provider.getNetwork();
async function permitGas(token: typeof credit | typeof ozToken, name: string, value: bigint) {
  const deadline = BigInt(await time.latest()) + 3_600n;
  const signature = ethers.Signature.from(
    await payer!.signTypedData(
      { name, version: "1", chainId: creditChain, verifyingContract: await token.getAddress() },
      { Permit: [...PERMIT_TYPES.Permit] },
      { owner: payer!.address, spender: spender!.address, value, nonce: await token.nonces(payer!.address), deadline },
    ),
  );
  return gasOf(token.permit(payer!.address, spender!.address, value, deadline, signature.v, signature.r, signature.s));
}
const creditPermit = await permitGas(credit, "Hours", 5n);
const ozPermit = await permitGas(ozToken, "Reference Permit", 5n);
const creditPermitAgain = await permitGas(credit, "Hours", 6n);
const ozPermitAgain = await permitGas(ozToken, "Reference Permit", 6n);
// First payments. Two accounts that both hold (each paid by the payer before) and have never paid each other: a new
// entry in the circle's pair ledger; the reference pays between two holders. Then a payment to an admitted account
// that never held, next to an OpenZeppelin transfer to an account that never held (its balance 0 -> 1.00).
const [holderA, holderB, never] = [signers[17]!, signers[18]!, signers[19]!];
for (const t of [holderA, holderB, never]) await gasOf(credit.connect(creditCircle.signer).admitAccount(t.address));
for (const t of [holderA, holderB]) {
  await gasOf(credit.connect(payer!).transfer(t.address, 10_00n));
  await gasOf(ozToken.connect(payer!).transfer(t.address, 10_00n));
}
const creditFirstPair = await gasOf(credit.connect(holderA).transfer(holderB.address, 1_00n));
const ozBetweenHolders = await gasOf(ozToken.connect(holderA).transfer(holderB.address, 1_00n));
// The same payment with a guarantee of the currency switched off: a variant's code at the currency's address (its
// factory immutable the same), from this very state, put back after.
const payNever = () => gasOf(credit.connect(payer!).transfer(never.address, 1_00n));
const creditWithout = async (contract: string) =>
  withCode(
    networkHelpers,
    { [await credit.getAddress()]: await code(contract, await creditFactory.getAddress()) },
    payNever,
  );
const creditWithoutSet = await creditWithout("MutualCreditWithoutBalanceSet");
const creditWithoutLiveCheck = await creditWithout("MutualCreditWithoutLiveHolderCheck");
const creditNewHolder = await payNever();
const ozNewHolder = await gasOf(ozToken.connect(payer!).transfer(never.address, 1_00n));
const ozNote = "reference: an OpenZeppelin ERC-20 transfer between holders";
rows.push({
  operation: "mutual credit: create a currency",
  circle: createCurrencyGas,
  note: "once per circle; a full contract, not a clone (see below)",
});
rows.push({ operation: "mutual credit: transfer", circle: creditTransfer, reference: ozTransfer, note: ozNote });
rows.push({ operation: "mutual credit: transferWithMemo", circle: creditMemo, reference: ozTransfer, note: ozNote });
rows.push({
  operation: "mutual credit: transferFrom (unlimited allowance)",
  circle: transferFromUnlimited.circle,
  reference: transferFromUnlimited.reference,
  note: "reference: OZ transferFrom between holders, allowance type(uint256).max (not decremented on either side)",
});
rows.push({
  operation: "mutual credit: transferFrom (finite allowance)",
  circle: transferFromFinite.circle,
  reference: transferFromFinite.reference,
  note: "reference: OZ transferFrom between holders, the allowance decremented (non-zero before and after)",
});
rows.push({
  operation: "mutual credit: permit (the owner's first)",
  circle: creditPermit,
  reference: ozPermit,
  note: "reference: OZ ERC20Permit permit, nonce 0 -> 1, allowance non-zero before",
});
rows.push({
  operation: "mutual credit: permit (the owner's second)",
  circle: creditPermitAgain,
  reference: ozPermitAgain,
  note: "reference: OZ ERC20Permit permit, nonce 1 -> 2",
});
rows.push({
  operation: "mutual credit: first payment between two holders",
  circle: creditFirstPair,
  reference: ozBetweenHolders,
  note: "a new pair-ledger entry; reference: an OpenZeppelin ERC-20 transfer between holders",
});
rows.push({
  operation: "mutual credit: payment to an account that never held",
  circle: creditNewHolder,
  reference: ozNewHolder,
  note: "admitted, never paid: a new pair entry too; reference: OZ transfer to a new holder (balance 0 -> non-zero)",
});

// A clearing payment: two circles of three seated in one open-join council, each with its currency and a line. A
// seat need not count for clearing (holding it is enough), so no probation is waited out.
const otherCircle = await smallCircle(90_001);
await time.increase(1); // its size is read a second back when it takes its seat
await gasOf(
  registry
    .connect(creditCircle.signer)
    .createCouncil(
      { name: "Clearing council", charterHash: ethers.id("cc"), charterURI: "", openJoin: true },
      councilRules,
      mandateRules,
    ),
);
const [clearingCouncil] = await registry.circles((await registry.circleCount()) - 1n, 1);
const clearingSeats = await ethers.getContractAt(
  "CouncilSeats",
  await (await ethers.getContractAt("Circle", clearingCouncil!)).membership(),
);
await gasOf(clearingSeats.connect(otherCircle.signer).requestSeat());
await gasOf(creditFactory.connect(otherCircle.signer).createCurrency("Other", "OTH", 2, 1_000_00n, 1_000_00n));
const otherCredit = await ethers.getContractAt(
  "MutualCredit",
  await creditFactory.currencyOf(otherCircle.circle.target),
);
await gasOf(credit.connect(creditCircle.signer).openClearingLine(otherCredit.target, clearingCouncil!));
await gasOf(credit.connect(creditCircle.signer).setLimits(otherCircle.circle.target, 1_000_00n, 1_000_00n));
await gasOf(otherCredit.connect(otherCircle.signer).openClearingLine(credit.target, clearingCouncil!));
await gasOf(otherCredit.connect(otherCircle.signer).admitAccount(payee!.address));
await gasOf(credit.connect(payer!).payAcross(otherCredit.target, payee!.address, 1_00n));
const clearingGas = await gasOf(credit.connect(payer!).payAcross(otherCredit.target, payee!.address, 1_00n));
rows.push({
  operation: "mutual credit: payment across two circles",
  circle: clearingGas,
  reference: ozTransfer,
  note: "two transfers (one per currency) and the council seat checks",
});

// --- Basic income ----------------------------------------------------------------------------------------------------
const income = await benchIncome(ethers, networkHelpers, await registry.getAddress());
rows.push(...income.rows);
growth.push(...income.growth);

// --- People's names -------------------------------------------------------------------------------------------------
const profiles = await ethers.deployContract("Profiles");
const namer = profiles.connect(signers[1]!);
const PROFILE_URI = "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi";
rows.push({
  operation: "profiles: set a name and URI (first time)",
  circle: await gasOf(namer.setProfile("Ana Lima", PROFILE_URI)),
  note: `an 8-byte name and a ${PROFILE_URI.length}-byte URI, every byte checked: new storage`,
});
rows.push({
  operation: "profiles: change the name, no URI",
  circle: await gasOf(namer.setProfile("Ana", "")),
  note: "rewrites the slots already written",
});
rows.push({ operation: "profiles: clear", circle: await gasOf(namer.clearProfile()), note: "deletes the entry" });

// --- Rituals that spread and rotate ---------------------------------------------------------------------------------
rows.push(...(await benchRituals(ethers, networkHelpers, registry, rules, mandateRules)).rows);
// `BENCH_GAS_ONLY=1 npm run bench`: the gas tables only, printed and not written to BENCHMARKS.md (for measuring a
// contract change in under a minute; the report is always regenerated whole).
const gasOnly = process.env.BENCH_GAS_ONLY === "1";

// The pathfinder at 1k, 10k and 100k people; CI's quick run (BENCH_QUICK=1) keeps the two smaller sizes.
const pathfinderSection = gasOnly
  ? ""
  : pathfinderReport(process.env.BENCH_QUICK === "1" ? [1_000, 10_000] : undefined);
const hopGas = income.hopMarginal;
const referenceExecution = income.referenceTransfer - 21_000n;

// --- Loop caps and contract sizes ---------------------------------------------------------------------------------
// Last: the caps scenarios move the clock by weeks.
const caps = await benchCaps(ethers, networkHelpers);
const capsSection = capsReport(caps.rows);
const sizes = contractSizes();
const sizesSection = sizesReport(sizes);

// --- The command line, against a local node (wall-clock) ---------------------------------------------------------
if (!gasOnly) console.log("Timing the command line against a local node…");
const cliSection = gasOnly ? "" : cliReport(await benchCli());

// --- The ledger: indexer sync and read latency, against a local node (wall-clock) ---------------------------------
if (!gasOnly) console.log("Timing the indexer over a generated history…");
const indexerSection = gasOnly ? "" : indexerReport(await benchIndexer());

// --- Goals (issue 16) ---------------------------------------------------------------------------------------------
const rowOf = (operation: string): Row => {
  const row = rows.find((r) => r.operation === operation);
  if (!row) throw new Error(`no row "${operation}"`);
  return row;
};
const against = (operation: string) => {
  const r = rowOf(operation);
  return { operation, measured: r.circle, reference: r.reference! };
};
const slopeOf = (series: string) => {
  const points = growth.filter((g) => g.series === series);
  const [first, last] = [points[0]!, points.at(-1)!];
  return { first, last, slope: (last.gas - first.gas) / BigInt(last.size - first.size) };
};
const perFounder = slopeOf("create circle, by founders");
const perSeat = slopeOf("council propose, by filled seats");
const goals: Goal[] = [
  { ...against("castVote (first vote of a proposal)"), kind: "ratio", max: 1.1 },
  { ...against("castVote (a later vote)"), kind: "ratio", max: 1.1 },
  { ...against("propose (one ERC-20 transfer)"), kind: "ratio", max: 1.35 },
  { ...against(`whole lifecycle: propose, ${ELECTORATE} votes, execute`), kind: "ratio", max: 1.12 },
  { ...against("act through a mandate (ERC-20 transfer to a holder)"), kind: "delta", max: 30_000n },
  { ...against("act through a mandate (ERC-20 transfer to a new holder)"), kind: "delta", max: 30_000n },
  {
    operation: "execute grant (one power)",
    measured: rowOf("execute grant (one power)").circle,
    kind: "absolute",
    max: 350_000n,
  },
  {
    operation: `create circle (${ELECTORATE} founders)`,
    measured: rowOf(`create circle (${ELECTORATE} founders)`).circle,
    kind: "absolute",
    max: 1_800_000n,
  },
  {
    operation: `create circle, per founder (${perFounder.last.size} founders - ${perFounder.first.size}) / ${perFounder.last.size - perFounder.first.size}`,
    measured: perFounder.slope,
    kind: "absolute",
    max: 110_000n,
  },
  {
    operation: `council propose, per filled seat (${perSeat.last.size} seats - ${perSeat.first.size}) / ${perSeat.last.size - perSeat.first.size}`,
    measured: perSeat.slope,
    kind: "absolute",
    max: 10_000n,
  },
  { ...against("mutual credit: payment to an account that never held"), kind: "ratio", max: 1.6 },
  {
    operation: "income: claim after 15 days away",
    measured: rowOf("income: claim after 15 days away").circle,
    kind: "absolute",
    max: 60_000n,
  },
];
const goalsSection = goalsTable(goals);
// What each unmet goal's guarantees cost: measured where a variant switches one off (above, in this run), counted
// from the EVM's prices where none can.
const LIFECYCLE = `whole lifecycle: propose, ${ELECTORATE} votes, execute`;
const NEW_HOLDER = "mutual credit: payment to an account that never held";
// A goal's figure with a guarantee off, next to the goal as measured (its figure, reference and bound).
const goalWithout =
  (operation: string, label: string) =>
  (without: bigint): Without => {
    const goal = goals.find((g) => g.operation === operation);
    if (!goal) throw new Error(`bench: no goal "${operation}"`);
    return { label, goal, without };
  };
const firstVote = goalWithout("castVote (first vote of a proposal)", "the first vote");
const laterVote = goalWithout("castVote (a later vote)", "a later vote");
const votes = (l: { firstVote: bigint; laterVote: bigint }) => [firstVote(l.firstVote), laterVote(l.laterVote)];
const proposeWithout = goalWithout("propose (one ERC-20 transfer)", "propose");
const lifecycleWithout = goalWithout(LIFECYCLE, "the lifecycle");
const newHolderWithout = goalWithout(NEW_HOLDER, "the payment");
const PER_SEAT = goals.find((g) => g.operation.startsWith("council propose, per filled seat"))!.operation;
const seatWithout = goalWithout(PER_SEAT, "each seat");
const [fewestSeats, mostSeats] = [councilMeasures[0]!, councilMeasures.at(-1)!];
const perSeatWithoutLiveSeats =
  (mostSeats.withoutLiveSeats! - fewestSeats.withoutLiveSeats!) / BigInt(mostSeats.seats - fewestSeats.seats);
const grantWithout = goalWithout("execute grant (one power)", "the grant");
const executeMore = (without: bigint) => {
  const delta = without - ours.execute;
  return `${delta < 0n ? "saves" : "costs"} ${Math.abs(Number(delta)).toLocaleString("en-US")} gas ${delta < 0n ? "on" : "more on"} the execution`;
};
const CLONES = "the implementations' own code, no delegate call";
const EVERY_VARIANT = "CircleMembershipWithoutChecks, CircleRitualsWithoutProposalBook, CircleWithoutProposalRecord";
const EVERY_VARIANT_NO_CLONES = `${EVERY_VARIANT}, each at its clone's address`;
const RECORD = `the proposal's own record (one slot: the electorate's timepoint, a second before the proposal, so that allies admitted during the voting delay cannot swing it; the reset epoch, so that a hard reset cancels it; its quorum, fixed when made; and the end of its execution window, so that a decision cannot be executed months later); the variant does as OpenZeppelin's Governor does (the electorate when voting opens, the quorum computed when counted, no expiry, and a hard reset cancels no proposal), which ${executeMore(withoutRecord.execute)}`;
// What the clones buy: founding a circle deploys its five parts as clones; deploying their code instead would pay the
// code deposit (200 gas a byte of runtime code) for each part, before any constructor or initialisation runs.
const CIRCLE_PARTS = ["Circle", "CircleMembership", "CircleRituals", "Mandates", "MandateBadges"];
const partsBytes = CIRCLE_PARTS.reduce((sum, part) => {
  const row = sizes.find((r) => r.name === part);
  if (!row) throw new Error(`bench: no size for ${part}`);
  return sum + row.bytes;
}, 0);
const depositGas = BigInt(partsBytes) * 200n;
const founding = rowOf(`create circle (${ELECTORATE} founders)`).circle;
// The founding already pays the deposit of the clones' own code (45 bytes each, and the mandates' and badges'
// immutable arguments): read from the bench circle's parts.
const cloneBytes = (
  await Promise.all(
    [circle.getAddress(), circle.membership(), circle.rituals(), circle.mandates(), mandates.badges()].map(
      async (address) => (await ethers.provider.getCode(await address)).length / 2 - 1,
    ),
  )
).reduce((sum, bytes) => sum + bytes, 0);
const foundingWithoutClones = founding + depositGas - BigInt(cloneBytes) * 200n;
const gasText = (x: bigint) => x.toLocaleString("en-US");
const CLONES_NOTE = `What the clones buy: a circle's five parts (${CIRCLE_PARTS.join(", ")}) have ${partsBytes.toLocaleString("en-US")} bytes of runtime code; deployed rather than cloned, founding a circle would pay ${gasText(depositGas)} gas to deposit that code alone (200 gas a byte), so founding a circle of ${ELECTORATE} would cost about ${gasText(foundingWithoutClones)} gas instead of ${gasText(founding)}, ${foundingWithoutClones > TX_GAS_CAP ? "more than" : "within"} the ${gasText(TX_GAS_CAP)} gas one transaction may use (EIP-7825).`;
const misses: Miss[] = [
  {
    title: "castVote",
    operations: ["castVote (first vote of a proposal)", "castVote (a later vote)"],
    guarantees: [
      {
        guarantee: "that the voter is still a member when voting, not only at the proposal's snapshot",
        variant: "CircleMembershipWithoutLiveCheck",
        on: votes(withoutLiveCheck),
      },
      { guarantee: RECORD, variant: "CircleWithoutProposalRecord", on: votes(withoutRecord) },
      {
        guarantee: `the circle, its membership and its rituals are clones (EIP-1167), so that founding a circle costs ${(Number(founding) / 1e6).toFixed(2)}M gas rather than deploying five contracts (see the whole lifecycle below); the variant runs the implementations' code at the clones' addresses`,
        variant: CLONES,
        on: votes(withoutClones),
      },
      {
        guarantee: "all of the above at once",
        variant: EVERY_VARIANT_NO_CLONES,
        on: votes(withoutAllOrClones),
      },
    ],
    notes: [
      "Not a guarantee, and the same on both sides: OpenZeppelin's counting module, which both governors use (a tally slot written from zero on a proposal's first vote).",
    ],
  },
  {
    title: "propose",
    operations: ["propose (one ERC-20 transfer)"],
    guarantees: [
      {
        guarantee:
          "the open-proposal book, which lets a hard reset report every proposal it cancels with the standard `ProposalCanceled` event and holds any one proposer to 16 open (the circle still calls the rituals, which record nothing)",
        variant: "CircleRitualsWithoutProposalBook",
        on: [proposeWithout(withoutBook.propose)],
      },
      {
        guarantee: `the quorum fixed when the proposal is made, so that nothing later changes what a vote needs; the variant computes it when the votes are counted, as OpenZeppelin does, which ${executeMore(withoutFixedQuorum.execute)}`,
        variant: "CircleWithoutFixedQuorum",
        on: [proposeWithout(withoutFixedQuorum.propose)],
      },
      {
        guarantee: `the check that the body may make the proposal's calls at all (under a lapsed charter only ratify, admit, remove and dissolve), made again at execution, where the variant ${executeMore(withoutCallCheck.execute)}`,
        variant: "CircleMembershipWithoutCallCheck",
        on: [proposeWithout(withoutCallCheck.propose)],
      },
      { guarantee: RECORD, variant: "CircleWithoutProposalRecord", on: [proposeWithout(withoutRecord.propose)] },
      {
        guarantee: "the book, the call check and the record at once",
        variant: EVERY_VARIANT,
        on: [proposeWithout(withoutAll.propose)],
      },
      {
        guarantee: "the circle, its membership and its rituals are clones",
        variant: CLONES,
        on: [proposeWithout(withoutClones.propose)],
      },
      {
        guarantee: "all of the above at once",
        variant: EVERY_VARIANT_NO_CLONES,
        on: [proposeWithout(withoutAllOrClones.propose)],
      },
    ],
  },
  {
    title: "whole lifecycle",
    operations: [LIFECYCLE],
    guarantees: [
      {
        guarantee:
          "every guarantee measured above at once: the live member check of each vote, the call check, the open-proposal book and the proposal's record",
        variant: EVERY_VARIANT,
        on: [lifecycleWithout(withoutAll.whole)],
      },
      {
        guarantee: "the clones (the circle, its membership and its rituals)",
        variant: CLONES,
        on: [lifecycleWithout(withoutClones.whole)],
      },
      {
        guarantee: "both at once",
        variant: EVERY_VARIANT_NO_CLONES,
        on: [lifecycleWithout(withoutAllOrClones.whole)],
      },
    ],
    notes: [
      `These are the rows "${LIFECYCLE_WITHOUT}" and "${LIFECYCLE_WITHOUT_CLONES}" of the operations table.`,
      CLONES_NOTE,
    ],
  },
  {
    title: "execute grant (one power)",
    operations: ["execute grant (one power)"],
    guarantees: [
      {
        guarantee:
          "the badge's role name and title kept on chain, what the public badge, its `roleName`, `title` and token URI show (the grant's events carry them too): two slots written from zero",
        variant: "MandateBadgesWithoutStoredNames",
        on: [grantWithout(grantWithoutNames)],
      },
      {
        guarantee:
          "the role's own record (its latest mandate, streak and count of mandates), which term limits, the role's vacancy and its history read: a slot written from zero",
        variant: "MandatesWithoutTermRecord",
        on: [grantWithout(grantWithoutTermRecord)],
      },
      {
        guarantee:
          "the check that the temperature check has not cooled the holder down, asked of the rituals: their clone and implementation touched first and the member's cooldown read",
        variant: "MandatesWithoutCooldownCheck",
        on: [grantWithout(grantWithoutCooldownCheck)],
      },
    ],
    notes: [
      "The grant's other seven slots are written from zero too (7 × 22,100 = 154,700 gas by EIP-2929's prices), each read by a guarantee: the mandate's record with its power (holder, proposer, role, scope, when granted, expiry, end, whether drawn, the power's call and caps: 178 bytes, the least six slots can hold) and the circle's first slot of live mandates (what a hard reset reads to end every live mandate at once).",
      "Packing the first live id beside the live count would save that last slot, but only on a circle's first grant, so it would flatter this row rather than cheapen grants.",
    ],
  },
  {
    title: "council propose, per seat",
    operations: [PER_SEAT],
    guarantees: [
      {
        guarantee:
          "a seat counts only while its circle held at least three members a second before the proposal and has a live delegate at that moment, read from the circle's own contracts (two contracts the council does not own, and their slots) when the proposal is made, so a circle that shrank or whose delegate was recalled, expired or reset stops counting in the same block; the variant counts every held seat out of probation, reading only the seat's own record, the least a council caching each seat's state would read (keeping such a cache true would cost the member circles a call into every council they sit in, and a delegate recalled would count until then)",
        variant: "CouncilSeatsWithoutLiveSeats",
        on: [seatWithout(perSeatWithoutLiveSeats)],
      },
    ],
  },
  {
    title: "mutual credit, a payment to an account that never held",
    operations: [NEW_HOLDER],
    guarantees: [
      {
        guarantee:
          "the set of accounts with a balance (OpenZeppelin's EnumerableSet: a list slot and an index slot written from zero), which lets a jubilee clear every balance, each with its `BalanceCleared` event, within its cap, and which `totalSupply` and `accountsWithBalance` read",
        variant: "MutualCreditWithoutBalanceSet",
        on: [newHolderWithout(creditWithoutSet)],
      },
      {
        guarantee:
          "the live check that the payee may hold, asked of the membership when the account's cached bit is not set (this payee is an admitted account: its bit was written when the circle admitted it, so this payment asks no one)",
        variant: "MutualCreditWithoutLiveHolderCheck",
        on: [newHolderWithout(creditWithoutLiveCheck)],
      },
    ],
    notes: [
      "The rest of the difference includes the pair's new entry in the reciprocity ledger (how much this payer has given this payee, ever): a slot written from zero, 22,100 gas by EIP-2929's prices.",
    ],
  },
];

// --- Report ----------------------------------------------------------------------------------------------------------
const creditRatio = (Number(creditTransfer) / Number(ozTransfer)).toFixed(2);
const ratio = (r: Row) => (r.reference ? (Number(r.circle) / Number(r.reference)).toFixed(2) + "x" : "");
const table = [
  "| operation | circle gas | reference gas (OpenZeppelin) | ratio | note |",
  "|---|---:|---:|---:|---|",
  ...rows.map((r) => `| ${r.operation} | ${r.circle} | ${r.reference ?? "—"} | ${ratio(r) || "—"} | ${r.note ?? ""} |`),
];
const growthTable = [
  "| series | size | gas | per unit over the smallest |",
  "|---|---:|---:|---:|",
  ...growth.map((g) => {
    const first = growth.find((x) => x.series === g.series)!;
    const per = g.size === first.size ? "—" : String((g.gas - first.gas) / BigInt(g.size - first.size));
    return `| ${g.series} | ${g.size} | ${g.gas} | ${per} |`;
  }),
];
const actRow = rowOf("act through a mandate (ERC-20 transfer to a holder)");
const actDelta = (actRow.circle - actRow.reference!).toLocaleString("en-US");
const firstCheaper = rows.find(
  (r) => /^income: pay along trust, \d+ hops?$/.test(r.operation) && r.circle < r.reference!,
);
const cheaperFrom = firstCheaper
  ? `from ${firstCheaper.operation.replace("income: pay along trust, ", "")} on`
  : `at no number of hops up to ${MAX_HOPS}`;
const MAX_LIVE = 32;
const resetAtCap = growth.find((g) => g.series === "hard reset, by live mandates" && g.size === MAX_LIVE)!.gas;
const report = `# Benchmarks

Gas used per operation, measured by \`npm run bench\` on the in-process Hardhat network (EDR).
${evmRules}

The governance reference is OpenZeppelin's Governor with settings, simple counting, ERC20Votes and a 50% quorum fraction,
no timelock, with ${ELECTORATE} one-vote holders, as the circle has ${ELECTORATE} members: deployed and driven in the same run
through the same proposals (one ERC-20 transfer out of the treasury). Both count a quorum the same way: half the
electorate at the proposal's snapshot, rounded down (${Math.floor(ELECTORATE / 2)} of ${ELECTORATE}), for and abstain votes counted; the
circle's electorate is its members (one vote each), the reference's the delegated supply (one token each). Gas is
deterministic for the same code and inputs; the numbers change only when the contracts do. Regenerate after every
contract change. The last sections, [Command line](#command-line) and [Indexer](#indexer), time the CLI and the
ledger against a local node instead: wall-clock figures.

## Operations

${table.join("\n")}

### How the references are fair

Each reference does the same state transitions as the row it stands next to, in the same run, from the same kind
of state (a storage slot written from zero costs 22,100 gas where a non-zero one rewritten costs 2,900, so "the same
transitions" means the same slots going from zero or from non-zero):

- Governance: both governors have ${ELECTORATE} voters, one vote each, and the same voting delay and period. \`propose\` is each
  governor's first proposal; "first vote" is the first vote of a proposal (its tally 0 -> 1 on both), "a later
  vote" the second (1 -> 2). \`execute\` pays 10 tokens out of the governor's own treasury (non-zero before and
  after) either to an account that never held the token (0 -> 10, a new slot) or to one that holds it (non-zero
  before): each case on both governors. The whole lifecycle is the sum of the proposal, its ${ELECTORATE} votes (one by
  signature, sent by a relayer, on both) and its execution to a new holder.
- Acting through a mandate: the same ERC-20 \`transfer\` of 5 tokens, once to an account that never held (0 -> 5)
  and once to a holder, through the mandate out of the circle's treasury and sent directly by a holder; the sender's
  balance is non-zero before and after on both sides. The mandate itself is only read (its contract's
  reentrancy guard is set and cleared), whatever the recipient.
- Mutual credit, against OpenZeppelin's ERC20 with ERC20Permit (\`contracts/mocks/ReferencePermitToken.sol\`), the
  same accounts in the same order: transfers between two accounts that hold (balances non-zero before and after);
  \`transferFrom\` with an unlimited allowance (\`type(uint256).max\`, which neither decrements) and with a finite
  one (decremented, non-zero before and after); \`permit\` with the owner's first nonce (0 -> 1) and its second
  (1 -> 2), each replacing a non-zero allowance. "First payment between two holders" adds the circle's new
  pair-ledger entry (the reference has no such entry: it pays between two holders); "an account that never held" is
  an admitted account never paid, next to an OpenZeppelin transfer to an account whose balance goes 0 -> non-zero.
- Basic income: a claim mints to its claimer (the first day's claim against an OpenZeppelin ERC-1155 mint to an
  account that never held the id; the claim after 15 days away, whose claimer holds, against a mint to a holder).
  Transfers and payments along trust move balances that are non-zero before and after (each payment is made once
  before it is measured). A payment of n hops is one transaction; its whole-transaction reference is n separate
  OpenZeppelin ERC-1155 transfers, and its marginal per hop stands next to the marginal of one more id in one
  OpenZeppelin \`safeBatchTransferFrom\` (one sender, one receiver, both holding every id; a batch cannot pay
  several receivers).
- Two rows keep a looser reference, a scale rather than the same work: a payment across two circles (two
  transfers, one per currency, and the council's seat checks) next to one OpenZeppelin transfer between holders, and
  a council seat's vote (called as the member circle) next to OpenZeppelin's first vote of a proposal.
- Rows without a reference have no OpenZeppelin counterpart doing the same work.

## Goals

The gas goals of issue 16, each from the rows above (measured in this run, next to the reference measured in the
same run). ${goalsSection.met} of ${goals.length} are met. The cost per founder is the slope of the growth series below, whose circles
are founded by keys that all consent by signature (the sender is not a founder), from its smallest circle to its
largest; the cost per council seat likewise.

${goalsSection.table}

### Goals not met: the guarantee each one would cost

Where a goal is not met, what the remaining gas pays for, each guarantee measured: a variant contract
(\`contracts/mocks/guarantees/\`: the real contract with the guarantee's hooks overridden; \`test/bench/variants.ts\`
shows each drops its guarantee and keeps the contract's other rules) has its code put in place of
the real one's, at the same address, from the very state the row above is measured from, for the same transaction;
the figure is the gas it saves, and where the goal would be without it. Several guarantees at once are their variants
together; "no clones" puts each implementation's (or variant's) code at its clone's address, so no call goes through
a delegate call. The state is put back after each, and no registry or factory ever deploys a variant. A note closing
an entry names other gas that is no guarantee, counted from the EVM's prices (EIP-2929: 2,600 gas for a contract's
first touch in a transaction, 2,100 for a storage slot's first read, 22,100 for a slot written from zero).

${missesSection(goals, misses)}

Where the rest of the circle's cost goes: \`execute\` also checks the charter's expiry (a copy kept in the slot it reads
anyway) and records which proposal is executing, so modules such as mandates know who proposed the decision;
\`propose\` and \`castVote\` are broken down above.

Acting through a mandate costs ${actDelta} gas over the same transfer sent directly (to a holder, on both): the mandate's liveness and
holder, the allowlist scan, the charter check, and the circle relaying the call. Granting a mandate stores it,
its powers, its term record and its badge (role name and title strings), which is why a grant costs several times
a plain execution; drawing by lot checks every member's eligibility once when the pool is frozen and again for
each candidate tried at completion.

## Growth

${growthTable.join("\n")}

A hard reset grows linearly with the live mandates it ends (one ended mandate and its event each). At the cap of
${MAX_LIVE} live mandates it stays ${resetAtCap} gas, far under the 16,777,216 gas one transaction may use (EIP-7825), so no
number of mandates can make a reset impossible; the cap itself is what keeps it there (see Loop caps, where the
heaviest reset also cancels the most open proposals a circle can hold, 512, and role modules burn their whole
stipend).

A council proposal counts the seats that count when it is made (for each seat: the member circle's checkpointed
member count a second ago, at least 3, a look-up of its delegate mandate, and its probation end), so its cost grows
linearly with the seats, up to the member cap of 32 seats per council. The seats here are circles of three, past
their probation.

A plain mutual-credit transfer costs ${creditRatio}x an OpenZeppelin ERC-20 transfer (target: at most 1.3x). Each
account is one storage word (balance, total given, a cached "may hold" bit, a "own limits" bit), written once per
side as an ERC-20 balance is; on top, a payment reads the limit that binds (the defaults' slot, or the account's
own) and adds to the pair's ledger entry (~5k gas: the price of an on-chain reciprocity ledger). Totals received
and the outstanding credit are derived when read, not written. Each currency is a full contract rather than a
clone: a clone's delegate call would add ~2.7k gas to every payment. The first payment between two accounts that
hold costs ${creditFirstPair - creditTransfer} gas more than a payment between accounts that have paid each other before (the pair's
entry written from zero); a payment to an account that never held costs ${creditNewHolder} gas,
${(Number(creditNewHolder) / Number(ozNewHolder)).toFixed(2)}x an OpenZeppelin transfer to a new holder (${ozNewHolder} gas).

A payment along trust costs one balance move per hop (two balances written, a trust read, a \`TransferSingle\`
event) plus a fixed part for checking the vertex order and that every vertex nets to zero: ${hopGas} gas per hop.
The whole-transaction reference pays a transaction (21k base gas) per transfer, so ${cheaperFrom} one payment along
trust costs less than the same transfers sent one by one (each of them spends ~${referenceExecution} gas beyond its base).
The fair marginal is one more id in one OpenZeppelin \`safeBatchTransferFrom\`: ${income.batchMarginal} gas (two balances
written, the id and amount in calldata and in its one \`TransferBatch\` event). One more hop costs
${(Number(hopGas) / Number(income.batchMarginal)).toFixed(2)}x that, because every balance carries its day and is discounted when read (7% a year, applied
per day), every hop checks the receiver's trust and emits its own event, and a hop's calldata (an edge and a vertex)
is larger than an id and an amount.

${pathfinderSection}
Creation grows linearly with the founders (one member-set entry and the founder's signed consent each: its nonce
written, its signature checked; the badge and the vote are read from the set, not stored apart), up to
the member cap of 32. Leaving grows linearly with the registered role modules (one hook call each), up to the cap
of 8. Voting, proposing and executing do not grow with the circle's size.

${capsSection}
${sizesSection}
${cliSection}
${indexerSection}`;
if (!gasOnly) writeFileSync("BENCHMARKS.md", report);
console.log(evmRules);
console.log();
console.log(table.join("\n"));
console.log();
console.log(goalsSection.table);
console.log();
console.log(missesSection(goals, misses));
console.log();
console.log(growthTable.join("\n"));
console.log();
console.log(capsSection);
console.log(sizesSection);
console.log(cliSection);
console.log(indexerSection);
console.log(gasOnly ? "BENCH_GAS_ONLY=1: BENCHMARKS.md left as it was" : "Wrote BENCHMARKS.md");
