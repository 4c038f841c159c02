import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import { network } from "hardhat";
import { getAddress, type Address } from "viem";

import { findEvent } from "../../client/events.js";
import { DecisionWouldFailError, describeError } from "../../client/errors.js";
import { connection as cliConnection, explain, type Connection } from "../../tasks/cli.js";
import { executeProposal } from "../../tasks/circle/execute.js";
import { circleInfo } from "../../tasks/circle/info.js";
import { voteOnProposal } from "../../tasks/circle/vote.js";
import { proposeCouncilAdmit } from "../../tasks/council/admit.js";
import { proposeAppointment } from "../../tasks/council/appoint.js";
import { proposeCouncil } from "../../tasks/council/create.js";
import { proposeJoin } from "../../tasks/council/join.js";
import { proposeLeave } from "../../tasks/council/leave.js";
import { proposeInCouncil } from "../../tasks/council/propose.js";
import { councilSeats, describeSeats } from "../../tasks/council/seat.js";
import { voteInCouncil } from "../../tasks/council/vote.js";
import { proposeGrant } from "../../tasks/mandate/grant.js";
import type { Circle, CouncilSeats } from "../../typechain-types/index.js";
import {
  CHARTER_HASH,
  ProposalState,
  TEST_MANDATE_RULES,
  TEST_RULES,
  circleFixtures,
  mandateSpec,
  type CircleWorld,
} from "../fixtures/circles.js";

const net = await network.create();
const { ethers, viem, networkHelpers } = net;
const { time } = networkHelpers;
const { circleWorld, createCircle, decide, grantByDecision } = circleFixtures(net);

const DAY = 86_400;
const COUNCIL_RULES = { ...TEST_RULES, minMembers: 1, maxMembers: 8, votingPeriod: 3 * 3_600, charterTerm: 10 * DAY };

/** A pattern matching exactly `text`, the whole message. */
function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
}

/** The contract's sentence for a custom error. */
const sentence = (name: string, args: readonly unknown[]) => exactly(describeError(name, args));

/** The sentence of a decision's call refused when tried as the body would make it now. */
const wouldFail = (name: string, args: readonly unknown[]) => exactly(new DecisionWouldFailError(name, args).message);

interface Council {
  council: Circle;
  seats: CouncilSeats;
  address: Address;
  seatsAddress: Address;
}

/** Has `world` found a council by its own decision (with ethers, as test/federation/Council.ts does). */
async function foundCouncil(world: CircleWorld, name: string): Promise<Council> {
  const { registry } = world;
  const data = registry.interface.encodeFunctionData("createCouncil", [
    { name, charterHash: CHARTER_HASH, charterURI: `ipfs://${name}`, openJoin: false },
    COUNCIL_RULES,
    TEST_MANDATE_RULES,
  ]);
  const receipt = await (await decide(world, [{ target: registry.target as string, data }], `Found ${name}`)).wait();
  const parts = findEvent(registry.interface, receipt!.logs, "CouncilCreated")!.args.parts as {
    circle: string;
    membership: string;
  };
  return {
    council: await ethers.getContractAt("Circle", parts.circle),
    seats: await ethers.getContractAt("CouncilSeats", parts.membership),
    address: getAddress(parts.circle),
    seatsAddress: getAddress(parts.membership),
  };
}

/** Has `world` grant `holder` the delegate mandate for `c`, with the powers a seat needs. */
async function appointDelegate(world: CircleWorld, c: Council, holder: HardhatEthersSigner) {
  const powers = [
    { target: c.address, selector: c.council.interface.getFunction("castVote").selector },
    { target: c.address, selector: c.council.interface.getFunction("propose").selector },
  ];
  const spec = mandateSpec(await c.seats.delegateRole(), 20 * DAY, powers, "Represent the circle in the council");
  return grantByDecision(world, spec, holder.address);
}

/** Has `world`'s circle ask `c` for a seat, by its own decision. */
async function askForSeat(world: CircleWorld, c: Council) {
  const data = c.seats.interface.encodeFunctionData("requestSeat");
  await decide(world, [{ target: c.seatsAddress, data }], "Ask for a seat");
}

/** Ana's circle (founders 0-5) and Bea's (signers 6-11); Ana's founds the water council; Ben is its delegate. */
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
  const ben = a.founders[1]!;
  const benMandate = await appointDelegate(a, water, ben);
  const publicClient = await viem.getPublicClient();
  const c = cliConnection(publicClient, await viem.getWalletClients(), await publicClient.getChainId());
  return {
    a,
    b,
    water,
    ben: getAddress(ben.address),
    benMandate,
    c,
    publicClient,
    registry: getAddress(a.registry.target as string),
    aCircle: getAddress(a.circle.target as string),
    bCircle: getAddress(b.circle.target as string),
    aFounder: a.founders.map((s) => getAddress(s.address)),
    bFounder: bFounders.map((s) => getAddress(s.address)),
  };
}

/** The federation with Bea's circle seated (by both sides' decisions), its seat still vacant. */
async function seated() {
  const f = await federation();
  const { b, water } = f;
  await askForSeat(b, water);
  const admit = water.seats.interface.encodeFunctionData("admit", [f.bCircle]);
  const made = await proposeInCouncil(f.c, {
    council: water.address,
    target: water.seatsAddress,
    data: admit,
    description: "Seat Bea's circle",
    from: f.ben,
    registry: f.registry,
    json: false,
  });
  await time.increase(COUNCIL_RULES.votingDelay + 1);
  await voteInCouncil(f.c, {
    council: water.address,
    proposal: `${made.proposalId}`,
    support: "for",
    from: f.ben,
    registry: f.registry,
    json: false,
  });
  await time.increase(COUNCIL_RULES.votingPeriod + 1);
  await executeProposal(f.c, {
    circle: water.address,
    proposal: `${made.proposalId}`,
    registry: f.registry,
    json: false,
  });
  await time.increase(1);
  return f;
}

type Federation = Awaited<ReturnType<typeof federation>>;

/** Each call fails with a message matching its pattern; nothing is sent from `from`. */
async function refusesBeforeSending(f: Federation, from: Address, cases: [() => Promise<unknown>, RegExp][]) {
  const nonce = await f.publicClient.getTransactionCount({ address: from });
  for (const [run, message] of cases) {
    const error = await run().then(
      () => expect.fail(`expected a refusal matching ${message}`),
      (e: unknown) => e,
    );
    expect(explain(error), String(message)).to.match(message);
  }
  expect(await f.publicClient.getTransactionCount({ address: from })).to.equal(nonce);
}

/** `address` with the case of one letter flipped: well-formed, but its EIP-55 checksum is wrong. */
function wrongChecksum(address: Address): string {
  const i = address.slice(2).search(/[a-fA-F]/) + 2;
  const c = address[i]!;
  return address.slice(0, i) + (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) + address.slice(i + 1);
}

/** Four members of `circle` vote for `id` through the CLI; voting is then closed. */
async function passInCircle(c: Connection, circle: Address, id: bigint, voters: Address[], registry: Address) {
  await time.increase(TEST_RULES.votingDelay + 1);
  for (const from of voters.slice(0, 4)) {
    await voteOnProposal(c, { circle, proposal: `${id}`, support: "for", from, registry, json: false });
  }
  await time.increase(TEST_RULES.votingPeriod + 1);
}

/** Bea's circle passes proposal `id` (four of its founders vote for it) and anyone executes it. */
async function passAndExecute(f: Federation, id: bigint) {
  await passInCircle(f.c, f.bCircle, id, f.bFounder, f.registry);
  await executeProposal(f.c, { circle: f.bCircle, proposal: `${id}`, registry: f.registry, json: false });
}

describe("council tasks (the CLI's federation)", function () {
  describe("create", function () {
    it("has a circle propose founding a council, which holds the first seat once executed", async function () {
      const f = await networkHelpers.loadFixture(federation);
      const made = await proposeCouncil(f.c, {
        circle: f.bCircle,
        name: "Seed council",
        charterHash: CHARTER_HASH,
        charterUri: "ipfs://seeds",
        openJoin: true,
        votingPeriod: "3h",
        charterTerm: "10d",
        maxMembers: "8",
        from: f.bFounder[0],
        registry: f.registry,
        json: false,
      });
      expect(made.rules).to.include({ minMembers: 1, maxMembers: 8, votingPeriod: 10_800, charterTerm: 864_000 });
      await passInCircle(f.c, f.bCircle, made.proposalId, f.bFounder, f.registry);
      const executed = await executeProposal(f.c, {
        circle: f.bCircle,
        proposal: `${made.proposalId}`,
        registry: f.registry,
        json: false,
      });
      expect(executed.created).to.have.length(1);
      const [created] = executed.created;
      expect(created).to.include({ kind: "council", name: "Seed council" });
      expect(await f.a.registry.isCouncil(created!.address)).to.equal(true);
      const info = await circleInfo(f.c, { circle: created!.address, registry: f.registry, json: false });
      expect(info.council).to.equal(true);
      expect(info.members).to.deep.equal([{ address: f.bCircle, filled: false }]);
      expect(info.rules.votingPeriod).to.equal(10_800);
      const seats = await ethers.getContractAt("CouncilSeats", info.membership);
      expect(await seats.openJoin()).to.equal(true);
    });

    it("refuses malformed input, a non-circle and rules the registry would refuse, before anything is proposed", async function () {
      const f = await networkHelpers.loadFixture(federation);
      const base = {
        circle: f.bCircle,
        name: "Seed council",
        charterHash: CHARTER_HASH,
        openJoin: false,
        from: f.bFounder[0],
        registry: f.registry,
        json: false,
      };
      await refusesBeforeSending(f, f.bFounder[0]!, [
        [() => proposeCouncil(f.c, { ...base, name: "" }), /--name is required/],
        [
          () => proposeCouncil(f.c, { ...base, charterHash: "0x01" }),
          /--charter-hash "0x01" is not the charter's content hash/,
        ],
        [
          () => proposeCouncil(f.c, { ...base, votingPeriod: "3 hours" }),
          /--voting-period "3 hours" is not a duration/,
        ],
        [() => proposeCouncil(f.c, { ...base, circle: "0x0000" }), /--circle "0x0000" is not an address/],
        [() => proposeCouncil(f.c, { ...base, circle: f.bFounder[1] }), /is not a circle or council of the registry/],
        [
          () => proposeCouncil(f.c, { ...base, circle: f.water.address }),
          /is a council, not a circle: its decisions are proposed by delegates/,
        ],
        [() => proposeCouncil(f.c, { ...base, quorumPercent: "0" }), sentence("CircleRulesInvalidQuorum", [0])],
      ]);
      expect(await f.a.registry.circleCount()).to.equal(3n);
    });
  });

  describe("join and leave", function () {
    it("has a circle ask for a seat; the council's delegates then seat it", async function () {
      const f = await networkHelpers.loadFixture(federation);
      const made = await proposeJoin(f.c, {
        circle: f.bCircle,
        council: f.water.address,
        from: f.bFounder[2],
        registry: f.registry,
        json: false,
      });
      expect(made.openJoin).to.equal(false);
      expect(made.description).to.equal('Ask for a seat in the council "Water council"');
      await passAndExecute(f, made.proposalId);
      expect(await f.water.seats.hasRequested(f.bCircle)).to.equal(true);
      expect(await f.water.seats.hasSeat(f.bCircle)).to.equal(false);
      await refusesBeforeSending(f, f.bFounder[2]!, [
        [
          () =>
            proposeJoin(f.c, {
              circle: f.bCircle,
              council: f.water.address,
              from: f.bFounder[2],
              registry: f.registry,
              json: false,
            }),
          /already asked for a seat in .*; the council has yet to decide/,
        ],
        [
          () =>
            proposeJoin(f.c, {
              circle: f.aCircle,
              council: f.water.address,
              from: f.aFounder[0],
              registry: f.registry,
              json: false,
            }),
          /already holds a seat in the council/,
        ],
        [
          () =>
            proposeJoin(f.c, {
              circle: f.bCircle,
              council: f.aCircle,
              from: f.bFounder[2],
              registry: f.registry,
              json: false,
            }),
          new RegExp(`${f.aCircle} is a circle, not a council`),
        ],
      ]);
    });

    it("has a circle leave a council by its own decision, at once when executed", async function () {
      const f = await networkHelpers.loadFixture(seated);
      expect(await f.water.seats.hasSeat(f.bCircle)).to.equal(true);
      const made = await proposeLeave(f.c, {
        circle: f.bCircle,
        council: f.water.address,
        from: f.bFounder[0],
        registry: f.registry,
        json: false,
      });
      await passAndExecute(f, made.proposalId);
      expect(await f.water.seats.hasSeat(f.bCircle)).to.equal(false);
      await refusesBeforeSending(f, f.bFounder[0]!, [
        [
          () =>
            proposeLeave(f.c, {
              circle: f.bCircle,
              council: f.water.address,
              from: f.bFounder[0],
              registry: f.registry,
              json: false,
            }),
          /holds no seat in the council .*, so it has nothing to leave/,
        ],
        [
          () =>
            proposeLeave(f.c, {
              circle: f.bCircle,
              council: "water",
              from: f.bFounder[0],
              registry: f.registry,
              json: false,
            }),
          /--council "water" is not an address/,
        ],
      ]);
    });
  });

  describe("seat", function () {
    it("shows which circles hold seats, filled or vacant, and their delegates", async function () {
      const f = await networkHelpers.loadFixture(seated);
      const result = await councilSeats(f.c, { council: f.water.address, registry: f.registry, json: false });
      expect(result.delegateRole).to.equal(`delegate to council ${f.water.address.toLowerCase()}`);
      expect(result.seats).to.have.length(2);
      const [ana, bea] = result.seats;
      expect(ana).to.include({
        circle: f.aCircle,
        name: "Garden Circle",
        filled: true,
        counts: true,
        onProbation: false,
        probationEndsAt: null,
        delegate: f.ben,
        mandateId: f.benMandate,
      });
      expect(ana!.mandateExpiresAt).to.match(/Z$/);
      expect(bea).to.deep.equal({
        circle: f.bCircle,
        name: "Bea's circle",
        filled: false,
        counts: false,
        onProbation: false,
        probationEndsAt: null,
        delegate: null,
        mandateId: null,
        mandateExpiresAt: null,
      });
      expect(await f.water.seats.isSeatFilled(f.bCircle)).to.equal(false);
      expect(describeSeats(result))
        .to.include("2 seat(s) of at most 8, 1 filled, 1 counting")
        .and.include("vacant (no delegate)");
      await refusesBeforeSending(f, f.aFounder[0]!, [
        [
          () => councilSeats(f.c, { council: f.aCircle, registry: f.registry, json: false }),
          /is a circle, not a council/,
        ],
        [
          () => councilSeats(f.c, { council: f.ben, registry: f.registry, json: false }),
          /is not a circle or council of the registry/,
        ],
      ]);
    });
  });

  describe("the delegate role, named with a checksummed council address", function () {
    it("granting with a checksummed council address in the role name makes the mandate for the council's delegate role", async function () {
      const f = await networkHelpers.loadFixture(seated);
      const checksummed = getAddress(f.water.address);
      expect(checksummed).to.not.equal(checksummed.toLowerCase());
      const bFounder = f.bFounder[1]!;
      const made = await proposeGrant(f.c, {
        circle: f.bCircle,
        holder: bFounder,
        role: `delegate to council ${checksummed}`,
        term: "20d",
        from: f.bFounder[0],
        registry: f.registry,
        json: false,
      });
      expect(made.spec.role).to.equal(await f.water.seats.delegateRole());
      await passAndExecute(f, made.proposalId);
      const [holder] = await f.b.mandates.holderOf(await f.water.seats.delegateRoleId());
      expect(holder).to.equal(bFounder);
      const seats = await councilSeats(f.c, { council: f.water.address, registry: f.registry, json: false });
      expect(seats.seats.find((s) => s.circle === f.bCircle)).to.include({ delegate: bFounder });
    });
  });

  describe("admit: the council seats a circle that asked", function () {
    it("has a seated circle's delegate propose seating the circle; executed, the seat is held at once", async function () {
      const f = await networkHelpers.loadFixture(federation);
      const args = { council: f.water.address, circle: f.bCircle, from: f.ben, registry: f.registry, json: false };
      // Closed join: the council seats only a circle that asked, by its own decision.
      await refusesBeforeSending(f, f.ben, [
        [
          () => proposeCouncilAdmit(f.c, args),
          new RegExp(`${f.bCircle} has not asked for a seat in ${f.water.address}`),
        ],
      ]);
      await askForSeat(f.b, f.water);
      const made = await proposeCouncilAdmit(f.c, args);
      expect(made).to.include({ candidate: f.bCircle, circle: f.aCircle, delegate: f.ben, proposer: f.aCircle });
      expect(made.description).to.equal(`Seat "Bea's circle" (${f.bCircle})`);
      expect(made.call).to.deep.equal({
        target: f.water.seatsAddress,
        value: 0n,
        data: f.water.seats.interface.encodeFunctionData("admit", [f.bCircle]) as `0x${string}`,
      });
      await time.increase(COUNCIL_RULES.votingDelay + 1);
      await voteInCouncil(f.c, { ...args, circle: undefined, proposal: `${made.proposalId}`, support: "for" });
      await time.increase(COUNCIL_RULES.votingPeriod + 1);
      await executeProposal(f.c, {
        circle: f.water.address,
        proposal: `${made.proposalId}`,
        registry: f.registry,
        json: false,
      });
      expect(await f.water.seats.hasSeat(f.bCircle)).to.equal(true);
      expect(await f.water.seats.onProbation(f.bCircle)).to.equal(false);
    });

    it("refuses a circle already seated, someone who is no delegate, the wrong kind of body and a wrong checksum", async function () {
      const f = await networkHelpers.loadFixture(federation);
      await askForSeat(f.b, f.water);
      const args = { council: f.water.address, circle: f.bCircle, from: f.ben, registry: f.registry, json: false };
      await refusesBeforeSending(f, f.ben, [
        [
          () => proposeCouncilAdmit(f.c, { ...args, circle: f.aCircle }),
          new RegExp(`${f.aCircle} already holds a seat in the council`),
        ],
        [
          () => proposeCouncilAdmit(f.c, { ...args, from: f.aFounder[2] }),
          /holds no live delegate mandate for the council .* of any circle seated in it/,
        ],
        [() => proposeCouncilAdmit(f.c, { ...args, council: f.aCircle }), /is a circle, not a council/],
        [
          () => proposeCouncilAdmit(f.c, { ...args, circle: f.ben }),
          new RegExp(`${f.ben} is not a circle or council of the registry`),
        ],
        [
          () => proposeCouncilAdmit(f.c, { ...args, circle: wrongChecksum(f.bCircle) }),
          /--circle .* has a wrong checksum/,
        ],
        [
          () => proposeCouncilAdmit(f.c, { ...args, council: wrongChecksum(f.water.address) }),
          /--council .* has a wrong checksum/,
        ],
      ]);
      expect(await f.water.seats.hasSeat(f.bCircle)).to.equal(false);
    });
  });

  describe("appoint: a circle names its delegate", function () {
    it("proposes the delegate mandate with exactly the seat's powers; executed, the delegate proposes and votes", async function () {
      const f = await networkHelpers.loadFixture(seated);
      const bea = f.bFounder[1]!;
      const made = await proposeAppointment(f.c, {
        circle: f.bCircle,
        council: getAddress(f.water.address),
        delegate: bea,
        term: "30d",
        from: f.bFounder[0],
        registry: f.registry,
        json: false,
      });
      const role = await f.water.seats.delegateRole();
      expect(made.role).to.equal(role).and.equal(`delegate to council ${f.water.address.toLowerCase()}`);
      expect(made.roleExplanation).to.include(`"${role}"`).and.include("lower case");
      expect(made.term).to.equal(30 * DAY);
      expect(made.functions).to.deep.equal(["propose", "castVote", "castVoteWithReason"]);
      const functions = ["propose", "castVote", "castVoteWithReason"] as const;
      expect(made.spec.powers.map((p) => [p.target, p.selector, p.maxValue, p.maxAmount])).to.deep.equal(
        functions.map((name) => [f.water.address, f.water.council.interface.getFunction(name).selector, 0n, 0n]),
      );
      await passAndExecute(f, made.proposalId);
      expect(await f.water.seats.isSeatFilled(f.bCircle)).to.equal(true);
      const [holder] = await f.b.mandates.holderOf(await f.water.seats.delegateRoleId());
      expect(holder).to.equal(bea);
      await time.increase(1);
      // The powers suffice: Bea proposes in the council and votes with a reason, for her circle.
      const proposed = await proposeInCouncil(f.c, {
        council: f.water.address,
        target: f.water.address,
        data: "0x",
        description: "Share the well",
        from: bea,
        registry: f.registry,
        json: false,
      });
      expect(proposed).to.include({ circle: f.bCircle, delegate: bea, proposer: f.bCircle });
      await time.increase(COUNCIL_RULES.votingDelay + 1);
      const vote = await voteInCouncil(f.c, {
        council: f.water.address,
        proposal: `${proposed.proposalId}`,
        support: "for",
        reason: "We need it",
        from: bea,
        registry: f.registry,
        json: false,
      });
      expect(vote).to.include({ circle: f.bCircle, delegate: bea });
      expect(await f.water.council.hasVoted(proposed.proposalId, f.bCircle)).to.equal(true);
    });

    it("refuses a delegate who is not a member, the wrong kind of body, a circle with no seat and a wrong checksum", async function () {
      const f = await networkHelpers.loadFixture(federation);
      const args = {
        circle: f.aCircle,
        council: f.water.address,
        delegate: f.aFounder[2],
        from: f.aFounder[0],
        registry: f.registry,
        json: false,
      };
      await refusesBeforeSending(f, f.aFounder[0]!, [
        [
          () => proposeAppointment(f.c, { ...args, delegate: f.bFounder[0] }),
          new RegExp(`${f.bFounder[0]} is not a member of ${f.aCircle}`),
        ],
        [
          () => proposeAppointment(f.c, { ...args, circle: f.water.address }),
          new RegExp(`${f.water.address} is a council, not a circle`),
        ],
        [
          () => proposeAppointment(f.c, { ...args, council: f.aCircle }),
          new RegExp(`${f.aCircle} is a circle, not a council`),
        ],
        [
          () => proposeAppointment(f.c, { ...args, circle: f.bCircle, delegate: f.bFounder[1], from: f.bFounder[0] }),
          new RegExp(`${f.bCircle} holds no seat in the council .* and has not asked for one`),
        ],
        [
          // Ana's circle already has its delegate: the role holds one live mandate at a time (the grant is tried as
          // every mandate decision is, by grantMandateCall).
          () => proposeAppointment(f.c, args),
          wouldFail("MandateRoleOccupied", [await f.water.seats.delegateRoleId(), f.benMandate]),
        ],
        [
          () => proposeAppointment(f.c, { ...args, delegate: wrongChecksum(f.aFounder[2]!) }),
          /--delegate .* has a wrong checksum/,
        ],
        [() => proposeAppointment(f.c, { ...args, term: "0" }), /--term must be more than zero/],
        [() => proposeAppointment(f.c, { ...args, term: "ninety days" }), /--term "ninety days" is not a duration/],
      ]);
    });
  });

  describe("propose and vote as a delegate", function () {
    it("proposes and votes through the delegate mandate, so the council sees the circle act", async function () {
      const f = await networkHelpers.loadFixture(seated);
      const made = await proposeInCouncil(f.c, {
        council: f.water.address,
        target: f.water.address,
        data: "0x",
        description: "Fix the pump",
        from: f.ben,
        registry: f.registry,
        json: false,
      });
      expect(made).to.include({ circle: f.aCircle, delegate: f.ben, mandateId: f.benMandate, proposer: f.aCircle });
      expect(await f.water.council.proposalProposer(made.proposalId)).to.equal(f.aCircle);
      expect(await f.water.council.state(made.proposalId)).to.equal(ProposalState.Pending);
      await time.increase(COUNCIL_RULES.votingDelay + 1);
      const vote = (support: string) =>
        voteInCouncil(f.c, {
          council: f.water.address,
          proposal: `${made.proposalId}`,
          support,
          from: f.ben,
          registry: f.registry,
          json: false,
        });
      const voted = await vote("for");
      expect(voted.tally).to.deep.equal({ for: 1n, against: 0n, abstain: 0n, state: "active" });
      expect(await f.water.council.hasVoted(made.proposalId, f.aCircle)).to.equal(true);
      // The second vote is refused by the council, two calls down; its custom error still comes back as a sentence.
      await refusesBeforeSending(f, f.ben, [[() => vote("against"), sentence("GovernorAlreadyCastVote", [f.aCircle])]]);
      await time.increase(COUNCIL_RULES.votingPeriod + 1);
      await executeProposal(f.c, {
        circle: f.water.address,
        proposal: `${made.proposalId}`,
        registry: f.registry,
        json: false,
      });
      expect(await f.water.council.state(made.proposalId)).to.equal(ProposalState.Executed);
    });

    it("lets a seat taken in the latest block count first, as a circle does a new member: one block mined locally", async function () {
      const f = await networkHelpers.loadFixture(federation);
      const bea = f.b.founders[1]!;
      // Bea's circle asks, appoints Bea, and is seated by the council's decision: the seat is the latest block's.
      await askForSeat(f.b, f.water);
      await appointDelegate(f.b, f.water, bea);
      const ben = { council: f.water.address, from: f.ben, registry: f.registry, json: false };
      const admit = await proposeCouncilAdmit(f.c, { ...ben, circle: f.bCircle });
      await time.increase(COUNCIL_RULES.votingDelay + 1);
      await voteInCouncil(f.c, { ...ben, proposal: `${admit.proposalId}`, support: "for" });
      await time.increase(COUNCIL_RULES.votingPeriod + 1);
      await executeProposal(f.c, { ...ben, circle: f.water.address, proposal: `${admit.proposalId}` });
      const seatedAt = await f.publicClient.getBlock();
      const made = await proposeInCouncil(f.c, {
        ...ben,
        target: f.water.address,
        data: "0x",
        description: "Welcome Bea's circle",
        from: getAddress(bea.address),
      });
      expect(made.note).to.match(
        new RegExp(
          `^Mined one block on the local node \\(HardhatNetwork/[^)]*\\) so that ${f.bCircle}, a member only since block ${seatedAt.number}, counts`,
        ),
      );
      expect(await f.water.council.proposalProposer(made.proposalId)).to.equal(f.bCircle);
      // One block mined, then the proposal's own; once the chain has moved on, nothing more is mined.
      expect(await f.publicClient.getBlockNumber()).to.equal(seatedAt.number + 2n);
      const again = await proposeInCouncil(f.c, {
        ...ben,
        target: f.water.address,
        data: "0x",
        description: "Meet at the well",
        from: getAddress(bea.address),
      });
      expect(again.note).to.equal(undefined);
      expect(await f.publicClient.getBlockNumber()).to.equal(seatedAt.number + 3n);
    });

    it("names the proposal to vote on as circle vote does: latest or a unique prefix, refused before voting opens", async function () {
      const f = await networkHelpers.loadFixture(seated);
      const make = (description: string) =>
        proposeInCouncil(f.c, {
          council: f.water.address,
          target: f.water.address,
          data: "0x",
          description,
          from: f.ben,
          registry: f.registry,
          json: false,
        });
      const first = await make("Fix the pump");
      const second = await make("Paint the tank");
      const vote = (proposal: string) =>
        voteInCouncil(f.c, {
          council: f.water.address,
          proposal,
          support: "for",
          from: f.ben,
          registry: f.registry,
          json: false,
        });
      // The shortest prefix of the first id that the second does not share.
      const text = first.proposalId.toString();
      let n = 1;
      while (second.proposalId.toString().startsWith(text.slice(0, n))) n++;
      const opensAt = await f.water.council.proposalVotingOpensAt(second.proposalId);
      await refusesBeforeSending(f, f.ben, [
        [
          () => vote("latest"),
          new RegExp(
            `^Voting on proposal ${second.proposalId} opens at ${new Date(Number(opensAt) * 1000).toISOString().replace(".000Z", "Z")}: vote then\\.$`,
          ),
        ],
        [
          () => vote("42"),
          new RegExp(`^There is no proposal 42 in ${f.water.address}, nor one whose id starts with 42`),
        ],
      ]);
      await time.increase(COUNCIL_RULES.votingDelay + 1);
      expect((await vote(text.slice(0, n))).proposalId).to.equal(first.proposalId);
      expect((await vote("latest")).proposalId).to.equal(second.proposalId);
      expect(await f.water.council.hasVoted(first.proposalId, f.aCircle)).to.equal(true);
      expect(await f.water.council.hasVoted(second.proposalId, f.aCircle)).to.equal(true);
    });

    it("refuses someone who is no delegate, bad input, and calls the council has no authority for", async function () {
      const f = await networkHelpers.loadFixture(seated);
      const base = {
        council: f.water.address,
        target: f.water.address,
        data: "0x",
        description: "Meet",
        from: f.ben,
        registry: f.registry,
        json: false,
      };
      const made = await proposeInCouncil(f.c, base);
      const vote = {
        council: f.water.address,
        proposal: `${made.proposalId}`,
        support: "for",
        from: f.ben,
        registry: f.registry,
        json: false,
      };
      await time.increase(COUNCIL_RULES.votingDelay + 1);
      await refusesBeforeSending(f, f.ben, [
        [
          () => proposeInCouncil(f.c, { ...base, from: f.aFounder[2] }),
          /holds no live delegate mandate for the council .* of any circle seated in it/,
        ],
        [() => voteInCouncil(f.c, { ...vote, from: f.aFounder[2] }), /holds no live delegate mandate/],
        [
          () => voteInCouncil(f.c, { ...vote, circle: f.bCircle }),
          new RegExp(`holds no live delegate mandate for the council .* of ${f.bCircle}`),
        ],
        [() => voteInCouncil(f.c, { ...vote, support: "yes" }), /--support "yes" is not a vote/],
        [() => voteInCouncil(f.c, { ...vote, proposal: "one" }), /--proposal "one" is not a whole number/],
        [() => voteInCouncil(f.c, { ...vote, council: f.aCircle }), /is a circle, not a council/],
        [() => proposeInCouncil(f.c, { ...base, target: "0x5" }), /--target "0x5" is not an address/],
        [() => proposeInCouncil(f.c, { ...base, description: "" }), /--description is required/],
        [
          () => proposeInCouncil(f.c, { ...base, target: f.bCircle, description: "Reach in" }),
          sentence("CouncilNoAuthority", [f.bCircle]),
        ],
      ]);
    });
  });
});
