// Gas benchmarks: every Commonweal operation next to an OpenZeppelin Governor + ERC20Votes reference doing the
// same thing in the same run. Prints a table and writes BENCHMARKS.md. Run with `npm run bench`.
import { writeFileSync } from "node:fs";

import type { ContractTransactionResponse, Signer } from "ethers";
import { network } from "hardhat";

import { BALLOT_TYPES, PERMIT_TYPES, ballotDomain } from "../../client/ballots.js";
import { benchCaps, capsReport } from "./caps.js";
import { benchCli, cliReport } from "./cli.js";
import { benchIncome } from "./income.js";
import { benchIndexer, indexerReport } from "./indexer.js";
import { withConsents } from "../founding.js";
import { pathfinderReport } from "./pathfinder.js";
import { contractSizes, sizesReport } from "./sizes.js";
import { mandateRulesFromChain, rulesFromChain, type CircleRules } from "../../client/rules.js";
import type { Circle, CircleRegistry, ReferenceGovernor } from "../../typechain-types/index.js";

const { ethers, networkHelpers } = await network.create();
const { time } = networkHelpers;
const signers = await ethers.getSigners();

async function gasOf(tx: Promise<ContractTransactionResponse>): Promise<bigint> {
  const receipt = await (await tx).wait();
  if (!receipt) throw new Error("no receipt");
  return receipt.gasUsed;
}

interface Row {
  operation: string;
  circle: bigint;
  reference?: bigint;
  note?: string;
}
const rows: Row[] = [];
const growth: { series: string; size: number; gas: bigint }[] = [];

// --- Deploy both systems ------------------------------------------------------------------------------------------
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
  ).map((n) => ethers.deployContract(n)),
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
const founders = signers.slice(0, 6);

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

const { gas: createGas, circle } = await createCircle(founders, "Bench Circle");
const membership = await ethers.getContractAt("CircleMembership", await circle.membership());

// Reference: six holders of one vote each, self-delegated, and a Governor with the same delay and period.
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
  circle: createGas,
  note: "5 clones + initialisation, founders minted",
});

// --- The same proposal lifecycle on both ---------------------------------------------------------------------------
type Governor = Circle | ReferenceGovernor;
const { chainId } = await ethers.provider.getNetwork();

async function lifecycle(governor: Governor, description: string) {
  const targets = [await treasuryToken.getAddress()];
  const calldatas = [treasuryToken.interface.encodeFunctionData("transfer", [signers[10]!.address, 10n])];
  const propose = await gasOf(governor.connect(founders[0]!).propose(targets, [0n], calldatas, description));
  const id = await governor.hashProposal(targets, [0n], calldatas, ethers.id(description));
  await time.increase(rules.votingDelay + 1);
  const castVote = await gasOf(governor.connect(founders[1]!).castVote(id, 1));
  await gasOf(governor.connect(founders[2]!).castVote(id, 1));
  const voter = founders[3]!;
  const signature = await voter.signTypedData(
    ballotDomain(await governor.name(), chainId, await governor.getAddress()),
    { Ballot: [...BALLOT_TYPES.Ballot] },
    { proposalId: id, support: 1, voter: voter.address, nonce: await governor.nonces(voter.address) },
  );
  const castVoteBySig = await gasOf(governor.connect(signers[10]!).castVoteBySig(id, 1, voter.address, signature));
  await time.increaseTo((await governor.proposalDeadline(id)) + 1n);
  const execute = await gasOf(governor.execute(targets, [0n], calldatas, ethers.id(description)));
  return { propose, castVote, castVoteBySig, execute };
}

const ours = await lifecycle(circle, "Pay the seed supplier");
const theirs = await lifecycle(reference, "Pay the seed supplier");
rows.push({ operation: "propose (one ERC-20 transfer)", circle: ours.propose, reference: theirs.propose });
rows.push({ operation: "castVote", circle: ours.castVote, reference: theirs.castVote });
rows.push({ operation: "castVoteBySig", circle: ours.castVoteBySig, reference: theirs.castVoteBySig });
rows.push({ operation: "execute (one ERC-20 transfer)", circle: ours.execute, reference: theirs.execute });

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
await (await membership.connect(signers[6]!).requestAdmission()).wait();
const admitGas = await decide(
  [{ target: membershipAddress, data: membership.interface.encodeFunctionData("admit", [signers[6]!.address]) }],
  "Admit a newcomer",
);
rows.push({ operation: "execute admit (one member)", circle: admitGas, note: "the execution of a passed admission" });
const leaveGas = await gasOf(membership.connect(signers[6]!).leave());
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
const grantGas = await decide(
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
const treasurerMandate = await mandates.mandateCount();
const actGas = await gasOf(
  mandates.connect(treasurer).act(treasurerMandate, tokenAddress, 0n, transfer(signers[12]!.address, 5n)),
);
await (await treasuryToken.mint(signers[13]!.address, 100n)).wait();
const directTransferGas = await gasOf(treasuryToken.connect(signers[13]!).transfer(signers[12]!.address, 5n));
rows.push({ operation: "execute grant (one power)", circle: grantGas, note: "the execution of a passed grant" });
rows.push({
  operation: "act through a mandate (ERC-20 transfer)",
  circle: actGas,
  reference: directTransferGas,
  note: "reference: the same transfer sent directly by its owner",
});
// Recall: six members, so the fourth signal is the majority that ends the mandate.
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
for (const size of [6, 10, 20, 32]) {
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
const councilMeasures: { seats: number; propose: bigint }[] = [];
let joinGas = 0n;
let leaveGas2 = 0n;
let seatVoteGas = 0n;
for (const seatCount of [1, 2, 4, 8, 16, 32]) {
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
  const gas = await gasOf(council.connect(founder.signer).propose([councilAddress!], [0n], ["0x"], text));
  councilMeasures.push({ seats: seatCount, propose: gas });
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
  reference: theirs.castVote,
  note: "called as the circle (of 3 members), after its probation; a delegate adds the mandate act above. Reference: OZ castVote",
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
await gasOf(credit.connect(payer!).transfer(payee!.address, 10_00n));
await gasOf(credit.connect(payee!).transfer(payer!.address, 1_00n));
const creditTransfer = await gasOf(credit.connect(payer!).transfer(payee!.address, 1_00n));
const creditMemo = await gasOf(
  credit.connect(payer!).transferWithMemo(payee!.address, 1_00n, ethers.id("memo"), "bread"),
);
await gasOf(credit.connect(payer!).approve(spender!.address, ethers.MaxUint256));
const creditTransferFrom = await gasOf(credit.connect(spender!).transferFrom(payer!.address, payee!.address, 1_00n));
const { chainId: creditChain } = await ethers.provider.getNetwork();
const permitDeadline = BigInt(await time.latest()) + 3_600n;
const permitSig = ethers.Signature.from(
  await payer!.signTypedData(
    { name: "Hours", version: "1", chainId: creditChain, verifyingContract: await credit.getAddress() },
    { Permit: [...PERMIT_TYPES.Permit] },
    {
      owner: payer!.address,
      spender: spender!.address,
      value: 5n,
      nonce: await credit.nonces(payer!.address),
      deadline: permitDeadline,
    },
  ),
);
const creditPermit = await gasOf(
  credit.permit(payer!.address, spender!.address, 5n, permitDeadline, permitSig.v, permitSig.r, permitSig.s),
);
// The reference: an OpenZeppelin ERC-20 transfer between two accounts that already hold tokens.
await (await treasuryToken.mint(payer!.address, 1_000n)).wait();
await (await treasuryToken.mint(payee!.address, 1_000n)).wait();
const ozTransfer = await gasOf(treasuryToken.connect(payer!).transfer(payee!.address, 1n));
const ozNote = "reference: an OpenZeppelin ERC-20 transfer between holders";
rows.push({
  operation: "mutual credit: create a currency",
  circle: createCurrencyGas,
  note: "once per circle; a full contract, not a clone (see below)",
});
rows.push({ operation: "mutual credit: transfer", circle: creditTransfer, reference: ozTransfer, note: ozNote });
rows.push({ operation: "mutual credit: transferWithMemo", circle: creditMemo, reference: ozTransfer, note: ozNote });
rows.push({
  operation: "mutual credit: transferFrom",
  circle: creditTransferFrom,
  reference: ozTransfer,
  note: ozNote,
});
rows.push({ operation: "mutual credit: permit", circle: creditPermit, reference: ozTransfer, note: ozNote });

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
const pathfinderSection = pathfinderReport();
const hopSeries = income.growth;
const hopGas = (hopSeries.at(-1)!.gas - hopSeries[0]!.gas) / BigInt(hopSeries.at(-1)!.size - hopSeries[0]!.size);
const referenceExecution = income.referenceTransfer - 21_000n;

// --- Loop caps and contract sizes ---------------------------------------------------------------------------------
// Last: the caps scenarios move the clock by weeks.
const caps = await benchCaps(ethers, networkHelpers);
const capsSection = capsReport(caps.rows);
const sizesSection = sizesReport(contractSizes());

// `BENCH_GAS_ONLY=1 npm run bench`: the gas tables only, printed and not written to BENCHMARKS.md (for measuring a
// contract change in under a minute; the report is always regenerated whole).
const gasOnly = process.env.BENCH_GAS_ONLY === "1";

// --- The command line, against a local node (wall-clock) ---------------------------------------------------------
if (!gasOnly) console.log("Timing the command line against a local node…");
const cliSection = gasOnly ? "" : cliReport(await benchCli());

// --- The ledger: indexer sync and read latency, against a local node (wall-clock) ---------------------------------
if (!gasOnly) console.log("Timing the indexer over a generated history…");
const indexerSection = gasOnly ? "" : indexerReport(await benchIndexer());

// --- Report ----------------------------------------------------------------------------------------------------------
const creditRatio = (Number(creditTransfer) / Number(ozTransfer)).toFixed(2);
const ratio = (r: Row) => (r.reference ? (Number(r.circle) / Number(r.reference)).toFixed(2) + "x" : "");
const table = [
  "| operation | circle gas | OZ Governor + ERC20Votes gas | ratio | note |",
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
const MAX_LIVE = 32;
const resetAtCap = growth.find((g) => g.series === "hard reset, by live mandates" && g.size === MAX_LIVE)!.gas;
const report = `# Benchmarks

Gas used per operation, measured by \`npm run bench\` on the in-process Hardhat network (EDR, Prague rules,
solc 0.8.30 with the optimizer at 200 runs). The reference is OpenZeppelin's Governor with settings, simple
counting, ERC20Votes and a 50% quorum fraction, no timelock, with six one-vote holders: deployed and driven in the
same run through the same proposal (one ERC-20 transfer out of the treasury). Gas is deterministic for the same
code and inputs; the numbers change only when the contracts do. Regenerate after every contract change. The last
sections, [Command line](#command-line) and [Indexer](#indexer), time the CLI and the ledger against a local node
instead: wall-clock figures.

## Operations

${table.join("\n")}

Why the circle costs more where it does: \`propose\` also records the proposal's electorate timepoint, reset
epoch, quorum and expiry (one more storage slot), asks the membership whether the body may make these calls and how
large the electorate is, and has the rituals check the proposer and count the proposal among the open ones (about
45k gas: a new list entry, and the proposer's open count), so that a hard reset can report every proposal it
cancels with the standard \`ProposalCanceled\` event while no proposer can hold more than 16 open; \`castVote\` also checks that the voter is still a member (one call to
the membership contract); \`execute\` checks the charter's expiry and records which proposal is executing (so
modules such as mandates know who proposed the decision).

Acting through a mandate costs about 75k gas over the same transfer sent directly: the mandate's liveness and
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
clone: a clone's delegate call would add ~2.7k gas to every payment.

A payment along trust costs one balance move per hop (two balances written, a trust read, a \`TransferSingle\`
event) plus a fixed part for checking the vertex order and that every vertex nets to zero: ${hopGas} gas per hop.
The reference pays a transaction (21k base gas) per transfer, so from a few hops on one payment along trust costs
less than the same transfers sent one by one; per hop it costs more than the ~${referenceExecution} gas an OpenZeppelin
ERC-1155 transfer spends beyond its base, because every balance carries its day and is discounted when read (7% a
year, applied per day), and every hop checks the receiver's trust.

${pathfinderSection}
Creation grows linearly with the founders (one soulbound token, one vote checkpoint and one set entry each), up to
the member cap of 32. Leaving grows linearly with the registered role modules (one hook call each), up to the cap
of 8. Voting, proposing and executing do not grow with the circle's size.

${capsSection}
${sizesSection}
${cliSection}
${indexerSection}`;
if (!gasOnly) writeFileSync("BENCHMARKS.md", report);
console.log(table.join("\n"));
console.log();
console.log(growthTable.join("\n"));
console.log();
console.log(capsSection);
console.log(sizesSection);
console.log(cliSection);
console.log(indexerSection);
console.log(gasOnly ? "BENCH_GAS_ONLY=1: BENCHMARKS.md left as it was" : "Wrote BENCHMARKS.md");
