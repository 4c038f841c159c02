import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import { network } from "hardhat";

import { findEvent } from "../../client/events.js";
import {
  CHARTER_HASH,
  ProposalState,
  TEST_MANDATE_RULES,
  TEST_RULES,
  Vote,
  circleFixtures,
  mandateSpec,
  roleId,
  type CircleWorld,
  type CouncilWorld,
} from "../fixtures/circles.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const { time } = networkHelpers;
const {
  circleWorld,
  createCircle,
  decide,
  grantByDecision,
  foundCouncil: foundCouncilWith,
} = circleFixtures(connection);

const DAY = 86_400;
/**
 * Council rules: founded with one seat, at most eight; votes last three hours, long enough for a member circle to
 * decide within one; the sunset comes before the circles' charters lapse.
 */
const COUNCIL_RULES = { ...TEST_RULES, minMembers: 1, maxMembers: 8, votingPeriod: 3 * 3_600, charterTerm: 10 * DAY };

type Council = CouncilWorld;

/** A circle's delegate to a council: the member holding the circle's mandate for the council's delegate role. */
interface Delegate {
  circle: CircleWorld;
  holder: HardhatEthersSigner;
  mandateId: bigint;
}

/** Has `world` found a council by its own decision, under the council rules above. */
function foundCouncil(world: CircleWorld, name: string, openJoin = false): Promise<Council> {
  return foundCouncilWith(world, name, { openJoin, rules: COUNCIL_RULES, charterURI: `ipfs://${name}` });
}

/**
 * A circle founded by an outsider (one person may found many, with the same few addresses), acting as itself:
 * with so few members, the circle's passed proposal is its founders' wish alone, so impersonating it is faithful.
 */
async function outsiderCircle(world: CircleWorld, founders: HardhatEthersSigner[], name: string) {
  const made = await createCircle(world.registry, founders, { ...TEST_RULES, minMembers: 1 }, name);
  const address = made.circle.target as string;
  await networkHelpers.impersonateAccount(address);
  await networkHelpers.setBalance(address, 10n ** 18n);
  return { ...made, asCircle: await ethers.getSigner(address) };
}

/** Has `world` grant one of its members the delegate mandate for `c`, with the powers a seat needs. */
async function appointDelegate(world: CircleWorld, c: Council, holder = world.founders[1]!): Promise<Delegate> {
  const council = c.council.target as string;
  const seats = c.seats.target as string;
  const powers = [
    { target: council, selector: c.council.interface.getFunction("castVote").selector },
    { target: council, selector: c.council.interface.getFunction("propose").selector },
    { target: seats, selector: c.seats.interface.getFunction("requestSeat").selector },
  ];
  const spec = mandateSpec(await c.seats.delegateRole(), 20 * DAY, powers, "Represent the circle in the council");
  const mandateId = await grantByDecision(world, spec, holder.address);
  return { circle: world, holder, mandateId };
}

/** The delegate has their circle call `data` on `target` through the mandate. */
function act(d: Delegate, target: string, data: string) {
  return d.circle.mandates.connect(d.holder).act(d.mandateId, target, 0n, data);
}

/** A council decision: proposed through the first delegate, voted for by every delegate, executed. */
async function councilDecide(
  c: Council,
  delegates: Delegate[],
  calls: { target: string; data: string }[],
  text: string,
) {
  const targets = calls.map((x) => x.target);
  const values = calls.map(() => 0n);
  const datas = calls.map((x) => x.data);
  await (
    await act(
      delegates[0]!,
      c.council.target as string,
      c.council.interface.encodeFunctionData("propose", [targets, values, datas, text]),
    )
  ).wait();
  const id = await c.council.hashProposal(targets, values, datas, ethers.id(text));
  await time.increase(COUNCIL_RULES.votingDelay + 1);
  for (const d of delegates) {
    await (
      await act(d, c.council.target as string, c.council.interface.encodeFunctionData("castVote", [id, Vote.For]))
    ).wait();
  }
  await time.increaseTo((await c.council.proposalDeadline(id)) + 1n);
  return { id, execute: () => c.council.execute(targets, values, datas, ethers.id(text)) };
}

/** Two circles, Ana's (founders 0-5) and Bea's (signers 6-11), and a water council founded by Ana's circle. */
async function federation() {
  const a = await circleWorld();
  const signers = await ethers.getSigners();
  const bFounders = signers.slice(6, 12);
  const b: CircleWorld = {
    ...a,
    ...(await createCircle(a.registry, bFounders, { ...TEST_RULES }, "Bea's circle")),
    founders: bFounders,
  };
  await time.increase(1);
  const water = await foundCouncil(a, "Water council");
  return { a, b, water, outsiders: signers.slice(12, 20) };
}

/** The federation with both circles seated and a delegate each. */
async function seatedFederation() {
  const f = await federation();
  const { a, b, water } = f;
  const aDelegate = await appointDelegate(a, water);
  const bDelegate = await appointDelegate(b, water);
  await (
    await act(bDelegate, water.seats.target as string, water.seats.interface.encodeFunctionData("requestSeat"))
  ).wait();
  const admission = await councilDecide(
    water,
    [aDelegate],
    [
      {
        target: water.seats.target as string,
        data: water.seats.interface.encodeFunctionData("admit", [b.circle.target]),
      },
    ],
    "Seat Bea's circle",
  );
  await admission.execute();
  await time.increase(1);
  return { ...f, aDelegate, bDelegate };
}

describe("Council", function () {
  describe("founding and joining", function () {
    it("is founded by a circle's decision, with that circle in its first seat", async function () {
      const { a, water } = await networkHelpers.loadFixture(federation);
      expect(await a.registry.isCouncil(water.council.target)).to.equal(true);
      expect(await a.registry.isCircle(water.council.target)).to.equal(true);
      expect(await water.seats.hasSeat(a.circle.target)).to.equal(true);
      expect(await water.seats.members()).to.deep.equal([a.circle.target]);
      expect(await water.seats.delegateRole()).to.equal(
        `delegate to council ${(water.council.target as string).toLowerCase()}`,
      );
      expect(await water.seats.delegateRoleId()).to.equal(roleId(await water.seats.delegateRole()));
      expect(await water.council.name()).to.equal("Water council");
    });

    it("can only be founded by a circle", async function () {
      const { a, outsiders } = await networkHelpers.loadFixture(federation);
      await expect(
        a.registry
          .connect(outsiders[0]!)
          .createCouncil(
            { name: "X", charterHash: CHARTER_HASH, charterURI: "", openJoin: true },
            COUNCIL_RULES,
            TEST_MANDATE_RULES,
          ),
      )
        .to.be.revertedWithCustomError(a.registry, "CircleRegistryNotCircle")
        .withArgs(outsiders[0]!.address);
    });

    it("seats a circle only with both sides' decisions", async function () {
      const { a, b, water } = await networkHelpers.loadFixture(federation);
      const aDelegate = await appointDelegate(a, water);
      const admitB = {
        target: water.seats.target as string,
        data: water.seats.interface.encodeFunctionData("admit", [b.circle.target]),
      };
      // The council alone cannot seat a circle that did not ask.
      const early = await councilDecide(water, [aDelegate], [admitB], "Seat Bea's circle unasked");
      await expect(early.execute())
        .to.be.revertedWithCustomError(water.seats, "CouncilSeatNotRequested")
        .withArgs(b.circle.target);
      // Bea's circle asks by its own decision; it has no seat until the council decides.
      const request = {
        target: water.seats.target as string,
        data: water.seats.interface.encodeFunctionData("requestSeat"),
      };
      await expect(decide(b, [request], "Ask for a seat"))
        .to.emit(water.seats, "SeatRequested")
        .withArgs(b.circle.target);
      expect(await water.seats.hasRequested(b.circle.target)).to.equal(true);
      expect(await water.seats.hasSeat(b.circle.target)).to.equal(false);
      await expect(decide(b, [request], "Ask again"))
        .to.be.revertedWithCustomError(water.seats, "CouncilSeatAlreadyRequested")
        .withArgs(b.circle.target);
      const seated = await councilDecide(water, [aDelegate], [admitB], "Seat Bea's circle");
      await expect(seated.execute()).to.emit(water.seats, "MemberAdmitted").withArgs(b.circle.target, 2n);
      expect(await water.seats.hasSeat(b.circle.target)).to.equal(true);
      expect(await water.seats.hasRequested(b.circle.target)).to.equal(false);
      await expect(decide(b, [request], "Ask once seated"))
        .to.be.revertedWithCustomError(water.seats, "CircleMembershipAlreadyMember")
        .withArgs(b.circle.target);
    });

    it("seats a circle at once when the council is open-join", async function () {
      const { a, b } = await networkHelpers.loadFixture(federation);
      const open = await foundCouncil(a, "Tool library council", true);
      const request = {
        target: open.seats.target as string,
        data: open.seats.interface.encodeFunctionData("requestSeat"),
      };
      await expect(decide(b, [request], "Join the tool library council"))
        .to.emit(open.seats, "MemberAdmitted")
        .withArgs(b.circle.target, 2n);
      expect(await open.seats.openJoin()).to.equal(true);
    });

    it("refuses a non-circle, and the council itself, as a member", async function () {
      const { water, outsiders } = await networkHelpers.loadFixture(federation);
      await expect(water.seats.connect(outsiders[0]!).requestSeat())
        .to.be.revertedWithCustomError(water.seats, "CouncilNotACircle")
        .withArgs(outsiders[0]!.address);
    });
  });

  describe("seats and votes", function () {
    it("is exercised by the delegate: a vacant seat cannot vote and is not counted in the quorum", async function () {
      const { a, water } = await networkHelpers.loadFixture(federation);
      expect(await water.seats.isSeatFilled(a.circle.target)).to.equal(false);
      expect(await water.seats.isMember(a.circle.target)).to.equal(false);
      expect(await water.seats.electorateSize(0)).to.equal(0n);
      const aDelegate = await appointDelegate(a, water);
      expect(await water.seats.isMember(a.circle.target)).to.equal(true);
      expect(await water.seats.electorateSize(0)).to.equal(1n);
      await expect(aDelegate.circle.mandates.connect(aDelegate.holder).complete(aDelegate.mandateId)).to.emit(
        a.mandates,
        "HandOff",
      );
      expect(await water.seats.isMember(a.circle.target)).to.equal(false);
    });

    it("counts only filled seats in the quorum, and a recalled delegate loses the seat in the same block", async function () {
      const { b, water, aDelegate, bDelegate } = await networkHelpers.loadFixture(seatedFederation);
      expect(await water.seats.electorateSize(0)).to.equal(2n);
      // Bea's circle recalls its delegate: four of six members.
      for (const member of b.founders.slice(2, 5)) await b.mandates.connect(member).signalRecall(bDelegate.mandateId);
      const recall = await b.mandates.connect(b.founders[5]!).signalRecall(bDelegate.mandateId);
      const block = (await recall.wait())!.blockNumber;
      expect(await water.seats.isSeatFilled(b.circle.target, { blockTag: block })).to.equal(false);
      expect(await water.seats.hasSeat(b.circle.target)).to.equal(true);
      expect(await water.seats.electorateSize(0)).to.equal(1n);
      // A proposal made now needs one vote of one filled seat, not of two seats.
      const text = "Fix the pump";
      const calls = [{ target: water.council.target as string, data: "0x" }];
      await (
        await act(
          aDelegate,
          water.council.target as string,
          water.council.interface.encodeFunctionData("propose", [[calls[0]!.target], [0n], ["0x"], text]),
        )
      ).wait();
      const id = await water.council.hashProposal([calls[0]!.target], [0n], ["0x"], ethers.id(text));
      expect(await water.council.quorum(await water.council.proposalSnapshot(id))).to.equal(0n);
      await time.increase(COUNCIL_RULES.votingDelay + 1);
      // A vacant seat cannot open proposals either.
      await networkHelpers.impersonateAccount(b.circle.target as string);
      await networkHelpers.setBalance(b.circle.target as string, 10n ** 18n);
      const asB = await ethers.getSigner(b.circle.target as string);
      await expect(water.council.connect(asB).propose([water.council.target], [0n], ["0x"], "From a vacant seat"))
        .to.be.revertedWithCustomError(water.council, "CircleProposerNotMember")
        .withArgs(b.circle.target);
      // The recalled delegate can no longer act, and a full decision of Bea's circle cannot vote a vacant seat.
      await expect(
        act(
          bDelegate,
          water.council.target as string,
          water.council.interface.encodeFunctionData("castVote", [id, Vote.For]),
        ),
      ).to.be.revertedWithCustomError(b.mandates, "MandateAlreadyEnded");
      const vote = {
        target: water.council.target as string,
        data: water.council.interface.encodeFunctionData("castVote", [id, Vote.Against]),
      };
      await expect(decide(b, [vote], "Vote without a delegate")).to.be.revertedWithCustomError(
        water.council,
        "CircleNotInElectorate",
      );
      await act(
        aDelegate,
        water.council.target as string,
        water.council.interface.encodeFunctionData("castVote", [id, Vote.For]),
      );
      await time.increaseTo((await water.council.proposalDeadline(id)) + 1n);
      expect(await water.council.state(id)).to.equal(ProposalState.Succeeded);
    });
  });

  describe("outsiders and open join", function () {
    it("an outsider's one-person circles cannot freeze an open council", async function () {
      const { a, outsiders } = await networkHelpers.loadFixture(federation);
      const open = await foundCouncil(a, "Open council", true);
      const aDelegate = await appointDelegate(a, open);
      const role = await open.seats.delegateRole();

      // A one-person circle cannot take a seat: its voice would be one person's.
      const solo = await outsiderCircle(a, [outsiders[0]!], "Solo");
      await time.increase(1);
      await expect(open.seats.connect(solo.asCircle).requestSeat())
        .to.be.revertedWithCustomError(open.seats, "CouncilCircleTooSmall")
        .withArgs(solo.circle.target, 1n, 3n);

      // Three minimum-size circles of the same three people take seats by open join, each with a delegate.
      const trio = outsiders.slice(0, 3);
      const sybils = [];
      for (let i = 0; i < 3; i++) sybils.push(await outsiderCircle(a, trio, `Sybil ${i}`));
      await time.increase(1);
      const probation = await open.seats.probation();
      expect(probation).to.equal(2n * BigInt(COUNCIL_RULES.votingDelay + COUNCIL_RULES.votingPeriod));
      for (const sybil of sybils) {
        await expect(open.seats.connect(sybil.asCircle).requestSeat()).to.emit(open.seats, "SeatOnProbation");
        await sybil.mandates.connect(sybil.asCircle).grant(mandateSpec(role, 20 * DAY), trio[0]!.address);
        expect(await open.seats.hasSeat(sybil.circle.target)).to.equal(true);
        expect(await open.seats.isSeatFilled(sybil.circle.target)).to.equal(true);
        expect(await open.seats.onProbation(sybil.circle.target)).to.equal(true);
        expect(await open.seats.isMember(sybil.circle.target)).to.equal(false);
      }
      // The quorum base, and the majority base of recalls, are the one honest seat.
      expect(await open.seats.electorateSize(0)).to.equal(1n);
      expect(await open.seats.memberCount()).to.equal(1n);

      // They cannot reset the council (threshold 3)...
      for (const sybil of sybils) {
        await expect(open.rituals.connect(sybil.asCircle).signalReset())
          .to.be.revertedWithCustomError(open.rituals, "CircleRitualsNotMember")
          .withArgs(sybil.circle.target);
      }
      expect(await open.council.resetEpoch()).to.equal(0n);
      // ...nor be drawn as convenor, nor recall the convenor drawn among the seats that count...
      const drawn = await (await open.mandates.requestFacilitatorDraw()).wait();
      const requested = findEvent(open.mandates.interface, drawn!.logs, "DrawRequested")!;
      expect([...(requested.args.pool as string[])]).to.deep.equal([a.circle.target]);
      await a.randomness.setValue(requested.args.ticket as bigint, BigInt(ethers.id("convenor")));
      await (await open.mandates.completeDraw(requested.args.drawId as bigint, [a.circle.target], "0x")).wait();
      const [convenor, convenorMandate] = await open.mandates.holderOf(roleId("facilitator"));
      expect(convenor).to.equal(a.circle.target);
      for (const sybil of sybils) {
        await expect(open.mandates.connect(sybil.asCircle).signalRecall(convenorMandate))
          .to.be.revertedWithCustomError(open.mandates, "MandateNotMember")
          .withArgs(sybil.circle.target);
      }
      // ...nor propose, nor vote: the council unseats them and closes the door before their probation ends.
      await expect(open.council.connect(sybils[0]!.asCircle).propose([open.council.target], [0n], ["0x"], "Ours"))
        .to.be.revertedWithCustomError(open.council, "CircleProposerNotMember")
        .withArgs(sybils[0]!.circle.target);
      const calls = [
        ...sybils.map((sybil) => ({
          target: open.seats.target as string,
          data: open.seats.interface.encodeFunctionData("remove", [sybil.circle.target]),
        })),
        { target: open.seats.target as string, data: open.seats.interface.encodeFunctionData("setOpenJoin", [false]) },
      ];
      const text = "Unseat the look-alike circles and close open join";
      await (
        await act(
          aDelegate,
          open.council.target as string,
          open.council.interface.encodeFunctionData("propose", [
            calls.map((x) => x.target),
            calls.map(() => 0n),
            calls.map((x) => x.data),
            text,
          ]),
        )
      ).wait();
      const id = await open.council.hashProposal(
        calls.map((x) => x.target),
        calls.map(() => 0n),
        calls.map((x) => x.data),
        ethers.id(text),
      );
      expect(await open.council.quorum(await open.council.proposalSnapshot(id))).to.equal(0n);
      await time.increase(COUNCIL_RULES.votingDelay + 1);
      for (const sybil of sybils) {
        await expect(open.council.connect(sybil.asCircle).castVote(id, Vote.Against))
          .to.be.revertedWithCustomError(open.council, "CircleNotInElectorate")
          .withArgs(id, sybil.circle.target);
      }
      await act(
        aDelegate,
        open.council.target as string,
        open.council.interface.encodeFunctionData("castVote", [id, Vote.For]),
      );
      await time.increaseTo((await open.council.proposalDeadline(id)) + 1n);
      const execution = open.council.execute(
        calls.map((x) => x.target),
        calls.map(() => 0n),
        calls.map((x) => x.data),
        ethers.id(text),
      );
      await expect(execution).to.emit(open.seats, "OpenJoinSet").withArgs(false);
      expect(BigInt(await time.latest())).to.be.lessThan(await open.seats.probationEndsAt(sybils[0]!.circle.target));
      for (const sybil of sybils) expect(await open.seats.hasSeat(sybil.circle.target)).to.equal(false);
      // Asking again is now only a request the council decides on.
      await expect(open.seats.connect(sybils[0]!.asCircle).requestSeat()).to.emit(open.seats, "SeatRequested");
      expect(await open.seats.hasSeat(sybils[0]!.circle.target)).to.equal(false);
      expect(await open.seats.hasRequested(sybils[0]!.circle.target)).to.equal(true);
    });

    it("counts a seat taken by open join once its probation is over; the council sets the probation by decision", async function () {
      const { a, b, outsiders } = await networkHelpers.loadFixture(federation);
      const open = await foundCouncil(a, "Open council", true);
      const aDelegate = await appointDelegate(a, open);
      expect(await open.seats.openJoin()).to.equal(true);
      await expect(open.seats.connect(outsiders[0]!).setProbation(0))
        .to.be.revertedWithCustomError(open.seats, "CircleMembershipOnlyCircle")
        .withArgs(outsiders[0]!.address);
      await expect(open.seats.connect(outsiders[0]!).setOpenJoin(false))
        .to.be.revertedWithCustomError(open.seats, "CircleMembershipOnlyCircle")
        .withArgs(outsiders[0]!.address);

      const bDelegate = await appointDelegate(b, open);
      const joined = await (
        await act(bDelegate, open.seats.target as string, open.seats.interface.encodeFunctionData("requestSeat"))
      ).wait();
      const at = BigInt((await ethers.provider.getBlock(joined!.blockNumber))!.timestamp);
      const endsAt = at + (await open.seats.probation());
      expect(await open.seats.probationEndsAt(b.circle.target)).to.equal(endsAt);
      expect(await open.seats.isMember(b.circle.target)).to.equal(false);
      await time.increaseTo(endsAt - 1n);
      expect(await open.seats.isMember(b.circle.target)).to.equal(false);
      await time.increaseTo(endsAt);
      expect(await open.seats.isMember(b.circle.target)).to.equal(true);
      expect(await open.seats.electorateSize(0)).to.equal(2n);

      const week = 7 * DAY;
      const decision = await councilDecide(
        open,
        [aDelegate, bDelegate],
        [
          {
            target: open.seats.target as string,
            data: open.seats.interface.encodeFunctionData("setProbation", [week]),
          },
        ],
        "A week of probation",
      );
      await expect(decision.execute())
        .to.emit(open.seats, "ProbationSet")
        .withArgs(2n * BigInt(COUNCIL_RULES.votingDelay + COUNCIL_RULES.votingPeriod), BigInt(week));
      expect(await open.seats.probation()).to.equal(BigInt(week));
    });

    it("counts a seat only while its circle had three members a second ago", async function () {
      const { b, water } = await networkHelpers.loadFixture(seatedFederation);
      expect(await water.seats.isMember(b.circle.target)).to.equal(true);
      // Bea's circle shrinks to two: its delegate stays, but its seat no longer counts.
      for (const member of b.founders.slice(2)) await b.membership.connect(member).leave();
      expect(await water.seats.isSeatFilled(b.circle.target)).to.equal(true);
      await time.increase(1);
      expect(await water.seats.hasSeat(b.circle.target)).to.equal(true);
      expect(await water.seats.isSeatFilled(b.circle.target)).to.equal(false);
      expect(await water.seats.isMember(b.circle.target)).to.equal(false);
      expect(await water.seats.electorateSize(0)).to.equal(1n);
      expect(await water.seats.MIN_SEAT_MEMBERS()).to.equal(3n);
    });

    it("refuses to seat a circle that shrank below three members, even by the council's decision", async function () {
      const { a, b, water } = await networkHelpers.loadFixture(federation);
      const aDelegate = await appointDelegate(a, water);
      const request = {
        target: water.seats.target as string,
        data: water.seats.interface.encodeFunctionData("requestSeat"),
      };
      await decide(b, [request], "Ask for a seat");
      for (const member of b.founders.slice(2)) await b.membership.connect(member).leave();
      const admitB = {
        target: water.seats.target as string,
        data: water.seats.interface.encodeFunctionData("admit", [b.circle.target]),
      };
      const seating = await councilDecide(water, [aDelegate], [admitB], "Seat Bea's circle");
      await expect(seating.execute())
        .to.be.revertedWithCustomError(water.seats, "CouncilCircleTooSmall")
        .withArgs(b.circle.target, 2n, 3n);
      expect(await water.seats.hasSeat(b.circle.target)).to.equal(false);
    });

    it("seats a circle admitted by the council's decision at once, with no probation", async function () {
      const { b, water } = await networkHelpers.loadFixture(seatedFederation);
      expect(await water.seats.openJoin()).to.equal(false);
      expect(await water.seats.probationEndsAt(b.circle.target)).to.equal(0n);
      expect(await water.seats.onProbation(b.circle.target)).to.equal(false);
    });
  });

  describe("leaving", function () {
    it("is immediate, by the circle's own decision, even while proposals are pending", async function () {
      const { b, water, aDelegate } = await networkHelpers.loadFixture(seatedFederation);
      const pending = await councilDecide(
        water,
        [aDelegate],
        [{ target: water.council.target as string, data: "0x" }],
        "Pending while Bea leaves",
      );
      const leave = { target: water.seats.target as string, data: water.seats.interface.encodeFunctionData("leave") };
      await expect(decide(b, [leave], "Leave the water council"))
        .to.emit(water.seats, "MemberLeft")
        .withArgs(b.circle.target, 1n);
      expect(await water.seats.hasSeat(b.circle.target)).to.equal(false);
      await expect(pending.execute()).to.emit(water.council, "ProposalExecuted");
      await expect(decide(b, [leave], "Leave again"))
        .to.be.revertedWithCustomError(water.seats, "CircleMembershipNotMember")
        .withArgs(b.circle.target);
    });
  });

  describe("no standing authority", function () {
    it("refuses any proposal aimed at a member circle or its parts", async function () {
      const { a, b, water, aDelegate } = await networkHelpers.loadFixture(seatedFederation);
      for (const target of [
        a.circle.target,
        a.membership.target,
        a.rituals.target,
        a.mandates.target,
        a.badges.target,
        b.circle.target,
        b.mandates.target,
      ]) {
        const data = water.council.interface.encodeFunctionData("propose", [
          [target],
          [0n],
          ["0x"],
          `Reach into ${target}`,
        ]);
        await expect(act(aDelegate, water.council.target as string, data))
          .to.be.revertedWithCustomError(water.seats, "CouncilNoAuthority")
          .withArgs(target);
      }
      // Its own parts and unrelated contracts are fine.
      const own = water.council.interface.encodeFunctionData("propose", [
        [water.mandates.target, a.token.target],
        [0n, 0n],
        ["0x", "0x"],
        "Own business",
      ]);
      await expect(act(aDelegate, water.council.target as string, own)).to.emit(water.council, "ProposalCreated");
    });
  });

  describe("sunset", function () {
    it("refuses ordinary proposals past its sunset and can be renewed", async function () {
      const { water, aDelegate } = await networkHelpers.loadFixture(seatedFederation);
      await time.increaseTo((await water.council.charter()).expiresAt);
      const ordinary = water.council.interface.encodeFunctionData("propose", [
        [water.council.target],
        [0n],
        ["0x"],
        "Business as usual",
      ]);
      await expect(act(aDelegate, water.council.target as string, ordinary)).to.be.revertedWithCustomError(
        water.council,
        "CircleCharterLapsed",
      );
      // Admitting seats is not renewal either.
      const seat = water.council.interface.encodeFunctionData("propose", [
        [water.seats.target],
        [0n],
        [water.seats.interface.encodeFunctionData("admit", [aDelegate.holder.address])],
        "Seat someone",
      ]);
      await expect(act(aDelegate, water.council.target as string, seat)).to.be.revertedWithCustomError(
        water.council,
        "CircleCharterLapsed",
      );
      const renewal = await councilDecide(
        water,
        [aDelegate],
        [
          {
            target: water.council.target as string,
            data: water.council.interface.encodeFunctionData("ratifyCharter", [CHARTER_HASH, "ipfs://renewed"]),
          },
        ],
        "Renew the council",
      );
      await expect(renewal.execute()).to.emit(water.council, "CharterRatified");
      await expect(act(aDelegate, water.council.target as string, ordinary)).to.emit(water.council, "ProposalCreated");
    });
  });

  describe("concentric councils", function () {
    it("lets a council hold a seat in a wider council through its own delegate, and vote end to end", async function () {
      const { a, water, aDelegate, bDelegate, outsiders } = await networkHelpers.loadFixture(seatedFederation);
      const { registry } = a;
      // A council's seat counts only while it holds three seats itself: Cedar's circle joins the water council.
      const cFounders = outsiders.slice(0, 6);
      const c: CircleWorld = {
        ...a,
        ...(await createCircle(registry, cFounders, { ...TEST_RULES }, "Cedar's circle")),
        founders: cFounders,
      };
      await time.increase(1);
      const cDelegate = await appointDelegate(c, water);
      await act(cDelegate, water.seats.target as string, water.seats.interface.encodeFunctionData("requestSeat"));
      const seatCedar = {
        target: water.seats.target as string,
        data: water.seats.interface.encodeFunctionData("admit", [c.circle.target]),
      };
      await (await councilDecide(water, [aDelegate, bDelegate], [seatCedar], "Seat Cedar's circle")).execute();
      // The water council founds a regional council by its own decision, and holds its first seat.
      const found = registry.interface.encodeFunctionData("createCouncil", [
        { name: "Regional council", charterHash: CHARTER_HASH, charterURI: "ipfs://regional", openJoin: false },
        COUNCIL_RULES,
        TEST_MANDATE_RULES,
      ]);
      const founding = await councilDecide(
        water,
        [bDelegate, aDelegate],
        [{ target: registry.target as string, data: found }],
        "Found the regional council",
      );
      const receipt = await (await founding.execute()).wait();
      const created = findEvent(registry.interface, receipt!.logs, "CouncilCreated")!;
      expect(created.args.foundingCircle).to.equal(water.council.target);
      const parts = created.args.parts as { circle: string; membership: string };
      const regional = await ethers.getContractAt("Circle", parts.circle);
      const regionalSeats = await ethers.getContractAt("CouncilSeats", parts.membership);

      // The water council makes Ana's circle its delegate to the regional council (proposed by Bea's circle).
      const powers = [
        { target: parts.circle, selector: regional.interface.getFunction("castVote").selector },
        { target: parts.circle, selector: regional.interface.getFunction("propose").selector },
      ];
      const spec = mandateSpec(await regionalSeats.delegateRole(), 20 * DAY, powers, "Speak for the water council");
      const grant = water.mandates.interface.encodeFunctionData("grant", [spec, a.circle.target]);
      await (
        await councilDecide(
          water,
          [bDelegate, aDelegate],
          [{ target: water.mandates.target as string, data: grant }],
          "Ana's circle to the regional council",
        )
      ).execute();
      const waterMandate = await water.mandates.mandateCount();
      await time.increase(1);
      expect(await regionalSeats.isSeatFilled(water.council.target)).to.equal(true);

      // Inside Ana's circle, Cai holds the mandate to exercise that delegation.
      const cai = a.founders[2]!;
      const voice = await grantByDecision(
        a,
        mandateSpec("regional voice", 20 * DAY, [
          { target: water.mandates.target as string, selector: water.mandates.interface.getFunction("act").selector },
        ]),
        cai.address,
      );
      const throughTwoLevels = (data: string) =>
        a.mandates
          .connect(cai)
          .act(
            voice,
            water.mandates.target,
            0n,
            water.mandates.interface.encodeFunctionData("act", [waterMandate, parts.circle, 0n, data]),
          );

      const text = "Share the regional pump";
      await expect(
        throughTwoLevels(regional.interface.encodeFunctionData("propose", [[parts.circle], [0n], ["0x"], text])),
      ).to.emit(regional, "ProposalCreated");
      const id = await regional.hashProposal([parts.circle], [0n], ["0x"], ethers.id(text));
      expect(await regional.proposalProposer(id)).to.equal(water.council.target);
      await time.increase(COUNCIL_RULES.votingDelay + 1);
      await expect(throughTwoLevels(regional.interface.encodeFunctionData("castVote", [id, Vote.For])))
        .to.emit(regional, "VoteCast")
        .withArgs(water.council.target, id, Vote.For, 1n, "");
      await time.increaseTo((await regional.proposalDeadline(id)) + 1n);
      await expect(regional.execute([parts.circle], [0n], ["0x"], ethers.id(text))).to.emit(
        regional,
        "ProposalExecuted",
      );
    });
  });

  describe("rotation", function () {
    it("draws its convenor by lot among filled seats, never the same circle twice in a row", async function () {
      const { a, b, water } = await networkHelpers.loadFixture(seatedFederation);
      let last = ethers.ZeroAddress;
      for (let period = 0; period < 4; period++) {
        const receipt = await (await water.mandates.requestFacilitatorDraw()).wait();
        const requested = findEvent(water.mandates.interface, receipt!.logs, "DrawRequested")!;
        const pool = [...(requested.args.pool as string[])];
        expect(pool).to.not.include(last);
        for (const seat of pool) expect([a.circle.target, b.circle.target]).to.include(seat);
        await a.randomness.setValue(requested.args.ticket as bigint, BigInt(ethers.id(`convenor ${period}`)));
        await (await water.mandates.completeDraw(requested.args.drawId as bigint, pool, "0x")).wait();
        const [convenor, id] = await water.mandates.holderOf(roleId("facilitator"));
        expect(convenor).to.not.equal(last);
        last = convenor;
        await time.increaseTo((await water.mandates.mandate(id)).expiresAt);
      }
    });
  });
});
