import { expect } from "chai";
import {
  computeScorecard,
  formatBps,
  herfindahlBps,
  parseScorecardPeriods,
  parseScorecardQuery,
  parseScorecardThresholds,
  ScorecardOptionError,
  shareBps,
  temperaturePeriods,
  type ScorecardPeriod,
} from "../../client/scorecard.js";
import { profileBook, shortAddress } from "../../client/names.js";
import { A, B, C, D, E, T0, at, history, pay, person } from "../fixtures/scorecardHistory.js";

// The scripted history (test/fixtures/scorecardHistory.ts) has every figure worked out by hand in its comments.

describe("client/scorecard", function () {
  describe("formulas", function () {
    it("rounds shares to the nearest basis point, half up, and has no share of nothing", function () {
      expect(shareBps(1, 3)).to.equal(3333);
      expect(shareBps(2, 3)).to.equal(6667);
      expect(shareBps(13, 32)).to.equal(4063); // 4062.5
      expect(shareBps(0, 0)).to.equal(null);
      expect(formatBps(6250)).to.equal("62.5%");
      expect(formatBps(10_000)).to.equal("100%");
    });

    it("computes the Herfindahl index: one holder 10,000, n equal holders 10,000 / n", function () {
      expect(herfindahlBps([5n])).to.equal(10_000);
      expect(herfindahlBps([1n, 1n, 1n, 1n])).to.equal(2500);
      expect(herfindahlBps([0n, 0n])).to.equal(null);
    });

    it("numbers temperature periods as the rituals do, a change of length ending the running period at once", function () {
      // Length 100 from 0; at 250 the length becomes 40: period 2 is cut to [200, 250), period 3 starts at 250.
      const periods = temperaturePeriods(0n, 100n, [{ at: 250n, temperaturePeriod: 40n }], 330n);
      expect(periods.map((p) => [p.period, p.start, p.end, p.complete])).to.deep.equal([
        [0n, 0n, 100n, true],
        [1n, 100n, 200n, true],
        [2n, 200n, 250n, true],
        [3n, 250n, 290n, true],
        [4n, 290n, 330n, true],
      ]);
      // A change on a boundary leaves an empty period 2 (CircleRituals: periodOffset = currentPeriod + 1).
      const onBoundary = temperaturePeriods(0n, 100n, [{ at: 200n, temperaturePeriod: 40n }], 230n);
      expect(onBoundary.map((p) => [p.period, p.start, p.end, p.complete])).to.deep.equal([
        [0n, 0n, 100n, true],
        [1n, 100n, 200n, true],
        [3n, 200n, 230n, false],
      ]);
      // The same length again changes nothing.
      expect(temperaturePeriods(0n, 100n, [{ at: 150n, temperaturePeriod: 100n }], 150n)).to.have.length(2);
    });
  });

  describe("a scripted history, worked out by hand", function () {
    const card = computeScorecard(history);
    const [p0, p1, p2] = card.periods as [ScorecardPeriod, ScorecardPeriod, ScorecardPeriod];

    it("has the circle's three periods, the last one running", function () {
      expect(card.periods.map((p) => [p.period, p.start, p.end, p.complete, p.members])).to.deep.equal([
        [0n, T0, at(1000), true, 4],
        [1n, at(1000), at(2000), true, 4],
        [2n, at(2000), at(2500), false, 4],
      ]);
    });

    it("measures rotation: mandate-time, its top holder and Herfindahl index, tenure and facilitation", function () {
      // Period 0: 800 + 200 + 250 + 250 = 1,500 s; A 800/1500 = 53.33%; HHI 805,000 / 2,250,000 = 35.78%.
      expect(p0.rotation).to.deep.equal({
        tenures: 4,
        distinctHolders: 4,
        meanTenureSeconds: 375,
        mandateSeconds: 1500,
        topHolder: { account: A, shareBps: 5333 },
        herfindahlBps: 3578,
        facilitation: { expectedTerms: 4, terms: 2, distinctFacilitators: 2, coverageBps: 5000 },
      });
      // Period 1: B 400 + 250 = 650, E 400, A 250, C 250, D 50 = 1,600 s; B 40.63%; HHI 710,000 / 2,560,000.
      // Tenures 400, 900 (E's, live to 2500), 250, 250, 250, 50: mean 350. Facilitators 800 of 1,000 s.
      expect(p1.rotation).to.deep.equal({
        tenures: 6,
        distinctHolders: 5,
        meanTenureSeconds: 350,
        mandateSeconds: 1600,
        topHolder: { account: B, shareBps: 4063 },
        herfindahlBps: 2773,
        facilitation: { expectedTerms: 4, terms: 4, distinctFacilitators: 4, coverageBps: 8000 },
      });
      expect(p2.rotation.topHolder).to.deep.equal({ account: E, shareBps: 10_000 });
      expect(p2.rotation.facilitation).to.deep.equal({
        expectedTerms: 2,
        terms: 0,
        distinctFacilitators: 0,
        coverageBps: 0,
      });
    });

    it("measures voice: proposers, participation of closed votes, temperature, recalls and resets", function () {
      // Period 0: A 3 of 4 proposals; turnouts 100%, 50%, 75% → 75%; heard (4+2+3+2)/4 = 2.75; A named twice.
      expect(p0.voice).to.deep.equal({
        proposals: 4,
        topProposer: { account: A, shareBps: 7500 },
        closedVotes: 3,
        participationBps: 7500,
        readings: 4,
        heardAverageCenti: 275,
        heardChangeCenti: null,
        dominantNamings: [
          { member: A, namings: 2 },
          { member: B, namings: 1 },
        ],
        cooldowns: 1,
        recalls: 0,
        resets: 0,
        resetSignals: 0,
      });
      // Period 1: turnouts 2/5 = 40% and 1/4 = 25% → 32.5%; heard 12/3 = 4.00, up 1.25; one recall, one reset.
      expect(p1.voice.participationBps).to.equal(3250);
      expect(p1.voice.closedVotes).to.equal(2);
      expect(p1.voice.heardAverageCenti).to.equal(400);
      expect(p1.voice.heardChangeCenti).to.equal(125);
      expect([p1.voice.recalls, p1.voice.resets, p1.voice.resetSignals, p1.voice.cooldowns]).to.deep.equal([
        1, 1, 3, 0,
      ]);
      // Period 2: its one vote is still open.
      expect([p2.voice.proposals, p2.voice.closedVotes, p2.voice.participationBps]).to.deep.equal([1, 0, null]);
      expect(p2.voice.heardAverageCenti).to.equal(null);
    });

    it("measures reciprocity between people: one-sided pairs, who only gave, who only took", function () {
      expect(p0.reciprocity).to.deep.equal({
        payments: 3,
        volume: 22n,
        pairs: 2,
        oneSidedPairs: 1,
        oneSidedPairShareBps: 5000,
        onlyGave: [],
        onlyTook: [C],
      });
      expect(p1.reciprocity).to.deep.equal({
        payments: 4,
        volume: 10n,
        pairs: 4,
        oneSidedPairs: 4,
        oneSidedPairShareBps: 10_000,
        onlyGave: [A, E],
        onlyTook: [C, D],
      });
      expect(p2.reciprocity.pairs).to.equal(0);
      expect(p2.reciprocity.oneSidedPairShareBps).to.equal(null);
    });

    it("measures autonomy: decisions here and in councils while seated, dependency reversals", function () {
      // Period 0: #1 here, one council decision after the seat (950); period 1: #3 here, two in the council.
      expect(p0.autonomy).to.deep.equal({
        circleDecisions: 1,
        councilDecisions: 1,
        circleShareBps: 5000,
        reversals: 3,
        reversalsByKind: { tool: 1, meal: 1, dispute: 1, care: 0, other: 0 },
        reversalMembers: 2,
        topReversalLogger: { account: A, shareBps: 6667 },
      });
      expect([p1.autonomy.circleDecisions, p1.autonomy.councilDecisions, p1.autonomy.circleShareBps]).to.deep.equal([
        1, 2, 3333,
      ]);
      expect(p1.autonomy.reversalsByKind.care).to.equal(1);
      expect(p2.autonomy.circleShareBps).to.equal(null);
    });

    it("measures the concentration of credit and of debt, each on its own sign, the commons left out", function () {
      // Creditors A 15, C 9, E 1 (25): A 60%, HHI 307/625; debtors B 5, D 20 (25): D 80%, HHI 425/625.
      expect(card.balances).to.deep.equal({
        currency: person(0xcc),
        symbol: "GRD",
        decimals: 2,
        creditors: { accounts: 3, total: 25n, top: { account: A, shareBps: 6000 }, herfindahlBps: 4912 },
        debtors: { accounts: 2, total: 25n, top: { account: D, shareBps: 8000 }, herfindahlBps: 6800 },
      });
    });

    it("raises each drift alert where its threshold is crossed, with its reason", function () {
      expect(card.alerts.map((a) => [a.period, a.kind, a.value, a.threshold])).to.deep.equal([
        [0n, "mandate-concentration", 5333, 5000],
        [0n, "voice-concentration", 7500, 5000],
        [0n, "temperature-rising", 275, 300],
        [1n, "participation-collapse", 3250, 5000],
        [1n, "one-sided-reciprocity", 10_000, 5000],
        [1n, "audit-missed", 1, 0],
      ]);
      expect(card.alerts[0]!.reason).to.equal(
        `${A} held 53.33% of the period's mandate-time (the circle's limit is 50%): roles are not rotating.`,
      );
      expect(card.alerts[2]!.reason).to.equal(
        "Members felt heard 2.75 out of 5 on average over 4 reading(s) (the floor is 3.00): some voices dominate.",
      );
      expect(card.alerts[4]!.reason).to.match(/^4 of the period's 4 trading pairs paid one way only \(100%/);
    });

    it("counts pair-link audits held, missed, skipped and running, each in the period it closed, and flags a missed one", function () {
      expect(card.periods.map((p) => p.audits)).to.deep.equal([
        { held: 1, missed: 0, skipped: 0, cancelled: 0, listeningSessions: 1 },
        { held: 0, missed: 1, skipped: 1, cancelled: 0, listeningSessions: 0 },
        { held: 0, missed: 0, skipped: 0, cancelled: 0, listeningSessions: 0 },
      ]);
      const { latest, list, ...counts } = card.audits;
      expect(list.map((a) => a.status)).to.deep.equal(["published", "missed", "skipped", "drawn"]);
      expect(counts).to.deep.equal({ held: 1, missed: 1, skipped: 1, cancelled: 0, running: 1, listeningSessions: 1 });
      expect(latest?.auditId).to.equal(4n);
      expect(card.alerts.find((a) => a.kind === "audit-missed")!.reason).to.equal(
        "1 pair-link audit(s) closed missed in the period: the auditors drawn did not both publish, so nobody reported who works with whom.",
      );
      // Without audits, nothing is counted and nothing flagged.
      const none = computeScorecard({ ...history, audits: [] });
      expect(none.audits.latest).to.equal(null);
      expect(none.alerts.map((a) => a.kind)).to.not.include("audit-missed");
    });

    it("names people in its sentences when given their profiles, always with the address", function () {
      const named = computeScorecard(history, { profiles: profileBook([{ account: A, name: "Ana" }]) });
      expect(named.names).to.deep.equal({ [A]: "Ana" });
      expect(named.alerts[0]!.reason).to.equal(
        `Ana (${shortAddress(A)}) held 53.33% of the period's mandate-time (the circle's limit is 50%): roles are not rotating.`,
      );
      expect(computeScorecard(history).names).to.deep.equal({});
    });

    it("judges each period by the thresholds in force at its end: the circle's own from when it set them", function () {
      expect([p0.thresholdSource, p1.thresholdSource, p2.thresholdSource]).to.deep.equal([
        "default",
        "default",
        "circle",
      ]);
      // E held all of period 2's mandate-time, within the circle's own limit of 100%: no alert.
      expect(p2.thresholds.maxTopMandateShareBps).to.equal(10_000);
      expect(p2.alerts).to.deep.equal([]);
    });

    it("counts a change made at the ledger's very second as in force for the running period", function () {
      const now = computeScorecard({
        ...history,
        thresholdChanges: [{ ...history.thresholdChanges[0]!, at: history.at }],
      });
      expect(now.periods.map((p) => p.thresholdSource)).to.deep.equal(["default", "default", "circle"]);
    });

    it("judges by a viewer's thresholds when asked, and shows only the latest periods when asked", function () {
      const strict = computeScorecard(history, { thresholds: { maxTopMandateShareBps: 9000 }, periods: 1 });
      expect(strict.periods.map((p) => p.period)).to.deep.equal([2n]);
      expect(strict.periods[0]!.thresholdSource).to.equal("viewer");
      // Fields the viewer left unset keep the circle's own (its floor of 90% participation).
      expect(strict.periods[0]!.thresholds.minParticipationBps).to.equal(9000);
      expect(strict.alerts.map((a) => [a.kind, a.value, a.threshold])).to.deep.equal([
        ["mandate-concentration", 10_000, 9000],
      ]);
      // The change in "heard" is measured against the period before the first one shown.
      const lastTwo = computeScorecard(history, { periods: 2 });
      expect(lastTwo.periods[0]!.voice.heardChangeCenti).to.equal(125);
    });

    it("needs a sample before it flags: no voice alert under three proposals, no reciprocity alert under two pairs", function () {
      const few = computeScorecard({
        ...history,
        proposals: history.proposals.slice(0, 2),
        payments: [pay(A, B, 1, 100)],
        temperature: [],
      });
      expect(few.periods[0]!.voice.topProposer).to.deep.equal({ account: A, shareBps: 10_000 });
      expect(few.periods[0]!.reciprocity.oneSidedPairShareBps).to.equal(10_000);
      expect(few.periods[0]!.alerts.map((a) => a.kind)).to.deep.equal(["mandate-concentration"]);
    });

    it("ends the last period at the dissolution of a dissolved circle", function () {
      const dissolved = computeScorecard({ ...history, dissolvedAt: at(1200) });
      expect(dissolved.periods.map((p) => [p.period, p.end, p.complete])).to.deep.equal([
        [0n, at(1000), true],
        [1n, at(1200), false],
      ]);
    });
  });
});

describe("scorecard options as people write them", function () {
  it("reads a viewer's thresholds from name=value pairs, and refuses unknown names and values out of range", function () {
    expect(parseScorecardThresholds("minParticipationBps=4000, maxTopMandateShareBps = 6000")).to.deep.equal({
      minParticipationBps: 4000,
      maxTopMandateShareBps: 6000,
    });
    expect(parseScorecardThresholds(undefined)).to.deep.equal({});
    expect(() => parseScorecardThresholds("minTurnout=4000")).to.throw(
      ScorecardOptionError,
      '--thresholds "minTurnout" is not a threshold: use maxTopMandateShareBps, maxTopProposerShareBps, minParticipationBps, minHeardAverageCenti, maxOneSidedPairShareBps.',
    );
    expect(() => parseScorecardThresholds("minHeardAverageCenti=600")).to.throw(
      "--thresholds minHeardAverageCenti=600 is out of range: a whole number from 100 to 500.",
    );
    expect(() => parseScorecardThresholds("maxTopMandateShareBps=0")).to.throw(/from 1 to 10000/);
    expect(() => parseScorecardThresholds("maxTopMandateShareBps")).to.throw(/is not name=value/);
  });

  it("reads the API's query: periods and thresholds by name, nothing else", function () {
    expect(parseScorecardQuery({ periods: "2", minParticipationBps: "4000" })).to.deep.equal({
      periods: 2,
      thresholds: { minParticipationBps: 4000 },
    });
    expect(parseScorecardQuery({ periods: "all" })).to.deep.equal({});
    expect(() => parseScorecardQuery({ periods: "0" })).to.throw(ScorecardOptionError, /periods "0" is not a count/);
    expect(() => parseScorecardQuery({ circle: "x" })).to.throw(ScorecardOptionError, /"circle" is not a threshold/);
    expect(parseScorecardPeriods("3")).to.equal(3);
  });
});
