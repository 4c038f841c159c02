import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import { network } from "hardhat";

import type { Circle, CircleRituals } from "../../typechain-types/index.js";
import { ProposalState, TEST_RULES, Vote, circleFixtures, type Rules } from "../fixtures/circles.js";
import { mulberry32 } from "../utils/random.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const { time } = networkHelpers;
const { deployRegistry, createCircle, proposal, propose, openVoting, closeVoting } = circleFixtures(connection);

/** The shortest reset cooldown `rules` allow, as CircleRulesLib.minResetCooldown computes it. */
function minResetCooldown(rules: Rules): number {
  const groups = Math.floor(Math.floor((rules.maxMembers - 1) / 2) / rules.resetThreshold);
  return groups === 0 ? 0 : (groups + 1) * (rules.votingDelay + rules.votingPeriod);
}

/** A circle of `size` people (signers 0 to size - 1) under `rules`. */
async function circleOf(size: number, rules: Rules) {
  const { registry } = await deployRegistry();
  const people = (await ethers.getSigners()).slice(0, size);
  const parts = await createCircle(registry, people, rules, `Circle of ${size}`);
  await time.increase(1);
  return { ...parts, people };
}

/** Seven people under the test rules. */
async function circleOfSeven() {
  return circleOf(7, TEST_RULES);
}

/** The proposal that removes `members` from the circle. */
async function removal(world: Awaited<ReturnType<typeof circleOf>>, members: HardhatEthersSigner[], round: number) {
  const target = await world.membership.getAddress();
  return proposal(
    members.map((m) => ({ target, data: world.membership.interface.encodeFunctionData("remove", [m.address]) })),
    `Remove the coalition (attempt ${round})`,
  );
}

/** Coalition members who may signal at the next block (not in a reset cooldown). */
async function free(rituals: CircleRituals, coalition: HardhatEthersSigner[]) {
  const next = BigInt(await time.latest()) + 1n;
  const ends = await Promise.all(coalition.map((m) => rituals.resetCooldownEndsAt(m.address)));
  return coalition.filter((_, i) => ends[i]! <= next);
}

/** Has `signers` signal one after another; the last completes the reset. */
async function reset(rituals: CircleRituals, signers: HardhatEthersSigner[]) {
  for (const signer of signers) await (await rituals.connect(signer).signalReset()).wait();
}

async function voteFor(circle: Circle, id: bigint, voters: HardhatEthersSigner[]) {
  for (const voter of voters) await (await circle.connect(voter).castVote(id, Vote.For)).wait();
}

describe("Hard reset: no standing veto", function () {
  it("three members of seven can no longer cancel their own removal forever", async function () {
    const world = await networkHelpers.loadFixture(circleOfSeven);
    const { circle, membership, rituals, people } = world;
    const coalition = people.slice(0, 3);
    const majority = people.slice(3);

    // The attack: two signal early, the third front-runs the execution of the removal they lost.
    const first = await removal(world, coalition, 1);
    const firstId = await propose(circle, majority[0]!, first);
    await openVoting(circle);
    await voteFor(circle, firstId, majority);
    await reset(rituals, coalition.slice(0, 2));
    await closeVoting(circle, firstId);
    await expect(rituals.connect(coalition[2]!).signalReset())
      .to.emit(circle, "ProposalCanceled")
      .withArgs(firstId)
      .and.to.emit(rituals, "ResetCooldownStarted")
      .withArgs(coalition[2]!.address, BigInt(await time.latest()) + 1n + BigInt(TEST_RULES.resetCooldown));
    expect(await circle.state(firstId)).to.equal(ProposalState.Canceled);

    // Before, the same three could do it again at once, every time. Now each is in a reset cooldown.
    const second = await removal(world, coalition, 2);
    const secondId = await propose(circle, majority[0]!, second);
    await openVoting(circle);
    await voteFor(circle, secondId, majority);
    await closeVoting(circle, secondId);
    for (const member of coalition) {
      const endsAt = await rituals.resetCooldownEndsAt(member.address);
      await expect(rituals.connect(member).signalReset())
        .to.be.revertedWithCustomError(rituals, "CircleRitualsResetCooldown")
        .withArgs(member.address, endsAt);
    }
    await expect(circle.execute(second.targets, second.values, second.calldatas, second.descriptionHash)).to.emit(
      circle,
      "ProposalExecuted",
    );
    for (const member of coalition) expect(await membership.isMember(member.address)).to.equal(false);
  });

  it("keeps a reset cooldown across leaving and rejoining, and lets free members reset at any moment", async function () {
    const world = await networkHelpers.loadFixture(circleOfSeven);
    const { circle, membership, rituals, people } = world;
    await reset(rituals, people.slice(0, 3));
    const endsAt = await rituals.resetCooldownEndsAt(people[0]!.address);
    await membership.connect(people[0]!).leave();
    await membership.connect(people[0]!).requestAdmission();
    const readmission = proposal(
      [
        {
          target: await membership.getAddress(),
          data: membership.interface.encodeFunctionData("admit", [people[0]!.address]),
        },
      ],
      "Welcome back",
    );
    const id = await propose(circle, people[3]!, readmission);
    await openVoting(circle);
    await voteFor(circle, id, people.slice(3));
    await closeVoting(circle, id);
    await circle.execute(readmission.targets, readmission.values, readmission.calldatas, readmission.descriptionHash);
    expect(await rituals.resetCooldownEndsAt(people[0]!.address)).to.equal(endsAt);
    await expect(rituals.connect(people[0]!).signalReset())
      .to.be.revertedWithCustomError(rituals, "CircleRitualsResetCooldown")
      .withArgs(people[0]!.address, endsAt);
    // Three others, not in a cooldown, still pull a reset right away.
    await reset(rituals, people.slice(3, 6));
    expect(await circle.resetEpoch()).to.equal(2n);
    // Once the cooldown is over the first signers may signal again.
    await time.increaseTo(endsAt);
    await expect(rituals.connect(people[0]!).signalReset()).to.emit(rituals, "ResetSignalled");
  });

  it("an adversarial minority that front-runs every execution delays a majority's removal of it by at most floor(m/t) rounds", async function () {
    const random = mulberry32(0x5eed_2026);
    const pick = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
    const schedules = 25;
    for (let s = 0; s < schedules; ++s) {
      const size = pick(7, 16);
      const minority = pick(3, Math.floor((size - 1) / 2));
      const rules: Rules = {
        ...TEST_RULES,
        minMembers: 1,
        maxMembers: pick(size, 20),
        votingDelay: pick(1, 600),
        votingPeriod: pick(600, 7_200),
        resetWindow: 3_600,
      };
      // The tightest cooldown the rules allow: the guarantee must hold there.
      rules.resetCooldown = Math.max(minResetCooldown(rules), 1);
      const world = await circleOf(size, rules);
      const { circle, membership, rituals, people } = world;
      const coalition = people.slice(0, minority);
      const majority = people.slice(minority);
      const groups = Math.floor(minority / rules.resetThreshold);
      const D = rules.votingDelay + rules.votingPeriod;
      const SLACK = 60; // seconds the majority takes to re-propose, vote and execute (one block per transaction)

      const start = await time.latest();
      let cancellations = 0;
      for (let round = 1; ; ++round) {
        expect(round, `schedule ${s}: the removal must pass`).to.be.at.most(groups + 1);
        const p = await removal(world, coalition, round);
        const id = await propose(circle, majority[pick(0, majority.length - 1)]!, p);
        // The adversary resets whenever it can: now (pending), once voting opens, or just before execution.
        const moment = pick(0, 2);
        let cancelled = false;
        const strike = async () => {
          const ready = await free(rituals, coalition);
          if (cancelled || ready.length < rules.resetThreshold) return;
          await reset(rituals, ready.slice(0, rules.resetThreshold));
          cancelled = true;
        };
        if (moment === 0) await strike();
        if (!cancelled) await openVoting(circle);
        if (!cancelled && moment === 1) await strike();
        if (!cancelled) await voteFor(circle, id, majority);
        if (!cancelled) await closeVoting(circle, id);
        if (!cancelled) await strike();
        if (cancelled) {
          expect(await circle.state(id)).to.equal(ProposalState.Canceled);
          ++cancellations;
          // The majority proposes again at once (within a few seconds).
          await time.increase(pick(0, 20));
          continue;
        }
        // No free signer group is left: a signal from a member in a cooldown is refused with its end.
        const ready = new Set((await free(rituals, coalition)).map((m) => m.address));
        const cooled = coalition.find((m) => !ready.has(m.address))!;
        await expect(rituals.connect(cooled).signalReset())
          .to.be.revertedWithCustomError(rituals, "CircleRitualsResetCooldown")
          .withArgs(cooled.address, await rituals.resetCooldownEndsAt(cooled.address));
        await expect(circle.execute(p.targets, p.values, p.calldatas, p.descriptionHash)).to.emit(
          circle,
          "ProposalExecuted",
        );
        break;
      }
      for (const member of coalition) expect(await membership.isMember(member.address)).to.equal(false);
      expect(cancellations, `schedule ${s}: cancellations`).to.be.at.most(groups);
      const elapsed = (await time.latest()) - start;
      expect(elapsed, `schedule ${s}: delay`).to.be.at.most((groups + 1) * (D + SLACK));
    }
  });
});

describe("Hard reset: what IGovernor readers see", function () {
  it("reports every proposal a reset cancels with ProposalCanceled, and none it does not", async function () {
    const world = await networkHelpers.loadFixture(circleOfSeven);
    const { circle, rituals, people } = world;
    const self = await circle.getAddress();
    const make = async (who: HardhatEthersSigner, name: string) => {
      const p = proposal([{ target: self, data: "0x" }], name);
      return { p, id: await propose(circle, who, p) };
    };
    const passAll = async (id: bigint) => voteFor(circle, id, people.slice(0, 4));

    // Finished before the reset: executed, defeated, withdrawn by its proposer, expired.
    const executed = await make(people[0]!, "Executed");
    const defeated = await make(people[1]!, "Defeated");
    const withdrawn = await make(people[2]!, "Withdrawn");
    const expired = await make(people[3]!, "Expired");
    const w = withdrawn.p;
    await circle.connect(people[2]!).cancel(w.targets, w.values, w.calldatas, w.descriptionHash);
    await openVoting(circle);
    await passAll(executed.id);
    await passAll(expired.id);
    await circle.connect(people[0]!).castVote(defeated.id, Vote.Against);
    await closeVoting(circle, executed.id);
    const e = executed.p;
    await circle.execute(e.targets, e.values, e.calldatas, e.descriptionHash);
    await time.increase(TEST_RULES.executionWindow + 1);
    // Open at the reset: succeeded, active, pending.
    const succeeded = await make(people[4]!, "Succeeded");
    await openVoting(circle);
    await passAll(succeeded.id);
    const active = await make(people[5]!, "Active");
    await closeVoting(circle, succeeded.id);
    const pending = await make(people[6]!, "Pending");
    expect(await circle.state(succeeded.id)).to.equal(ProposalState.Succeeded);
    expect(await circle.state(active.id)).to.equal(ProposalState.Active);
    expect(await circle.state(pending.id)).to.equal(ProposalState.Pending);
    expect(await circle.state(expired.id)).to.equal(ProposalState.Expired);
    expect(await circle.state(defeated.id)).to.equal(ProposalState.Defeated);

    const fromBlock = await ethers.provider.getBlockNumber();
    await reset(rituals, people.slice(0, 3));

    // A plain IGovernor reader: only ProposalCreated, ProposalCanceled and ProposalExecuted logs.
    const governor = new ethers.Contract(
      self,
      [
        "event ProposalCreated(uint256 proposalId, address proposer, address[] targets, uint256[] values, string[] signatures, bytes[] calldatas, uint256 voteStart, uint256 voteEnd, string description)",
        "event ProposalCanceled(uint256 proposalId)",
        "event ProposalExecuted(uint256 proposalId)",
      ],
      ethers.provider,
    );
    const cancelled = (await governor.queryFilter(governor.filters.ProposalCanceled!(), fromBlock + 1)).map(
      (log) => (log as unknown as { args: [bigint] }).args[0],
    );
    expect(new Set(cancelled)).to.deep.equal(new Set([succeeded.id, active.id, pending.id]));
    for (const id of [succeeded.id, active.id, pending.id]) {
      expect(await circle.state(id)).to.equal(ProposalState.Canceled);
    }
    const everCancelled = (await governor.queryFilter(governor.filters.ProposalCanceled!(), 0)).map(
      (log) => (log as unknown as { args: [bigint] }).args[0],
    );
    const executedLogs = (await governor.queryFilter(governor.filters.ProposalExecuted!(), 0)).map(
      (log) => (log as unknown as { args: [bigint] }).args[0],
    );
    // Everything the reader takes as live is live; everything else it saw end.
    const created = (await governor.queryFilter(governor.filters.ProposalCreated!(), 0)).map(
      (log) => (log as unknown as { args: [bigint] }).args[0],
    );
    for (const id of created) {
      const state = await circle.state(id);
      const ended = everCancelled.includes(id) || executedLogs.includes(id);
      if (state === ProposalState.Canceled) expect(everCancelled, `proposal ${id}`).to.include(id);
      if (!ended) expect([ProposalState.Defeated, ProposalState.Expired]).to.include(state);
    }
    expect(await rituals.openProposals()).to.deep.equal([]);
  });

  it("refuses a proposer past the open-proposal bound, and frees room as proposals finish", async function () {
    const world = await networkHelpers.loadFixture(circleOfSeven);
    const { circle, rituals, people } = world;
    const self = await circle.getAddress();
    const cap = Number(await rituals.MAX_OPEN_PER_PROPOSER());
    expect(await rituals.MAX_OPEN_PROPOSALS()).to.equal(BigInt(cap * 32));
    for (let i = 0; i < cap; ++i) await propose(circle, people[0]!, proposal([{ target: self, data: "0x" }], `P${i}`));
    const extra = proposal([{ target: self, data: "0x" }], "One too many");
    await expect(circle.connect(people[0]!).propose(extra.targets, extra.values, extra.calldatas, extra.description))
      .to.be.revertedWithCustomError(rituals, "CircleRitualsTooManyOpenProposals")
      .withArgs(people[0]!.address, cap);
    // A minority's full quota does not touch anyone else's.
    await propose(circle, people[1]!, proposal([{ target: self, data: "0x" }], "Someone else"));
    // Once the first ones are defeated (no votes), the proposer has room again.
    await openVoting(circle);
    await time.increase(TEST_RULES.votingPeriod + 1);
    const extraId = await propose(circle, people[0]!, extra);
    const open = await rituals.openProposals();
    expect(open).to.include(extraId);
    for (const id of open) expect([ProposalState.Pending, ProposalState.Active]).to.include(await circle.state(id));
    await expect(rituals.connect(people[0]!).proposalMade(1n, people[0]!.address))
      .to.be.revertedWithCustomError(rituals, "CircleRitualsOnlyCircle")
      .withArgs(people[0]!.address);
    await expect(rituals.connect(people[0]!).takeOpenProposals())
      .to.be.revertedWithCustomError(rituals, "CircleRitualsOnlyCircle")
      .withArgs(people[0]!.address);
  });

  it("keeps a reset's cost linear in the open proposals it reports, with a bounded number of them", async function () {
    const measure = async (open: number) => {
      const world = await circleOf(7, TEST_RULES);
      const { circle, rituals, people } = world;
      const self = await circle.getAddress();
      for (let i = 0; i < open; ++i) {
        await propose(circle, people[i % 7]!, proposal([{ target: self, data: "0x" }], `Open ${i}`));
      }
      await reset(rituals, people.slice(0, 2));
      const receipt = await (await rituals.connect(people[2]!).signalReset()).wait();
      return receipt!.gasUsed;
    };
    const none = await measure(0);
    const many = await measure(35);
    const perProposal = (many - none) / 35n;
    // Reading each entry, asking the circle its state and one event: well under 20k gas each, so even the bound of
    // MAX_OPEN_PROPOSALS (512) stays far below a block's gas limit.
    if (process.env.SHOW_GAS) console.log({ none, many, perProposal });
    expect(perProposal).to.be.below(20_000n);
    expect(none + 512n * perProposal).to.be.below(15_000_000n);
  });
});
