import { expect } from "chai";
import { network } from "hardhat";

import { blockHeaderRlp } from "../../client/blockHeader.js";
import { findEvent } from "../../client/events.js";
import { TEST_MANDATE_RULES, circleFixtures, mandateSpec, roleId, type CircleWorld } from "../fixtures/circles.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const { time } = networkHelpers;
const { circleWorld, decide, grantByDecision } = circleFixtures(connection);

const DAY = 86_400;

/** Requests a draw by the circle's decision (proposed by Ana) and returns its id and frozen pool. */
async function requestDraw(world: CircleWorld, role: string, description = `Draw a ${role}`) {
  const { mandates } = world;
  const data = mandates.interface.encodeFunctionData("requestDraw", [mandateSpec(role, 5 * DAY)]);
  const receipt = await (await decide(world, [{ target: mandates.target as string, data }], description)).wait();
  return drawFrom(world, receipt!.logs);
}

function drawFrom(world: CircleWorld, logs: readonly { topics: readonly string[]; data: string }[]) {
  const parsed = findEvent(world.mandates.interface, logs, "DrawRequested");
  if (!parsed) throw new Error("no DrawRequested event");
  return {
    drawId: parsed.args.drawId as bigint,
    pool: [...(parsed.args.pool as string[])],
    ticket: parsed.args.ticket as bigint,
  };
}

/** The index the draw tries first for `randomness` over `size` candidates (see libraries/Sortition.sol). */
function firstIndex(randomness: bigint, size: number): number {
  const hash = ethers.keccak256(ethers.AbiCoder.defaultAbiCoder().encode(["uint256", "uint256"], [randomness, 0n]));
  return Number(BigInt(hash) % BigInt(size));
}

describe("Sortition", function () {
  describe("drawing a mandate by lot", function () {
    it("freezes the pool of eligible members, leaving out the proposer", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const { mandates, founders } = world;
      const { drawId, pool, ticket } = await requestDraw(world, "cook");
      expect(pool).to.have.members(founders.slice(1).map((f) => f.address));
      const d = await mandates.draw(drawId);
      expect(d.poolSize).to.equal(5n);
      expect(d.ticket).to.equal(ticket);
      expect(d.proposer).to.equal(founders[0]!.address);
      expect(d.status).to.equal(1n);
      expect(d.poolHash).to.equal(ethers.keccak256(ethers.AbiCoder.defaultAbiCoder().encode(["address[]"], [pool])));
    });

    it("is completed by anyone once the randomness is revealed, granting a drawn mandate", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const { mandates, randomness, outsiders } = world;
      const { drawId, pool, ticket } = await requestDraw(world, "cook");
      await expect(mandates.completeDraw(drawId, pool, "0x")).to.be.revertedWithCustomError(
        randomness,
        "RandomnessNotReady",
      );
      await randomness.setValue(ticket, 12345n);
      const expected = pool[firstIndex(12345n, pool.length)]!;
      await expect(mandates.connect(outsiders[0]!).completeDraw(drawId, pool, "0x"))
        .to.emit(mandates, "DrawCompleted")
        .withArgs(drawId, 1n, expected, 12345n)
        .and.to.emit(mandates, "MandateGranted");
      const m = await mandates.mandate(1n);
      expect(m.holder).to.equal(expected);
      expect(m.drawn).to.equal(true);
      expect((await mandates.draw(drawId)).mandateId).to.equal(1n);
      await expect(mandates.completeDraw(drawId, pool, "0x")).to.be.revertedWithCustomError(
        mandates,
        "MandateDrawNotPending",
      );
    });

    it("refuses a pool other than the frozen one", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const { mandates, randomness, founders } = world;
      const { drawId, pool, ticket } = await requestDraw(world, "cook");
      await randomness.setValue(ticket, 1n);
      await expect(mandates.completeDraw(drawId, [...pool.slice(1), founders[0]!.address], "0x"))
        .to.be.revertedWithCustomError(mandates, "MandateDrawPoolMismatch")
        .withArgs(drawId);
    });

    it("never picks a member who became ineligible after the request", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const { mandates, membership, randomness, founders } = world;
      const { drawId, pool, ticket } = await requestDraw(world, "cook");
      const value = 987654321n;
      const first = pool[firstIndex(value, pool.length)]!;
      await membership.connect(founders.find((f) => f.address === first)!).leave();
      await randomness.setValue(ticket, value);
      await (await mandates.completeDraw(drawId, pool, "0x")).wait();
      const holder = (await mandates.mandate(1n)).holder;
      expect(holder).to.not.equal(first);
      expect(pool).to.include(holder);
      expect(await membership.isMember(holder)).to.equal(true);
    });

    it("can be re-requested by anyone once its randomness is stale, and not before", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const { mandates, randomness, outsiders } = world;
      const { drawId, pool, ticket } = await requestDraw(world, "cook");
      await expect(mandates.rerequestDraw(drawId))
        .to.be.revertedWithCustomError(mandates, "MandateDrawNotStale")
        .withArgs(drawId);
      await randomness.expire(ticket);
      await expect(mandates.completeDraw(drawId, pool, "0x")).to.be.revertedWithCustomError(
        randomness,
        "RandomnessExpired",
      );
      await expect(mandates.connect(outsiders[0]!).rerequestDraw(drawId))
        .to.emit(mandates, "DrawRerequested")
        .withArgs(drawId, ticket + 1n);
      await randomness.setValue(ticket + 1n, 5n);
      await expect(mandates.completeDraw(drawId, pool, "0x")).to.emit(mandates, "DrawCompleted");
      await expect(mandates.rerequestDraw(drawId)).to.be.revertedWithCustomError(mandates, "MandateDrawNotPending");
    });

    it("refuses a draw nobody is eligible for", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const { mandates, founders } = world;
      // Everyone but Ana holds a mandate (one each is the limit), and Ana proposes the draw.
      for (const [i, f] of founders.slice(1).entries())
        await grantByDecision(world, mandateSpec(`role ${i}`, 20 * DAY), f.address, founders[0]!);
      expect(await mandates.eligiblePool(roleId("cook"), founders[0]!.address)).to.deep.equal([]);
      const data = mandates.interface.encodeFunctionData("requestDraw", [mandateSpec("cook", DAY)]);
      await expect(
        decide(world, [{ target: mandates.target as string, data }], "Draw from nobody"),
      ).to.be.revertedWithCustomError(mandates, "MandateEmptyPool");
    });

    it("with the default randomness, cannot complete before the target block and reveals from its header", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const { mandates } = world;
      const source = await ethers.deployContract("PrevrandaoRandomness");
      const setSource = mandates.interface.encodeFunctionData("setRandomnessSource", [await source.getAddress()]);
      await expect(decide(world, [{ target: mandates.target as string, data: setSource }], "Use RANDAO"))
        .to.emit(mandates, "RandomnessSourceSet")
        .withArgs(await world.randomness.getAddress(), await source.getAddress());

      const { drawId, pool, ticket } = await requestDraw(world, "cook");
      const requestBlock = BigInt(await ethers.provider.getBlockNumber());
      expect(ticket).to.equal(requestBlock + 4n);
      await expect(mandates.completeDraw(drawId, pool, "0x")).to.be.revertedWithCustomError(
        source,
        "RandomnessNotReady",
      );
      await networkHelpers.mine(4);
      const block = await ethers.provider.send("eth_getBlockByNumber", [ethers.toQuantity(ticket), false]);
      await expect(mandates.completeDraw(drawId, pool, blockHeaderRlp(block)))
        .to.emit(mandates, "DrawCompleted")
        .withArgs(drawId, 1n, pool[firstIndex(BigInt(block.mixHash), pool.length)], BigInt(block.mixHash));
    });
  });

  describe("rotating facilitation", function () {
    async function completeFacilitatorDraw(world: CircleWorld) {
      const { mandates, randomness, outsiders } = world;
      const receipt = await (await mandates.connect(outsiders[0]!).requestFacilitatorDraw()).wait();
      const { drawId, pool, ticket } = drawFrom(world, receipt!.logs);
      await randomness.setValue(ticket, BigInt(ethers.id(`period ${drawId}`)));
      await (await mandates.completeDraw(drawId, pool, "0x")).wait();
      const [holder] = await mandates.holderOf(roleId("facilitator"));
      return { drawId, pool, holder };
    }

    it("rotates every period by lot, never to the same member twice in a row", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const { mandates } = world;
      let last = ethers.ZeroAddress;
      const holders: string[] = [];
      for (let period = 0; period < 6; period++) {
        const { pool, holder } = await completeFacilitatorDraw(world);
        expect(pool).to.not.include(last);
        expect(holder).to.not.equal(last);
        expect(await mandates.lastFacilitator()).to.equal(holder);
        const [, id] = await mandates.holderOf(roleId("facilitator"));
        const m = await mandates.mandate(id);
        expect(m.expiresAt - m.grantedAt).to.equal(BigInt(TEST_MANDATE_RULES.facilitationPeriod));
        expect(m.proposer).to.equal(ethers.ZeroAddress);
        holders.push(holder);
        last = holder;
        await time.increaseTo(m.expiresAt);
      }
      expect(new Set(holders).size).to.be.greaterThan(1);
    });

    it("waits for the period to end and for a pending draw to complete", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const { mandates } = world;
      await mandates.requestFacilitatorDraw();
      await expect(mandates.requestFacilitatorDraw())
        .to.be.revertedWithCustomError(mandates, "MandateFacilitatorDrawPending")
        .withArgs(1n);
      const world2 = await networkHelpers.loadFixture(circleWorld);
      const { holder } = await completeFacilitatorDraw(world2);
      const [, id] = await world2.mandates.holderOf(roleId("facilitator"));
      await expect(world2.mandates.requestFacilitatorDraw())
        .to.be.revertedWithCustomError(world2.mandates, "MandateRoleOccupied")
        .withArgs(roleId("facilitator"), id);
      expect(holder).to.not.equal(ethers.ZeroAddress);
    });

    it("does not exist in a circle whose facilitation period is zero", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const { mandates } = world;
      const rules = { ...TEST_MANDATE_RULES, facilitationPeriod: 0 };
      await decide(
        world,
        [{ target: mandates.target as string, data: mandates.interface.encodeFunctionData("updateRules", [rules]) }],
        "No facilitator",
      );
      await expect(mandates.requestFacilitatorDraw()).to.be.revertedWithCustomError(mandates, "MandateNoFacilitation");
    });
  });
});
