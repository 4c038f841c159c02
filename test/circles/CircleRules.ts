import { expect } from "chai";
import { network } from "hardhat";

import { rulesFromChain } from "../../client/rules.js";
import { ProposalState, TEST_RULES, Vote, circleFixtures, type Rules } from "../fixtures/circles.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const { time } = networkHelpers;
const { circleWorld, proposal, propose, openVoting, closeVoting, pass } = circleFixtures(connection);

describe("Circle rules", function () {
  async function updateRules(world: Awaited<ReturnType<typeof circleWorld>>, rules: Rules) {
    const { circle, founders } = world;
    const change = proposal(
      [{ target: await circle.getAddress(), data: circle.interface.encodeFunctionData("updateRules", [rules]) }],
      `Update rules ${JSON.stringify(rules)}`,
    );
    return pass(circle, founders.slice(0, 3), change);
  }

  it("changes by decision, emitting the old and new rules and syncing membership and rituals", async function () {
    const world = await networkHelpers.loadFixture(circleWorld);
    const { circle, membership, rituals } = world;
    const next: Rules = {
      ...TEST_RULES,
      maxMembers: 8,
      quorumPercent: 67,
      resetThreshold: 4,
      votingPeriod: 7_200,
      dominanceCooldown: 3 * 86_400,
    };
    const passed = await updateRules(world, next);
    await expect(passed.execute())
      .to.emit(circle, "RulesUpdated")
      .withArgs(Object.values(TEST_RULES), Object.values(next))
      .and.to.emit(membership, "MaxMembersSet")
      .withArgs(10, 8)
      .and.to.emit(rituals, "RitualRulesSet")
      .withArgs(4, TEST_RULES.resetWindow, TEST_RULES.temperaturePeriod, 3 * 86_400);
    expect(rulesFromChain(await circle.rules())).to.deep.equal(next);
    expect(await circle.votingPeriod()).to.equal(7_200n);
    expect(await membership.maxMembers()).to.equal(8n);
  });

  it("an expired decision stays expired when a later decision lengthens the execution window", async function () {
    const world = await networkHelpers.loadFixture(circleWorld);
    const { circle, founders } = world;
    const stale = proposal([{ target: await circle.getAddress(), data: "0x" }], "Decided, then left unexecuted");
    const passed = await pass(circle, founders.slice(0, 3), stale);
    await time.increaseTo((await circle.proposalDeadline(passed.id)) + BigInt(TEST_RULES.executionWindow) + 1n);
    expect(await circle.state(passed.id)).to.equal(ProposalState.Expired);
    // A majority that could not execute in time cannot revive the decision by widening the window afterwards.
    const wider = await updateRules(world, { ...TEST_RULES, executionWindow: 1_000 * TEST_RULES.executionWindow });
    await wider.execute();
    expect((await circle.rules()).executionWindow).to.equal(BigInt(1_000 * TEST_RULES.executionWindow));
    expect(await circle.state(passed.id)).to.equal(ProposalState.Expired);
    await expect(passed.execute())
      .to.be.revertedWithCustomError(circle, "GovernorUnexpectedProposalState")
      .withArgs(passed.id, ProposalState.Expired, ethers.toBeHex(1n << BigInt(ProposalState.Succeeded), 32));
  });

  it("never reaches back into a vote under way: open proposals keep their quorum", async function () {
    const world = await networkHelpers.loadFixture(circleWorld);
    const { circle, founders } = world;
    const open = proposal([{ target: await circle.getAddress(), data: "0x" }], "Decided under the old quorum");
    const change = await updateRules(world, { ...TEST_RULES, quorumPercent: 100 });
    const openId = await propose(circle, founders[3]!, open);
    await change.execute();
    await openVoting(circle);
    for (const voter of founders.slice(0, 3)) await circle.connect(voter).castVote(openId, Vote.For);
    await closeVoting(circle, openId);
    // Three of six met the old 50% quorum; under the new 100% rule it would have been defeated.
    expect(await circle.state(openId)).to.equal(ProposalState.Succeeded);
    expect(await circle.quorum(await circle.proposalSnapshot(openId))).to.equal(6n);
  });

  it("blocks admissions, removing no one, when the maximum drops below the member count", async function () {
    const world = await networkHelpers.loadFixture(circleWorld);
    const { circle, membership, founders, outsiders } = world;
    await (await updateRules(world, { ...TEST_RULES, minMembers: 3, maxMembers: 5 })).execute();
    expect(await membership.memberCount()).to.equal(6n);
    await membership.connect(outsiders[0]!).requestAdmission();
    const admission = await pass(
      circle,
      founders.slice(0, 3),
      proposal(
        [
          {
            target: await membership.getAddress(),
            data: membership.interface.encodeFunctionData("admit", [outsiders[0]!.address]),
          },
        ],
        "Admit while over the maximum",
      ),
    );
    await expect(admission.execute()).to.be.revertedWithCustomError(membership, "CircleMembershipFull").withArgs(5);
  });

  it("ends the running temperature period when its length changes, carrying period numbers on", async function () {
    const world = await networkHelpers.loadFixture(circleWorld);
    const { rituals, founders } = world;
    const change = await updateRules(world, { ...TEST_RULES, temperaturePeriod: 3_600 });
    // Voting took a little over an hour of the first day: still period 0.
    expect(await rituals.currentPeriod()).to.equal(0n);
    await change.execute();
    expect(await rituals.currentPeriod()).to.equal(1n);
    await expect(rituals.connect(founders[0]!).recordTemperature(3, ethers.ZeroAddress))
      .to.emit(rituals, "TemperatureRecorded")
      .withArgs(0n, founders[0]!.address, 3, ethers.ZeroAddress);
    await time.increase(3_600);
    expect(await rituals.currentPeriod()).to.equal(2n);
  });

  it("refuses a reset threshold the circle could never reach, and a reset cooldown too short to stop a veto", async function () {
    const world = await networkHelpers.loadFixture(circleWorld);
    const { circle, rituals } = world;
    // Eleven signals in a circle of at most ten: the reset would silently never fire.
    const unreachable = await updateRules(world, { ...TEST_RULES, resetThreshold: 11 });
    await expect(unreachable.execute())
      .to.be.revertedWithCustomError(circle, "CircleRulesInvalidResetThreshold")
      .withArgs(11, 10);
    // A largest minority of 4 holds one group of 3: the cooldown must cover two proposal rounds.
    const minimum = 2 * (TEST_RULES.votingDelay + TEST_RULES.votingPeriod);
    const short = await updateRules(world, { ...TEST_RULES, resetCooldown: minimum - 1 });
    await expect(short.execute())
      .to.be.revertedWithCustomError(circle, "CircleRulesResetCooldownTooShort")
      .withArgs(minimum - 1, minimum);
    // With a threshold above the largest minority no minority can reset alone, so no cooldown is needed.
    const majorityOnly = await updateRules(world, { ...TEST_RULES, resetThreshold: 5, resetCooldown: 0 });
    await expect(majorityOnly.execute()).to.emit(rituals, "RitualRulesSet");
    expect((await circle.rules()).resetCooldown).to.equal(0n);
  });

  it("refuses malformed rules and changes not made by decision", async function () {
    const world = await networkHelpers.loadFixture(circleWorld);
    const { circle, membership, rituals, founders } = world;
    const bad = await updateRules(world, { ...TEST_RULES, maxMembers: 40 });
    await expect(bad.execute()).to.be.revertedWithCustomError(circle, "CircleRulesSizeOverCap").withArgs(40, 32);
    await expect(circle.connect(founders[0]!).updateRules(TEST_RULES))
      .to.be.revertedWithCustomError(circle, "GovernorOnlyExecutor")
      .withArgs(founders[0]!.address);
    await expect(membership.connect(founders[0]!).setMaxMembers(32))
      .to.be.revertedWithCustomError(membership, "CircleMembershipOnlyCircle")
      .withArgs(founders[0]!.address);
    await expect(rituals.connect(founders[0]!).setRules(TEST_RULES))
      .to.be.revertedWithCustomError(rituals, "CircleRitualsOnlyCircle")
      .withArgs(founders[0]!.address);
  });
});
