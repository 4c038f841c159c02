import { expect } from "chai";
import { network } from "hardhat";

import {
  TEST_MANDATE_RULES,
  TEST_RULES,
  circleFixtures,
  mandateSpec,
  roleId,
  type CircleWorld,
} from "../fixtures/circles.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const { time } = networkHelpers;
const { circleWorld, decide, grantCall, grantByDecision, createCircle } = circleFixtures(connection);

const DAY = 86_400;
const EndReason = { None: 0, Expired: 1, Completed: 2, HandedBack: 3, Recalled: 4, Reset: 5, HolderLeft: 6 } as const;

/** Per-call cap of the treasurer's transfer power. */
const TREASURER_CAP = 10_000n;

/**
 * A circle in which Ben (founder 1) holds a treasurer mandate over the circle's ERC-20 (transfers of at most
 * {@link TREASURER_CAP} per call, no ether), granted on Ana's proposal.
 */
async function treasurerWorld() {
  const world = await circleWorld();
  const { token, founders } = world;
  const transfer = token.interface.getFunction("transfer").selector;
  const power = { target: await token.getAddress(), selector: transfer, maxAmount: TREASURER_CAP };
  const spec = mandateSpec("treasurer", 10 * DAY, [power]);
  const id = await grantByDecision(world, spec, founders[1]!.address);
  return { ...world, id, spec, treasurer: founders[1]! };
}

async function actTransfer(world: CircleWorld, id: bigint, to: string, amount: bigint) {
  const { mandates, token } = world;
  return (signer: (typeof world.founders)[number]) =>
    mandates.connect(signer).act(id, token.target, 0n, token.interface.encodeFunctionData("transfer", [to, amount]));
}

describe("Mandates", function () {
  describe("granting", function () {
    it("learns the decision from the circle only while it executes: none is executing before or after", async function () {
      const { circle, mandates, founders, id } = await networkHelpers.loadFixture(treasurerWorld);
      // The proposer came from the circle's executing proposal (transient): nothing is left once the execution ended,
      // so a later call in another transaction, or a direct grant, cannot be taken for the circle's decision.
      expect((await mandates.mandate(id)).proposer).to.equal(founders[0]!.address);
      expect(await circle.executingProposal()).to.equal(0n);
    });

    it("is granted by the circle's decision, recording the decision's proposer", async function () {
      const { mandates, token, founders, id, spec } = await networkHelpers.loadFixture(treasurerWorld);
      const m = await mandates.mandate(id);
      expect(m.holder).to.equal(founders[1]!.address);
      expect(m.proposer).to.equal(founders[0]!.address);
      expect(m.roleId).to.equal(roleId("treasurer"));
      expect(m.scopeHash).to.equal(spec.scopeHash);
      expect(m.expiresAt - m.grantedAt).to.equal(BigInt(10 * DAY));
      expect(m.endReason).to.equal(BigInt(EndReason.None));
      expect(m.drawn).to.equal(false);
      expect(await mandates.isLive(id)).to.equal(true);
      expect(await mandates.holderOf(roleId("treasurer"))).to.deep.equal([founders[1]!.address, id]);
      expect(await mandates.liveMandates()).to.deep.equal([id]);
      expect(await mandates.liveCountOf(founders[1]!.address)).to.equal(1n);
      expect(await mandates.powers(id)).to.deep.equal([
        [await token.getAddress(), spec.powers[0]!.selector, 0n, TREASURER_CAP],
      ]);
    });

    it("emits the grant and its powers", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const { mandates, token, founders } = world;
      const spec = mandateSpec("treasurer", DAY, [
        { target: await token.getAddress(), selector: "0xa9059cbb", maxValue: 0n, maxAmount: 250n },
      ]);
      const tx = await decide(world, [await grantCall(world, spec, founders[2]!.address)], "Grant");
      await expect(tx)
        .to.emit(mandates, "MandateGranted")
        .withArgs(
          1n,
          roleId("treasurer"),
          founders[2]!.address,
          "treasurer",
          spec.title,
          spec.scopeHash,
          founders[0]!.address,
          (await time.latest()) + DAY,
          false,
        )
        .and.to.emit(mandates, "PowerGranted")
        .withArgs(1n, await token.getAddress(), "0xa9059cbb", 0n, 250n);
    });

    it("can only be granted by the circle", async function () {
      const { mandates, founders } = await networkHelpers.loadFixture(circleWorld);
      await expect(mandates.connect(founders[0]!).grant(mandateSpec("x", DAY), founders[1]!.address))
        .to.be.revertedWithCustomError(mandates, "MandateOnlyCircle")
        .withArgs(founders[0]!.address);
      await expect(mandates.connect(founders[0]!).requestDraw(mandateSpec("x", DAY))).to.be.revertedWithCustomError(
        mandates,
        "MandateOnlyCircle",
      );
    });

    it("refuses a malformed mandate: empty role, bad duration, too many powers, governance targets", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const { circle, membership, rituals, mandates, token, founders } = world;
      const holder = founders[1]!.address;
      const tryGrant = async (spec: ReturnType<typeof mandateSpec>, label: string) =>
        decide(world, [await grantCall(world, spec, holder)], label);

      await expect(tryGrant(mandateSpec("", DAY), "empty")).to.be.revertedWithCustomError(mandates, "MandateEmptyRole");
      await expect(tryGrant(mandateSpec("r", 0), "zero"))
        .to.be.revertedWithCustomError(mandates, "MandateInvalidDuration")
        .withArgs(0, TEST_MANDATE_RULES.maxTerm);
      await expect(tryGrant(mandateSpec("r", TEST_MANDATE_RULES.maxTerm + 1), "long"))
        .to.be.revertedWithCustomError(mandates, "MandateInvalidDuration")
        .withArgs(TEST_MANDATE_RULES.maxTerm + 1, TEST_MANDATE_RULES.maxTerm);
      const nine = Array.from({ length: 9 }, (_, i) => ({
        target: token.target as string,
        selector: ethers.toBeHex(i + 1, 4),
      }));
      await expect(tryGrant(mandateSpec("r", DAY, nine), "nine"))
        .to.be.revertedWithCustomError(mandates, "MandateTooManyPowers")
        .withArgs(9, 8);
      for (const target of [circle.target, membership.target, rituals.target, mandates.target, ethers.ZeroAddress]) {
        await expect(
          tryGrant(mandateSpec("r", DAY, [{ target: target as string, selector: "0x12345678" }]), `to ${target}`),
        )
          .to.be.revertedWithCustomError(mandates, "MandateForbiddenPower")
          .withArgs(target);
      }
      expect(await mandates.mandateCount()).to.equal(0n);
    });

    it("refuses a non-member, an occupied role and a holder at the live-mandate limit", async function () {
      const world = await networkHelpers.loadFixture(treasurerWorld);
      const { mandates, founders, outsiders, id } = world;
      const attempt = async (role: string, holder: string, label: string) =>
        decide(world, [await grantCall(world, mandateSpec(role, DAY), holder)], label);
      await expect(attempt("gardener", outsiders[0]!.address, "outsider"))
        .to.be.revertedWithCustomError(mandates, "MandateNotMember")
        .withArgs(outsiders[0]!.address);
      await expect(attempt("treasurer", founders[2]!.address, "occupied"))
        .to.be.revertedWithCustomError(mandates, "MandateRoleOccupied")
        .withArgs(roleId("treasurer"), id);
      await expect(attempt("gardener", founders[1]!.address, "at limit"))
        .to.be.revertedWithCustomError(mandates, "MandateHolderAtLimit")
        .withArgs(founders[1]!.address, 1);
    });
  });

  describe("acting through a mandate", function () {
    it("has the circle perform exactly the allowed call", async function () {
      const world = await networkHelpers.loadFixture(treasurerWorld);
      const { circle, mandates, token, outsiders, id, treasurer } = world;
      const pay = await actTransfer(world, id, outsiders[0]!.address, 40n);
      await expect(pay(treasurer))
        .to.emit(mandates, "MandateActed")
        .withArgs(id, treasurer.address, await token.getAddress(), "0xa9059cbb", 0n)
        .and.to.emit(token, "Transfer")
        .withArgs(await circle.getAddress(), outsiders[0]!.address, 40n);
      expect(await token.balanceOf(outsiders[0]!.address)).to.equal(40n);
    });

    it("refuses calls outside the allowlist, and anyone but the holder", async function () {
      const world = await networkHelpers.loadFixture(treasurerWorld);
      const { mandates, token, founders, outsiders, id, treasurer } = world;
      const approve = token.interface.encodeFunctionData("approve", [outsiders[0]!.address, 1n]);
      await expect(mandates.connect(treasurer).act(id, token.target, 0n, approve))
        .to.be.revertedWithCustomError(mandates, "MandatePowerNotGranted")
        .withArgs(id, await token.getAddress(), "0x095ea7b3");
      await expect(mandates.connect(treasurer).act(id, outsiders[1]!.address, 1n, "0x"))
        .to.be.revertedWithCustomError(mandates, "MandatePowerNotGranted")
        .withArgs(id, outsiders[1]!.address, "0x00000000");
      const pay = await actTransfer(world, id, outsiders[0]!.address, 1n);
      await expect(pay(founders[2]!))
        .to.be.revertedWithCustomError(mandates, "MandateNotHolder")
        .withArgs(id, founders[2]!.address);
    });

    it("leaves nothing half-done when the call reverts", async function () {
      const world = await networkHelpers.loadFixture(treasurerWorld);
      const { circle, mandates, token, outsiders, id, treasurer } = world;
      const tooMuch = await actTransfer(world, id, outsiders[0]!.address, 5_000n);
      await expect(tooMuch(treasurer)).to.be.revertedWithCustomError(token, "ERC20InsufficientBalance");
      expect(await token.balanceOf(await circle.getAddress())).to.equal(1_000n);
      expect(await mandates.isLive(id)).to.equal(true);
    });

    it("only the mandates module can make the circle act", async function () {
      const { circle, token, founders } = await networkHelpers.loadFixture(treasurerWorld);
      await expect(circle.connect(founders[1]!).executeByMandate(token.target, 0n, "0x"))
        .to.be.revertedWithCustomError(circle, "CircleOnlyMandates")
        .withArgs(founders[1]!.address);
    });

    it("refuses to act while the circle's charter has lapsed", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const { circle, mandates, token, founders, outsiders } = world;
      // A mandate that outlives the charter: grant it three days before the lapse.
      await time.increaseTo((await circle.charter()).expiresAt - BigInt(3 * DAY));
      const spec = mandateSpec("treasurer", 10 * DAY, [
        { target: token.target as string, selector: "0xa9059cbb", maxAmount: 10n },
      ]);
      const id = await grantByDecision(world, spec, founders[1]!.address);
      await time.increaseTo((await circle.charter()).expiresAt);
      const pay = await actTransfer(world, id, outsiders[0]!.address, 1n);
      await expect(pay(founders[1]!))
        .to.be.revertedWithCustomError(mandates, "MandateCharterLapsed")
        .withArgs(await circle.getAddress());
    });
  });

  describe("caps on a power", function () {
    /** The circle world, the circle holding 5 ether besides its 1,000 tokens. */
    async function fundedWorld() {
      const world = await circleWorld();
      const { circle, founders } = world;
      await (
        await founders[0]!.sendTransaction({ to: await circle.getAddress(), value: ethers.parseEther("5") })
      ).wait();
      return world;
    }

    /** Grants Cai (founder 2) `powers` as "purser". */
    async function grantPurser(world: CircleWorld, powers: Parameters<typeof mandateSpec>[2]) {
      const id = await grantByDecision(world, mandateSpec("purser", 10 * DAY, powers), world.founders[2]!.address);
      return { id, purser: world.founders[2]! };
    }

    it("a holder cannot send more ether than the power's cap, nor any ether through a power without one", async function () {
      const world = await networkHelpers.loadFixture(fundedWorld);
      const { circle, mandates, token } = world;
      const payee = await (await ethers.deployContract("EtherSink")).getAddress();
      const { id, purser } = await grantPurser(world, [
        { target: payee, selector: "0x00000000", maxValue: ethers.parseEther("1") },
        { target: await token.getAddress(), selector: "0xa9059cbb", maxAmount: 100n },
      ]);
      const circleAddress = await circle.getAddress();
      await expect(mandates.connect(purser).act(id, payee, ethers.parseEther("1.5"), "0x"))
        .to.be.revertedWithCustomError(mandates, "MandateValueOverCap")
        .withArgs(id, ethers.parseEther("1"), ethers.parseEther("1.5"));
      const transfer = token.interface.encodeFunctionData("transfer", [payee, 1n]);
      await expect(mandates.connect(purser).act(id, token.target, 1n, transfer))
        .to.be.revertedWithCustomError(mandates, "MandateValueOverCap")
        .withArgs(id, 0n, 1n);
      expect(await ethers.provider.getBalance(circleAddress)).to.equal(ethers.parseEther("5"));
      await expect(mandates.connect(purser).act(id, payee, ethers.parseEther("1"), "0x")).to.changeEtherBalances(
        ethers,
        [circleAddress, payee],
        [-ethers.parseEther("1"), ethers.parseEther("1")],
      );
    });

    it("a holder cannot transfer, approve or transferFrom more tokens than the power's cap", async function () {
      const world = await networkHelpers.loadFixture(fundedWorld);
      const { circle, mandates, token, outsiders } = world;
      const tokenAddress = await token.getAddress();
      const { id, purser } = await grantPurser(world, [
        { target: tokenAddress, selector: token.interface.getFunction("transfer").selector, maxAmount: 100n },
        { target: tokenAddress, selector: token.interface.getFunction("approve").selector, maxAmount: 50n },
        { target: tokenAddress, selector: token.interface.getFunction("transferFrom").selector, maxAmount: 20n },
      ]);
      const [payee, spender] = [outsiders[0]!.address, outsiders[1]!.address];
      const calls: ["transfer" | "approve" | "transferFrom", unknown[], bigint, bigint][] = [
        ["transfer", [payee, 101n], 100n, 101n],
        ["approve", [spender, 51n], 50n, 51n],
        ["approve", [spender, ethers.MaxUint256], 50n, ethers.MaxUint256],
        ["transferFrom", [spender, payee, 21n], 20n, 21n],
      ];
      for (const [fn, args, cap, amount] of calls) {
        const data = token.interface.encodeFunctionData(fn as "transferFrom", args as [string, string, bigint]);
        await expect(mandates.connect(purser).act(id, tokenAddress, 0n, data))
          .to.be.revertedWithCustomError(mandates, "MandateAmountOverCap")
          .withArgs(id, cap, amount);
      }
      // Calldata cut short before the amount cannot slip past the cap: the act reverts.
      const short = token.interface.encodeFunctionData("transfer", [payee, 1n]).slice(0, 2 + 8 + 64 + 32);
      await expect(mandates.connect(purser).act(id, tokenAddress, 0n, short)).to.be.revert(ethers);
      expect(await token.balanceOf(await circle.getAddress())).to.equal(1_000n);
      expect(await token.allowance(await circle.getAddress(), spender)).to.equal(0n);
      // Within the cap, each goes through.
      await (
        await mandates
          .connect(purser)
          .act(id, tokenAddress, 0n, token.interface.encodeFunctionData("approve", [spender, 50n]))
      ).wait();
      expect(await token.allowance(await circle.getAddress(), spender)).to.equal(50n);
    });

    it("splitting a payment into calls each within the cap goes through: the cap is per call", async function () {
      const world = await networkHelpers.loadFixture(treasurerWorld);
      const { circle, token, outsiders, id, treasurer } = world;
      const pay = await actTransfer(world, id, outsiders[0]!.address, TREASURER_CAP / 100n);
      for (let i = 0; i < 3; i++) await (await pay(treasurer)).wait();
      expect(await token.balanceOf(outsiders[0]!.address)).to.equal((3n * TREASURER_CAP) / 100n);
      expect(await token.balanceOf(await circle.getAddress())).to.equal(1_000n - (3n * TREASURER_CAP) / 100n);
    });

    it("refuses to grant a power over an ERC-20 transfer, approve or transferFrom without a cap", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const { mandates, token, founders } = world;
      for (const fn of ["transfer", "approve", "transferFrom"] as const) {
        const selector = token.interface.getFunction(fn).selector;
        const spec = mandateSpec("purser", DAY, [{ target: token.target as string, selector }]);
        await expect(decide(world, [await grantCall(world, spec, founders[2]!.address)], `uncapped ${fn}`))
          .to.be.revertedWithCustomError(mandates, "MandateAmountCapRequired")
          .withArgs(token.target, selector);
      }
      expect(await mandates.mandateCount()).to.equal(0n);
    });

    it("refuses to grant a mandate that lists one call twice", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const { mandates, token, founders } = world;
      const transfer = token.interface.getFunction("transfer").selector;
      const spec = mandateSpec("purser", DAY, [
        { target: token.target as string, selector: transfer, maxAmount: 10n },
        { target: token.target as string, selector: "0x12345678" },
        { target: token.target as string, selector: transfer, maxAmount: 20n },
      ]);
      await expect(decide(world, [await grantCall(world, spec, founders[2]!.address)], "one call twice"))
        .to.be.revertedWithCustomError(mandates, "MandateDuplicatePower")
        .withArgs(token.target, transfer);
      expect(await mandates.mandateCount()).to.equal(0n);
    });

    it("lets a power whose caps are both zero make its call, without value, and lists every power with its caps", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const { mandates, token, founders } = world;
      const transfer = token.interface.getFunction("transfer").selector;
      const name = token.interface.getFunction("name").selector;
      const spec = mandateSpec("purser", DAY, [
        { target: token.target as string, selector: transfer, maxAmount: 10n },
        { target: token.target as string, selector: name },
      ]);
      const id = await grantByDecision(world, spec, founders[1]!.address);
      expect(await mandates.powers(id)).to.deep.equal([
        [await token.getAddress(), transfer, 0n, 10n],
        [await token.getAddress(), name, 0n, 0n],
      ]);
      const holder = mandates.connect(founders[1]!);
      expect(await holder.act.staticCall(id, token.target, 0n, name)).to.equal(
        ethers.AbiCoder.defaultAbiCoder().encode(["string"], [await token.name()]),
      );
      await expect(holder.act(id, token.target, 1n, name))
        .to.be.revertedWithCustomError(mandates, "MandateValueOverCap")
        .withArgs(id, 0n, 1n);
      const symbol = token.interface.getFunction("symbol").selector;
      await expect(holder.act(id, token.target, 0n, symbol))
        .to.be.revertedWithCustomError(mandates, "MandatePowerNotGranted")
        .withArgs(id, await token.getAddress(), symbol);
    });
  });

  describe("ending", function () {
    it("expires: it can never act again, and anyone may record the expiry", async function () {
      const world = await networkHelpers.loadFixture(treasurerWorld);
      const { mandates, outsiders, id, treasurer } = world;
      const m = await mandates.mandate(id);
      await expect(mandates.closeExpired(id))
        .to.be.revertedWithCustomError(mandates, "MandateNotExpired")
        .withArgs(id, m.expiresAt);
      await time.increaseTo(m.expiresAt);
      expect(await mandates.isLive(id)).to.equal(false);
      const pay = await actTransfer(world, id, outsiders[0]!.address, 1n);
      await expect(pay(treasurer)).to.be.revertedWithCustomError(mandates, "MandateExpired").withArgs(id, m.expiresAt);
      await expect(mandates.connect(outsiders[2]!).closeExpired(id))
        .to.emit(mandates, "MandateEnded")
        .withArgs(id, treasurer.address, roleId("treasurer"), EndReason.Expired);
      expect((await mandates.mandate(id)).endedAt).to.equal(m.expiresAt);
      await expect(mandates.closeExpired(id)).to.be.revertedWithCustomError(mandates, "MandateAlreadyEnded");
    });

    it("ends with the task when the holder completes it: a hand-off", async function () {
      const world = await networkHelpers.loadFixture(treasurerWorld);
      const { mandates, outsiders, id, treasurer } = world;
      await expect(mandates.connect(treasurer).complete(id))
        .to.emit(mandates, "MandateEnded")
        .withArgs(id, treasurer.address, roleId("treasurer"), EndReason.Completed)
        .and.to.emit(mandates, "HandOff")
        .withArgs(id, treasurer.address, roleId("treasurer"), true);
      const pay = await actTransfer(world, id, outsiders[0]!.address, 1n);
      const ended = await mandates.mandate(id);
      await expect(pay(treasurer))
        .to.be.revertedWithCustomError(mandates, "MandateAlreadyEnded")
        .withArgs(id, ended.endedAt, EndReason.Completed);
      expect(await mandates.holderOf(roleId("treasurer"))).to.deep.equal([ethers.ZeroAddress, 0n]);
      expect(await mandates.liveCountOf(treasurer.address)).to.equal(0n);
    });

    it("can be handed back undone: also a hand-off", async function () {
      const { mandates, id, treasurer, founders } = await networkHelpers.loadFixture(treasurerWorld);
      await expect(mandates.connect(founders[2]!).handBack(id)).to.be.revertedWithCustomError(
        mandates,
        "MandateNotHolder",
      );
      await expect(mandates.connect(treasurer).handBack(id))
        .to.emit(mandates, "HandOff")
        .withArgs(id, treasurer.address, roleId("treasurer"), false);
      expect((await mandates.mandate(id)).endReason).to.equal(BigInt(EndReason.HandedBack));
    });

    it("can be marked done by the circle's decision, not by another member", async function () {
      const world = await networkHelpers.loadFixture(treasurerWorld);
      const { mandates, founders, id } = world;
      await expect(mandates.connect(founders[3]!).complete(id))
        .to.be.revertedWithCustomError(mandates, "MandateNotHolder")
        .withArgs(id, founders[3]!.address);
      const tx = await decide(
        world,
        [{ target: mandates.target as string, data: mandates.interface.encodeFunctionData("complete", [id]) }],
        "Done",
      );
      await expect(tx).to.emit(mandates, "HandOff").withArgs(id, founders[1]!.address, roleId("treasurer"), true);
    });

    it("ends when its holder leaves the circle", async function () {
      const { mandates, membership, id, treasurer } = await networkHelpers.loadFixture(treasurerWorld);
      await expect(membership.connect(treasurer).leave())
        .to.emit(mandates, "MandateEnded")
        .withArgs(id, treasurer.address, roleId("treasurer"), EndReason.HolderLeft);
      expect(await mandates.isLive(id)).to.equal(false);
    });

    it("ends, all of them at once, with a hard reset; pending draws are cancelled", async function () {
      const world = await networkHelpers.loadFixture(treasurerWorld);
      const { mandates, rituals, randomness, founders, id } = world;
      const second = await grantByDecision(world, mandateSpec("gardener", DAY * 5), founders[2]!.address);
      const drawTx = await decide(
        world,
        [
          {
            target: mandates.target as string,
            data: mandates.interface.encodeFunctionData("requestDraw", [mandateSpec("cook", DAY)]),
          },
        ],
        "Draw a cook",
      );
      await drawTx.wait();
      await rituals.connect(founders[3]!).signalReset();
      await rituals.connect(founders[4]!).signalReset();
      await expect(rituals.connect(founders[5]!).signalReset())
        .to.emit(mandates, "MandatesReset")
        .withArgs(1n, 2n)
        .and.to.emit(mandates, "MandateEnded")
        .withArgs(id, founders[1]!.address, roleId("treasurer"), EndReason.Reset)
        .and.to.emit(mandates, "MandateEnded")
        .withArgs(second, founders[2]!.address, roleId("gardener"), EndReason.Reset);
      expect(await mandates.liveMandates()).to.deep.equal([]);
      const pay = await actTransfer(world, id, founders[0]!.address, 1n);
      await expect(pay(founders[1]!))
        .to.be.revertedWithCustomError(mandates, "MandateAlreadyEnded")
        .withArgs(id, (await mandates.mandate(id)).endedAt, EndReason.Reset);
      const d = await mandates.draw(1n);
      await randomness.setValue(d.ticket, 7n);
      await expect(mandates.completeDraw(1n, [], "0x"))
        .to.be.revertedWithCustomError(mandates, "MandateDrawCancelled")
        .withArgs(1n);
    });
  });

  describe("recall", function () {
    it("takes effect exactly when a majority of current members has signalled", async function () {
      const world = await networkHelpers.loadFixture(treasurerWorld);
      const { mandates, founders, outsiders, id, treasurer } = world;
      // Six members: four make a majority.
      for (const [i, member] of founders.slice(2, 5).entries()) {
        await expect(mandates.connect(member).signalRecall(id))
          .to.emit(mandates, "RecallSignalled")
          .withArgs(id, member.address, i + 1, 4)
          .and.not.to.emit(mandates, "MandateEnded");
      }
      expect(await mandates.recallSignals(id)).to.deep.equal([3n, 4n]);
      expect(await mandates.isLive(id)).to.equal(true);
      await expect(mandates.connect(founders[5]!).signalRecall(id))
        .to.emit(mandates, "MandateEnded")
        .withArgs(id, treasurer.address, roleId("treasurer"), EndReason.Recalled);
      const pay = await actTransfer(world, id, outsiders[0]!.address, 1n);
      await expect(pay(treasurer)).to.be.revertedWithCustomError(mandates, "MandateAlreadyEnded");
    });

    it("refuses a second signal, an outsider's signal and signals on ended mandates", async function () {
      const { mandates, founders, outsiders, id, treasurer } = await networkHelpers.loadFixture(treasurerWorld);
      await mandates.connect(founders[2]!).signalRecall(id);
      await expect(mandates.connect(founders[2]!).signalRecall(id))
        .to.be.revertedWithCustomError(mandates, "MandateAlreadySignalledRecall")
        .withArgs(id, founders[2]!.address);
      await expect(mandates.connect(outsiders[0]!).signalRecall(id))
        .to.be.revertedWithCustomError(mandates, "MandateNotMember")
        .withArgs(outsiders[0]!.address);
      await mandates.connect(treasurer).complete(id);
      await expect(mandates.connect(founders[3]!).signalRecall(id)).to.be.revertedWithCustomError(
        mandates,
        "MandateAlreadyEnded",
      );
      await expect(mandates.signalRecallBySig(id, [], [])).to.be.revertedWithCustomError(
        mandates,
        "MandateAlreadyEnded",
      );
      await expect(mandates.signalRecall(99n)).to.be.revertedWithCustomError(mandates, "MandateNotFound").withArgs(99n);
    });

    it("counts only the signals of current members", async function () {
      const { mandates, membership, founders, id } = await networkHelpers.loadFixture(treasurerWorld);
      await mandates.connect(founders[2]!).signalRecall(id);
      await mandates.connect(founders[3]!).signalRecall(id);
      await membership.connect(founders[2]!).leave();
      // Five members now: three make a majority, and only Dee's signal still counts.
      expect(await mandates.recallSignals(id)).to.deep.equal([1n, 3n]);
      await expect(mandates.connect(founders[4]!).signalRecall(id))
        .to.emit(mandates, "RecallSignalled")
        .withArgs(id, founders[4]!.address, 2n, 3n);
      expect(await mandates.isLive(id)).to.equal(true);
      await expect(mandates.connect(founders[5]!).signalRecall(id)).to.emit(mandates, "MandateEnded");
    });

    it("accepts signals signed off-chain and submitted by anyone, and rejects their replay", async function () {
      const { mandates, founders, outsiders, id } = await networkHelpers.loadFixture(treasurerWorld);
      const { chainId } = await ethers.provider.getNetwork();
      const domain = {
        name: "Commonweal Mandates",
        version: "1",
        chainId,
        verifyingContract: await mandates.getAddress(),
      };
      const types = {
        Recall: [
          { name: "mandateId", type: "uint256" },
          { name: "member", type: "address" },
          { name: "nonce", type: "uint256" },
        ],
      };
      const signers = founders.slice(2, 4);
      const signatures = await Promise.all(
        signers.map(async (s) =>
          s.signTypedData(domain, types, { mandateId: id, member: s.address, nonce: await mandates.nonces(s.address) }),
        ),
      );
      await expect(
        mandates.connect(outsiders[0]!).signalRecallBySig(
          id,
          signers.map((s) => s.address),
          signatures,
        ),
      )
        .to.emit(mandates, "RecallSignalled")
        .withArgs(id, signers[1]!.address, 2n, 4n);
      await expect(mandates.signalRecallBySig(id, [signers[0]!.address], [signatures[0]!]))
        .to.be.revertedWithCustomError(mandates, "MandateInvalidSignature")
        .withArgs(signers[0]!.address);
      const forged = await founders[4]!.signTypedData(domain, types, {
        mandateId: id,
        member: founders[5]!.address,
        nonce: 0n,
      });
      await expect(mandates.signalRecallBySig(id, [founders[5]!.address], [forged])).to.be.revertedWithCustomError(
        mandates,
        "MandateInvalidSignature",
      );
      await expect(mandates.signalRecallBySig(id, [founders[5]!.address], [])).to.be.revertedWithCustomError(
        mandates,
        "MandateSignatureLengthMismatch",
      );
      // Two more signatures make the majority; the recall ends the mandate in the same transaction.
      const more = founders.slice(4, 6);
      const moreSigs = await Promise.all(
        more.map(async (s) =>
          s.signTypedData(domain, types, { mandateId: id, member: s.address, nonce: await mandates.nonces(s.address) }),
        ),
      );
      await expect(
        mandates.signalRecallBySig(
          id,
          more.map((s) => s.address),
          moreSigs,
        ),
      ).to.emit(mandates, "MandateEnded");
    });
  });

  describe("rotation and anti-charisma", function () {
    it("refuses a third consecutive term of a role, and allows it after the cooldown", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const { mandates, founders } = world;
      const cai = founders[2]!;
      const role = "delegate to the water council";
      for (let term = 1; term <= 2; term++) {
        const id = await grantByDecision(world, mandateSpec(role, 5 * DAY), cai.address);
        expect(await mandates.termOf(roleId(role), cai.address)).to.deep.equal([
          BigInt(term),
          term === 2 ? (await mandates.mandate(id)).expiresAt + BigInt(TEST_MANDATE_RULES.termCooldown) : 0n,
        ]);
        await mandates.connect(cai).complete(id);
      }
      // The second term ended early, so the cooldown runs from its end.
      const second = await mandates.mandate(2n);
      const availableAt = second.endedAt + BigInt(TEST_MANDATE_RULES.termCooldown);
      expect((await mandates.termOf(roleId(role), cai.address))[1]).to.equal(availableAt);
      const third = await grantCall(world, mandateSpec(role, 5 * DAY), cai.address);
      await expect(decide(world, [third], "A third term"))
        .to.be.revertedWithCustomError(mandates, "MandateTermLimitReached")
        .withArgs(roleId(role), cai.address, availableAt);
      expect(await mandates.isEligibleFor(cai.address, roleId(role), ethers.ZeroAddress)).to.equal(false);
      // Someone else may hold it meanwhile, and Cai may hold other roles.
      await grantByDecision(world, mandateSpec(role, 2 * DAY), founders[3]!.address);
      expect(await mandates.isEligibleFor(cai.address, roleId("cook"), ethers.ZeroAddress)).to.equal(true);

      await time.increaseTo(availableAt);
      expect(await mandates.isEligibleFor(cai.address, roleId(role), ethers.ZeroAddress)).to.equal(true);
      const id = await grantByDecision(world, mandateSpec(role, 5 * DAY), cai.address);
      expect(await mandates.termOf(roleId(role), cai.address)).to.deep.equal([1n, 0n]);
      expect((await mandates.mandate(id)).holder).to.equal(cai.address);
    });

    it("bars the proposer from holding the mandate they proposed", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const { mandates, founders } = world;
      const call = await grantCall(world, mandateSpec("treasurer", DAY), founders[0]!.address);
      await expect(decide(world, [call], "Ana proposes Ana", founders[0]!))
        .to.be.revertedWithCustomError(mandates, "MandateProposerCannotHold")
        .withArgs(founders[0]!.address);
      // Proposed by someone else, the same grant is fine.
      await expect(decide(world, [call], "Ben proposes Ana", founders[1]!)).to.emit(mandates, "MandateGranted");
    });

    it("lets the proposer hold it in a circle whose rules say so", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const { registry, founders } = world;
      const open = await createCircle(registry, founders, { ...TEST_RULES }, "Open circle", {
        ...TEST_MANDATE_RULES,
        proposerStepsAside: false,
      });
      await time.increase(1);
      const other: CircleWorld = { ...world, ...open };
      const call = await grantCall(other, mandateSpec("treasurer", DAY), founders[0]!.address);
      await expect(decide(other, [call], "Ana proposes Ana", founders[0]!)).to.emit(open.mandates, "MandateGranted");
    });

    it("refuses a member in a temperature-check cooldown until it ends", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const { mandates, rituals, founders } = world;
      const loud = founders[5]!;
      await time.increase(TEST_RULES.temperaturePeriod);
      for (const member of founders.slice(0, 4)) await rituals.connect(member).recordTemperature(2, loud.address);
      const until = await rituals.cooldownEndsAt(loud.address);
      // Left out of any draw, too.
      expect(await mandates.eligiblePool(roleId("treasurer"), ethers.ZeroAddress)).to.not.include(loud.address);
      expect(await mandates.eligiblePool(roleId("treasurer"), ethers.ZeroAddress)).to.have.length(5);
      const call = await grantCall(world, mandateSpec("treasurer", DAY), loud.address);
      await expect(decide(world, [call], "Grant to the loud one"))
        .to.be.revertedWithCustomError(mandates, "MandateHolderCooledDown")
        .withArgs(loud.address, until);
      await time.increaseTo(until);
      await expect(decide(world, [call], "Grant after the cooldown")).to.emit(mandates, "MandateGranted");
    });
  });

  describe("rules", function () {
    it("change only by decision", async function () {
      const world = await networkHelpers.loadFixture(circleWorld);
      const { mandates, founders } = world;
      const next = { ...TEST_MANDATE_RULES, termLimit: 3, maxLivePerMember: 2 };
      await expect(mandates.connect(founders[0]!).updateRules(next)).to.be.revertedWithCustomError(
        mandates,
        "MandateOnlyCircle",
      );
      await expect(
        mandates.connect(founders[0]!).setRandomnessSource(founders[0]!.address),
      ).to.be.revertedWithCustomError(mandates, "MandateOnlyCircle");
      const tx = await decide(
        world,
        [{ target: mandates.target as string, data: mandates.interface.encodeFunctionData("updateRules", [next]) }],
        "New mandate rules",
      );
      await expect(tx)
        .to.emit(mandates, "MandateRulesUpdated")
        .withArgs(Object.values(TEST_MANDATE_RULES), Object.values(next));
      expect((await mandates.rules()).maxLivePerMember).to.equal(2n);
      const bad = { ...TEST_MANDATE_RULES, termLimit: 0 };
      await expect(
        decide(
          world,
          [{ target: mandates.target as string, data: mandates.interface.encodeFunctionData("updateRules", [bad]) }],
          "Bad rules",
        ),
        // The rules update runs in the draw module, whose ABI carries the rules' errors.
      ).to.be.revertedWithCustomError(
        await ethers.getContractAt("MandateDraws", mandates.target as string),
        "CircleRulesInvalidTermLimit",
      );
    });
  });
});
