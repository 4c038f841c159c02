// Every capped loop at its cap stays well under the gas one transaction may use (EIP-7825: 16,777,216, enforced
// from Osaka): a correctness bound, not a timing test. The measurements are the benchmark's own
// (scripts/bench/caps.ts), so the table in BENCHMARKS.md and this bound cannot drift apart.
import { expect } from "chai";
import { network } from "hardhat";

import { TX_GAS_CAP, benchCaps, type CapFacts, type CapRow } from "../../scripts/bench/caps.js";

/** The most of the transaction gas cap any transaction at its loops' caps may use. */
const MAX_SHARE_PERCENT = 80n;

describe("loop caps", function () {
  this.timeout(300_000);
  let rows: CapRow[];
  let facts: CapFacts;

  before(async function () {
    const { ethers, networkHelpers } = await network.create();
    ({ rows, facts } = await benchCaps(ethers, networkHelpers));
  });

  it("fills each loop to its cap: a reset cancels 512 open proposals and ends 32 mandates, 8 role modules burn their whole stipend, a draw tries 32", function () {
    expect(facts.resetCanceled).to.equal(512);
    expect(facts.resetEnded).to.equal(32);
    expect(facts.resetHookFailures).to.equal(8);
    expect(facts.leaveHookFailures).to.equal(8);
    expect(facts.drawTried).to.equal(31);
  });

  it("fills the open-proposal drop scan to its cap: a 17th proposal scans 512 open proposals and, once they finished, drops all 512", function () {
    expect(facts.dropScanned).to.equal(512);
    expect(facts.dropDropped).to.equal(512);
  });

  it("fills the council and vouching loops under the seat and vouching rules: 32 seats of circles of 3 count, a vouch offers 31", function () {
    // Every seat counts only for a circle of at least 3 members, past its probation: all 32 must, or the proposal
    // measured would skip part of the check.
    expect(facts.seatsCounted).to.equal(32);
    expect(facts.smallestSeat).to.be.at.least(3);
    // The member cap of 32 less the member who pays the invitations.
    expect(facts.vouchesOffered).to.equal(31);
  });

  it("keeps every transaction at its loops' caps, the heaviest included, under 80% of the 16,777,216 gas cap", function () {
    const transactions = rows.filter((r) => !r.view);
    expect(transactions.length).to.be.greaterThan(15);
    for (const row of transactions) {
      expect(row.gas * 100n, `${row.loop}: ${row.transaction}`).to.be.lessThan(TX_GAS_CAP * MAX_SHARE_PERCENT);
    }
    const heaviest = transactions.reduce((a, b) => (b.gas > a.gas ? b : a));
    expect(heaviest.gas * 100n).to.be.lessThan(TX_GAS_CAP * MAX_SHARE_PERCENT);
  });

  it("keeps every view over a capped loop under the same bound", function () {
    for (const row of rows.filter((r) => r.view)) {
      expect(row.gas * 100n, row.loop).to.be.lessThan(TX_GAS_CAP * MAX_SHARE_PERCENT);
    }
  });
});
