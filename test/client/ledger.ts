import { createServer } from "node:http";

import { expect } from "chai";

import { listLedgerPayments } from "../../client/actions/ledger/listLedgerPayments.js";
import type { ReadLedgerExportReturnType } from "../../client/actions/ledger/readLedgerExport.js";
import { readLedgerStatus } from "../../client/actions/ledger/readLedgerStatus.js";
import { LedgerUnavailableError, ledgerProposalState, type LedgerProposalOutcome } from "../../client/ledger.js";
import { ledgerExportTables, toCsv } from "../../client/ledgerExport.js";
import { formatAmount } from "../../client/units.js";

/** A ledger that answers GraphQL from `answer(query text)`, on a free port, for the body of `use`. */
async function withFakeLedger(answer: (query: string) => unknown, use: (url: string) => Promise<void>) {
  const queries: string[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const { query } = JSON.parse(body) as { query: string };
      queries.push(query);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ data: answer(query) }));
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
    expect(ledgerExportTables(full).map((t) => t.file)).to.have.length(19);
  });
});
