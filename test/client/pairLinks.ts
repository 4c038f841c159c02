// The pair-link map (issue 17) from plain event records: agreement rates with abstentions, who proposes for whom
// (grants, draws, admissions), who pays whom, who holds a role after whom, the order of every list, former members,
// and an empty circle.
import { expect } from "chai";
import { encodeFunctionData, getAddress, keccak256, stringToBytes, type Address, type Hex } from "viem";

import { circleMembershipAbi } from "../../client/abis.js";
import {
  admissionsOf,
  computePairLinks,
  type PairLinkHistory,
  type PairLinkMandate,
  type PairLinkVote,
} from "../../client/pairLinks.js";

const person = (n: number): Address => getAddress(`0x${n.toString(16).padStart(40, "0")}`);
const [ANA, BEN, CAI, DAN, EVE] = [person(0xa1), person(0xa2), person(0xa3), person(0xa4), person(0xa5)];
const CIRCLE = person(0xc1);
const MEMBERSHIP = person(0xc2);
const OTHER_CIRCLE = person(0xc3);
const ZERO = person(0);
const [AGAINST, FOR, ABSTAIN] = [0, 1, 2];

const empty: PairLinkHistory = { circle: CIRCLE, members: [], votes: [], mandates: [], proposals: [], payments: [] };

/** Votes on proposal `id`: [voter, support] pairs. */
const ballot = (id: number, ...votes: [Address, number][]): PairLinkVote[] =>
  votes.map(([voter, support]) => ({ voter, proposalId: BigInt(id), support }));

let nextMandate = 0n;
function mandate(role: string, holder: Address, proposer: Address, drawn = false): PairLinkMandate {
  nextMandate += 1n;
  return { mandateId: nextMandate, roleId: keccak256(stringToBytes(role)), role, holder, proposer, drawn };
}

const admit = (who: Address): Hex =>
  encodeFunctionData({ abi: circleMembershipAbi, functionName: "admit", args: [who] });

describe("computePairLinks (the pair-link map, pure)", function () {
  it("gives an empty map for a circle with no members and no history", function () {
    expect(computePairLinks(empty)).to.deep.equal({
      circle: CIRCLE,
      accounts: [],
      agreement: [],
      proposesFor: [],
      pays: [],
      holdsAfter: [],
      summary: [],
    });
  });

  it("lists members with no links each with an empty summary", function () {
    const links = computePairLinks({ ...empty, members: [ANA, BEN] });
    expect(links.accounts).to.deep.equal([
      { account: ANA, status: "member" },
      { account: BEN, status: "member" },
    ]);
    expect(links.summary[0]).to.deep.equal({
      account: ANA,
      status: "member",
      votes: 0,
      agreesWith: null,
      proposesFor: null,
      proposedBy: null,
      pays: null,
      paidBy: null,
      follows: null,
      followedBy: null,
    });
  });

  it("counts the proposals two voted on together, how many alike and opposed, and the rate in bps", function () {
    const votes = [
      ...ballot(1, [ANA, FOR], [BEN, FOR], [CAI, AGAINST]),
      ...ballot(2, [ANA, FOR], [BEN, FOR], [CAI, FOR]),
      ...ballot(3, [ANA, AGAINST], [BEN, FOR]),
    ];
    const links = computePairLinks({ ...empty, members: [ANA, BEN, CAI], votes });
    expect(links.agreement).to.deep.equal([
      { a: ANA, b: BEN, shared: 3, agreed: 2, opposed: 1, rateBps: 6667 },
      { a: ANA, b: CAI, shared: 2, agreed: 1, opposed: 1, rateBps: 5000 },
      { a: BEN, b: CAI, shared: 2, agreed: 1, opposed: 1, rateBps: 5000 },
    ]);
    expect(links.summary.map((s) => [s.account, s.votes, s.agreesWith?.account, s.agreesWith?.rateBps])).to.deep.equal([
      [ANA, 3, BEN, 6667],
      [BEN, 3, ANA, 6667],
      [CAI, 2, ANA, 5000],
    ]);
  });

  it("counts two abstentions as alike, and an abstention against a for or against as neither alike nor opposed", function () {
    const votes = [
      ...ballot(1, [ANA, ABSTAIN], [BEN, ABSTAIN]),
      ...ballot(2, [ANA, ABSTAIN], [BEN, FOR]),
      ...ballot(3, [ANA, AGAINST], [BEN, ABSTAIN]),
    ];
    const [pair] = computePairLinks({ ...empty, members: [ANA, BEN], votes }).agreement;
    expect(pair).to.deep.equal({ a: ANA, b: BEN, shared: 3, agreed: 1, opposed: 0, rateBps: 3333 });
  });

  it("counts a voter once per proposal: their last vote", function () {
    const votes = [...ballot(1, [BEN, AGAINST], [ANA, FOR]), ...ballot(1, [BEN, FOR])];
    const [pair] = computePairLinks({ ...empty, members: [ANA, BEN], votes }).agreement;
    expect(pair).to.deep.equal({ a: ANA, b: BEN, shared: 1, agreed: 1, opposed: 0, rateBps: 10_000 });
  });

  it("sorts agreement by rate, then proposals shared, then the accounts' order", function () {
    const votes = [
      ...ballot(1, [ANA, FOR], [BEN, FOR], [CAI, FOR], [DAN, AGAINST]),
      ...ballot(2, [CAI, FOR], [DAN, FOR]),
      ...ballot(3, [CAI, FOR], [DAN, FOR]),
    ];
    const links = computePairLinks({ ...empty, members: [ANA, BEN, CAI, DAN], votes });
    expect(links.agreement.map((l) => [l.a, l.b, l.agreed, l.shared])).to.deep.equal([
      [ANA, BEN, 1, 1],
      [ANA, CAI, 1, 1],
      [BEN, CAI, 1, 1],
      [CAI, DAN, 2, 3],
      [ANA, DAN, 0, 1],
      [BEN, DAN, 0, 1],
    ]);
  });

  it("links the proposer of a grant and of an admission to the member named; a draw counts apart, and not for itself", function () {
    const mandates = [
      mandate("treasurer", BEN, ANA),
      mandate("scribe", BEN, ANA),
      mandate("host", CAI, ANA, true),
      mandate("facilitator", DAN, ZERO, true),
      mandate("gardener", ANA, ANA),
    ];
    const proposals = [
      { proposalId: 1n, proposer: CAI, executed: true, calls: [{ target: MEMBERSHIP, data: admit(EVE) }] },
      // Not executed, or not to the membership: no admission.
      { proposalId: 2n, proposer: CAI, executed: false, calls: [{ target: MEMBERSHIP, data: admit(DAN) }] },
      { proposalId: 3n, proposer: CAI, executed: true, calls: [{ target: OTHER_CIRCLE, data: admit(DAN) }] },
      { proposalId: 4n, proposer: CAI, executed: true, calls: [{ target: MEMBERSHIP, data: "0x12345678" as Hex }] },
    ];
    const links = computePairLinks({
      ...empty,
      members: [ANA, BEN, CAI, DAN, EVE],
      membership: MEMBERSHIP,
      mandates,
      proposals,
    });
    expect(links.proposesFor).to.deep.equal([
      { proposer: ANA, member: BEN, mandates: 2, admissions: 0, drawn: 0, strength: 2 },
      { proposer: CAI, member: EVE, mandates: 0, admissions: 1, drawn: 0, strength: 1 },
      { proposer: ANA, member: CAI, mandates: 0, admissions: 0, drawn: 1, strength: 0 },
    ]);
    const summary = new Map(links.summary.map((s) => [s.account, s]));
    expect(summary.get(ANA)!.proposesFor).to.deep.equal({ account: BEN, strength: 2 });
    expect(summary.get(BEN)!.proposedBy).to.deep.equal({ account: ANA, strength: 2 });
    // A draw is chance, not choice: it is no one's strongest "proposed by".
    expect(summary.get(CAI)!.proposedBy).to.equal(null);
    expect(admissionsOf(proposals, MEMBERSHIP)).to.deep.equal([{ proposalId: 1n, proposer: CAI, admitted: EVE }]);
    expect(admissionsOf(proposals, undefined)).to.deep.equal([]);
  });

  it("sums what each payer paid each payee, skipping zero and self payments, largest first", function () {
    const payments = [
      { from: ANA, to: BEN, amount: 150n },
      { from: ANA, to: BEN, amount: 100n },
      { from: BEN, to: ANA, amount: 300n },
      { from: CAI, to: CAI, amount: 500n },
      { from: CAI, to: ANA, amount: 0n },
      { from: CAI, to: CIRCLE, amount: 250n },
    ];
    const links = computePairLinks({
      ...empty,
      members: [ANA, BEN, CAI],
      payments,
      units: { decimals: 2, symbol: "HRS" },
    });
    expect(links.pays).to.deep.equal([
      { payer: BEN, payee: ANA, amount: 300n, formatted: "3 HRS", payments: 1 },
      { payer: ANA, payee: BEN, amount: 250n, formatted: "2.5 HRS", payments: 2 },
      { payer: CAI, payee: CIRCLE, amount: 250n, formatted: "2.5 HRS", payments: 1 },
    ]);
    expect(links.accounts.at(-1)).to.deep.equal({ account: CIRCLE, status: "circle" });
    const ana = links.summary.find((s) => s.account === ANA)!;
    expect([ana.pays, ana.paidBy]).to.deep.equal([
      { account: BEN, strength: 250n },
      { account: BEN, strength: 300n },
    ]);
  });

  it("links each role's successive holders in grant order, a second term being no pair", function () {
    const mandates = [
      mandate("treasurer", ANA, CAI),
      mandate("treasurer", ANA, CAI),
      mandate("scribe", BEN, CAI),
      mandate("treasurer", BEN, CAI),
      mandate("scribe", ANA, CAI),
      mandate("treasurer", DAN, CAI),
      mandate("treasurer", ANA, CAI),
    ];
    // Records in any order: mandates are taken by id.
    const links = computePairLinks({ ...empty, members: [ANA, BEN, CAI, DAN], mandates: [...mandates].reverse() });
    expect(links.holdsAfter).to.deep.equal([
      { previous: ANA, next: BEN, count: 1, roles: ["treasurer"] },
      { previous: BEN, next: ANA, count: 1, roles: ["scribe"] },
      { previous: BEN, next: DAN, count: 1, roles: ["treasurer"] },
      { previous: DAN, next: ANA, count: 1, roles: ["treasurer"] },
    ]);
    const twice = computePairLinks({
      ...empty,
      members: [ANA, BEN],
      mandates: [
        mandate("host", ANA, CAI),
        mandate("host", BEN, CAI),
        mandate("host", ANA, CAI),
        mandate("host", BEN, CAI),
      ],
    });
    expect(twice.holdsAfter).to.deep.equal([
      { previous: ANA, next: BEN, count: 2, roles: ["host"] },
      { previous: BEN, next: ANA, count: 1, roles: ["host"] },
    ]);
    const ben = twice.summary.find((s) => s.account === BEN)!;
    expect([ben.follows, ben.followedBy]).to.deep.equal([
      { account: ANA, strength: 2 },
      { account: ANA, strength: 1 },
    ]);
  });

  it("marks former members (admitted once, or seen voting or holding) after the members, and outside accounts last", function () {
    const links = computePairLinks({
      ...empty,
      circle: CIRCLE,
      members: [CAI, ANA],
      admitted: [ANA, CAI, EVE],
      votes: ballot(1, [ANA, FOR], [DAN, FOR]),
      payments: [
        { from: EVE, to: OTHER_CIRCLE, amount: 5n },
        { from: CIRCLE, to: ANA, amount: 5n },
      ],
    });
    expect(links.accounts).to.deep.equal([
      { account: CAI, status: "member" },
      { account: ANA, status: "member" },
      { account: DAN, status: "former" },
      { account: EVE, status: "former" },
      { account: CIRCLE, status: "circle" },
      { account: OTHER_CIRCLE, status: "outside" },
    ]);
    expect(links.agreement).to.deep.equal([{ a: ANA, b: DAN, shared: 1, agreed: 1, opposed: 0, rateBps: 10_000 }]);
    expect(links.summary.map((s) => [s.account, s.status])).to.deep.equal([
      [CAI, "member"],
      [ANA, "member"],
      [DAN, "former"],
      [EVE, "former"],
    ]);
  });
});
