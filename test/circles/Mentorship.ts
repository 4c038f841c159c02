import { expect } from "chai";
import { AbiCoder, getAddress, keccak256 } from "ethers";
import { network } from "hardhat";

import { findEvent } from "../../client/events.js";
import { TEST_MANDATE_RULES, TEST_RULES, circleFixtures, type CircleWorld } from "../fixtures/circles.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const { time } = networkHelpers;
const { circleWorld, createCircle, admitByDecision, deployRegistry } = circleFixtures(connection);

const PERIOD = TEST_MANDATE_RULES.inversionPeriod;

/**
 * The model of the ordering: newest first by admission time, ties by keccak256(randomness, member) (the top 208 bits),
 * then by address. Takes the members sorted by address, so agreeing with it shows the contract's order does not
 * depend on the order `members()` returns.
 */
function modelOrder(admitted: Map<string, bigint>, randomness: bigint): string[] {
  const key = (member: string) =>
    (admitted.get(member)! << 208n) |
    (BigInt(keccak256(AbiCoder.defaultAbiCoder().encode(["uint256", "address"], [randomness, member]))) >> 48n);
  return [...admitted.keys()]
    .sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))
    .sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      if (ka !== kb) return ka > kb ? -1 : 1;
      return BigInt(a) > BigInt(b) ? -1 : 1;
    });
}

/** The model's pairs: i-th newest with i-th most senior. */
function modelPairs(order: string[]): [string, string][] {
  const n = order.length;
  return Array.from({ length: Math.floor(n / 2) }, (_, i) => [order[i]!, order[n - 1 - i]!]);
}

/** Every current member's admission time. */
async function admissionTimes(world: CircleWorld): Promise<Map<string, bigint>> {
  const admitted = new Map<string, bigint>();
  for (const member of await world.membership.members()) {
    admitted.set(getAddress(member), await world.membership.admittedAt(member));
  }
  return admitted;
}

/** Requests an inversion (time moved to when it is due), reveals `randomness` and completes it. */
async function invert(world: CircleWorld, randomness: bigint) {
  const { rituals, randomness: source, outsiders } = world;
  const [, , , , dueAt] = await rituals.inversion();
  if (BigInt(await time.latest()) < dueAt) await time.increaseTo(dueAt);
  await (await rituals.connect(outsiders[9]!).requestInversion()).wait();
  const [requested, , , ticket] = await rituals.inversion();
  await source.setValue(ticket, randomness);
  const admitted = await admissionTimes(world);
  const receipt = (await (await rituals.connect(outsiders[8]!).completeInversion("0x")).wait())!;
  const paired = receipt.logs
    .map((log) => rituals.interface.parseLog(log))
    .filter((e) => e?.name === "MentorshipPaired")
    .map((e): [string, string] => [getAddress(e!.args.mentor as string), getAddress(e!.args.mentee as string)]);
  const completed = findEvent(rituals.interface, receipt.logs, "InversionCompleted")!;
  return { number: requested, paired, completed: completed.args, admitted };
}

/** The current pairs as [mentor, mentee]. */
async function currentPairs(world: CircleWorld): Promise<[string, string][]> {
  const [, pairs] = await world.rituals.mentorshipPairs();
  return pairs.map((p) => [getAddress(p.mentor), getAddress(p.mentee)]);
}

/** The six founders and `count` newcomers, each admitted by its own decision (so a distinct second). */
async function withNewcomers(count: number) {
  const world = await circleWorld();
  for (const who of world.outsiders.slice(0, count)) await (await admitByDecision(world, who)).wait();
  return world;
}

const sevenMembers = () => withNewcomers(1);
const tenMembers = () => withNewcomers(4);

describe("Mentorship inversion", function () {
  describe("admission time", function () {
    it("is the founding for founders, the admission for newcomers, 0 for others and resets on re-admission", async function () {
      const world = await networkHelpers.loadFixture(sevenMembers);
      const { membership, founders, outsiders } = world;
      const foundedAt = await membership.foundedAt();
      for (const founder of founders) expect(await membership.admittedAt(founder.address)).to.equal(foundedAt);
      const admittedAt = await membership.admittedAt(outsiders[0]!.address);
      expect(admittedAt).to.be.greaterThan(foundedAt);
      expect(await membership.admittedAt(outsiders[1]!.address)).to.equal(0n);

      // A founder and the newcomer leave: 0; re-admitted, they count from the re-admission.
      await (await membership.connect(founders[5]!).leave()).wait();
      await (await membership.connect(outsiders[0]!).leave()).wait();
      expect(await membership.admittedAt(founders[5]!.address)).to.equal(0n);
      expect(await membership.admittedAt(outsiders[0]!.address)).to.equal(0n);
      const receipt = (await (await admitByDecision(world, founders[5]!, "Welcome back")).wait())!;
      const block = await ethers.provider.getBlock(receipt.blockNumber);
      expect(await membership.admittedAt(founders[5]!.address)).to.equal(BigInt(block!.timestamp));
      await (await admitByDecision(world, outsiders[0]!, "Welcome back too")).wait();
      expect(await membership.admittedAt(outsiders[0]!.address)).to.be.greaterThan(admittedAt);
    });
  });

  describe("pairs", function () {
    it("pairs six founders among themselves by lot (they share one admission time)", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const { number, paired, completed, admitted } = await invert(world, 12_345n);
      expect(number).to.equal(1n);
      expect(new Set(admitted.values()).size).to.equal(1);
      expect(paired).to.deep.equal(modelPairs(modelOrder(admitted, 12_345n)));
      expect(paired).to.have.length(3);
      expect(completed.pairs).to.equal(3n);
      expect(completed.unpaired).to.equal(ethers.ZeroAddress);
      expect(completed.randomness).to.equal(12_345n);
      expect(new Set(paired.flat()).size).to.equal(6);
      expect(await currentPairs(world)).to.deep.equal(paired);
    });

    it("breaks the founders' tie by the lot: another randomness, another pairing", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const admitted = await admissionTimes(world);
      const pairings = new Set([1n, 2n, 3n, 4n, 5n].map((r) => JSON.stringify(modelPairs(modelOrder(admitted, r)))));
      expect(pairings.size).to.be.greaterThan(1);
      const { paired } = await invert(world, 2n);
      expect(paired).to.deep.equal(modelPairs(modelOrder(admitted, 2n)));
    });

    it("with seven members pairs the newcomer with a most senior founder and leaves the median unpaired", async function () {
      const world = await networkHelpers.loadFixture(sevenMembers);
      const newcomer = getAddress(world.outsiders[0]!.address);
      const { paired, completed, admitted } = await invert(world, 777n);
      const order = modelOrder(admitted, 777n);
      expect(order[0]).to.equal(newcomer);
      expect(paired).to.deep.equal(modelPairs(order));
      expect(paired).to.have.length(3);
      expect(paired[0]![0]).to.equal(newcomer);
      expect(admitted.get(paired[0]![1])).to.equal(await world.membership.foundedAt());
      expect(completed.unpaired).to.equal(order[3]);
      expect(paired.flat()).to.not.include(order[3]);
      expect(await currentPairs(world)).to.deep.equal(paired);
    });

    it("with ten members pairs the newest with the most senior, in order", async function () {
      const world = await networkHelpers.loadFixture(tenMembers);
      const newcomers = world.outsiders.slice(0, 4).map((o) => getAddress(o.address));
      const { paired, completed, admitted } = await invert(world, 10n);
      expect(completed.pairs).to.equal(5n);
      expect(completed.unpaired).to.equal(ethers.ZeroAddress);
      expect(paired).to.deep.equal(modelPairs(modelOrder(admitted, 10n)));
      // The newest (the last admitted) mentors first; the four newcomers mentor four founders.
      expect(paired.slice(0, 4).map((p) => p[0])).to.deep.equal([...newcomers].reverse());
      const foundedAt = await world.membership.foundedAt();
      for (const [mentor, mentee] of paired) {
        expect(mentor).to.not.equal(mentee);
        expect(admitted.get(mentor)).to.be.at.least(admitted.get(mentee)!);
        expect(admitted.get(mentee)).to.equal(foundedAt);
      }
    });

    it("never pairs a member with themselves, whatever the count", async function () {
      const world = await networkHelpers.loadFixture(tenMembers);
      for (let round = 0; round < 4; ++round) {
        const { paired, admitted } = await invert(world, BigInt(round) * 1_000_003n);
        expect(paired).to.have.length(Math.floor(admitted.size / 2));
        for (const [mentor, mentee] of paired) expect(mentor).to.not.equal(mentee);
        expect(new Set(paired.flat()).size).to.equal(paired.length * 2);
        // One fewer member for the next round (odd and even counts alike).
        await (await world.membership.connect(world.founders[round]!).leave()).wait();
      }
    });

    it("records an inversion with no pairs when fewer than two members remain", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      for (const founder of world.founders.slice(1)) await (await world.membership.connect(founder).leave()).wait();
      const { number, paired, completed } = await invert(world, 1n);
      expect(paired).to.deep.equal([]);
      expect(completed.pairs).to.equal(0n);
      expect(completed.unpaired).to.equal(world.founders[0]!.address);
      const [recorded, pairs] = await world.rituals.mentorshipPairs();
      expect([recorded, pairs.length]).to.deep.equal([number, 0]);
    });
  });

  describe("after joins and leaves", function () {
    it("leaves a departed member's partner unpaired and a newcomer unpaired until the next inversion", async function () {
      const world = await networkHelpers.loadFixture(tenMembers);
      const { membership, outsiders } = world;
      const { paired } = await invert(world, 99n);
      const [gone, orphan] = paired[1]!;
      await (await membership.connect(await ethers.getSigner(gone)).leave()).wait();
      await (await admitByDecision(world, outsiders[5]!)).wait();
      const standing = await currentPairs(world);
      expect(standing).to.deep.equal(paired.filter((_, i) => i !== 1));
      expect(standing.flat()).to.not.include(orphan);
      expect(standing.flat()).to.not.include(getAddress(outsiders[5]!.address));

      // Re-admitted since the inversion: no longer in its pairs either (a founder leaves first, to make room).
      const founder = [world.founders[4]!, world.founders[5]!].find((f) => getAddress(f.address) !== orphan)!;
      await (await membership.connect(founder).leave()).wait();
      await (await admitByDecision(world, await ethers.getSigner(gone), "Welcome back")).wait();
      const without = (left: string[]) => paired.filter(([a, b]) => !left.includes(a) && !left.includes(b));
      expect(await currentPairs(world)).to.deep.equal(without([gone, getAddress(founder.address)]));

      // The next inversion pairs everyone again, the newcomer as the newest.
      const next = await invert(world, 100n);
      expect(next.number).to.equal(2n);
      expect(next.paired).to.have.length(5);
      expect(next.paired[0]![0]).to.equal(gone);
      expect(next.paired[1]![0]).to.equal(getAddress(outsiders[5]!.address));
      expect(next.paired.flat()).to.include(orphan);
      expect(await currentPairs(world)).to.deep.equal(next.paired);
    });

    it("does not pair a member admitted after the request: they wait for the next inversion", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const { rituals, randomness, outsiders } = world;
      await time.increase(PERIOD);
      await (await rituals.requestInversion()).wait();
      await (await admitByDecision(world, outsiders[0]!)).wait();
      const [, , , ticket] = await rituals.inversion();
      await randomness.setValue(ticket, 5n);
      await expect(rituals.completeInversion("0x"))
        .to.emit(rituals, "InversionCompleted")
        .withArgs(1n, 3n, ethers.ZeroAddress, 5n);
      expect((await currentPairs(world)).flat()).to.not.include(getAddress(outsiders[0]!.address));
    });

    it("keeps the pairs and a pending inversion through a hard reset", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const { rituals, founders, randomness } = world;
      const { paired } = await invert(world, 3n);
      await time.increase(PERIOD);
      await (await rituals.requestInversion()).wait();
      for (const founder of founders.slice(0, 3)) await (await rituals.connect(founder).signalReset()).wait();
      expect(await world.circle.resetEpoch()).to.equal(1n);
      expect(await currentPairs(world)).to.deep.equal(paired);
      const [, , , ticket] = await rituals.inversion();
      await randomness.setValue(ticket, 4n);
      await expect(rituals.completeInversion("0x")).to.emit(rituals, "InversionCompleted");
    });
  });

  describe("rhythm", function () {
    it("refuses an inversion before it is due, then once per period from the request", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const { rituals, membership, randomness } = world;
      const firstDue = (await membership.foundedAt()) + BigInt(PERIOD);
      expect((await rituals.inversion())[4]).to.equal(firstDue);
      await expect(rituals.requestInversion())
        .to.be.revertedWithCustomError(rituals, "CircleRitualsInversionNotDue")
        .withArgs(firstDue);
      await time.increaseTo(firstDue);
      const tx = rituals.requestInversion();
      await expect(tx).to.emit(rituals, "InversionRequested").withArgs(1n, 1n);
      const requestedAt = BigInt(await time.latest());
      await expect(rituals.requestInversion())
        .to.be.revertedWithCustomError(rituals, "CircleRitualsInversionPending")
        .withArgs(1n);
      await randomness.setValue(1n, 8n);
      await (await rituals.completeInversion("0x")).wait();
      await expect(rituals.completeInversion("0x")).to.be.revertedWithCustomError(
        rituals,
        "CircleRitualsNoInversionPending",
      );
      await expect(rituals.requestInversion())
        .to.be.revertedWithCustomError(rituals, "CircleRitualsInversionNotDue")
        .withArgs(requestedAt + BigInt(PERIOD));
      await time.increaseTo(requestedAt + BigInt(PERIOD));
      await expect(rituals.requestInversion()).to.emit(rituals, "InversionRequested").withArgs(2n, 2n);
    });

    it("refuses to complete before the randomness is revealed, with the source's error", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const { rituals, randomness } = world;
      await time.increase(PERIOD);
      await (await rituals.requestInversion()).wait();
      await expect(rituals.completeInversion("0x"))
        .to.be.revertedWithCustomError(randomness, "RandomnessNotReady")
        .withArgs(1n);
      const [recorded, pairs] = await rituals.mentorshipPairs();
      expect([recorded, pairs.length]).to.deep.equal([0n, 0]);
    });

    it("refuses inversions in a circle whose rules turn them off", async function () {
      const { registry } = await deployRegistry();
      const founders = (await ethers.getSigners()).slice(0, 6);
      const { rituals } = await createCircle(registry, founders, { ...TEST_RULES }, "No inversions", {
        ...TEST_MANDATE_RULES,
        inversionPeriod: 0,
      });
      await time.increase(10 * PERIOD);
      await expect(rituals.requestInversion()).to.be.revertedWithCustomError(rituals, "CircleRitualsInversionsOff");
      expect((await rituals.inversion())[4]).to.equal(0n);
    });

    it("re-requests a stale ticket, and only a stale one, keeping the schedule", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const { rituals, randomness } = world;
      await expect(rituals.rerequestInversion()).to.be.revertedWithCustomError(
        rituals,
        "CircleRitualsNoInversionPending",
      );
      await time.increase(PERIOD);
      await (await rituals.requestInversion()).wait();
      const [, , , , dueAt] = await rituals.inversion();
      await expect(rituals.rerequestInversion())
        .to.be.revertedWithCustomError(rituals, "CircleRitualsInversionNotStale")
        .withArgs(1n);
      await randomness.expire(1n);
      await expect(rituals.completeInversion("0x"))
        .to.be.revertedWithCustomError(randomness, "RandomnessExpired")
        .withArgs(1n);
      await expect(rituals.rerequestInversion()).to.emit(rituals, "InversionRerequested").withArgs(1n, 2n);
      const [requested, completed, , ticket, dueAfter] = await rituals.inversion();
      expect([requested, completed, ticket, dueAfter]).to.deep.equal([1n, 0n, 2n, dueAt]);
      await randomness.setValue(2n, 6n);
      await expect(rituals.completeInversion("0x"))
        .to.emit(rituals, "InversionCompleted")
        .withArgs(1n, 3n, ethers.ZeroAddress, 6n);
    });

    it("lets anyone, outsiders included, request and complete: the outcome is fixed", async function () {
      const world = await networkHelpers.loadFixture(sevenMembers);
      const a = await invert(world, 42n);
      // The same members and randomness give the same pairs whoever completes (the model takes no caller).
      expect(a.paired).to.deep.equal(modelPairs(modelOrder(a.admitted, 42n)));
    });
  });
});
