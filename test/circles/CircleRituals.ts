import { anyValue } from "@nomicfoundation/hardhat-ethers-chai-matchers/withArgs";
import { expect } from "chai";
import { network } from "hardhat";

import { ProposalState, TEST_RULES, Vote, circleFixtures } from "../fixtures/circles.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const { time } = networkHelpers;
const { circleWorld, proposal, propose, openVoting, pass, decide } = circleFixtures(connection);

const DAY = TEST_RULES.temperaturePeriod;

/** A circle whose first decision period has just ended. */
async function afterFirstPeriod() {
  const world = await circleWorld();
  await time.increase(DAY);
  return world;
}

describe("CircleRituals", function () {
  describe("power temperature check", function () {
    it("takes readings only once a decision period has ended", async function () {
      const { rituals, founders } = await networkHelpers.loadFixture(circleWorld);
      expect(await rituals.currentPeriod()).to.equal(0n);
      await expect(
        rituals.connect(founders[0]!).recordTemperature(4, ethers.ZeroAddress),
      ).to.be.revertedWithCustomError(rituals, "CircleRitualsNoPeriodEnded");
    });

    it("records readings for the period that just ended and keeps aggregates", async function () {
      const { rituals, founders } = await networkHelpers.loadFixture(afterFirstPeriod);
      expect(await rituals.currentPeriod()).to.equal(1n);
      await expect(rituals.connect(founders[0]!).recordTemperature(2, founders[1]!.address))
        .to.emit(rituals, "TemperatureRecorded")
        .withArgs(0n, founders[0]!.address, 2, founders[1]!.address);
      await rituals.connect(founders[1]!).recordTemperature(5, ethers.ZeroAddress);
      await rituals.connect(founders[2]!).recordTemperature(3, founders[1]!.address);
      const aggregate = await rituals.temperature(0n);
      expect(aggregate.readings).to.equal(3n);
      expect(aggregate.heardSum).to.equal(10n);
      expect(await rituals.timesNamedDominant(0n, founders[1]!.address)).to.equal(2n);
      expect(await rituals.isCooledDown(founders[1]!.address)).to.equal(false);
    });

    it("refuses bad readings, second readings, outsiders and naming non-members", async function () {
      const { rituals, founders, outsiders } = await networkHelpers.loadFixture(afterFirstPeriod);
      for (const heard of [0, 6]) {
        await expect(rituals.connect(founders[0]!).recordTemperature(heard, ethers.ZeroAddress))
          .to.be.revertedWithCustomError(rituals, "CircleRitualsInvalidReading")
          .withArgs(heard);
      }
      await expect(rituals.connect(outsiders[0]!).recordTemperature(3, ethers.ZeroAddress))
        .to.be.revertedWithCustomError(rituals, "CircleRitualsNotMember")
        .withArgs(outsiders[0]!.address);
      await expect(rituals.connect(founders[0]!).recordTemperature(3, outsiders[0]!.address))
        .to.be.revertedWithCustomError(rituals, "CircleRitualsDominantNotMember")
        .withArgs(outsiders[0]!.address);
      await rituals.connect(founders[0]!).recordTemperature(3, ethers.ZeroAddress);
      await expect(rituals.connect(founders[0]!).recordTemperature(3, ethers.ZeroAddress))
        .to.be.revertedWithCustomError(rituals, "CircleRitualsAlreadyRecorded")
        .withArgs(0n, founders[0]!.address);
      // A new period: the same member may record again.
      await time.increase(DAY);
      await expect(rituals.connect(founders[0]!).recordTemperature(3, ethers.ZeroAddress))
        .to.emit(rituals, "TemperatureRecorded")
        .withArgs(1n, founders[0]!.address, 3, ethers.ZeroAddress);
    });

    it("cools down a member named dominant by a majority, until the cooldown ends", async function () {
      const { rituals, founders } = await networkHelpers.loadFixture(afterFirstPeriod);
      const loud = founders[5]!;
      // Six members: three namings is half, not a majority.
      for (const member of founders.slice(0, 3)) await rituals.connect(member).recordTemperature(2, loud.address);
      expect(await rituals.isCooledDown(loud.address)).to.equal(false);
      expect(await rituals.cooldownEndsAt(loud.address)).to.equal(0n);

      const tx = rituals.connect(founders[3]!).recordTemperature(1, loud.address);
      const until = BigInt(await time.latest()) + 1n + BigInt(TEST_RULES.dominanceCooldown);
      await expect(tx).to.emit(rituals, "MemberCooledDown").withArgs(loud.address, 0n, until);
      expect(await rituals.isCooledDown(loud.address)).to.equal(true);
      expect(await rituals.cooldownEndsAt(loud.address)).to.equal(until);

      // A fifth naming in the same period does not extend the cooldown.
      await time.increase(100);
      await expect(rituals.connect(founders[4]!).recordTemperature(2, loud.address)).to.not.emit(
        rituals,
        "MemberCooledDown",
      );
      expect(await rituals.cooldownEndsAt(loud.address)).to.equal(until);

      await time.increaseTo(until - 1n);
      expect(await rituals.isCooledDown(loud.address)).to.equal(true);
      await time.increaseTo(until);
      expect(await rituals.isCooledDown(loud.address)).to.equal(false);
    });

    it("namings by members who have left do not make a majority out of a minority", async function () {
      const { rituals, membership, founders } = await networkHelpers.loadFixture(afterFirstPeriod);
      const named = founders[5]!;
      // Three of six name the same member (half, not a majority), then two of them leave.
      for (const member of founders.slice(0, 3)) await rituals.connect(member).recordTemperature(2, named.address);
      expect(await rituals.timesNamedDominant(0n, named.address)).to.equal(3n);
      await membership.connect(founders[1]!).leave();
      await membership.connect(founders[2]!).leave();
      expect(await rituals.timesNamedDominant(0n, named.address)).to.equal(1n);
      // One more naming: two current members of four, still not a majority (before, 4 of 4 counted).
      await expect(rituals.connect(founders[3]!).recordTemperature(2, named.address)).to.not.emit(
        rituals,
        "MemberCooledDown",
      );
      expect(await rituals.timesNamedDominant(0n, named.address)).to.equal(2n);
      expect(await rituals.isCooledDown(named.address)).to.equal(false);
      // A real majority of the current members still cools them down.
      await expect(rituals.connect(founders[4]!).recordTemperature(2, named.address)).to.emit(
        rituals,
        "MemberCooledDown",
      );
    });

    it("does not carry namings across periods", async function () {
      const { rituals, founders } = await networkHelpers.loadFixture(afterFirstPeriod);
      const named = founders[5]!;
      for (const member of founders.slice(0, 3)) await rituals.connect(member).recordTemperature(3, named.address);
      await time.increase(DAY);
      await rituals.connect(founders[3]!).recordTemperature(3, named.address);
      expect(await rituals.timesNamedDominant(1n, named.address)).to.equal(1n);
      expect(await rituals.isCooledDown(named.address)).to.equal(false);
    });
  });

  describe("hard reset", function () {
    /** A circle with proposals in every open state: pending, active and succeeded; plus executed and defeated. */
    async function busyCircle() {
      const world = await circleWorld();
      const { circle, founders } = world;
      const self = await circle.getAddress();
      const executed = await pass(circle, founders.slice(0, 3), proposal([{ target: self, data: "0x" }], "Executed"));
      await executed.execute();
      const succeeded = await pass(circle, founders.slice(0, 3), proposal([{ target: self, data: "0x" }], "Succeeded"));
      const defeatedP = proposal([{ target: self, data: "0x" }], "Defeated");
      const defeatedId = await propose(circle, founders[0]!, defeatedP);
      await openVoting(circle);
      await circle.connect(founders[1]!).castVote(defeatedId, Vote.Against);
      await time.increaseTo((await circle.proposalDeadline(defeatedId)) + 1n);
      const activeId = await propose(circle, founders[2]!, proposal([{ target: self, data: "0x" }], "Active"));
      await openVoting(circle);
      const pendingId = await propose(circle, founders[3]!, proposal([{ target: self, data: "0x" }], "Pending"));
      return {
        ...world,
        ids: {
          executed: executed.id,
          succeeded: succeeded.id,
          defeated: defeatedId,
          active: activeId,
          pending: pendingId,
        },
      };
    }

    it("is triggered by three members: every open proposal is cancelled, closed ones keep their state", async function () {
      const { circle, rituals, founders, ids } = await networkHelpers.loadFixture(busyCircle);
      expect(await circle.state(ids.pending)).to.equal(ProposalState.Pending);
      expect(await circle.state(ids.active)).to.equal(ProposalState.Active);
      expect(await circle.state(ids.succeeded)).to.equal(ProposalState.Succeeded);
      expect(await circle.state(ids.defeated)).to.equal(ProposalState.Defeated);

      await rituals.connect(founders[0]!).signalReset();
      await rituals.connect(founders[1]!).signalReset();
      expect((await rituals.resetRound()).signals).to.equal(2n);
      await expect(rituals.connect(founders[2]!).signalReset())
        .to.emit(rituals, "ResetSignalled")
        .and.to.emit(circle, "HardReset")
        .withArgs(1n, [founders[0]!.address, founders[1]!.address, founders[2]!.address]);

      expect(await circle.resetEpoch()).to.equal(1n);
      expect(await circle.state(ids.pending)).to.equal(ProposalState.Canceled);
      expect(await circle.state(ids.active)).to.equal(ProposalState.Canceled);
      expect(await circle.state(ids.succeeded)).to.equal(ProposalState.Canceled);
      expect(await circle.state(ids.executed)).to.equal(ProposalState.Executed);
      expect(await circle.state(ids.defeated)).to.equal(ProposalState.Defeated);
      await expect(circle.connect(founders[4]!).castVote(ids.active, Vote.For)).to.be.revertedWithCustomError(
        circle,
        "GovernorUnexpectedProposalState",
      );
      // The round closed with the reset.
      expect((await rituals.resetRound()).signals).to.equal(0n);
    });

    it("is not triggered by two members, and their signals lapse with the window", async function () {
      const { circle, rituals, founders, ids } = await networkHelpers.loadFixture(busyCircle);
      await rituals.connect(founders[0]!).signalReset();
      await rituals.connect(founders[1]!).signalReset();
      expect(await circle.resetEpoch()).to.equal(0n);
      expect(await circle.state(ids.pending)).to.equal(ProposalState.Pending);

      await time.increase(TEST_RULES.resetWindow);
      await expect(rituals.connect(founders[2]!).signalReset())
        .to.emit(rituals, "ResetSignalled")
        .withArgs(2n, founders[2]!.address, 1n, BigInt(await time.latest()) + 1n + BigInt(TEST_RULES.resetWindow));
      expect(await circle.resetEpoch()).to.equal(0n);
    });

    it("counts only the signals of members who are still members", async function () {
      const { circle, membership, rituals, founders } = await networkHelpers.loadFixture(circleWorld);
      await rituals.connect(founders[0]!).signalReset();
      await membership.connect(founders[0]!).leave();
      await rituals.connect(founders[1]!).signalReset();
      await expect(rituals.connect(founders[2]!).signalReset())
        .to.emit(rituals, "ResetSignalled")
        .withArgs(1n, founders[2]!.address, 2n, anyValue)
        .and.not.to.emit(circle, "HardReset");
      expect((await rituals.resetRound()).signals).to.equal(2n);
      await expect(rituals.connect(founders[3]!).signalReset())
        .to.emit(circle, "HardReset")
        .withArgs(1n, [founders[1]!.address, founders[2]!.address, founders[3]!.address]);
    });

    it("refuses a second signal from the same member and signals from outsiders", async function () {
      const { rituals, founders, outsiders } = await networkHelpers.loadFixture(circleWorld);
      await rituals.connect(founders[0]!).signalReset();
      await expect(rituals.connect(founders[0]!).signalReset())
        .to.be.revertedWithCustomError(rituals, "CircleRitualsAlreadySignalled")
        .withArgs(1n, founders[0]!.address);
      await expect(rituals.connect(outsiders[0]!).signalReset())
        .to.be.revertedWithCustomError(rituals, "CircleRitualsNotMember")
        .withArgs(outsiders[0]!.address);
    });

    it("can only be carried out by the rituals contract", async function () {
      const { circle, founders } = await networkHelpers.loadFixture(circleWorld);
      await expect(circle.connect(founders[0]!).hardReset([founders[0]!.address]))
        .to.be.revertedWithCustomError(circle, "CircleOnlyRituals")
        .withArgs(founders[0]!.address);
      await expect(circle.connect(founders[0]!).notifyMemberLeft(founders[0]!.address))
        .to.be.revertedWithCustomError(circle, "CircleOnlyMembership")
        .withArgs(founders[0]!.address);
    });

    it("leaves the circle able to decide afresh", async function () {
      const { circle, rituals, founders } = await networkHelpers.loadFixture(circleWorld);
      for (const member of founders.slice(0, 3)) await rituals.connect(member).signalReset();
      const fresh = await pass(
        circle,
        founders.slice(0, 3),
        proposal([{ target: await circle.getAddress(), data: "0x" }], "Fresh start"),
      );
      await expect(fresh.execute()).to.emit(circle, "ProposalExecuted");
      expect(await circle.proposalEpoch(fresh.id)).to.equal(1n);
    });

    it("refuses a reset once the circle has dissolved", async function () {
      const { circle, rituals, founders } = await networkHelpers.loadFixture(circleWorld);
      const dissolution = await pass(
        circle,
        founders.slice(0, 3),
        proposal([{ target: await circle.getAddress(), data: circle.interface.encodeFunctionData("dissolve") }], "End"),
      );
      await dissolution.execute();
      await rituals.connect(founders[0]!).signalReset();
      await rituals.connect(founders[1]!).signalReset();
      await expect(rituals.connect(founders[2]!).signalReset()).to.be.revertedWithCustomError(
        circle,
        "CircleIsDissolved",
      );
    });

    it("honours a larger reset threshold from the circle's rules", async function () {
      const { registry, founders } = await networkHelpers.loadFixture(circleWorld);
      const { createCircle } = circleFixtures(connection);
      const { circle, rituals } = await createCircle(registry, founders, { ...TEST_RULES, resetThreshold: 4 }, "Four");
      for (const member of founders.slice(0, 3)) await rituals.connect(member).signalReset();
      expect(await circle.resetEpoch()).to.equal(0n);
      await expect(rituals.connect(founders[3]!).signalReset()).to.emit(circle, "HardReset");
    });
  });

  describe("dependency reversals", function () {
    const KINDS = ["Tool", "Meal", "Dispute", "Care", "Other"];

    it("logs a reversal of each kind by a member, with the running period, the member, the kind and the memo", async function () {
      const { rituals, founders } = await networkHelpers.loadFixture(afterFirstPeriod);
      const ana = founders[0]!;
      for (const [kind, name] of KINDS.entries()) {
        await expect(rituals.connect(ana).logDependencyReversal(kind, `${name}: borrowed instead of bought`))
          .to.emit(rituals, "DependencyReversalLogged")
          .withArgs(1n, ana.address, kind, `${name}: borrowed instead of bought`);
      }
      expect(await rituals.reversalsLogged(1n, ana.address)).to.equal(5n);
      expect(await rituals.reversalsLogged(1n, founders[1]!.address)).to.equal(0n);
    });

    it("refuses outsiders and members who have left", async function () {
      const { rituals, membership, founders, outsiders } = await networkHelpers.loadFixture(circleWorld);
      await expect(rituals.connect(outsiders[0]!).logDependencyReversal(0, "a ladder"))
        .to.be.revertedWithCustomError(rituals, "CircleRitualsNotMember")
        .withArgs(outsiders[0]!.address);
      await rituals.connect(founders[1]!).logDependencyReversal(1, "soup night");
      await membership.connect(founders[1]!).leave();
      await expect(rituals.connect(founders[1]!).logDependencyReversal(1, "soup night again"))
        .to.be.revertedWithCustomError(rituals, "CircleRitualsNotMember")
        .withArgs(founders[1]!.address);
      expect(await rituals.reversalsLogged(0n, founders[1]!.address)).to.equal(1n);
    });

    it("refuses an unknown kind and an empty or over-long memo (counted in bytes)", async function () {
      const { rituals, founders } = await networkHelpers.loadFixture(circleWorld);
      const ana = founders[0]!;
      for (const kind of [5, 255]) {
        await expect(rituals.connect(ana).logDependencyReversal(kind, "a ladder"))
          .to.be.revertedWithCustomError(rituals, "CircleRitualsInvalidReversalKind")
          .withArgs(kind);
      }
      await expect(rituals.connect(ana).logDependencyReversal(0, ""))
        .to.be.revertedWithCustomError(rituals, "CircleRitualsReversalMemoLength")
        .withArgs(0n, 280n);
      await expect(rituals.connect(ana).logDependencyReversal(0, "x".repeat(281)))
        .to.be.revertedWithCustomError(rituals, "CircleRitualsReversalMemoLength")
        .withArgs(281n, 280n);
      // 141 two-byte characters are 282 bytes.
      await expect(rituals.connect(ana).logDependencyReversal(0, "é".repeat(141)))
        .to.be.revertedWithCustomError(rituals, "CircleRitualsReversalMemoLength")
        .withArgs(282n, 280n);
      await expect(rituals.connect(ana).logDependencyReversal(0, "x".repeat(280))).to.emit(
        rituals,
        "DependencyReversalLogged",
      );
      expect(await rituals.reversalsLogged(0n, ana.address)).to.equal(1n);
    });

    it("refuses a member's 17th reversal in a period, counts others apart, and allows it again next period", async function () {
      const { rituals, founders } = await networkHelpers.loadFixture(circleWorld);
      const [ana, ben] = [founders[0]!, founders[1]!];
      expect(await rituals.MAX_REVERSALS_PER_MEMBER_PER_PERIOD()).to.equal(16n);
      for (let i = 0; i < 16; i++) await rituals.connect(ana).logDependencyReversal(i % 5, `reversal ${i}`);
      await expect(rituals.connect(ana).logDependencyReversal(0, "one too many"))
        .to.be.revertedWithCustomError(rituals, "CircleRitualsTooManyReversals")
        .withArgs(ana.address, 0n, 16n);
      expect(await rituals.reversalsLogged(0n, ana.address)).to.equal(16n);
      // Another member's count is their own.
      await expect(rituals.connect(ben).logDependencyReversal(2, "settled the fence")).to.emit(
        rituals,
        "DependencyReversalLogged",
      );
      await time.increase(DAY);
      await expect(rituals.connect(ana).logDependencyReversal(0, "a new period"))
        .to.emit(rituals, "DependencyReversalLogged")
        .withArgs(1n, ana.address, 0, "a new period");
      expect(await rituals.reversalsLogged(1n, ana.address)).to.equal(1n);
    });
  });

  describe("scorecard thresholds", function () {
    const DEFAULTS = [5000n, 5000n, 5000n, 300n, 5000n];
    const CHOSEN = {
      maxTopMandateShareBps: 4000,
      maxTopProposerShareBps: 3500,
      minParticipationBps: 6000,
      minHeardAverageCenti: 350,
      maxOneSidedPairShareBps: 7000,
    };

    it("are the defaults until the circle decides", async function () {
      const { rituals } = await networkHelpers.loadFixture(circleWorld);
      expect(await rituals.scorecardThresholds()).to.deep.equal(DEFAULTS);
    });

    it("cannot be set by an outsider or by a member directly", async function () {
      const { rituals, founders, outsiders } = await networkHelpers.loadFixture(circleWorld);
      for (const caller of [outsiders[0]!, founders[0]!]) {
        await expect(rituals.connect(caller).setScorecardThresholds(CHOSEN))
          .to.be.revertedWithCustomError(rituals, "CircleRitualsOnlyCircle")
          .withArgs(caller.address);
      }
      expect(await rituals.scorecardThresholds()).to.deep.equal(DEFAULTS);
    });

    it("are set by a decision of the circle (propose, vote, execute), on the ledger", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const { rituals } = world;
      const data = rituals.interface.encodeFunctionData("setScorecardThresholds", [CHOSEN]);
      const execution = decide(world, [{ target: await rituals.getAddress(), data }], "Tighter scorecards");
      await expect(execution).to.emit(rituals, "ScorecardThresholdsSet").withArgs([4000n, 3500n, 6000n, 350n, 7000n]);
      expect(await rituals.scorecardThresholds()).to.deep.equal([4000n, 3500n, 6000n, 350n, 7000n]);
    });

    it("refuses a decision with a threshold out of range, naming the field", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const { circle, rituals } = world;
      // Through a real proposal: the execution fails with the rituals' error and nothing changes.
      const bad = rituals.interface.encodeFunctionData("setScorecardThresholds", [
        { ...CHOSEN, minHeardAverageCenti: 99 },
      ]);
      await expect(decide(world, [{ target: await rituals.getAddress(), data: bad }], "Too lax"))
        .to.be.revertedWithCustomError(rituals, "CircleRitualsInvalidThreshold")
        .withArgs(3, 99);
      expect(await rituals.scorecardThresholds()).to.deep.equal(DEFAULTS);
      // Every field's bounds, called as the circle.
      const self = await ethers.getImpersonatedSigner(await circle.getAddress());
      await networkHelpers.setBalance(self.address, 10n ** 18n);
      const fields = Object.keys(CHOSEN) as (keyof typeof CHOSEN)[];
      for (const [field, name] of fields.entries()) {
        const [low, high] = name === "minHeardAverageCenti" ? [99, 501] : [0, 10_001];
        for (const value of [low, high]) {
          await expect(rituals.connect(self).setScorecardThresholds({ ...CHOSEN, [name]: value }))
            .to.be.revertedWithCustomError(rituals, "CircleRitualsInvalidThreshold")
            .withArgs(field, value);
        }
      }
      // The bounds themselves are accepted.
      const edges = {
        maxTopMandateShareBps: 1,
        maxTopProposerShareBps: 10_000,
        minParticipationBps: 1,
        minHeardAverageCenti: 500,
        maxOneSidedPairShareBps: 10_000,
      };
      await expect(rituals.connect(self).setScorecardThresholds(edges)).to.emit(rituals, "ScorecardThresholdsSet");
      await rituals.connect(self).setScorecardThresholds({ ...edges, minHeardAverageCenti: 100 });
      expect(await rituals.scorecardThresholds()).to.deep.equal([1n, 10_000n, 1n, 100n, 10_000n]);
    });
  });
});
