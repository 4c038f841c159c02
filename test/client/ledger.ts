import { createServer } from "node:http";

import { expect } from "chai";

import { readLedgerStatus } from "../../client/actions/ledger/readLedgerStatus.js";
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
