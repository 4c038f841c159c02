// The reads the web app's pages make (issue 15), against the chain after a short story: a currency, a council, a
// hard reset, a mandate with a recall signal, an open proposal, a temperature check and a facilitator draw.
import { expect } from "chai";
import { network } from "hardhat";
import { getAddress, type Address } from "viem";

import { readCircleRituals } from "../../client/actions/circle/readCircleRituals.js";
import { listSeatsOfCircle } from "../../client/actions/council/listSeatsOfCircle.js";
import { readMemberCircle } from "../../client/actions/member/readMemberCircle.js";
import { readMemberOverview } from "../../client/actions/member/readMemberOverview.js";
import { InvalidParameterError } from "../../client/errors.js";
import { isoTime } from "../../client/time.js";
import { circleFixtures, mandateSpec, Vote } from "../fixtures/circles.js";
import { incomeFixtures } from "../fixtures/income.js";

const net = await network.create();
const { ethers, viem, networkHelpers } = net;
const { circleWorld, decide, grantByDecision, foundCouncil, propose, proposal, openVoting } = circleFixtures(net);
const { deployHub } = incomeFixtures(net);

const address = async (contract: { getAddress(): Promise<string> }) => getAddress(await contract.getAddress());

async function story() {
  const w = await circleWorld();
  const [ana, ben, cai, dan, eli, fay] = w.founders;
  const circle = await address(w.circle);
  const registry = await address(w.registry);
  // A currency of the circle: 0 decimals, credit 100 and saturation 200 by default.
  const factory = await ethers.deployContract("CreditFactory", [registry]);
  const currency = getAddress(await factory.currencyOf(circle));
  await decide(
    w,
    [
      {
        target: factory.target as string,
        data: factory.interface.encodeFunctionData("createCurrency", ["Elm", "ELM", 0, 100n, 200n]),
      },
      { target: w.rituals.target as string, data: w.rituals.interface.encodeFunctionData("addRoleModule", [currency]) },
    ],
    "Create ELM",
  );
  const council = await foundCouncil(w, "Market council");
  const { hub } = await deployHub(registry);
  // A hard reset by Ben, Cai and Dan: each sits out the reset cooldown.
  for (const who of [ben!, cai!, dan!]) await (await w.rituals.connect(who).signalReset()).wait();
  const mandateId = await grantByDecision(w, mandateSpec("treasurer", 30 * 86_400), ben!.address);
  await (await w.mandates.connect(cai!).signalRecall(mandateId)).wait();
  // An open proposal: Dan voted, Ben has not.
  const p = proposal(
    [{ target: w.token.target as string, data: w.token.interface.encodeFunctionData("mint", [circle, 1n]) }],
    "Mint one",
  );
  const proposalId = await propose(w.circle, ana!, p);
  await openVoting(w.circle);
  await (await w.circle.connect(dan!).castVote(proposalId, Vote.For)).wait();
  return {
    w,
    people: { ana: ana!, ben: ben!, cai: cai!, dan: dan!, eli: eli!, fay: fay! },
    publicClient: await viem.getPublicClient(),
    circle,
    registry,
    council: await address(council.council),
    creditFactory: await address(factory),
    currency,
    hub: await address(hub),
    mandateId,
    proposalId,
  };
}

describe("client reads of the web app", function () {
  it("reads a member's circle: the vote awaited with its deadline, the mandate with its recall signal, the reset cooldown, the credit in units", async function () {
    const s = await networkHelpers.loadFixture(story);
    const ben = getAddress(s.people.ben.address);
    const mine = await readMemberCircle(s.publicClient, {
      member: ben,
      circle: s.circle,
      registry: s.registry,
      creditFactory: s.creditFactory,
    });
    expect(mine.isMember).to.equal(true);
    const deadline = await s.w.circle.proposalDeadline(s.proposalId);
    expect(mine.awaitingVote).to.deep.equal([
      {
        proposalId: s.proposalId,
        description: "Mint one",
        proposer: getAddress(s.people.ana.address),
        deadline,
        deadlineIso: isoTime(deadline),
      },
    ]);
    const onChain = await s.w.mandates.mandate(s.mandateId);
    expect(mine.mandates).to.have.length(1);
    expect(mine.mandates[0]).to.deep.include({
      id: s.mandateId,
      role: "treasurer",
      expiresAt: onChain.expiresAt,
      expiresAtIso: isoTime(onChain.expiresAt),
      recall: { signals: 1n, needed: 4n },
    });
    const resetEnds = await s.w.rituals.resetCooldownEndsAt(ben);
    expect(mine.cooldowns).to.deep.equal([
      { kind: "reset", role: null, until: resetEnds, untilIso: isoTime(resetEnds) },
    ]);
    expect(mine.credit).to.deep.include({ currency: s.currency, symbol: "ELM", balance: 0n, creditLimit: 100n });
    expect(mine.credit!.formatted).to.deep.equal({
      balance: "0 ELM",
      creditLimit: "100 ELM",
      saturationLimit: "200 ELM",
      canPay: "100 ELM",
      canReceive: "200 ELM",
    });

    // Dan voted: nothing awaits him. An outsider is no member: nothing at all.
    const dan = await readMemberCircle(s.publicClient, {
      member: s.people.dan.address as Address,
      circle: s.circle,
      registry: s.registry,
    });
    expect(dan.awaitingVote).to.deep.equal([]);
    expect(dan.credit).to.equal(null);
    const outsider = getAddress(s.w.outsiders[5]!.address);
    const none = await readMemberCircle(s.publicClient, { member: outsider, circle: s.circle, registry: s.registry });
    expect(none).to.deep.include({ isMember: false, awaitingVote: [], mandates: [], cooldowns: [], credit: null });
  });

  it("reads a member's overview across the registry: their circles (not the council of circles), counts and income", async function () {
    const s = await networkHelpers.loadFixture(story);
    const me = await readMemberOverview(s.publicClient, {
      member: s.people.ben.address as Address,
      registry: s.registry,
      hub: s.hub,
      creditFactory: s.creditFactory,
    });
    expect(me.circles.map((c) => c.circle)).to.deep.equal([s.circle]);
    expect(me.counts).to.deep.equal({ awaitingVote: 1, mandates: 1, cooldowns: 1 });
    expect(me.atIso).to.equal(isoTime(me.at));
    expect(me.income).to.deep.include({ registered: "not registered", balance: 0n, claimable: 0n });
    expect(me.income!.formatted).to.deep.equal({ balance: "0 tokens", claimable: "0 tokens" });
    const noHub = await readMemberOverview(s.publicClient, {
      member: s.people.ben.address as Address,
      registry: s.registry,
    });
    expect(noHub.income).to.equal(null);
    expect(noHub.circles[0]!.credit).to.equal(null);
  });

  it("reads a circle's rituals: the facilitator's draw, the reset round, and the temperature by period from the chain", async function () {
    const s = await networkHelpers.loadFixture(story);
    const { circle, registry, publicClient } = s;
    const before = await readCircleRituals(publicClient, { circle, registry, periods: 2 });
    expect(before.facilitation).to.deep.include({
      enabled: true,
      period: 86_400,
      holder: null,
      pendingDraw: null,
      canRequestDraw: true,
    });
    // The reset closed its round: no signals in a running round; the epoch counts it.
    expect(before.reset).to.deep.include({ signals: 0n, threshold: 3, open: false, epoch: 1n });

    await (await s.w.rituals.connect(s.people.eli).signalReset()).wait();
    await (await s.w.mandates.connect(s.people.ana).requestFacilitatorDraw()).wait();
    const running = await readCircleRituals(publicClient, { circle, registry, periods: 2 });
    expect(running.facilitation.canRequestDraw).to.equal(false);
    expect(running.facilitation.pendingDraw).to.deep.include({ drawId: 1n });
    const [, , endsAt] = await s.w.rituals.resetRound();
    expect(running.reset).to.deep.include({
      signals: 1n,
      threshold: 3,
      open: true,
      endsAt,
      endsAtIso: isoTime(endsAt),
    });
    // A day on, four members say how heard they felt in the period that ended, and name Fay dominant: a majority.
    await networkHelpers.time.increase(86_400);
    const heard = [2, 3, 4, 5];
    const people = [s.people.ana, s.people.ben, s.people.cai, s.people.dan];
    for (const [i, who] of people.entries()) {
      await (await s.w.rituals.connect(who).recordTemperature(heard[i]!, s.people.fay.address)).wait();
    }
    const after = await readCircleRituals(publicClient, { circle, registry, periods: 2 });
    // The reset window (an hour) has passed: the round is over.
    expect(after.reset).to.deep.include({ signals: 0n, open: false });
    const current = await s.w.rituals.currentPeriod();
    expect(after.currentPeriod).to.equal(current);
    expect(after.temperatureSource).to.equal("chain");
    expect(after.temperature.at(-1)).to.deep.equal({
      period: current - 1n,
      readings: 4,
      average: 3.5,
      firstAt: null,
      lastAt: null,
    });
    const fay = await readMemberCircle(publicClient, { member: s.people.fay.address as Address, circle, registry });
    const until = await s.w.rituals.cooldownEndsAt(s.people.fay.address);
    expect(fay.cooldowns).to.deep.equal([{ kind: "dominance", role: null, until, untilIso: isoTime(until) }]);

    const refused = await readCircleRituals(publicClient, { circle, registry, periods: 0 }).catch((e: unknown) => e);
    expect(refused).to.be.instanceOf(InvalidParameterError);
  });

  it("lists the council seats a circle holds, with the council's name and an empty delegate", async function () {
    const s = await networkHelpers.loadFixture(story);
    const seats = await listSeatsOfCircle(s.publicClient, { circle: s.circle, registry: s.registry });
    expect(seats).to.have.length(1);
    expect(seats[0]).to.deep.include({
      council: s.council,
      councilName: "Market council",
      circle: s.circle,
      filled: false,
      delegate: null,
      mandateExpiresAtIso: null,
    });
  });
});
