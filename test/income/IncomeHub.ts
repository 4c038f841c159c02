import { expect } from "chai";
import { anyUint } from "@nomicfoundation/hardhat-ethers-chai-matchers/withArgs";
import { network } from "hardhat";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";

import {
  DAY,
  HOUR,
  INVITATION_COST,
  TOKEN,
  WELCOME_BONUS,
  flowOf,
  idOf,
  incomeFixtures,
  type Hop,
} from "../fixtures/income.js";
import { CHARTER_HASH, TEST_MANDATE_RULES, TEST_RULES, circleFixtures } from "../fixtures/circles.js";
import { findEvent } from "../../client/events.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const { time } = networkHelpers;
const { incomeWorld } = incomeFixtures(connection);
/** An account that never registers: the last of the node's signers. */
const stranger = (await ethers.getSigners()).at(-1)!;
const { decide, createCircle } = circleFixtures(connection);

type World = Awaited<ReturnType<typeof incomeWorld>>;

/** Six people (the circle's founders) registered while bootstrapping, each holding two days of income. */
async function peopleWorld() {
  const world = await incomeWorld();
  const people = world.founders.slice(0, 6);
  for (const p of people) await world.hub.connect(p).register(ethers.ZeroAddress);
  await time.increase(2 * DAY);
  for (const p of people) await world.hub.connect(p).claim();
  return { ...world, people };
}

/** A trust chain: each person trusts the one before (Ben trusts Ana, Cai trusts Ben, ...). */
async function chainWorld() {
  const world = await peopleWorld();
  const expiry = (await time.latest()) + 365 * DAY;
  for (let i = 1; i < world.people.length; ++i) {
    await world.hub.connect(world.people[i]!).trust(world.people[i - 1]!.address, expiry);
  }
  return { ...world, expiry };
}

/** The hops that pass `amount` from people[0] along the chain to people[hops]. */
function chainHops(people: HardhatEthersSigner[], hops: number, amount: bigint): Hop[] {
  return Array.from({ length: hops }, (_, i) => ({
    from: people[i]!.address,
    to: people[i + 1]!.address,
    token: people[i]!.address,
    amount,
  }));
}

/** What `account` holds in total over the given people's tokens. */
async function holdings(world: World, account: string, owners: readonly { address: string }[]) {
  let total = 0n;
  for (const o of owners) total += await world.hub.balanceOf(account, idOf(o));
  return total;
}

describe("IncomeHub", function () {
  describe("registration", function () {
    it("lets anyone register without an invitation during the bootstrap period only", async function () {
      const { hub, founders, outsiders } = await networkHelpers.loadFixture(incomeWorld);
      await expect(hub.connect(founders[0]!).register(ethers.ZeroAddress))
        .to.emit(hub, "PersonRegistered")
        .withArgs(founders[0]!.address, ethers.ZeroAddress);
      expect(await hub.avatarKind(founders[0]!.address)).to.equal(1n);
      expect(await hub.balanceOf(founders[0]!.address, idOf(founders[0]!))).to.equal(0n);
      await expect(hub.connect(founders[0]!).register(ethers.ZeroAddress))
        .to.be.revertedWithCustomError(hub, "IncomeHubAlreadyRegistered")
        .withArgs(founders[0]!.address);
      const bootstrapEnd = await hub.bootstrapEnd();
      await time.increaseTo(bootstrapEnd);
      await expect(hub.connect(outsiders[0]!).register(ethers.ZeroAddress))
        .to.be.revertedWithCustomError(hub, "IncomeHubInvitationRequired")
        .withArgs(bootstrapEnd);
    });

    it("registers an invitee the inviter trusts: the inviter burns 96 of their token, the invitee gets 48", async function () {
      const world = await networkHelpers.loadFixture(peopleWorld);
      const { hub, people, outsiders } = world;
      const [ana] = people;
      const dan = outsiders[0]!;
      await time.increase(3 * DAY); // five days of income in all: enough to invite
      await hub.connect(ana!).claim();
      await expect(hub.connect(dan).register(ana!.address))
        .to.be.revertedWithCustomError(hub, "IncomeHubNotInvited")
        .withArgs(ana!.address, dan.address);
      await hub.connect(ana!).trust(dan.address, (await time.latest()) + DAY);
      const before = await hub.balanceOf(ana!.address, idOf(ana!));
      await expect(hub.connect(dan).register(ana!.address))
        .to.emit(hub, "PersonRegistered")
        .withArgs(dan.address, ana!.address)
        .and.to.emit(hub, "TransferSingle")
        .withArgs(dan.address, ana!.address, ethers.ZeroAddress, idOf(ana!), INVITATION_COST);
      expect(await hub.balanceOf(ana!.address, idOf(ana!))).to.equal(before - INVITATION_COST);
      expect(await hub.balanceOf(dan.address, idOf(dan))).to.equal(WELCOME_BONUS);
    });

    it("refuses an inviter who is not registered or cannot pay the invitation", async function () {
      const { hub, people, outsiders } = await networkHelpers.loadFixture(peopleWorld);
      const [ana] = people;
      const [dan, eve] = [outsiders[0]!, outsiders[1]!];
      await expect(hub.connect(eve).register(dan.address))
        .to.be.revertedWithCustomError(hub, "IncomeHubNotRegistered")
        .withArgs(dan.address);
      // Two days of income (48 tokens, a little less after demurrage) cannot pay an invitation of 96.
      await hub.connect(ana!).trust(dan.address, (await time.latest()) + DAY);
      const balance = await hub.balanceOf(ana!.address, idOf(ana!));
      await expect(hub.connect(dan).register(ana!.address))
        .to.be.revertedWithCustomError(hub, "IncomeHubInsufficientBalance")
        .withArgs(ana!.address, idOf(ana!), balance, INVITATION_COST);
      expect(await hub.avatarKind(dan.address)).to.equal(0n);
    });

    it("lets a registered circle vouch for its members by decision, burning an invitation's cost of a member's token; the person accepts", async function () {
      const world = await networkHelpers.loadFixture(incomeWorld);
      const { hub, circle, founders, outsiders } = world;
      const [ana, ben, cai] = [founders[0]!, founders[1]!, founders[2]!];
      const call = (data: string) => ({ target: hub.target as string, data });
      const vouch = (people: string[], payers: string[]) =>
        call(hub.interface.encodeFunctionData("vouch", [people, payers]));
      await expect(hub.connect(ana).registerCircle())
        .to.be.revertedWithCustomError(hub, "IncomeHubNotCircle")
        .withArgs(ana.address);
      await expect(decide(world, [vouch([ben.address], [ana.address])], "Vouch before registering"))
        .to.be.revertedWithCustomError(hub, "IncomeHubNotCircle")
        .withArgs(circle.target);
      // Ana registers, earns five days of income and gives the circle 100 of her tokens for vouching.
      await hub.connect(ana).register(ethers.ZeroAddress);
      await time.increase(5 * DAY);
      await hub.connect(ana).claim();
      await hub.connect(ana).safeTransferFrom(ana.address, circle.target, idOf(ana), 100n * TOKEN, "0x");
      const held = await hub.balanceOf(circle.target, idOf(ana));
      await expect(
        decide(
          world,
          [call(hub.interface.encodeFunctionData("registerCircle")), vouch([ben.address], [ana.address])],
          "Join",
        ),
      )
        .to.emit(hub, "CircleRegistered")
        .withArgs(circle.target)
        .and.to.emit(hub, "VouchOffered")
        .withArgs(circle.target, ben.address, ana.address, INVITATION_COST)
        .and.not.to.emit(hub, "PersonRegistered");
      expect(await hub.avatarKind(circle.target)).to.equal(2n);
      expect(await hub.balanceOf(circle.target, idOf(ana))).to.equal(held - INVITATION_COST);
      // An offer only: Ben is registered when he accepts, with no bonus.
      expect(await hub.avatarKind(ben.address)).to.equal(0n);
      expect(await hub.isVouched(circle.target, ben.address)).to.equal(true);
      await expect(hub.connect(cai).acceptVouch(circle.target))
        .to.be.revertedWithCustomError(hub, "IncomeHubNotVouched")
        .withArgs(circle.target, cai.address);
      await expect(hub.connect(ben).acceptVouch(circle.target))
        .to.emit(hub, "PersonRegistered")
        .withArgs(ben.address, circle.target);
      expect(await hub.avatarKind(ben.address)).to.equal(1n);
      expect(await hub.isVouched(circle.target, ben.address)).to.equal(false);
      expect(await hub.balanceOf(ben.address, idOf(ben))).to.equal(0n);
      await expect(hub.connect(ben).acceptVouch(circle.target)).to.be.revertedWithCustomError(
        hub,
        "IncomeHubNotVouched",
      );

      const refused = async (people: string[], payers: string[], text: string) =>
        decide(world, [vouch(people, payers)], text);
      await expect(refused([outsiders[0]!.address], [ana.address], "Vouch for a stranger"))
        .to.be.revertedWithCustomError(hub, "IncomeHubNotMember")
        .withArgs(circle.target, outsiders[0]!.address);
      await expect(refused([cai.address], [outsiders[0]!.address], "Pay with a stranger's token"))
        .to.be.revertedWithCustomError(hub, "IncomeHubNotMember")
        .withArgs(circle.target, outsiders[0]!.address);
      await expect(refused([cai.address], [founders[3]!.address], "Pay with an unregistered member"))
        .to.be.revertedWithCustomError(hub, "IncomeHubNotRegistered")
        .withArgs(founders[3]!.address);
      await expect(refused([ana.address, cai.address], [ana.address, ana.address], "Vouch twice"))
        .to.be.revertedWithCustomError(hub, "IncomeHubAlreadyRegistered")
        .withArgs(ana.address);
      // The circle holds less than two invitations' worth of Ana's token: the second vouch cannot be paid.
      const left = await hub.balanceOf(circle.target, idOf(ana));
      await expect(refused([cai.address, founders[4]!.address], [ana.address, ana.address], "Vouch beyond its means"))
        .to.be.revertedWithCustomError(hub, "IncomeHubInsufficientBalance")
        .withArgs(circle.target, idOf(ana), anyUint, INVITATION_COST);
      expect(await hub.balanceOf(circle.target, idOf(ana))).to.equal(left);
      // Nothing was half-done: the first person of a refused batch has no offer.
      expect(await hub.isVouched(circle.target, cai.address)).to.equal(false);
      await expect(refused([cai.address], [], "Mismatched"))
        .to.be.revertedWithCustomError(hub, "IncomeHubLengthMismatch")
        .withArgs(1, 0);
      const many = Array(33).fill(cai.address);
      await expect(refused(many, many, "Vouch for too many"))
        .to.be.revertedWithCustomError(hub, "IncomeHubTooMany")
        .withArgs(33, 32);
    });

    it("checks the day zero at deployment", async function () {
      const now = await time.latest();
      const factory = await ethers.getContractFactory("IncomeHub");
      const config = (dayZero: number) => ({
        registry: ethers.ZeroAddress,
        dayZero,
        bootstrapPeriod: 0,
        invitationCost: 0,
        welcomeBonus: 0,
        uri: "",
      });
      const notAnHour = Math.floor(now / HOUR) * HOUR - 1;
      await expect(factory.deploy(config(notAnHour)))
        .to.be.revertedWithCustomError(factory, "IncomeHubInvalidDayZero")
        .withArgs(notAnHour);
      const future = (Math.floor(now / HOUR) + 10) * HOUR;
      await expect(factory.deploy(config(future)))
        .to.be.revertedWithCustomError(factory, "IncomeHubInvalidDayZero")
        .withArgs(future);
    });
  });

  describe("issuance and stop()", function () {
    it("claims nothing twice: a second claim in the same hour mints 0", async function () {
      const { hub, people } = await networkHelpers.loadFixture(peopleWorld);
      const ana = people[0]!;
      const before = await hub.balanceOf(ana.address, idOf(ana));
      const [claimable] = await hub.claimable(ana.address);
      expect(claimable).to.equal(0n);
      await expect(hub.connect(ana).claim()).to.emit(hub, "IncomeClaimed");
      expect(await hub.balanceOf(ana.address, idOf(ana))).to.equal(before);
      await expect(hub.connect(stranger).claim()).to.be.revertedWithCustomError(hub, "IncomeHubNotRegistered");
    });

    it("stop() mints what was earned, then ends issuance for good: nothing undoes it", async function () {
      const world = await networkHelpers.loadFixture(peopleWorld);
      const { hub, people } = world;
      const ana = people[0]!;
      await time.increase(3 * HOUR);
      const before = await hub.balanceOf(ana.address, idOf(ana));
      await expect(hub.connect(ana).stop()).to.emit(hub, "IncomeStopped").withArgs(ana.address);
      expect(await hub.balanceOf(ana.address, idOf(ana))).to.equal(before + 3n * TOKEN);
      expect(await hub.stopped(ana.address)).to.equal(true);
      await time.increase(5 * DAY);
      expect(await hub.claimable(ana.address)).to.deep.equal([0n, BigInt(await time.latest())]);
      await expect(hub.connect(ana).claim())
        .to.be.revertedWithCustomError(hub, "IncomeHubStopped")
        .withArgs(ana.address);
      await expect(hub.connect(ana).stop()).to.be.revertedWithCustomError(hub, "IncomeHubStopped");
      await expect(hub.connect(ana).register(ethers.ZeroAddress)).to.be.revertedWithCustomError(
        hub,
        "IncomeHubAlreadyRegistered",
      );
      const register = hub.interface.encodeFunctionData("registerCircle");
      const vouch = hub.interface.encodeFunctionData("vouch", [[ana.address], [ana.address]]);
      const calls = [register, vouch].map((data) => ({ target: hub.target as string, data }));
      await expect(decide(world, calls, "Bring Ana back"))
        .to.be.revertedWithCustomError(hub, "IncomeHubAlreadyRegistered")
        .withArgs(ana.address);
      // Stopped people still hold, trust and pay.
      await hub.connect(ana).trust(people[1]!.address, (await time.latest()) + DAY);
      await hub.connect(ana).safeTransferFrom(ana.address, people[1]!.address, idOf(ana), TOKEN, "0x");
    });
  });

  describe("trust", function () {
    it("accepts a person's token until the trust expires or is withdrawn", async function () {
      const { hub, people } = await networkHelpers.loadFixture(peopleWorld);
      const [ana, ben] = [people[0]!, people[1]!];
      expect(await hub.isTrusted(ana.address, ana.address)).to.equal(true);
      expect(await hub.isTrusted(ana.address, ben.address)).to.equal(false);
      const expiry = (await time.latest()) + DAY;
      await expect(hub.connect(ana).trust(ben.address, expiry))
        .to.emit(hub, "Trust")
        .withArgs(ana.address, ben.address, expiry);
      expect(await hub.isTrusted(ana.address, ben.address)).to.equal(true);
      expect(await hub.trustExpiry(ana.address, ben.address)).to.equal(expiry);
      await time.increaseTo(expiry);
      expect(await hub.isTrusted(ana.address, ben.address)).to.equal(false);
      await hub.connect(ana).trust(ben.address, expiry + DAY);
      expect(await hub.isTrusted(ana.address, ben.address)).to.equal(true);
      await hub.connect(ana).trust(ben.address, 0);
      expect(await hub.isTrusted(ana.address, ben.address)).to.equal(false);
    });

    it("refuses trust from the unregistered, in oneself, or in the zero address", async function () {
      const { hub, people, outsiders } = await networkHelpers.loadFixture(peopleWorld);
      const ana = people[0]!;
      await expect(hub.connect(outsiders[0]!).trust(ana.address, 1n))
        .to.be.revertedWithCustomError(hub, "IncomeHubNotRegistered")
        .withArgs(outsiders[0]!.address);
      await expect(hub.connect(ana).trust(ana.address, 1n))
        .to.be.revertedWithCustomError(hub, "IncomeHubSelfTrust")
        .withArgs(ana.address);
      await expect(hub.connect(ana).trust(ethers.ZeroAddress, 1n)).to.be.revertedWithCustomError(
        hub,
        "IncomeHubZeroAddress",
      );
    });
  });

  describe("payments along trust", function () {
    for (const hops of [1, 2, 3, 5]) {
      it(`pays along ${hops} hop(s), conserving what every intermediate holds`, async function () {
        const world = await networkHelpers.loadFixture(chainWorld);
        const { hub, people } = world;
        const amount = 5n * TOKEN;
        const payer = people[0]!;
        const receiver = people[hops]!;
        const before = await Promise.all(people.map((p) => holdings(world, p.address, people)));
        const { vertices, edges } = flowOf(chainHops(people, hops, amount));
        await expect(hub.connect(payer).payAlongTrust(vertices, edges, receiver.address, amount))
          .to.emit(hub, "PaidAlongTrust")
          .withArgs(payer.address, receiver.address, amount, hops);
        const after = await Promise.all(people.map((p) => holdings(world, p.address, people)));
        for (let i = 0; i < people.length; ++i) {
          const expected = i === 0 ? before[i]! - amount : i === hops ? before[i]! + amount : before[i]!;
          expect(after[i], `holdings of person ${i}`).to.equal(expected);
        }
        // The receiver now holds the token of the person before them, which they trust.
        expect(await hub.balanceOf(receiver.address, idOf(people[hops - 1]!))).to.equal(amount);
      });
    }

    it("allows a cycle inside a flow when every vertex still nets to zero", async function () {
      const world = await networkHelpers.loadFixture(chainWorld);
      const { hub, people } = world;
      const [ana, ben, cai] = [people[0]!, people[1]!, people[2]!];
      await hub.connect(ben).trust(cai.address, world.expiry);
      const hops: Hop[] = [
        { from: ana.address, to: ben.address, token: ana.address, amount: 5n * TOKEN },
        { from: ben.address, to: cai.address, token: ben.address, amount: 8n * TOKEN },
        { from: cai.address, to: ben.address, token: cai.address, amount: 3n * TOKEN },
      ];
      const benBefore = await holdings(world, ben.address, people);
      const { vertices, edges } = flowOf(hops);
      await hub.connect(ana).payAlongTrust(vertices, edges, cai.address, 5n * TOKEN);
      expect(await holdings(world, ben.address, people)).to.equal(benBefore);
    });

    it("refuses, whole, a hop whose receiver does not trust the token", async function () {
      const world = await networkHelpers.loadFixture(chainWorld);
      const { hub, people } = world;
      const [ana, ben, cai] = [people[0]!, people[1]!, people[2]!];
      // Cai trusts Ben, not Ana: a direct hop of Ana's token to Cai is refused.
      const { vertices, edges } = flowOf([{ from: ana.address, to: cai.address, token: ana.address, amount: TOKEN }]);
      await expect(hub.connect(ana).payAlongTrust(vertices, edges, cai.address, TOKEN))
        .to.be.revertedWithCustomError(hub, "IncomeHubUntrustedHop")
        .withArgs(0, cai.address, ana.address);
      // A valid first hop does not survive a refused second one.
      const bad = flowOf([
        { from: ana.address, to: ben.address, token: ana.address, amount: TOKEN },
        { from: ben.address, to: cai.address, token: ana.address, amount: TOKEN },
      ]);
      await expect(hub.connect(ana).payAlongTrust(bad.vertices, bad.edges, cai.address, TOKEN))
        .to.be.revertedWithCustomError(hub, "IncomeHubUntrustedHop")
        .withArgs(1, cai.address, ana.address);
      expect(await hub.balanceOf(ben.address, idOf(ana))).to.equal(0n);
    });

    it("refuses a flow that leaves an intermediate richer or poorer, or pays another amount", async function () {
      const world = await networkHelpers.loadFixture(chainWorld);
      const { hub, people } = world;
      const [ana, ben, cai] = [people[0]!, people[1]!, people[2]!];
      // Ben would keep 1 of Ana's token: he ends at +1, not 0.
      const leaky = flowOf([
        { from: ana.address, to: ben.address, token: ana.address, amount: 5n * TOKEN },
        { from: ben.address, to: cai.address, token: ben.address, amount: 4n * TOKEN },
      ]);
      const call = (amount: bigint) => hub.connect(ana).payAlongTrust(leaky.vertices, leaky.edges, cai.address, amount);
      const firstWrong = (nets: Map<string, bigint>, amount: bigint) => {
        for (const v of leaky.vertices) {
          const expected = v === ana.address ? -amount : v === cai.address ? amount : 0n;
          if (nets.get(v) !== expected) return [v, nets.get(v), expected] as const;
        }
        throw new Error("no vertex is wrong");
      };
      const nets = new Map([
        [ana.address, -5n * TOKEN],
        [ben.address, TOKEN],
        [cai.address, 4n * TOKEN],
      ]);
      await expect(call(4n * TOKEN))
        .to.be.revertedWithCustomError(hub, "IncomeHubFlowNotConserved")
        .withArgs(...firstWrong(nets, 4n * TOKEN));
      // A cycle back to the payer cannot pay them: Ana would end at 0, not -amount.
      await hub.connect(ana).trust(ben.address, world.expiry);
      const roundTrip = flowOf([
        { from: ana.address, to: ben.address, token: ana.address, amount: TOKEN },
        { from: ben.address, to: ana.address, token: ben.address, amount: TOKEN },
      ]);
      await expect(
        hub.connect(ana).payAlongTrust(roundTrip.vertices, roundTrip.edges, ben.address, TOKEN),
      ).to.be.revertedWithCustomError(hub, "IncomeHubFlowNotConserved");
    });

    it("checks the shape of a flow: sorted vertices, edges in range, no self-edges, the payer and receiver in it", async function () {
      const world = await networkHelpers.loadFixture(chainWorld);
      const { hub, people, outsiders } = world;
      const [ana, ben] = [people[0]!, people[1]!];
      const ok = flowOf([{ from: ana.address, to: ben.address, token: ana.address, amount: TOKEN }]);
      const reversed = [...ok.vertices].reverse();
      await expect(hub.connect(ana).payAlongTrust(reversed, ok.edges, ben.address, TOKEN))
        .to.be.revertedWithCustomError(hub, "IncomeHubVerticesNotSorted")
        .withArgs(1);
      await expect(
        hub.connect(ana).payAlongTrust(ok.vertices, [{ from: 0, to: 0, token: 0, amount: TOKEN }], ben.address, TOKEN),
      )
        .to.be.revertedWithCustomError(hub, "IncomeHubInvalidEdge")
        .withArgs(0);
      await expect(
        hub.connect(ana).payAlongTrust(ok.vertices, [{ from: 0, to: 2, token: 0, amount: TOKEN }], ben.address, TOKEN),
      )
        .to.be.revertedWithCustomError(hub, "IncomeHubInvalidEdge")
        .withArgs(0);
      await expect(hub.connect(ana).payAlongTrust(ok.vertices, ok.edges, ana.address, TOKEN))
        .to.be.revertedWithCustomError(hub, "IncomeHubNotInFlow")
        .withArgs(ana.address);
      // A stranger cannot pay with Ana's tokens: Ana is not the caller, so she must net zero.
      await expect(hub.connect(outsiders[0]!).payAlongTrust(ok.vertices, ok.edges, ben.address, TOKEN))
        .to.be.revertedWithCustomError(hub, "IncomeHubFlowNotConserved")
        .withArgs(ana.address, -TOKEN, 0n);
      const tooMany = Array(65).fill(ok.edges[0]);
      await expect(hub.connect(ana).payAlongTrust(ok.vertices, tooMany, ben.address, TOKEN))
        .to.be.revertedWithCustomError(hub, "IncomeHubTooMany")
        .withArgs(65, 64);
      const balance = await hub.balanceOf(ana.address, idOf(ana));
      const big = flowOf([{ from: ana.address, to: ben.address, token: ana.address, amount: balance + 1n }]);
      await expect(hub.connect(ana).payAlongTrust(big.vertices, big.edges, ben.address, balance + 1n))
        .to.be.revertedWithCustomError(hub, "IncomeHubInsufficientBalance")
        .withArgs(ana.address, idOf(ana), balance, balance + 1n);
    });
  });

  describe("groups", function () {
    it("mints a circle's group token 1:1 against members' tokens it trusts, and redeems it", async function () {
      const world = await networkHelpers.loadFixture(peopleWorld);
      const { hub, circle, people } = world;
      const [ana, ben] = [people[0]!, people[1]!];
      const expiry = (await time.latest()) + 365 * DAY;
      const calls = [
        hub.interface.encodeFunctionData("registerCircle"),
        hub.interface.encodeFunctionData("trust", [ana.address, expiry]),
      ].map((data) => ({ target: hub.target as string, data }));
      await decide(world, calls, "Become a group trusting Ana");
      const group = circle.target as string;
      const treasury = await hub.treasuryOf(group);
      await expect(hub.connect(ben).groupMint(group, [ben.address], [TOKEN]))
        .to.be.revertedWithCustomError(hub, "IncomeHubUntrustedCollateral")
        .withArgs(group, ben.address);
      // Ben holds some of Ana's token (a plain transfer), and mints with it.
      await hub.connect(ana).safeTransferFrom(ana.address, ben.address, idOf(ana), 10n * TOKEN, "0x");
      await expect(hub.connect(ben).groupMint(group, [ana.address], [10n * TOKEN]))
        .to.emit(hub, "GroupMinted")
        .withArgs(group, ben.address, 10n * TOKEN);
      expect(await hub.balanceOf(ben.address, idOf(group))).to.equal(10n * TOKEN);
      expect(await hub.balanceOf(treasury, idOf(ana))).to.equal(10n * TOKEN);
      await expect(hub.connect(ben).groupRedeem(group, [ana.address], [4n * TOKEN]))
        .to.emit(hub, "GroupRedeemed")
        .withArgs(group, ben.address, 4n * TOKEN);
      expect(await hub.balanceOf(ben.address, idOf(group))).to.equal(6n * TOKEN);
      expect(await hub.balanceOf(ben.address, idOf(ana))).to.equal(4n * TOKEN);
      expect(await hub.balanceOf(treasury, idOf(ana))).to.equal(6n * TOKEN);
      await expect(hub.connect(ben).groupRedeem(group, [ana.address], [7n * TOKEN]))
        .to.be.revertedWithCustomError(hub, "IncomeHubInsufficientBalance")
        .withArgs(ben.address, idOf(group), 6n * TOKEN, 7n * TOKEN);
      await expect(hub.connect(ben).groupMint(ben.address, [ana.address], [TOKEN]))
        .to.be.revertedWithCustomError(hub, "IncomeHubNotCircle")
        .withArgs(ben.address);
      await expect(hub.connect(ben).groupMint(group, [ana.address], [])).to.be.revertedWithCustomError(
        hub,
        "IncomeHubLengthMismatch",
      );
    });
  });

  describe("identity and consent", function () {
    /** Ana registered with five days of income, 200 of which she gave the registered circle for vouching. */
    async function vouchingWorld() {
      const world = await incomeWorld();
      const { hub, circle, founders } = world;
      const ana = founders[0]!;
      await hub.connect(ana).register(ethers.ZeroAddress);
      await time.increase(10 * DAY);
      await hub.connect(ana).claim();
      await hub.connect(ana).safeTransferFrom(ana.address, circle.target, idOf(ana), 200n * TOKEN, "0x");
      await decide(
        world,
        [{ target: hub.target as string, data: hub.interface.encodeFunctionData("registerCircle") }],
        "Join the hub",
      );
      return world;
    }

    /** Acts as `account` (a contract): whatever its decision could call comes from this address. */
    async function as(account: string) {
      await networkHelpers.impersonateAccount(account);
      await networkHelpers.setBalance(account, 10n ** 18n);
      return ethers.getSigner(account);
    }

    it("a circle's decision cannot register a member as a person: the vouch waits for the member's own acceptance", async function () {
      const world = await networkHelpers.loadFixture(vouchingWorld);
      const { hub, circle, founders } = world;
      const ben = founders[1]!;
      const vouch = hub.interface.encodeFunctionData("vouch", [[ben.address], [founders[0]!.address]]);
      await decide(world, [{ target: hub.target as string, data: vouch }], "Register Ben");
      await time.increase(30 * DAY);
      // Ben never accepted: he is no one's identity, and nothing was minted for him.
      expect(await hub.avatarKind(ben.address)).to.equal(0n);
      expect((await hub.claimable(ben.address))[0]).to.equal(0n);
      await expect(hub.connect(ben).claim()).to.be.revertedWithCustomError(hub, "IncomeHubNotRegistered");
      // A member who leaves before accepting cannot accept any more.
      await world.membership.connect(ben).leave();
      await expect(hub.connect(ben).acceptVouch(circle.target))
        .to.be.revertedWithCustomError(hub, "IncomeHubNotMember")
        .withArgs(circle.target, ben.address);
    });

    it("a circle of fake keys founded after the bootstrap cannot vouch them into the hub for free", async function () {
      const world = await networkHelpers.loadFixture(incomeWorld);
      const { hub, registry } = world;
      await time.increaseTo(await hub.bootstrapEnd());
      // One attacker holds six keys, founds a circle of them (consenting to their own founding) and registers it.
      const keys = (await ethers.getSigners()).slice(10, 16);
      const fake = {
        ...world,
        ...(await createCircle(registry.connect(keys[0]!), keys, { ...TEST_RULES }, "Fakes")),
        founders: keys,
      };
      await time.increase(1);
      const call = (data: string) => ({ target: hub.target as string, data });
      const people = keys.map((k) => k.address);
      await expect(
        decide(
          fake,
          [
            call(hub.interface.encodeFunctionData("registerCircle")),
            call(hub.interface.encodeFunctionData("vouch", [people, people])),
          ],
          "Mint identities",
        ),
      )
        .to.be.revertedWithCustomError(hub, "IncomeHubNotRegistered")
        .withArgs(keys[0]!.address);
      for (const k of keys) expect(await hub.avatarKind(k.address)).to.equal(0n);
    });

    it("an outsider cannot register a circle's predicted address as a person, before or after it is founded", async function () {
      const world = await networkHelpers.loadFixture(vouchingWorld);
      const { hub, registry, founders, outsiders } = world;
      const outsider = outsiders[0]!;
      const predicted = ethers.getCreateAddress({
        from: registry.target as string,
        nonce: await ethers.provider.getTransactionCount(registry.target),
      });
      // The outsider registers and "invites" the address that is not deployed yet: only that address could accept.
      await hub.connect(outsider).register(ethers.ZeroAddress);
      await hub.connect(outsider).trust(predicted, (await time.latest()) + 365 * DAY);
      expect(await hub.avatarKind(predicted)).to.equal(0n);
      const next = { ...world, ...(await createCircle(registry, founders, { ...TEST_RULES }, "Next circle")) };
      expect(next.circle.target).to.equal(predicted);
      await time.increase(1);
      // Deployed, it is a registry body: even its own decision cannot take up the invitation.
      const register = hub.interface.encodeFunctionData("register", [outsider.address]);
      await expect(decide(next, [{ target: hub.target as string, data: register }], "Become a person"))
        .to.be.revertedWithCustomError(hub, "IncomeHubRegistryBody")
        .withArgs(predicted);
      await expect(
        decide(
          next,
          [{ target: hub.target as string, data: hub.interface.encodeFunctionData("registerCircle") }],
          "Join",
        ),
      )
        .to.emit(hub, "CircleRegistered")
        .withArgs(predicted);
    });

    it("a circle or council, by its own decision, cannot register itself, its parts or a member circle as a person", async function () {
      const world = await networkHelpers.loadFixture(vouchingWorld);
      const { hub, registry, circle, membership, founders } = world;
      const hubCall = (data: string) => ({ target: hub.target as string, data });
      const bootstrapRegister = hub.interface.encodeFunctionData("register", [ethers.ZeroAddress]);
      await expect(decide(world, [hubCall(bootstrapRegister)], "Register ourselves"))
        .to.be.revertedWithCustomError(hub, "IncomeHubRegistryBody")
        .withArgs(circle.target);
      // A council founded by the circle, and every part of it and of the circle, are refused whatever they call.
      const found = registry.interface.encodeFunctionData("createCouncil", [
        { name: "Water council", charterHash: CHARTER_HASH, charterURI: "ipfs://water", openJoin: false },
        { ...TEST_RULES, minMembers: 1, maxMembers: 8 },
        TEST_MANDATE_RULES,
      ]);
      const receipt = await (
        await decide(world, [{ target: registry.target as string, data: found }], "Found a council")
      ).wait();
      const council = findEvent(registry.interface, receipt!.logs, "CouncilCreated")!.args.parts as string[];
      const circleParts = [
        membership.target,
        world.rituals.target,
        world.mandates.target,
        world.badges.target,
      ] as string[];
      for (const body of [...council, ...circleParts]) {
        expect(await hub.isRegistryBody(body)).to.equal(true);
        await expect(hub.connect(await as(body)).register(ethers.ZeroAddress))
          .to.be.revertedWithCustomError(hub, "IncomeHubRegistryBody")
          .withArgs(body);
      }
      // A circle that asked to join this circle, admitted and vouched for by decision, cannot accept.
      const member = { ...world, ...(await createCircle(registry, founders, { ...TEST_RULES }, "Member circle")) };
      const memberCircle = member.circle.target as string;
      await membership.connect(await as(memberCircle)).requestAdmission();
      const admit = {
        target: membership.target as string,
        data: membership.interface.encodeFunctionData("admit", [memberCircle]),
      };
      const vouch = hubCall(hub.interface.encodeFunctionData("vouch", [[memberCircle], [founders[0]!.address]]));
      await decide(world, [admit, vouch], "Admit and vouch for a circle");
      await expect(hub.connect(await as(memberCircle)).acceptVouch(circle.target))
        .to.be.revertedWithCustomError(hub, "IncomeHubRegistryBody")
        .withArgs(memberCircle);
      expect(await hub.avatarKind(memberCircle)).to.equal(0n);
      expect(await hub.isRegistryBody(founders[0]!.address)).to.equal(false);
    });
  });

  describe("safety", function () {
    async function receiverWorld() {
      const world = await peopleWorld();
      const receiver = await ethers.deployContract("ReentrantIncomeReceiver", [world.hub.target]);
      await receiver.act(world.hub.interface.encodeFunctionData("register", [ethers.ZeroAddress]));
      return { ...world, receiver };
    }

    it("blocks reentrancy through the ERC-1155 receiver hook while minting income", async function () {
      const { hub, receiver } = await networkHelpers.loadFixture(receiverWorld);
      await time.increase(2 * HOUR);
      await receiver.setReentry(hub.interface.encodeFunctionData("claim"));
      await expect(receiver.act(hub.interface.encodeFunctionData("claim"))).to.be.revertedWithCustomError(
        hub,
        "ReentrancyGuardReentrantCall",
      );
      expect(await hub.balanceOf(receiver.target, idOf(receiver.target as string))).to.equal(0n);
      await receiver.setReentry("0x");
      await receiver.act(hub.interface.encodeFunctionData("claim"));
      expect(await hub.balanceOf(receiver.target, idOf(receiver.target as string))).to.equal(2n * TOKEN);
    });

    it("blocks reentrancy through the receiver hook during transfers and payments, and honours refusals", async function () {
      const world = await networkHelpers.loadFixture(receiverWorld);
      const { hub, receiver, people } = world;
      const ana = people[0]!;
      const steal = hub.interface.encodeFunctionData("safeTransferFrom", [
        receiver.target,
        ana.address,
        idOf(ana),
        TOKEN,
        "0x",
      ]);
      await receiver.setReentry(steal);
      await expect(
        hub.connect(ana).safeTransferFrom(ana.address, receiver.target, idOf(ana), TOKEN, "0x"),
      ).to.be.revertedWithCustomError(hub, "ReentrancyGuardReentrantCall");
      await receiver.act(hub.interface.encodeFunctionData("trust", [ana.address, (await time.latest()) + DAY]));
      const { vertices, edges } = flowOf([
        { from: ana.address, to: receiver.target as string, token: ana.address, amount: TOKEN },
      ]);
      await expect(
        hub.connect(ana).payAlongTrust(vertices, edges, receiver.target, TOKEN),
      ).to.be.revertedWithCustomError(hub, "ReentrancyGuardReentrantCall");
      await receiver.setReentry("0x");
      await receiver.setRefuse(true);
      await expect(hub.connect(ana).safeTransferFrom(ana.address, receiver.target, idOf(ana), TOKEN, "0x"))
        .to.be.revertedWithCustomError(hub, "ERC1155InvalidReceiver")
        .withArgs(receiver.target);
      expect(await hub.balanceOf(receiver.target, idOf(ana))).to.equal(0n);
    });

    it("refuses amounts and balances beyond 2^192 - 1", async function () {
      const { founders } = await networkHelpers.loadFixture(incomeWorld);
      const now = await time.latest();
      const harness = await ethers.deployContract("IncomeHubHarness", [
        {
          registry: ethers.ZeroAddress,
          dayZero: Math.floor(now / DAY) * DAY,
          bootstrapPeriod: DAY,
          invitationCost: 0,
          welcomeBonus: 0,
          uri: "",
        },
      ]);
      const [ana, ben] = [founders[0]!, founders[1]!];
      const max = 2n ** 192n - 1n;
      await harness.mintForTest(ana.address, idOf(ana), max);
      expect(await harness.balanceOf(ana.address, idOf(ana))).to.equal(max);
      await expect(harness.mintForTest(ana.address, idOf(ana), 1n))
        .to.be.revertedWithCustomError(harness, "IncomeHubValueTooLarge")
        .withArgs(max + 1n);
      await harness.mintForTest(ben.address, idOf(ana), 1n);
      await expect(harness.connect(ben).safeTransferFrom(ben.address, ana.address, idOf(ana), 1n, "0x"))
        .to.be.revertedWithCustomError(harness, "IncomeHubValueTooLarge")
        .withArgs(max + 1n);
      await expect(harness.connect(ana).payAlongTrust([], [], ben.address, max + 1n))
        .to.be.revertedWithCustomError(harness, "IncomeHubValueTooLarge")
        .withArgs(max + 1n);
      await expect(harness.connect(ana).groupRedeem(ana.address, [], [])).to.be.revertedWithCustomError(
        harness,
        "IncomeHubNotCircle",
      );
    });
  });

  describe("ERC-1155", function () {
    it("transfers by owner or approved operator, in single and batch form, with the standard events", async function () {
      const { hub, people, outsiders } = await networkHelpers.loadFixture(peopleWorld);
      const [ana, ben] = [people[0]!, people[1]!];
      const operator = outsiders[0]!;
      await expect(hub.connect(operator).safeTransferFrom(ana.address, ben.address, idOf(ana), TOKEN, "0x"))
        .to.be.revertedWithCustomError(hub, "IncomeHubNotApproved")
        .withArgs(operator.address, ana.address);
      await expect(hub.connect(ana).setApprovalForAll(operator.address, true))
        .to.emit(hub, "ApprovalForAll")
        .withArgs(ana.address, operator.address, true);
      expect(await hub.isApprovedForAll(ana.address, operator.address)).to.equal(true);
      await expect(hub.connect(operator).safeTransferFrom(ana.address, ben.address, idOf(ana), TOKEN, "0x"))
        .to.emit(hub, "TransferSingle")
        .withArgs(operator.address, ana.address, ben.address, idOf(ana), TOKEN);
      await hub.connect(ben).safeTransferFrom(ben.address, ana.address, idOf(ben), TOKEN, "0x");
      await hub
        .connect(ana)
        .safeBatchTransferFrom(ana.address, ben.address, [idOf(ana), idOf(ben)], [TOKEN, TOKEN], "0x");
      expect(await hub.balanceOfBatch([ben.address, ben.address], [idOf(ana), idOf(ben)])).to.deep.equal([
        2n * TOKEN,
        await hub.balanceOf(ben.address, idOf(ben)),
      ]);
      await expect(hub.balanceOfBatch([ben.address], [])).to.be.revertedWithCustomError(hub, "IncomeHubLengthMismatch");
      await expect(
        hub.connect(ana).safeBatchTransferFrom(ana.address, ben.address, [idOf(ana)], [], "0x"),
      ).to.be.revertedWithCustomError(hub, "IncomeHubLengthMismatch");
      await expect(
        hub.connect(ana).safeTransferFrom(ana.address, ethers.ZeroAddress, idOf(ana), TOKEN, "0x"),
      ).to.be.revertedWithCustomError(hub, "IncomeHubZeroAddress");
      await expect(hub.connect(ana).setApprovalForAll(ethers.ZeroAddress, true)).to.be.revertedWithCustomError(
        hub,
        "IncomeHubZeroAddress",
      );
    });

    it("answers ERC-165 for ERC-1155 and its metadata, and serves the URI template", async function () {
      const { hub } = await networkHelpers.loadFixture(incomeWorld);
      expect(await hub.supportsInterface("0xd9b67a26")).to.equal(true); // ERC-1155
      expect(await hub.supportsInterface("0x0e89341c")).to.equal(true); // metadata URI
      expect(await hub.supportsInterface("0x01ffc9a7")).to.equal(true); // ERC-165
      expect(await hub.supportsInterface("0xffffffff")).to.equal(false);
      expect(await hub.uri(1n)).to.equal("ipfs://commonweal-income/{id}.json");
    });
  });
});
