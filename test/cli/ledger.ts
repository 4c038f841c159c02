import { expect } from "chai";

import { profileBook, shortAddress } from "../../client/names.js";
import { computeScorecard } from "../../client/scorecard.js";
import { scorecardText } from "../../tasks/ledger/scorecard.js";
import { A, B, C, D, E, history } from "../fixtures/scorecardHistory.js";

// The scorecard as `npx hardhat ledger scorecard` prints it, on the hand-worked history of test/client/scorecard.ts.
describe("tasks/ledger scorecard (the printed scorecard)", function () {
  const text = scorecardText(computeScorecard(history));
  const lines = text.split("\n");

  it("opens with the circle, the ledger's block and time, and how many alerts", function () {
    expect(lines[0]).to.match(
      /^The sovereignty scorecard of Garden \(0x0{38}c1\), a circle, from the ledger as of block 99 \(1970-01-12T\d\d:\d\d:\d\dZ\): 3 period\(s\), 6 drift alert\(s\)\.$/i,
    );
  });

  it("prints each period's four measures in words and units, its alerts after them", function () {
    const period0 = lines.slice(1, 10).join("\n");
    expect(period0).to.include("Period 0: 1970-01-12T");
    expect(period0).to.include("4 member(s); thresholds: the defaults");
    expect(period0).to.include(
      `Rotation     4 tenure(s) held by 4 member(s), mean tenure 6m 15s; ${A} held 53.33% of mandate-time, Herfindahl 35.78%; a facilitator in office 50% of the time, 2 of 4 term(s) by 2`,
    );
    expect(period0).to.include(
      `Voice        4 proposal(s), 75% by ${A}; participation 75% over 3 closed vote(s); heard 2.75/5 over 4 reading(s); named dominant: ${A} ×2, ${B} ×1; 1 cooldown(s), 0 recall(s), 0 reset(s)`,
    );
    expect(period0).to.include(
      `Reciprocity  3 payment(s) (0.22 GRD) between 2 pair(s), 1 one way only (50%); only gave: nobody; only took: ${C}`,
    );
    expect(period0).to.include(
      "Autonomy     1 decision(s) here, 1 in councils (50% here); 3 dependency reversal(s) logged by 2 member(s) (tool 1, meal 1, dispute 1)",
    );
    expect(period0).to.include("Audits       1 pair-link audit(s) held, 0 missed, 0 skipped; 1 listening session(s)");
    expect(lines.filter((l) => l.startsWith("  ALERT "))).to.have.length(6);
    expect(text).to.include("  ALERT audit-missed: 1 pair-link audit(s) closed missed in the period");
    expect(text).to.include("  ALERT temperature-rising: Members felt heard 2.75 out of 5");
  });

  it("says whose thresholds judged a period and that the last one is running", function () {
    expect(text).to.match(/Period 2: .* \(running\), 4 member\(s\); thresholds: the circle's own/);
    expect(text).to.include("heard 4.00/5 over 3 reading(s) (+1.25)");
  });

  it("names the people it mentions, with their short address", function () {
    const named = scorecardText(computeScorecard(history, { profiles: profileBook([{ account: A, name: "Ana" }]) }));
    expect(named).to.include(`Ana (${shortAddress(A)}) held 53.33% of mandate-time`);
    expect(named).to.include(`60% of it Ana (${shortAddress(A)})'s`);
    expect(named).to.include(`only took: ${C}`);
  });

  it("sums up every pair-link audit so far, naming the latest's auditors", function () {
    expect(lines.at(-2)).to.equal(
      "Pair-link audits so far: 1 held, 1 missed, 1 skipped, 0 cancelled, 1 running; 1 listening session(s). " +
        `The latest, #4, is drawn (auditors ${B} and ${E}).`,
    );
  });

  it("weighs the balances now on each sign, in the currency's units", function () {
    expect(lines.at(-1)).to.equal(
      `Balances now in GRD (the commons left out): 3 creditor(s) holding 0.25 GRD, 60% of it ${A}'s (Herfindahl 49.12%); ` +
        `2 debtor(s) holding 0.25 GRD, 80% of it ${D}'s (Herfindahl 68%).`,
    );
    expect(text).to.include(`only gave: ${A}, ${E}; only took: ${C}, ${D}`);
  });
});
