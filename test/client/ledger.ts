import { createServer } from "node:http";

import { expect } from "chai";
import { getAddress } from "viem";

import { charterLapsedAt } from "../../client/actions/ledger/listLedgerCharters.js";
import type { LedgerCreditAccount } from "../../client/actions/ledger/listCreditAccounts.js";
import type { LedgerCreditPair } from "../../client/actions/ledger/listCreditPairs.js";
import { listLedgerPayments } from "../../client/actions/ledger/listLedgerPayments.js";
import { readReciprocityGraph, reciprocityGraph } from "../../client/actions/ledger/readReciprocityGraph.js";
import { readTrustGraphAround } from "../../client/actions/ledger/readTrustGraphAround.js";
import { temperatureByPeriod } from "../../client/actions/circle/readCircleRituals.js";
import type { ReadLedgerExportReturnType } from "../../client/actions/ledger/readLedgerExport.js";
import { readLedgerStatus } from "../../client/actions/ledger/readLedgerStatus.js";
import { ledgerMismatchSentence } from "../../client/actions/ledger/verifyLedger.js";
import { DEMURRAGE_GAMMA_64X64, demurrageDiscount, incomeBalancesFromTransfers } from "../../client/income.js";
import { LedgerUnavailableError, ledgerProposalState, type LedgerProposalOutcome } from "../../client/ledger.js";
import { ledgerExportTables, toCsv } from "../../client/ledgerExport.js";
import { InvalidParameterError } from "../../client/errors.js";
import { formatAmount } from "../../client/units.js";

/**
 * A ledger that answers GraphQL from `answer(query text, variables)`, and `/status` at block 42 (timestamp
 * 1,700,000,000), on a free port, for the body of `use`.
 */
async function withFakeLedger(
  answer: (query: string, variables: Record<string, unknown>) => unknown,
  use: (url: string) => Promise<void>,
) {
  const queries: string[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      res.setHeader("content-type", "application/json");
      if (req.method === "GET") {
        res.end(JSON.stringify({ localhost: { id: 31337, block: { number: 42, timestamp: 1_700_000_000 } } }));
        return;
      }
      const { query, variables } = JSON.parse(body) as { query: string; variables: Record<string, unknown> };
      queries.push(query);
      res.end(JSON.stringify({ data: answer(query, variables) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  try {
    await use(`http://127.0.0.1:${port}`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  return queries;
}

const CIRCLE = "0x1111111111111111111111111111111111111111";
const CURRENCY = "0x2222222222222222222222222222222222222222";
const ANA = "0x3333333333333333333333333333333333333333";
const BEN = "0x4444444444444444444444444444444444444444";
const page = (items: unknown[]) => ({ page: { items, pageInfo: { hasNextPage: false, endCursor: null } } });
const currencyRow = {
  address: CURRENCY,
  circle: CIRCLE,
  name: "Hours",
  symbol: "HRS",
  decimals: 2,
  defaultCreditLimit: "10000",
  defaultSaturationLimit: "20000",
  payments: 2,
  volume: "1550",
  jubilees: 0,
  createdAt: "1700000000",
  createdAtBlock: "5",
};

// The ledger's derived proposal states, against the circle's own rule (Circle.state): no chain needed.
describe("client/ledger", function () {
  const proposal: LedgerProposalOutcome = {
    voteStart: 100n,
    voteEnd: 200n,
    quorum: 3n,
    expiresAt: 300n,
    forVotes: 3n,
    againstVotes: 1n,
    abstainVotes: 0n,
    executedAt: null,
    canceledAt: null,
  };

  it("reads Pending up to the opening second and Active up to the deadline, inclusive", function () {
    expect(ledgerProposalState(proposal, 100n)).to.equal("Pending");
    expect(ledgerProposalState(proposal, 101n)).to.equal("Active");
    expect(ledgerProposalState(proposal, 200n)).to.equal("Active");
  });

  it("reads Succeeded until the execution window ends, Expired after", function () {
    expect(ledgerProposalState(proposal, 201n)).to.equal("Succeeded");
    expect(ledgerProposalState(proposal, 300n)).to.equal("Succeeded");
    expect(ledgerProposalState(proposal, 301n)).to.equal("Expired");
  });

  it("reads Defeated without the quorum (for + abstain), or without more for than against", function () {
    expect(ledgerProposalState({ ...proposal, forVotes: 2n, againstVotes: 0n }, 201n)).to.equal("Defeated");
    expect(ledgerProposalState({ ...proposal, forVotes: 2n, abstainVotes: 1n, againstVotes: 0n }, 201n)).to.equal(
      "Succeeded",
    );
    expect(ledgerProposalState({ ...proposal, forVotes: 3n, againstVotes: 3n }, 201n)).to.equal("Defeated");
    // A defeated proposal never expires.
    expect(ledgerProposalState({ ...proposal, forVotes: 0n }, 10_000n)).to.equal("Defeated");
  });

  it("reads Executed and Canceled from their events, whatever the clock", function () {
    expect(ledgerProposalState({ ...proposal, executedAt: 250n }, 10_000n)).to.equal("Executed");
    expect(ledgerProposalState({ ...proposal, canceledAt: 150n }, 150n)).to.equal("Canceled");
  });

  it("reads a charter lapsed from its expiry on (the circle's charterLapsed is >=), unless replaced before", function () {
    expect(charterLapsedAt({ expiresAt: 100n, supersededAt: null }, 99n)).to.equal(null);
    expect(charterLapsedAt({ expiresAt: 100n, supersededAt: null }, 100n)).to.equal(100n);
    expect(charterLapsedAt({ expiresAt: 100n, supersededAt: 90n }, 500n)).to.equal(null);
    expect(charterLapsedAt({ expiresAt: 100n, supersededAt: 150n }, 500n)).to.equal(100n);
  });

  it("discounts income as the hub does: gamma per whole day, rounding down", function () {
    const one = 10n ** 18n;
    expect(demurrageDiscount(one, 0n)).to.equal(one);
    // One day: gamma itself (ABDK pow(gamma, 1) is exact), times the value, >> 64.
    expect(demurrageDiscount(one, 1n)).to.equal((DEMURRAGE_GAMMA_64X64 * one) >> 64n);
    // A century: 0.93^100 of the value, to nine digits.
    // (Compared as a plain boolean: the ethers chai matchers take over closeTo for bigint-looking operands.)
    const century = Number(demurrageDiscount(one, 36_525n)) / 1e18;
    expect(Math.abs(century - 0.93 ** 100) < 1e-9, `${century} vs ${0.93 ** 100}`).to.equal(true);
  });

  it("replays income balances from transfers: each discounted to the transfer's day, then to the day read", function () {
    const [ana, gus, zero] = [
      "0x00000000000000000000000000000000000000Aa",
      "0x00000000000000000000000000000000000000bB",
      "0x0000000000000000000000000000000000000000",
    ] as const;
    const one = 10n ** 18n;
    const day = 86_400n;
    const balances = incomeBalancesFromTransfers(
      [
        { from: zero, to: ana, tokenOwner: ana, value: 10n * one, timestamp: 0n }, // a claim on day 0
        { from: ana, to: gus, tokenOwner: ana, value: one, timestamp: 2n * day }, // a payment on day 2
      ],
      0n,
      5n * day,
    );
    const key = (holder: string) => `${getAddress(holder)}-${getAddress(ana)}`;
    expect([...balances.keys()].length).to.equal(2);
    const anaNow = balances.get(key(ana));
    expect(anaNow).to.equal(demurrageDiscount(demurrageDiscount(10n * one, 2n) - one, 3n));
    expect(balances.get(key(gus))).to.equal(demurrageDiscount(one, 3n));
  });

  it("says each mismatch in a sentence: the thing, the ledger's value and the chain's", function () {
    const hub = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    const ana = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    expect(
      ledgerMismatchSentence({
        what: "income balance",
        circle: hub,
        key: `${ana}→${ana}`,
        ledger: "12.5 tokens",
        chain: "12 tokens",
      }),
    ).to.equal(
      `${ana}'s balance of ${ana}'s income token in the hub ${hub} is 12.5 tokens by the ledger, but 12 tokens on chain.`,
    );
    expect(
      ledgerMismatchSentence({ what: "seat", circle: hub, key: ana, ledger: "seated, filled", chain: "no seat" }),
    ).to.equal(`The seat of ${ana} in the council ${hub} is seated, filled by the ledger, but no seat on chain.`);
    expect(
      ledgerMismatchSentence({ what: "charter", circle: hub, key: "", ledger: "in force", chain: "lapsed" }),
    ).to.equal(`The charter of ${hub} is in force by the ledger, but lapsed on chain.`);
  });

  it("writes CSV as RFC 4180 does: quotes, commas and line breaks quoted, null empty", function () {
    const csv = toCsv({
      file: "x.csv",
      columns: ["a", "b", "c"],
      rows: [
        ['say "hi", then go', null, 12n],
        ["x\ny", true, 3],
      ],
    });
    expect(csv).to.equal('a,b,c\r\n"say ""hi"", then go",,12\r\n"x\ny",true,3\r\n');
  });

  it("says how to start the ledger when nothing answers, and reads its clock when it does", async function () {
    const server = createServer((_, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ localhost: { id: 31337, block: { number: 42, timestamp: 1_700_000_000 } } }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    try {
      const url = `http://127.0.0.1:${port}`;
      expect(await readLedgerStatus({ url: `${url}/` }, { block: 43n })).to.deep.equal({
        url,
        chain: "localhost",
        chainId: 31337,
        block: 42n,
        timestamp: 1_700_000_000n,
        caughtUp: false,
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    const error = await readLedgerStatus({ url: `http://127.0.0.1:${port}` }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(LedgerUnavailableError);
    expect((error as Error).message).to.match(
      new RegExp(
        `^The ledger at http://127\\.0\\.0\\.1:${port} does not answer \\(.+\\): start it with npm run indexer\\.$`,
      ),
    );
  });

  it("lists a currency's payments in chain order (block, then log index), amounts as bigints with its units", async function () {
    const payment = (block: number, logIndex: number, amount: string, memo: string | null) => ({
      payer: ANA,
      payee: BEN,
      amount,
      memo,
      memoHash: memo === null ? null : `0x${"ab".repeat(32)}`,
      payerBalanceAfter: `-${amount}`,
      payeeBalanceAfter: amount,
      across: null,
      otherCurrency: null,
      acrossTo: null,
      timestamp: String(1_700_000_000 + block),
      blockNumber: String(block),
      transactionHash: `0x${String(block).padStart(64, "0")}`,
      logIndex,
    });
    // Served in id order (transaction hash order), which is not chain order.
    const rows = [payment(9, 0, "5", null), payment(7, 3, "1500", "rent, March"), payment(7, 1, "50", null)];
    const queries = await withFakeLedger(
      (query) => (query.includes("currencys") ? page([currencyRow]) : page(rows)),
      async (url) => {
        const { currency, payments } = await listLedgerPayments({ url }, { circle: CIRCLE });
        expect(payments.map((p) => [p.block, p.logIndex])).to.deep.equal([
          [7n, 1],
          [7n, 3],
          [9n, 0],
        ]);
        expect(payments[1]).to.deep.include({
          amount: 1500n,
          memo: "rent, March",
          payerBalanceAfter: -1500n,
          across: null,
        });
        expect(formatAmount(payments[1]!.amount, currency!)).to.equal("15 HRS");
      },
    );
    // The currency is found by its circle; its payments by the currency (addresses in lowercase).
    expect(queries[1]).to.include("creditPayments");
  });

  it("lists no payments, and asks for none, for a circle without a currency", async function () {
    const queries = await withFakeLedger(
      () => page([]),
      async (url) => {
        expect(await listLedgerPayments({ url }, { circle: CIRCLE })).to.deep.equal({ currency: null, payments: [] });
      },
    );
    expect(queries).to.have.length(1);
  });

  it("writes the money files: the currency's units, payments with memos quoted, empty cells for none", function () {
    const empty = {
      ledger: { url: "", chain: "localhost", chainId: 31337, block: 10n, timestamp: 100n, caughtUp: true },
      circle: {},
      charters: [],
      members: [],
      proposals: [],
      mandates: [],
      roles: [],
      draws: [],
      resets: [],
      resetSignals: [],
      temperature: [],
      cooldowns: [],
      reversals: [],
      thresholdChanges: [],
      currency: null,
      accounts: [],
      payments: [],
      pairs: [],
      jubilees: [],
      clearingLines: [],
      profiles: [],
    } as unknown as ReadLedgerExportReturnType;
    const file = (x: ReadLedgerExportReturnType, name: string) =>
      toCsv(ledgerExportTables(x).find((t) => t.file === name)!);
    // No currency: the money files hold their header alone.
    expect(file(empty, "currency.csv")).to.equal(
      "currency,name,symbol,decimals,defaultCreditLimit,defaultSaturationLimit,payments,volume,jubilees,createdAt,createdAtBlock\r\n",
    );
    const full = {
      ...empty,
      currency: {
        currency: CURRENCY,
        circle: CIRCLE,
        name: "Hours",
        symbol: "HRS",
        decimals: 2,
        defaultCreditLimit: 10_000n,
        defaultSaturationLimit: 20_000n,
        payments: 1,
        volume: 1500n,
        jubilees: 0,
        createdAt: 90n,
        createdAtBlock: 5n,
      },
      payments: [
        {
          payer: ANA,
          payee: BEN,
          amount: 1500n,
          memo: 'rent, "March"',
          memoHash: "0xab",
          payerBalanceAfter: -1500n,
          payeeBalanceAfter: 1500n,
          across: null,
          otherCurrency: null,
          acrossTo: null,
          at: 95n,
          block: 7n,
          transactionHash: "0x07",
          logIndex: 1,
        },
      ],
    } as ReadLedgerExportReturnType;
    expect(file(full, "currency.csv").split("\r\n")[1]).to.equal(`${CURRENCY},Hours,HRS,2,10000,20000,1,1500,0,90,5`);
    expect(file(full, "payments.csv").split("\r\n")[1]).to.equal(
      `${ANA},${BEN},1500,"rent, ""March""",-1500,1500,,,,95,7,0x07,1,0xab`,
    );
    expect(ledgerExportTables(full).map((t) => t.file)).to.have.length(21);
  });

  // --- The web app's ledger reads (issue 15) ---

  const CAI = "0x5555555555555555555555555555555555555555";
  const OTHER_COMMONS = "0x6666666666666666666666666666666666666666";
  const account = (who: string, balance: bigint): LedgerCreditAccount => ({
    account: getAddress(who),
    balance,
    creditLimit: null,
    saturationLimit: null,
    admitted: who === CIRCLE || who === OTHER_COMMONS,
    given: 0n,
    received: 0n,
    offLedger: 0n,
    departed: false,
    createdAt: 1n,
    createdAtBlock: 1n,
    updatedAt: 1n,
    updatedAtBlock: 1n,
  });
  const pair = (giver: string, receiver: string, given: bigint, payments: number): LedgerCreditPair => ({
    giver: getAddress(giver),
    receiver: getAddress(receiver),
    given,
    payments,
    firstAt: 1_700_000_000n,
    firstAtBlock: 1n,
    lastAt: 1_700_000_100n,
    lastAtBlock: 2n,
  });

  it("draws the reciprocity graph as the scorecard counts it: commons not counted, legs across left out, one-sided pairs marked", function () {
    const currency = {
      currency: getAddress(CURRENCY),
      circle: getAddress(CIRCLE),
      name: "Hours",
      symbol: "HRS",
      decimals: 2,
      defaultCreditLimit: 10_000n,
      defaultSaturationLimit: 20_000n,
      payments: 8,
      volume: 2500n,
      jubilees: 0,
      createdAt: 1n,
      createdAtBlock: 1n,
    };
    const graph = reciprocityGraph(
      getAddress(CIRCLE),
      currency,
      [account(CIRCLE, 500n), account(ANA, -300n), account(BEN, 100n), account(CAI, -300n)],
      [
        pair(ANA, BEN, 1000n, 2), // Ana and Ben paid each other: mutual.
        pair(BEN, ANA, 600n, 1),
        pair(CAI, BEN, 300n, 1), // Cai only gave Ben: one-sided.
        pair(CIRCLE, CAI, 200n, 1), // The commons paid Cai: not counted.
        pair(ANA, OTHER_COMMONS, 250n, 1), // Ana paid across to another circle: a leg left out, edge gone.
        pair(CAI, OTHER_COMMONS, 150n, 2), // One plain payment left after the leg across is taken out.
      ],
      [
        { payer: getAddress(ANA), payee: getAddress(OTHER_COMMONS), amount: 250n },
        { payer: getAddress(CAI), payee: getAddress(OTHER_COMMONS), amount: 100n },
      ],
    );
    const edge = (giver: string, receiver: string) =>
      graph.edges.find((e) => e.giver === getAddress(giver) && e.receiver === getAddress(receiver));
    expect(edge(ANA, BEN)).to.deep.include({ counted: true, oneSided: false, given: 1000n, formattedGiven: "10 HRS" });
    expect(edge(CAI, BEN)).to.deep.include({ counted: true, oneSided: true, firstAtIso: "2023-11-14T22:13:20Z" });
    expect(edge(CIRCLE, CAI)).to.deep.include({ counted: false, oneSided: false });
    expect(edge(ANA, OTHER_COMMONS)).to.equal(undefined);
    expect(edge(CAI, OTHER_COMMONS)).to.deep.include({ given: 50n, payments: 1, oneSided: true });
    // Pairs: Ana–Ben (both ways), Cai–Ben and Cai–other commons (one way): two of three one-sided.
    expect([graph.pairs, graph.oneSidedPairs, graph.oneSidedPairShareBps]).to.deep.equal([3, 2, 6667]);
    expect(graph.across).to.deep.equal({ payments: 2, volume: 350n });
    const node = (who: string) => graph.nodes.find((n) => n.account === getAddress(who))!;
    expect(node(CIRCLE)).to.deep.include({
      commons: true,
      onlyGave: false,
      onlyTook: false,
      formattedBalance: "5 HRS",
    });
    expect(node(CAI)).to.deep.include({ commons: false, onlyGave: true, onlyTook: false });
    expect(node(BEN)).to.deep.include({ onlyGave: false, onlyTook: false });
    const none = reciprocityGraph(getAddress(CIRCLE), null, [], [], []);
    expect([none.pairs, none.oneSidedPairShareBps]).to.deep.equal([0, null]);
  });

  it("reads the reciprocity graph from the ledger in the currency's units, asking only for the payments across", async function () {
    const queries = await withFakeLedger(
      (query) => {
        if (query.includes("currencys")) return page([currencyRow]);
        if (query.includes("creditPairs")) {
          return page([
            {
              giver: ANA,
              receiver: BEN,
              given: "1550",
              payments: 2,
              createdAt: "1700000000",
              createdAtBlock: "6",
              updatedAt: "1700000100",
              updatedAtBlock: "7",
            },
          ]);
        }
        if (query.includes("creditAccounts")) {
          return page(
            [
              [ANA, "-1550"],
              [BEN, "1550"],
            ].map(([who, balance]) => ({
              account: who,
              balance,
              creditLimit: null,
              saturationLimit: null,
              admitted: false,
              given: "0",
              received: "0",
              offLedger: "0",
              departed: false,
              createdAt: "1",
              createdAtBlock: "1",
              updatedAt: "1",
              updatedAtBlock: "1",
            })),
          );
        }
        return page([]);
      },
      async (url) => {
        const graph = await readReciprocityGraph({ url }, { circle: CIRCLE });
        expect(graph.currency?.symbol).to.equal("HRS");
        expect(graph.nodes.map((n) => n.formattedBalance)).to.deep.equal(["-15.5 HRS", "15.5 HRS"]);
        expect(graph.edges).to.have.length(1);
        expect(graph.edges[0]).to.deep.include({ formattedGiven: "15.5 HRS", oneSided: true, counted: true });
      },
    );
    expect(queries.find((q) => q.includes("creditPayments"))).to.include("creditPaymentFilter");
  });

  it("walks the trust around a person step by step, within its bounds, with each trust's expiry", async function () {
    const [A, B, C, D, E] = [
      "0x" + "a1".repeat(20),
      "0x" + "b2".repeat(20),
      "0x" + "c3".repeat(20),
      "0x" + "d4".repeat(20),
      "0x" + "e5".repeat(20),
    ];
    // A trusts B, B trusts C, C trusts D, E trusts A, B trusts E (an edge among the first step's accounts).
    const edges = [
      [A, B],
      [B, C],
      [C, D],
      [E, A],
      [B, E],
    ].map(([truster, trustee]) => ({ truster, trustee, expiry: "1800000000" }));
    const answer = (query: string, variables: Record<string, unknown>) => {
      const where = variables.where as {
        OR?: { truster_in?: string[]; trustee_in?: string[] }[];
        account_in?: string[];
      };
      if (query.includes("incomeAccounts")) {
        return page(where.account_in!.map((account) => ({ account, kind: account === E ? "circle" : "person" })));
      }
      const touching = new Set<string | undefined>(where.OR![0]!.truster_in);
      return page(edges.filter((e) => touching.has(e.truster) || touching.has(e.trustee)));
    };
    await withFakeLedger(answer, async (url) => {
      const one = await readTrustGraphAround({ url }, { person: getAddress(A) });
      expect(one.nodes.map((n) => [n.account, n.distance, n.kind])).to.deep.equal([
        [getAddress(A), 0, "person"],
        [getAddress(B), 1, "person"],
        [getAddress(E), 1, "circle"],
      ]);
      // B → E joins two accounts of the first step: read by the closing step, kept.
      expect(one.edges.map((e) => [e.truster, e.trustee])).to.deep.equal([
        [getAddress(A), getAddress(B)],
        [getAddress(B), getAddress(E)],
        [getAddress(E), getAddress(A)],
      ]);
      expect(one.trusts.map((e) => e.trustee)).to.deep.equal([getAddress(B)]);
      expect(one.trustedBy.map((e) => e.truster)).to.deep.equal([getAddress(E)]);
      expect(one.trusts[0]!.expiryIso).to.equal("2027-01-15T08:00:00Z");
      expect([one.at, one.block, one.depth, one.truncated]).to.deep.equal([1_700_000_000n, 42n, 1, false]);

      const two = await readTrustGraphAround({ url }, { person: getAddress(A), depth: 2 });
      expect(two.nodes.map((n) => n.distance)).to.deep.equal([0, 1, 1, 2]);
      expect(two.edges).to.have.length(4);
      const bounded = await readTrustGraphAround({ url }, { person: getAddress(A), depth: 3, maxNodes: 3 });
      expect(bounded.nodes).to.have.length(3);
      expect(bounded.truncated).to.equal(true);
    });
    const refused = await readTrustGraphAround(
      { url: "http://127.0.0.1:1" },
      { person: getAddress(A), depth: 4 },
    ).catch((e: unknown) => e);
    expect(refused).to.be.instanceOf(InvalidParameterError);
  });

  it("groups temperature readings by period: count, mean to two decimals, first and last reading", function () {
    const reading = (period: bigint, heard: number, at: bigint) => ({
      period,
      member: getAddress(ANA),
      heard,
      dominant: null,
      at,
      block: 1n,
    });
    expect(
      temperatureByPeriod([
        reading(2n, 3, 20n),
        reading(1n, 4, 12n),
        reading(1n, 5, 10n),
        reading(2n, 4, 25n),
        reading(2n, 4, 21n),
      ]),
    ).to.deep.equal([
      { period: 1n, readings: 2, average: 4.5, firstAt: 10n, lastAt: 12n },
      { period: 2n, readings: 3, average: 3.67, firstAt: 20n, lastAt: 25n },
    ]);
    expect(temperatureByPeriod([])).to.deep.equal([]);
  });
});
