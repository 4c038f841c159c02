import { createServer } from "node:http";

import { expect } from "chai";
import { getAddress } from "viem";

import { charterLapsedAt } from "../../client/actions/ledger/listLedgerCharters.js";
import { readLedgerStatus } from "../../client/actions/ledger/readLedgerStatus.js";
import { ledgerMismatchSentence } from "../../client/actions/ledger/verifyLedger.js";
import { DEMURRAGE_GAMMA_64X64, demurrageDiscount, incomeBalancesFromTransfers } from "../../client/income.js";
import { LedgerUnavailableError, ledgerProposalState, type LedgerProposalOutcome } from "../../client/ledger.js";
import { toCsv } from "../../client/ledgerExport.js";

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
    const century = Number(demurrageDiscount(one, 36_525n)) / 1e18;
    expect(century).to.be.closeTo(0.93 ** 100, 1e-9);
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
});
