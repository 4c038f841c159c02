// The pair-link audit ritual (contracts/mandates/MandateAudits.sol, completed in MandateDraws): who may start, publish
// and record, the eligibility and order-independence of the draw of the two auditors, missed and skipped audits,
// the listening session, the hard reset, and the live-mandate limit that must not let an audit starve facilitation.
import { expect } from "chai";
import { network } from "hardhat";

import { findEvent } from "../../client/events.js";
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
const { circleWorld, decide, grantCall, createCircle } = circleFixtures(connection);

const DAY = 86_400;
const PERIOD = TEST_MANDATE_RULES.auditPeriod;
const Status = { None: 0n, Pending: 1n, Drawn: 2n, Published: 3n, Missed: 4n, Skipped: 5n, Cancelled: 6n } as const;
const EndReason = { Completed: 2n, Reset: 5n } as const;
const REPORT = ethers.id("report of the pair-link audit");

async function auditsOf(world: CircleWorld) {
  return ethers.getContractAt("IMandateAudits", world.mandates.target as string);
}

async function auditWorld() {
  const world = await networkHelpers.loadFixture(circleWorld);
  return { ...world, audits: await auditsOf(world) };
}
type AuditWorld = Awaited<ReturnType<typeof auditWorld>>;

/** Requests the running period's audit; its id, draw, frozen pool and ticket. */
async function requestAudit(world: AuditWorld) {
  const { mandates, audits } = world;
  const receipt = await (await audits.requestAuditorDraw()).wait();
  const requested = findEvent(audits.interface, receipt!.logs, "AuditRequested");
  const draw = findEvent(mandates.interface, receipt!.logs, "DrawRequested");
  if (!requested || !draw) throw new Error("no AuditRequested");
  return {
    auditId: requested.args.auditId as bigint,
    period: requested.args.period as bigint,
    drawId: draw.args.drawId as bigint,
    pool: [...(draw.args.pool as string[])],
    ticket: draw.args.ticket as bigint,
  };
}

/** Requests and completes the audit's draw with `randomness`; the audit and its two auditors. */
async function drawAuditors(world: AuditWorld, randomness = 777n) {
  const request = await requestAudit(world);
  await world.randomness.setValue(request.ticket, randomness);
  await (await world.mandates.completeDraw(request.drawId, request.pool, "0x")).wait();
  const a = await world.audits.audit(request.auditId);
  const auditors = a.auditors.map((address) => world.founders.find((f) => f.address === address)!);
  return { ...request, audit: a, auditors };
}

const hashOf = (types: string[], values: unknown[]) =>
  BigInt(ethers.keccak256(ethers.AbiCoder.defaultAbiCoder().encode(types, values)));

/** The pair Sortition.pickTwo draws when every member of `pool` is eligible: both picks run over the sorted pool. */
function expectedPair(pool: readonly string[], randomness: bigint): [string, string] {
  const sorted = [...pool].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  const first = sorted[Number(hashOf(["uint256", "uint256"], [randomness, 0n]) % BigInt(sorted.length))]!;
  const rest = sorted.filter((m) => m !== first);
  const second = hashOf(["uint256"], [randomness]);
  return [first, rest[Number(hashOf(["uint256", "uint256"], [second, 0n]) % BigInt(rest.length))]!];
}

/** A randomness value that makes `member` the first auditor when the whole `pool` is eligible. */
function randomnessFor(pool: readonly string[], member: string): bigint {
  for (let r = 1n; ; ++r) if (expectedPair(pool, r)[0] === member) return r;
}

describe("Pair-link audits", function () {
  describe("requesting the draw", function () {
    it("is open to anyone, freezes the eligible pool and counts periods from the first request", async function () {
      const world = await auditWorld();
      const { audits, outsiders, founders } = world;
      const tx = audits.connect(outsiders[0]!).requestAuditorDraw();
      await expect(tx).to.emit(audits, "AuditRequested");
      const at = BigInt((await ethers.provider.getBlock("latest"))!.timestamp);
      const a = await audits.audit(1n);
      expect(a.status).to.equal(Status.Pending);
      expect(a.period).to.equal(0n);
      expect(a.poolSize).to.equal(6n);
      expect(a.startsAt).to.equal(at);
      expect(a.endsAt).to.equal(at + BigInt(PERIOD));
      expect(await audits.auditCount()).to.equal(1n);
      const [period, startsAt, endsAt, auditId] = await audits.currentAuditPeriod();
      expect([period, startsAt, endsAt, auditId]).to.deep.equal([0n, at, at + BigInt(PERIOD), 1n]);
      expect(founders.length).to.equal(6);
    });

    it("happens at most once per period, and again in the next one", async function () {
      const world = await auditWorld();
      const { audits } = world;
      const { auditors } = await drawAuditors(world);
      await expect(audits.requestAuditorDraw())
        .to.be.revertedWithCustomError(audits, "MandateAuditExists")
        .withArgs(0n, 1n);
      // Publishing frees the roles, but the period keeps its one audit.
      for (const auditor of auditors) await audits.connect(auditor).publishAudit(1n, REPORT, "ipfs://report");
      await expect(audits.requestAuditorDraw()).to.be.revertedWithCustomError(audits, "MandateAuditExists");
      await time.increase(PERIOD);
      const next = await requestAudit(world);
      expect(next.auditId).to.equal(2n);
      expect(next.period).to.equal(1n);
    });

    it("is refused when the circle holds no audits", async function () {
      const world = await auditWorld();
      const off = await createCircle(world.registry, world.founders, { ...TEST_RULES }, "No audits", {
        ...TEST_MANDATE_RULES,
        auditPeriod: 0,
      });
      const audits = await ethers.getContractAt("IMandateAudits", off.mandates.target as string);
      await expect(audits.requestAuditorDraw()).to.be.revertedWithCustomError(audits, "MandateAuditsOff");
      await expect(audits.currentAuditPeriod()).to.be.revertedWithCustomError(audits, "MandateAuditsOff");
    });

    it("leaves out the live facilitator, the cooled down, members at their live-mandate limit and non-members", async function () {
      const world = await auditWorld();
      const { mandates, rituals, audits, founders, randomness, outsiders } = world;
      // One cooled down by the temperature check.
      await time.increase(TEST_RULES.temperaturePeriod);
      const loud = founders[5]!;
      for (const member of founders.slice(0, 4)) await rituals.connect(member).recordTemperature(2, loud.address);
      expect(await rituals.isCooledDown(loud.address)).to.equal(true);
      // A facilitator (drawn among the five others).
      const fReceipt = await (await mandates.requestFacilitatorDraw()).wait();
      const fDraw = findEvent(mandates.interface, fReceipt!.logs, "DrawRequested")!;
      await randomness.setValue(fDraw.args.ticket, 1n);
      await mandates.completeDraw(fDraw.args.drawId, [...fDraw.args.pool], "0x");
      const [facilitator] = await mandates.holderOf(roleId("facilitator"));
      const others = founders.filter((f) => f.address !== facilitator && f !== loud);
      // One at the live-mandate limit (one mandate each).
      const busy = others.find((f) => f !== founders[0])!;
      await decide(world, [await grantCall(world, mandateSpec("treasurer", 20 * DAY), busy.address)], "Treasurer");
      const { pool } = await requestAudit(world);
      expect(pool).to.have.members(
        founders.filter((f) => ![facilitator, loud.address, busy.address].includes(f.address)).map((f) => f.address),
      );
      expect(pool).to.not.include(outsiders[0]!.address);
    });

    it("leaves out a member who reached the term limit of an auditor role, until the cooldown ends", async function () {
      const world = await auditWorld();
      const { audits, mandates, founders, randomness } = world;
      const target = founders[2]!.address;
      for (let n = 0; n < 2; ++n) {
        const request = await requestAudit(world);
        await randomness.setValue(request.ticket, randomnessFor(request.pool, target));
        await mandates.completeDraw(request.drawId, request.pool, "0x");
        const a = await audits.audit(request.auditId);
        expect(a.auditors[0]).to.equal(target);
        for (const auditor of a.auditors) {
          await audits.connect(await ethers.getSigner(auditor)).publishAudit(request.auditId, REPORT, "ipfs://r");
        }
        await time.increase(PERIOD);
      }
      const [, availableAt] = await mandates.termOf(await audits.AUDITOR_ROLE_1(), target);
      expect(availableAt).to.be.greaterThan(BigInt(await time.latest()));
      const { pool } = await requestAudit(world);
      expect(pool).to.not.include(target);
      // Whoever else is left out reached the limit of one of the two roles too.
      const now = BigInt(await time.latest());
      for (const f of founders.filter((f) => !pool.includes(f.address))) {
        const [, one] = await mandates.termOf(roleId("auditor 1"), f.address);
        const [, two] = await mandates.termOf(roleId("auditor 2"), f.address);
        expect(one > now || two > now, f.address).to.equal(true);
      }
      expect(pool.length).to.be.greaterThanOrEqual(4);
    });

    it("is skipped, drawing nobody, with fewer than two eligible members", async function () {
      const world = await auditWorld();
      const { audits, mandates, founders } = world;
      const calls = await Promise.all(
        founders.slice(1).map((f, i) => grantCall(world, mandateSpec(`task ${i}`, 20 * DAY), f.address)),
      );
      await decide(world, calls, "Five tasks");
      const drawsBefore = await mandates.drawCount();
      await expect(audits.requestAuditorDraw()).to.emit(audits, "AuditSkipped").withArgs(1n, 0n, 1n);
      expect((await audits.audit(1n)).status).to.equal(Status.Skipped);
      expect(await mandates.drawCount()).to.equal(drawsBefore);
      await expect(audits.requestAuditorDraw()).to.be.revertedWithCustomError(audits, "MandateAuditExists");
    });

    it("keeps the auditor roles out of decisions", async function () {
      const world = await auditWorld();
      const { audits, founders } = world;
      const call = await grantCall(world, mandateSpec("auditor 1", DAY), founders[1]!.address);
      await expect(decide(world, [call], "Name an auditor"))
        .to.be.revertedWithCustomError(audits, "MandateAuditRoleReserved")
        .withArgs(roleId("auditor 1"));
    });
  });

  describe("drawing the auditors", function () {
    it("grants two distinct auditors powerless mandates until the period's end", async function () {
      const world = await auditWorld();
      const { audits, mandates } = world;
      const request = await requestAudit(world);
      await world.randomness.setValue(request.ticket, 4242n);
      const [first, second] = expectedPair(request.pool, 4242n);
      await expect(mandates.completeDraw(request.drawId, request.pool, "0x"))
        .to.emit(audits, "AuditorsDrawn")
        .withArgs(request.auditId, 0n, first, second, 1n, 2n)
        .and.to.emit(mandates, "DrawCompleted")
        .withArgs(request.drawId, 1n, first, 4242n)
        .and.to.emit(mandates, "MandateGranted")
        .withArgs(
          1n,
          roleId("auditor 1"),
          first,
          "auditor 1",
          "Pair-link audit, period 0",
          ethers.ZeroHash,
          ethers.ZeroAddress,
          (await audits.audit(1n)).endsAt,
          true,
        );
      expect(first).to.not.equal(second);
      const a = await audits.audit(request.auditId);
      expect(a.status).to.equal(Status.Drawn);
      expect([...a.auditors]).to.deep.equal([first, second]);
      expect([...a.mandateIds]).to.deep.equal([1n, 2n]);
      for (const id of [1n, 2n]) {
        const m = await mandates.mandate(id);
        expect(m.expiresAt).to.equal(a.endsAt);
        expect(await mandates.powers(id)).to.deep.equal([]);
      }
      expect((await mandates.holderOf(roleId("auditor 2")))[0]).to.equal(second);
    });

    it("draws the same pair whatever the order of the frozen pool (members joined in another order)", async function () {
      // Two circles of the same six members, founded in opposite orders: their pools come in opposite orders.
      const world = await auditWorld();
      const reversed = await createCircle(world.registry, [...world.founders].reverse(), { ...TEST_RULES }, "Reversed");
      const other = { ...world, ...reversed, audits: await auditsOf({ ...world, ...reversed }) };
      const a = await requestAudit(world);
      const b = await requestAudit(other);
      expect(b.pool).to.deep.equal([...a.pool].reverse());
      for (const [w, r] of [
        [world, a],
        [other, b],
      ] as const) {
        await w.randomness.setValue(r.ticket, 99n);
        await w.mandates.completeDraw(r.drawId, r.pool, "0x");
      }
      const pairA = (await world.audits.audit(a.auditId)).auditors;
      const pairB = (await other.audits.audit(b.auditId)).auditors;
      expect([...pairA]).to.deep.equal([...pairB]);
      expect([...pairA]).to.deep.equal(expectedPair(a.pool, 99n));
    });

    it("completes in request order with the other draws, and is skipped if fewer than two are still eligible", async function () {
      const world = await auditWorld();
      const { audits, mandates, founders, randomness } = world;
      const request = await requestAudit(world);
      // Meanwhile four of the six take a mandate each: two remain, and the facilitator draw comes after.
      const calls = await Promise.all(
        founders.slice(1, 5).map((f, i) => grantCall(world, mandateSpec(`task ${i}`, 20 * DAY), f.address)),
      );
      await decide(world, calls, "Four tasks");
      const fReceipt = await (await mandates.requestFacilitatorDraw()).wait();
      const fDraw = findEvent(mandates.interface, fReceipt!.logs, "DrawRequested")!;
      await randomness.setValue(fDraw.args.ticket, 5n);
      await expect(mandates.completeDraw(fDraw.args.drawId, [...fDraw.args.pool], "0x"))
        .to.be.revertedWithCustomError(mandates, "MandateDrawOutOfOrder")
        .withArgs(fDraw.args.drawId, request.drawId);
      await randomness.setValue(request.ticket, 5n);
      await mandates.completeDraw(request.drawId, request.pool, "0x");
      const a = await audits.audit(request.auditId);
      expect(a.status).to.equal(Status.Drawn);
      // Then the facilitator, from the two auditors: their audit mandates leave them eligible.
      await mandates.completeDraw(fDraw.args.drawId, [...fDraw.args.pool], "0x");
      expect([...a.auditors]).to.include((await mandates.holderOf(roleId("facilitator")))[0]);
    });

    it("is void and the audit skipped when, at completion, fewer than two are eligible", async function () {
      const world = await auditWorld();
      const { audits, mandates, founders, randomness } = world;
      const request = await requestAudit(world);
      const calls = await Promise.all(
        founders.slice(1).map((f, i) => grantCall(world, mandateSpec(`task ${i}`, 20 * DAY), f.address)),
      );
      await decide(world, calls, "Five tasks");
      await randomness.setValue(request.ticket, 5n);
      await expect(mandates.completeDraw(request.drawId, request.pool, "0x"))
        .to.emit(audits, "AuditSkipped")
        .withArgs(request.auditId, 0n, 1n)
        .and.to.emit(mandates, "DrawVoided");
      expect((await audits.audit(request.auditId)).status).to.equal(Status.Skipped);
    });

    it("is recorded missed when the draw completes after the period", async function () {
      const world = await auditWorld();
      const { audits, mandates, randomness } = world;
      const request = await requestAudit(world);
      await time.increase(PERIOD);
      await randomness.setValue(request.ticket, 5n);
      await expect(mandates.completeDraw(request.drawId, request.pool, "0x"))
        .to.emit(audits, "AuditMissed")
        .withArgs(request.auditId, 0n, []);
      expect((await audits.audit(request.auditId)).status).to.equal(Status.Missed);
    });
  });

  describe("publishing", function () {
    it("is each auditor's own, once, within the period; their mandate completes; both make it Published", async function () {
      const world = await auditWorld();
      const { audits, mandates, outsiders, founders } = world;
      const { auditId, auditors, audit: drawn } = await drawAuditors(world);
      const [first, second] = auditors as [(typeof founders)[number], (typeof founders)[number]];
      const bystander = founders.find((f) => !auditors.includes(f))!;
      for (const caller of [outsiders[0]!, bystander]) {
        await expect(audits.connect(caller).publishAudit(auditId, REPORT, "ipfs://r"))
          .to.be.revertedWithCustomError(audits, "MandateAuditNotAuditor")
          .withArgs(auditId, caller.address);
      }
      await expect(audits.connect(first).publishAudit(auditId, ethers.ZeroHash, "ipfs://r"))
        .to.be.revertedWithCustomError(audits, "MandateAuditEmptyReport")
        .withArgs(auditId);
      await expect(audits.connect(first).publishAudit(auditId, REPORT, "x".repeat(257)))
        .to.be.revertedWithCustomError(audits, "MandateAuditUriTooLong")
        .withArgs(257n, 256n);
      await expect(audits.connect(first).publishAudit(auditId, REPORT, "x".repeat(256)))
        .to.emit(audits, "AuditPublished")
        .withArgs(auditId, 0n, first.address, REPORT, "x".repeat(256))
        .and.to.emit(mandates, "MandateEnded")
        .withArgs(drawn.mandateIds[0], first.address, roleId("auditor 1"), EndReason.Completed);
      expect((await audits.audit(auditId)).status).to.equal(Status.Drawn);
      await expect(audits.connect(first).publishAudit(auditId, REPORT, "ipfs://r"))
        .to.be.revertedWithCustomError(audits, "MandateAuditAlreadyPublished")
        .withArgs(auditId, first.address);
      await audits.connect(second).publishAudit(auditId, REPORT, "ipfs://same-report");
      const a = await audits.audit(auditId);
      expect(a.status).to.equal(Status.Published);
      expect(a.publishedAt[0]).to.be.greaterThan(0n);
      expect(await mandates.isLive(drawn.mandateIds[1])).to.equal(false);
    });

    it("is refused after the period's end", async function () {
      const world = await auditWorld();
      const { audits } = world;
      const { auditId, auditors, audit: drawn } = await drawAuditors(world);
      await time.increaseTo(drawn.endsAt);
      await expect(audits.connect(auditors[0]!).publishAudit(auditId, REPORT, "ipfs://r"))
        .to.be.revertedWithCustomError(audits, "MandateAuditPeriodOver")
        .withArgs(auditId, drawn.endsAt);
    });

    it("survives the auditor's recall: a majority cannot silence a report", async function () {
      const world = await auditWorld();
      const { audits, mandates, founders } = world;
      const { auditId, auditors, audit: drawn } = await drawAuditors(world);
      for (const member of founders.slice(0, 4)) {
        if (!(await mandates.isLive(drawn.mandateIds[0]))) break;
        await mandates.connect(member).signalRecall(drawn.mandateIds[0]);
      }
      expect(await mandates.isLive(drawn.mandateIds[0])).to.equal(false);
      await expect(audits.connect(auditors[0]!).publishAudit(auditId, REPORT, "ipfs://r")).to.emit(
        audits,
        "AuditPublished",
      );
    });
  });

  describe("recording a missed audit", function () {
    it("is anyone's after the period's end, once, naming who did not publish", async function () {
      const world = await auditWorld();
      const { audits, outsiders } = world;
      const { auditId, auditors, audit: drawn } = await drawAuditors(world);
      await audits.connect(auditors[1]!).publishAudit(auditId, REPORT, "ipfs://r");
      await expect(audits.connect(outsiders[0]!).recordAuditMissed(auditId))
        .to.be.revertedWithCustomError(audits, "MandateAuditPeriodNotOver")
        .withArgs(auditId, drawn.endsAt);
      await time.increaseTo(drawn.endsAt);
      await expect(audits.connect(outsiders[0]!).recordAuditMissed(auditId))
        .to.emit(audits, "AuditMissed")
        .withArgs(auditId, 0n, [auditors[0]!.address]);
      expect((await audits.audit(auditId)).status).to.equal(Status.Missed);
      await expect(audits.recordAuditMissed(auditId))
        .to.be.revertedWithCustomError(audits, "MandateAuditWrongStatus")
        .withArgs(auditId, Status.Missed);
      await expect(audits.recordAuditMissed(9n)).to.be.revertedWithCustomError(audits, "MandateAuditNotFound");
    });

    it("is refused for a published audit", async function () {
      const world = await auditWorld();
      const { audits } = world;
      const { auditId, auditors, audit: drawn } = await drawAuditors(world);
      for (const auditor of auditors) await audits.connect(auditor).publishAudit(auditId, REPORT, "ipfs://r");
      await time.increaseTo(drawn.endsAt);
      await expect(audits.recordAuditMissed(auditId))
        .to.be.revertedWithCustomError(audits, "MandateAuditWrongStatus")
        .withArgs(auditId, Status.Published);
    });
  });

  describe("the listening session", function () {
    it("is recorded once by an auditor, after both published, dated between publication and now", async function () {
      const world = await auditWorld();
      const { audits, outsiders } = world;
      const { auditId, auditors } = await drawAuditors(world);
      await audits.connect(auditors[0]!).publishAudit(auditId, REPORT, "ipfs://r");
      await expect(audits.connect(auditors[0]!).recordListeningSession(auditId, 1n))
        .to.be.revertedWithCustomError(audits, "MandateAuditWrongStatus")
        .withArgs(auditId, Status.Drawn);
      await audits.connect(auditors[1]!).publishAudit(auditId, REPORT, "ipfs://r");
      const published = (await audits.audit(auditId)).publishedAt[1];
      await time.increase(DAY);
      const now = BigInt(await time.latest());
      await expect(audits.connect(outsiders[0]!).recordListeningSession(auditId, now))
        .to.be.revertedWithCustomError(audits, "MandateAuditNotAuditor")
        .withArgs(auditId, outsiders[0]!.address);
      await expect(audits.connect(auditors[0]!).recordListeningSession(auditId, published - 1n))
        .to.be.revertedWithCustomError(audits, "MandateAuditSessionDate")
        .withArgs(auditId, published - 1n, published, now + 1n);
      await expect(
        audits.connect(auditors[0]!).recordListeningSession(auditId, now + DAYn()),
      ).to.be.revertedWithCustomError(audits, "MandateAuditSessionDate");
      await expect(audits.connect(auditors[1]!).recordListeningSession(auditId, published + 60n))
        .to.emit(audits, "ListeningSessionHeld")
        .withArgs(auditId, published + 60n, auditors[1]!.address);
      const a = await audits.audit(auditId);
      expect(a.sessionHeldAt).to.equal(published + 60n);
      expect(a.sessionRecordedBy).to.equal(auditors[1]!.address);
      await expect(audits.connect(auditors[0]!).recordListeningSession(auditId, published + 60n))
        .to.be.revertedWithCustomError(audits, "MandateAuditSessionRecorded")
        .withArgs(auditId, published + 60n);
    });

    it("may be recorded by a decision of the circle", async function () {
      const world = await auditWorld();
      const { audits, circle } = world;
      const { auditId, auditors } = await drawAuditors(world);
      for (const auditor of auditors) await audits.connect(auditor).publishAudit(auditId, REPORT, "ipfs://r");
      const heldAt = BigInt(await time.latest());
      const data = audits.interface.encodeFunctionData("recordListeningSession", [auditId, heldAt]);
      await expect(decide(world, [{ target: audits.target as string, data }], "The session was held"))
        .to.emit(audits, "ListeningSessionHeld")
        .withArgs(auditId, heldAt, await circle.getAddress());
    });
  });

  describe("a hard reset", function () {
    it("cancels the running period's audit, which may be requested again at once", async function () {
      const world = await auditWorld();
      const { audits, mandates, rituals, founders } = world;
      const { auditId, auditors, audit: drawn } = await drawAuditors(world);
      const resetters = founders.filter((f) => !auditors.includes(f)).slice(0, 3);
      await rituals.connect(resetters[0]!).signalReset();
      await rituals.connect(resetters[1]!).signalReset();
      await expect(rituals.connect(resetters[2]!).signalReset())
        .to.emit(audits, "AuditCancelled")
        .withArgs(auditId, 0n)
        .and.to.emit(mandates, "MandateEnded")
        .withArgs(drawn.mandateIds[0], auditors[0]!.address, roleId("auditor 1"), EndReason.Reset);
      expect((await audits.audit(auditId)).status).to.equal(Status.Cancelled);
      await expect(audits.connect(auditors[0]!).publishAudit(auditId, REPORT, "ipfs://r"))
        .to.be.revertedWithCustomError(audits, "MandateAuditWrongStatus")
        .withArgs(auditId, Status.Cancelled);
      const again = await requestAudit(world);
      expect(again.period).to.equal(0n);
      expect(again.auditId).to.equal(auditId + 1n);
      expect((await audits.audit(again.auditId)).endsAt).to.equal(drawn.endsAt);
    });

    it("cancels a pending audit draw too", async function () {
      const world = await auditWorld();
      const { audits, rituals, founders } = world;
      const { auditId } = await requestAudit(world);
      for (const member of founders.slice(3, 6)) await rituals.connect(member).signalReset();
      expect((await audits.audit(auditId)).status).to.equal(Status.Cancelled);
      expect((await requestAudit(world)).auditId).to.equal(auditId + 1n);
    });
  });

  describe("the live-mandate limit", function () {
    it("does not count auditors' mandates, so an audit cannot starve facilitation (six members, one mandate each)", async function () {
      const world = await auditWorld();
      const { mandates, audits } = world;
      expect((await mandates.rules()).maxLivePerMember).to.equal(1n);
      const { auditors } = await drawAuditors(world);
      for (const auditor of auditors) expect(await mandates.liveCountOf(auditor.address)).to.equal(0n);
      const receipt = await (await mandates.requestFacilitatorDraw()).wait();
      const draw = findEvent(mandates.interface, receipt!.logs, "DrawRequested")!;
      expect([...draw.args.pool]).to.have.length(6);
      // Whoever is drawn, an auditor included, becomes the facilitator.
      const first = auditors[0]!.address;
      await world.randomness.setValue(draw.args.ticket, randomnessFor(draw.args.pool, first));
      await mandates.completeDraw(draw.args.drawId, [...draw.args.pool], "0x");
      const [facilitator] = await mandates.holderOf(roleId("facilitator"));
      expect(facilitator).to.not.equal(ethers.ZeroAddress);
      expect((await audits.audit(1n)).status).to.equal(Status.Drawn);
    });
  });

  describe("the audit module", function () {
    it("called directly, outside a circle's mandates, refuses to start an audit", async function () {
      const module = await ethers.deployContract("MandateAudits");
      await expect(module.requestAuditorDraw()).to.be.revertedWithCustomError(module, "MandateAuditsOff");
    });
  });

  describe("a rules update", function () {
    it("that changes the period closes the running one: the next starts at the update, numbered after it", async function () {
      const world = await auditWorld();
      const { audits, mandates } = world;
      await drawAuditors(world);
      const data = mandates.interface.encodeFunctionData("updateRules", [
        { ...TEST_MANDATE_RULES, auditPeriod: 14 * DAY },
      ]);
      await decide(world, [{ target: mandates.target as string, data }], "Fortnightly audits");
      const at = BigInt(await time.latest());
      const [period, startsAt, endsAt, auditId] = await audits.currentAuditPeriod();
      expect([period, startsAt, endsAt, auditId]).to.deep.equal([1n, at, at + BigInt(14 * DAY), 0n]);
    });
  });
});

function DAYn(): bigint {
  return BigInt(DAY);
}
