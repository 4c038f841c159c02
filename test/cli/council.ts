import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import { network } from "hardhat";
import { getAddress, type Address } from "viem";

import { findEvent } from "../../client/events.js";
import { describeError } from "../../client/errors.js";
import { connection as cliConnection, explain, type Connection } from "../../tasks/cli.js";
import { executeProposal } from "../../tasks/circle/execute.js";
import { circleInfo } from "../../tasks/circle/info.js";
import { voteOnProposal } from "../../tasks/circle/vote.js";
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

/** The contract's sentence for a custom error, as a pattern matching the whole message. */
function sentence(name: string, args: readonly unknown[]): RegExp {
  return new RegExp(`^${describeError(name, args).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
}

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
  await decide(
    b,
    [{ target: water.seatsAddress, data: water.seats.interface.encodeFunctionData("requestSeat") }],
    "Ask for a seat",
  );
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

/** Four members of `circle` vote for `id` through the CLI; voting is then closed. */
async function passInCircle(c: Connection, circle: Address, id: bigint, voters: Address[], registry: Address) {
  await time.increase(TEST_RULES.votingDelay + 1);
  for (const from of voters.slice(0, 4)) {
    await voteOnProposal(c, { circle, proposal: `${id}`, support: "for", from, registry, json: false });
  }
  await time.increase(TEST_RULES.votingPeriod + 1);
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
      await passInCircle(f.c, f.bCircle, made.proposalId, f.bFounder, f.registry);
      await executeProposal(f.c, {
        circle: f.bCircle,
        proposal: `${made.proposalId}`,
        registry: f.registry,
        json: false,
      });
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
      await passInCircle(f.c, f.bCircle, made.proposalId, f.bFounder, f.registry);
      await executeProposal(f.c, {
        circle: f.bCircle,
        proposal: `${made.proposalId}`,
        registry: f.registry,
        json: false,
      });
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
        days: "20",
        from: f.bFounder[0],
        registry: f.registry,
        json: false,
      });
      expect(made.spec.role).to.equal(await f.water.seats.delegateRole());
      await passInCircle(f.c, f.bCircle, made.proposalId, f.bFounder, f.registry);
      await executeProposal(f.c, {
        circle: f.bCircle,
        proposal: `${made.proposalId}`,
        registry: f.registry,
        json: false,
      });
      const [holder] = await f.b.mandates.holderOf(await f.water.seats.delegateRoleId());
      expect(holder).to.equal(bFounder);
      const seats = await councilSeats(f.c, { council: f.water.address, registry: f.registry, json: false });
      expect(seats.seats.find((s) => s.circle === f.bCircle)).to.include({ delegate: bFounder });
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
