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

  describe("several pending draws", function () {
    /** The first randomness from `seed` up whose first pick in a pool of `size` is index `index`. */
    function valueFirstPicking(index: number, size: number, seed: bigint): bigint {
      let value = seed;
      while (firstIndex(value, size) !== index) value += 1n;
      return value;
    }

    it("two pending draws over overlapping pools complete only in request order: the completer cannot choose who gets which role", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const { mandates, randomness, outsiders } = world;
      // Both pools are the five members other than Ana; one live mandate per member is the limit.
      const cook = await requestDraw(world, "cook");
      const gardener = await requestDraw(world, "gardener");
      expect(gardener.pool).to.deep.equal(cook.pool);
      // Both randomness values pick the same member first: whichever draw completes first gives them its role.
      const favourite = 2;
      await randomness.setValue(cook.ticket, valueFirstPicking(favourite, 5, 1000n));
      await randomness.setValue(gardener.ticket, valueFirstPicking(favourite, 5, 5000n));
      const chosen = cook.pool[favourite]!;

      // The attack: complete the later draw first, to hand the favourite the gardener's role instead of the cook's.
      await expect(mandates.connect(outsiders[0]!).completeDraw(gardener.drawId, gardener.pool, "0x"))
        .to.be.revertedWithCustomError(mandates, "MandateDrawOutOfOrder")
        .withArgs(gardener.drawId, cook.drawId);
      expect(await mandates.mandateCount()).to.equal(0n);

      // In request order, the outcome is the only one there is: the cook's draw first.
      await expect(mandates.connect(outsiders[1]!).completeDraw(cook.drawId, cook.pool, "0x"))
        .to.emit(mandates, "DrawCompleted")
        .withArgs(cook.drawId, 1n, chosen, await randomness.reveal(cook.ticket, "0x"));
      await (await mandates.connect(outsiders[0]!).completeDraw(gardener.drawId, gardener.pool, "0x")).wait();
      expect((await mandates.holderOf(roleId("cook")))[0]).to.equal(chosen);
      const [gardenerHolder] = await mandates.holderOf(roleId("gardener"));
      expect(gardenerHolder).to.not.equal(chosen);
      expect(gardener.pool).to.include(gardenerHolder);
    });

    it("refuses a second draw for a role, or a grant of it, while a draw for it is pending", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const { mandates, founders } = world;
      const { drawId } = await requestDraw(world, "cook");
      const again = mandates.interface.encodeFunctionData("requestDraw", [mandateSpec("cook", DAY)]);
      await expect(decide(world, [{ target: mandates.target as string, data: again }], "Draw the cook again"))
        .to.be.revertedWithCustomError(mandates, "MandateRoleDrawPending")
        .withArgs(roleId("cook"), drawId);
      await expect(grantByDecision(world, mandateSpec("cook", DAY), founders[3]!.address))
        .to.be.revertedWithCustomError(mandates, "MandateRoleDrawPending")
        .withArgs(roleId("cook"), drawId);
    });

    it("a draw nobody in its pool is still eligible for is void: it grants nothing and frees the queue and the role", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const { mandates, randomness, founders } = world;
      const cook = await requestDraw(world, "cook");
      // After the request every member of the pool takes another mandate: one live mandate each is the limit.
      for (const [i, f] of founders.slice(1).entries())
        await grantByDecision(world, mandateSpec(`role ${i}`, 20 * DAY), f.address, founders[0]!);
      const gardener = mandates.interface.encodeFunctionData("requestDraw", [mandateSpec("gardener", DAY)]);
      const receipt = await (
        await decide(world, [{ target: mandates.target as string, data: gardener }], "Draw a gardener", founders[1]!)
      ).wait();
      const second = drawFrom(world, receipt!.logs);
      expect(second.pool).to.deep.equal([founders[0]!.address]);
      await randomness.setValue(cook.ticket, 99n);
      await expect(mandates.completeDraw(cook.drawId, cook.pool, "0x"))
        .to.emit(mandates, "DrawVoided")
        .withArgs(cook.drawId, 99n)
        .and.not.to.emit(mandates, "MandateGranted");
      const d = await mandates.draw(cook.drawId);
      expect(d.status).to.equal(3n); // Void
      expect(d.mandateId).to.equal(0n);
      expect(await mandates.mandateCount()).to.equal(5n);
      // The queue moves on (the next draw is no longer out of order) and the cook's role can be decided anew.
      await randomness.setValue(second.ticket, 5n);
      await expect(mandates.completeDraw(second.drawId, second.pool, "0x"))
        .to.emit(mandates, "DrawCompleted")
        .withArgs(second.drawId, 6n, founders[0]!.address, 5n);
      // The cook's role is free again: a new draw for it is refused only because everyone now holds a mandate.
      const cookAgain = mandates.interface.encodeFunctionData("requestDraw", [mandateSpec("cook", DAY)]);
      await expect(
        decide(world, [{ target: mandates.target as string, data: cookAgain }], "Draw a cook again"),
      ).to.be.revertedWithCustomError(mandates, "MandateEmptyPool");
      await expect(mandates.completeDraw(cook.drawId, cook.pool, "0x"))
        .to.be.revertedWithCustomError(mandates, "MandateDrawNotPending")
        .withArgs(cook.drawId);
    });

    it("after a hard reset cancels the pending draws, a new draw completes without waiting for them", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const { mandates, rituals, randomness, founders } = world;
      await requestDraw(world, "cook");
      await requestDraw(world, "gardener");
      for (const f of founders.slice(3, 6)) await (await rituals.connect(f).signalReset()).wait();
      const cook = await requestDraw(world, "cook", "Draw a cook after the reset");
      expect(cook.drawId).to.equal(3n);
      await randomness.setValue(cook.ticket, 7n);
      await expect(mandates.completeDraw(cook.drawId, cook.pool, "0x")).to.emit(mandates, "DrawCompleted");
    });
  });

  describe("the draw module", function () {
    it("called directly, outside a circle's mandates, refuses everything", async function () {
      const [caller] = await ethers.getSigners();
      const audits = await ethers.deployContract("MandateAudits");
      const implementation = await ethers.deployContract("Mandates", [await audits.getAddress()]);
      // The implementation's constructor deploys the module: its first creation.
      const address = ethers.getCreateAddress({ from: await implementation.getAddress(), nonce: 1 });
      expect(await ethers.provider.getCode(address)).to.not.equal("0x");
      const draws = await ethers.getContractAt("MandateDraws", address);
      const mandates = await ethers.getContractAt("Mandates", address);
      await expect(draws.connect(caller!).requestDraw(mandateSpec("cook", DAY)))
        .to.be.revertedWithCustomError(mandates, "MandateOnlyCircle")
        .withArgs(caller!.address);
      await expect(draws.requestFacilitatorDraw()).to.be.revertedWithCustomError(mandates, "MandateNoFacilitation");
      await expect(draws.completeDraw(1n, [], "0x"))
        .to.be.revertedWithCustomError(mandates, "MandateDrawNotPending")
        .withArgs(1n);
      await expect(draws.rerequestDraw(1n)).to.be.revertedWithCustomError(mandates, "MandateDrawNotPending");
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
        .to.be.revertedWithCustomError(mandates, "MandateRoleDrawPending")
        .withArgs(roleId("facilitator"), 1n);
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
