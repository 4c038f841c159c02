import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { expect } from "chai";
import { network } from "hardhat";
import { encodeFunctionData, getAddress, keccak256, parseAbi, toBytes, type Address } from "viem";

import { describeError } from "../../client/errors.js";
import { ProposalStateError } from "../../client/proposals.js";
import { connection as cliConnection, explain, type Connection } from "../../tasks/cli.js";
import { proposeAdmission } from "../../tasks/circle/admit.js";
import { consentToFounding, createCircle } from "../../tasks/circle/create.js";
import { requestAdmission } from "../../tasks/circle/request-admission.js";
import { executeProposal } from "../../tasks/circle/execute.js";
import { signalHardReset } from "../../tasks/circle/hard-reset.js";
import { circleInfo, describeInfo } from "../../tasks/circle/info.js";
import { leaveCircle } from "../../tasks/circle/leave.js";
import { listCircles } from "../../tasks/circle/list.js";
import propose, { proposeCall } from "../../tasks/circle/propose.js";
import {
  SHORT_ID_DIGITS,
  circleProposal,
  circleProposals,
  describeProposal,
  proposalsTask,
} from "../../tasks/circle/proposals.js";
import { proposeCharter } from "../../tasks/circle/ratify-charter.js";
import { describeReversal, logReversal } from "../../tasks/circle/reversal.js";
import { iso } from "../../tasks/circle/shared.js";
import { describeTemperature, temperature } from "../../tasks/circle/temperature.js";
import { circleThresholds, describeCircleThresholds } from "../../tasks/circle/thresholds.js";
import { parseBallot, relayBallot, signBallot } from "../../tasks/circle/vote-by-signature.js";
import { voteOnProposal } from "../../tasks/circle/vote.js";
import {
  CHARTER_HASH,
  CHARTER_URI,
  ProposalState,
  TEST_MANDATE_RULES,
  TEST_RULES,
  circleFixtures,
} from "../fixtures/circles.js";
import { hreOf, printed } from "../fixtures/cli.js";

const net = await network.create();
const { viem, networkHelpers } = net;
const { time } = networkHelpers;
const { circleWorld } = circleFixtures(net);

const NEW_CHARTER = `0x${"d5".repeat(32)}` as const;

/** The fixture circle (founders 0-5, outsiders 6-15) with a CLI connection to its network. */
async function world() {
  const w = await circleWorld();
  // Two outsiders have asked to join (no one is admitted without asking).
  for (const o of w.outsiders.slice(0, 2)) await (await w.membership.connect(o).requestAdmission()).wait();
  const publicClient = await viem.getPublicClient();
  const wallets = await viem.getWalletClients();
  const c = cliConnection(publicClient, wallets, await publicClient.getChainId());
  const address = (x: { address: string }) => getAddress(x.address);
  return {
    ...w,
    c,
    publicClient,
    registryContract: w.registry,
    circleContract: w.circle,
    registry: getAddress(await w.registry.getAddress()),
    circle: getAddress(await w.circle.getAddress()),
    founder: w.founders.map(address),
    outsider: w.outsiders.map(address),
  };
}

type World = Awaited<ReturnType<typeof world>>;

/** The contract's sentence for a custom error, as a pattern matching the whole message. */
function sentence(name: string, args: readonly unknown[]): RegExp {
  return new RegExp(`^${describeError(name, args).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
}

/** The error a core function fails with. */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail("expected a refusal"),
    (e: unknown) => e,
  );
}

/** Each call fails with a CliError matching its message; nothing is sent from `from`. */
async function refusesBeforeSending(w: World, from: Address, cases: [() => Promise<unknown>, RegExp][]) {
  const nonce = await w.publicClient.getTransactionCount({ address: from });
  for (const [run, message] of cases) {
    const error = await failure(run());
    expect(explain(error), String(message)).to.match(message);
  }
  expect(await w.publicClient.getTransactionCount({ address: from })).to.equal(nonce);
}

/** Opens voting on `id`, has `voters` vote for it through the CLI, and closes voting. */
async function passByVote(c: Connection, circle: Address, id: bigint, voters: Address[], registry: Address) {
  await time.increase(TEST_RULES.votingDelay + 1);
  for (const from of voters) {
    await voteOnProposal(c, { circle, proposal: id.toString(), support: "for", from, registry, json: false });
  }
  await time.increase(TEST_RULES.votingPeriod + 1);
}

describe("circle tasks (the CLI's circle governance)", function () {
  describe("create", function () {
    it("founds a circle with the registry's defaults and the rule options given", async function () {
      const w = await networkHelpers.loadFixture(world);
      const founders = w.outsider.slice(0, 6);
      const result = await createCircle(w.c, {
        name: "Birch Lane",
        founders: founders.join(","),
        charterHash: NEW_CHARTER,
        charterUri: "ipfs://birch",
        votingPeriod: "2h",
        quorumPercent: "60",
        termLimit: "3",
        from: w.outsider[0],
        registry: w.registry,
        json: false,
      });
      expect(await w.registryContract.isCircle(result.circle)).to.equal(true);
      expect(result.templateId).to.equal(null);
      expect(result.founders).to.deep.equal(founders);
      const info = await circleInfo(w.c, { circle: result.circle, registry: w.registry, json: false });
      expect(info.name).to.equal("Birch Lane");
      expect(info.members.map((m) => m.address)).to.have.members(founders);
      expect(info.rules).to.include({ votingPeriod: 7_200, quorumPercent: 60, votingDelay: 86_400, minMembers: 6 });
      expect(info.mandateRules.termLimit).to.equal(3);
      expect(info.charter.uri).to.equal("ipfs://birch");
      expect(result.membership).to.equal(info.membership);
    });

    it("founds a circle from a published template, and refuses a template mixed with rule options", async function () {
      const w = await networkHelpers.loadFixture(world);
      await (await w.registryContract.publishTemplate("Garden rules", TEST_RULES, TEST_MANDATE_RULES)).wait();
      const base = {
        name: "Cedar Court",
        founders: w.outsider.slice(0, 6).join(","),
        charterHash: NEW_CHARTER,
        template: "Garden rules",
        registry: w.registry,
        json: false,
      };
      await refusesBeforeSending(w, w.founder[0]!, [
        [
          () => createCircle(w.c, { ...base, votingPeriod: "1h" }),
          /--template .* drop --voting-period or the template/,
        ],
        [
          () => createCircle(w.c, { ...base, template: "No such rules" }),
          new RegExp(`No template ${keccak256(toBytes("No such rules"))} is published`),
        ],
      ]);
      const result = await createCircle(w.c, base);
      expect(result.templateId).to.equal(keccak256(toBytes("Garden rules")));
      expect(result.rules).to.deep.equal({ ...TEST_RULES });
      expect(await w.registryContract.isCircle(result.circle)).to.equal(true);
    });

    it("refuses malformed input, and rules the registry would refuse, before sending anything", async function () {
      const w = await networkHelpers.loadFixture(world);
      const base = {
        name: "Dogwood",
        founders: w.outsider.slice(0, 6).join(","),
        charterHash: NEW_CHARTER,
        registry: w.registry,
        json: false,
      };
      const count = await w.registryContract.circleCount();
      await refusesBeforeSending(w, w.founder[0]!, [
        [
          () => createCircle(w.c, { ...base, founders: `${w.outsider[0]},0x1234` }),
          /--founders "0x1234" is not an address/,
        ],
        [() => createCircle(w.c, { ...base, founders: `${w.outsider[0]},${w.outsider[0]}` }), /lists .* twice/],
        [() => createCircle(w.c, { ...base, votingPeriod: "soon" }), /--voting-period "soon" is not a duration/],
        [() => createCircle(w.c, { ...base, quorumPercent: "300" }), /--quorum-percent must be between 0 and 255/],
        [
          () => createCircle(w.c, { ...base, proposerStepsAside: "maybe" }),
          /--proposer-steps-aside "maybe" is not true or false/,
        ],
        [
          () => createCircle(w.c, { ...base, charterHash: "0xabc" }),
          /--charter-hash "0xabc" is not the charter's content hash/,
        ],
        [() => createCircle(w.c, { ...base, name: "" }), /--name is required/],
        [() => createCircle(w.c, { ...base, registry: w.outsider[9] }), /There is no circle registry at/],
        // Well-formed, but the registry refuses: its custom error as a sentence, from the simulation.
        [() => createCircle(w.c, { ...base, maxMembers: "40" }), sentence("CircleRulesSizeOverCap", [40, 32])],
      ]);
      expect(await w.registryContract.circleCount()).to.equal(count);
    });
  });

  describe("info and list", function () {
    it("shows a circle's members, rules, charter, reset epoch and mandates, with no signer", async function () {
      const w = await networkHelpers.loadFixture(world);
      const info = await circleInfo(w.c, { circle: w.circle, registry: w.registry, json: false });
      expect(info.name).to.equal("Garden Circle");
      expect(info.council).to.equal(false);
      expect(info.members.map((m) => m.address)).to.have.members(w.founder);
      expect(info.rules).to.deep.equal({ ...TEST_RULES });
      expect(info.charter).to.deep.equal({
        contentHash: CHARTER_HASH,
        uri: CHARTER_URI,
        expiresAt: iso((await w.circleContract.charter()).expiresAt),
        lapsed: false,
      });
      expect(info.charter.expiresAt).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(info.resetEpoch).to.equal(0n);
      expect(info.liveMandates).to.equal(0);
      expect(info.roleModules).to.deep.equal([]);
      expect(describeInfo(info)).to.include("Garden Circle").and.include("6 member(s) of at most 10");
    });

    it("lists the registry a page at a time", async function () {
      const w = await networkHelpers.loadFixture(world);
      const page = await listCircles(w.c, { registry: w.registry, json: false });
      expect(page.total).to.equal(1n);
      expect(page.circles).to.deep.equal([
        { address: w.circle, name: "Garden Circle", council: false, memberCount: 6n },
      ]);
      const beyond = await listCircles(w.c, { offset: "1", limit: "100", registry: w.registry, json: false });
      expect(beyond.circles).to.deep.equal([]);
    });

    it("refuses a malformed address, an unknown circle and malformed numbers", async function () {
      const w = await networkHelpers.loadFixture(world);
      const token = getAddress(await w.token.getAddress());
      await refusesBeforeSending(w, w.founder[0]!, [
        [
          () => circleInfo(w.c, { circle: "0xnope", registry: w.registry, json: false }),
          /--circle "0xnope" is not an address/,
        ],
        [
          () => circleInfo(w.c, { circle: token, registry: w.registry, json: false }),
          new RegExp(`${token} is not a circle or council of the registry`),
        ],
        [() => circleInfo(w.c, { registry: w.registry, json: false }), /--circle is required/],
        [
          () => circleInfo(w.c, { circle: w.circle, registry: w.outsider[0], json: false }),
          new RegExp(`There is no circle registry at ${w.outsider[0]} on chain 31337`),
        ],
        [
          () =>
            proposeAdmission(w.c, {
              circle: token,
              member: w.outsider[1],
              from: w.founder[0],
              registry: w.registry,
              json: false,
            }),
          /is not a circle or council of the registry/,
        ],
        [
          () => listCircles(w.c, { limit: "101", registry: w.registry, json: false }),
          /--limit must be between 1 and 100/,
        ],
        [
          () => listCircles(w.c, { offset: "-1", registry: w.registry, json: false }),
          /--offset "-1" is not a whole number/,
        ],
      ]);
    });
  });

  describe("founders' consent and admission requests", function () {
    it("founds with a founder's consent signed by `circle consent`, and refuses a founder who never consented", async function () {
      const w = await networkHelpers.loadFixture(world);
      const founders = w.outsider.slice(0, 6);
      const base = { name: "Rowan Row", founders: founders.join(","), charterHash: NEW_CHARTER, registry: w.registry };
      const deadline = `${(await w.publicClient.getBlock()).timestamp + 3_600n}`;
      const dir = mkdtempSync(join(tmpdir(), "commonweal-consent-"));
      try {
        const given = await consentToFounding(w.c, { ...base, deadline, from: founders[1], json: true });
        expect(getAddress(given.founder)).to.equal(founders[1]);
        const file = join(dir, "consent.json");
        writeFileSync(file, JSON.stringify({ ...given, deadline: given.deadline.toString() }));
        const created = await createCircle(w.c, { ...base, consents: file, from: founders[0], json: false });
        expect(await w.registryContract.isCircle(created.circle)).to.equal(true);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      const stranger = getAddress("0x000000000000000000000000000000000000dEaD");
      await refusesBeforeSending(w, founders[0]!, [
        [
          () =>
            createCircle(w.c, {
              ...base,
              founders: [...founders.slice(0, 5), stranger].join(","),
              from: founders[0],
              json: false,
            }),
          new RegExp(`${stranger} has not consented`),
        ],
        [() => consentToFounding(w.c, { ...base, from: w.founder[0], json: false }), /is not among the founders/],
      ]);
    });

    it("lets a person ask to join and withdraw, and the sentence says why an unasked admission is refused", async function () {
      const w = await networkHelpers.loadFixture(world);
      const asked = await requestAdmission(w.c, {
        circle: w.circle,
        from: w.outsider[5],
        registry: w.registry,
        json: false,
      });
      expect(asked).to.include({ account: w.outsider[5], requested: true });
      const withdrawn = await requestAdmission(w.c, {
        circle: w.circle,
        withdraw: true,
        from: w.outsider[5],
        registry: w.registry,
        json: false,
      });
      expect(withdrawn.requested).to.equal(false);
      await refusesBeforeSending(w, w.outsider[5]!, [
        [
          () =>
            requestAdmission(w.c, {
              circle: w.circle,
              withdraw: true,
              from: w.outsider[5],
              registry: w.registry,
              json: false,
            }),
          sentence("CircleMembershipNotRequested", [w.outsider[5]]),
        ],
      ]);
    });
  });

  describe("admit, vote and execute", function () {
    it("proposes an admission, counts the votes and admits the member when executed", async function () {
      const w = await networkHelpers.loadFixture(world);
      const newcomer = w.outsider[0]!;
      const made = await proposeAdmission(w.c, {
        circle: w.circle,
        member: newcomer,
        from: w.founder[1],
        registry: w.registry,
        json: false,
      });
      expect(made.description).to.equal(`Admit ${newcomer}`);
      expect(await w.circleContract.state(made.proposalId)).to.equal(ProposalState.Pending);
      expect(made.votingOpensAt).to.equal(iso(await w.circleContract.proposalVotingOpensAt(made.proposalId)));
      await time.increase(TEST_RULES.votingDelay + 1);
      for (const from of w.founder.slice(0, 3)) {
        await voteOnProposal(w.c, {
          circle: w.circle,
          proposal: `${made.proposalId}`,
          support: "for",
          from,
          json: false,
          registry: w.registry,
        });
      }
      const last = await voteOnProposal(w.c, {
        circle: w.circle,
        proposal: `${made.proposalId}`,
        support: "against",
        reason: "Too soon",
        from: w.founder[3],
        registry: w.registry,
        json: false,
      });
      expect(last.tally).to.deep.equal({ for: 3n, against: 1n, abstain: 0n, state: "active" });
      expect(await w.circleContract.hasVoted(made.proposalId, w.founder[3]!)).to.equal(true);
      await time.increase(TEST_RULES.votingPeriod + 1);
      const executed = await executeProposal(w.c, {
        circle: w.circle,
        proposal: `${made.proposalId}`,
        from: w.outsider[5],
        registry: w.registry,
        json: false,
      });
      expect(executed.description).to.equal(`Admit ${newcomer}`);
      expect(executed.calls).to.have.length(1);
      expect(await w.membership.isMember(newcomer)).to.equal(true);
      expect(await w.circleContract.state(made.proposalId)).to.equal(ProposalState.Executed);
      await refusesBeforeSending(w, w.outsider[5]!, [
        [
          () =>
            executeProposal(w.c, {
              circle: w.circle,
              proposal: `${made.proposalId}`,
              from: w.outsider[5],
              registry: w.registry,
              json: false,
            }),
          sentence("GovernorUnexpectedProposalState", [made.proposalId, 7, "0x30"]),
        ],
      ]);
    });

    it("votes in the very second voting opens: the vote's own block would be open, so one block is mined and said", async function () {
      const w = await networkHelpers.loadFixture(world);
      const made = await proposeAdmission(w.c, {
        circle: w.circle,
        member: w.outsider[0],
        from: w.founder[1],
        registry: w.registry,
        json: false,
      });
      const opensAt = await w.circleContract.proposalVotingOpensAt(made.proposalId);
      const vote = { circle: w.circle, proposal: "latest", support: "for", registry: w.registry, json: false };
      // A second early: refused, naming the time, and nothing is mined or sent.
      await time.increaseTo(opensAt - 1n);
      const before = await w.publicClient.getBlockNumber();
      const early = await voteOnProposal(w.c, { ...vote, from: w.founder[0] }).catch((e: unknown) => e);
      expect(explain(early)).to.equal(`Voting on proposal ${made.proposalId} opens at ${iso(opensAt)}: vote then.`);
      expect(await w.publicClient.getBlockNumber()).to.equal(before);
      // The latest block at the opening second itself (what `chain advance 1d` leaves): still pending there.
      await time.increaseTo(opensAt);
      expect(await w.circleContract.state(made.proposalId)).to.equal(ProposalState.Pending);
      const cast = await voteOnProposal(w.c, { ...vote, from: w.founder[0] });
      expect(cast.note).to.match(
        new RegExp(
          `^Mined one block on the local node \\(HardhatNetwork/[^)]*\\) so that voting on proposal ${made.proposalId}, which opens at ${iso(opensAt)}, is open\\.$`,
        ),
      );
      expect(cast.tally).to.deep.equal({ for: 1n, against: 0n, abstain: 0n, state: "active" });
      // Once open, nothing more is mined: the next vote is the next block.
      const mined = await w.publicClient.getBlockNumber();
      const next = await voteOnProposal(w.c, { ...vote, from: w.founder[2] });
      expect(next.note).to.equal(undefined);
      expect(await w.publicClient.getBlockNumber()).to.equal(mined + 1n);
    });

    it("refuses a second vote with the contract's sentence, and malformed ids and support values before sending", async function () {
      const w = await networkHelpers.loadFixture(world);
      const made = await proposeAdmission(w.c, {
        circle: w.circle,
        member: w.outsider[0],
        from: w.founder[0],
        registry: w.registry,
        json: false,
      });
      await time.increase(TEST_RULES.votingDelay + 1);
      const vote = (over: { proposal?: string; support?: string; from?: string }) =>
        voteOnProposal(w.c, {
          circle: w.circle,
          proposal: `${made.proposalId}`,
          support: "for",
          from: w.founder[2],
          registry: w.registry,
          json: false,
          ...over,
        });
      await vote({});
      await refusesBeforeSending(w, w.founder[2]!, [
        [() => vote({}), sentence("GovernorAlreadyCastVote", [w.founder[2]])],
        [() => vote({ support: "maybe" }), /--support "maybe" is not a vote: use for, against or abstain/],
        [() => vote({ proposal: "12abc" }), /--proposal "12abc" is not a whole number/],
        [() => vote({ proposal: "" }), /--proposal is required/],
        [() => vote({ proposal: "42" }), new RegExp(`There is no proposal 42 in ${w.circle}`)],
        [() => vote({ from: "0x12" }), /--from "0x12" is not an address/],
      ]);
      const [against, inFavour, abstain] = await w.circleContract.proposalVotes(made.proposalId);
      expect([against, inFavour, abstain]).to.deep.equal([0n, 1n, 0n]);
    });

    it("refuses to execute a proposal still open or unknown, and to admit a member twice", async function () {
      const w = await networkHelpers.loadFixture(world);
      const made = await proposeAdmission(w.c, {
        circle: w.circle,
        member: w.outsider[0],
        from: w.founder[0],
        registry: w.registry,
        json: false,
      });
      const execute = (proposal: string) =>
        executeProposal(w.c, { circle: w.circle, proposal, from: w.founder[0], registry: w.registry, json: false });
      await refusesBeforeSending(w, w.founder[0]!, [
        [() => execute(`${made.proposalId}`), /Proposal \d+ is still pending: voting closes at .*Z/],
        [() => execute("7"), new RegExp(`There is no proposal 7 in ${w.circle}`)],
        [
          () =>
            voteOnProposal(w.c, {
              circle: w.circle,
              proposal: `${made.proposalId}`,
              support: "for",
              from: w.founder[0],
              registry: w.registry,
              json: false,
            }),
          /Voting on proposal \d+ opens at \d{4}-.*Z: vote then/,
        ],
        [
          () =>
            proposeAdmission(w.c, {
              circle: w.circle,
              member: w.founder[4],
              from: w.founder[0],
              registry: w.registry,
              json: false,
            }),
          /is already a member of/,
        ],
        [
          () =>
            proposeAdmission(w.c, {
              circle: w.circle,
              member: w.outsider[3],
              from: w.founder[0],
              registry: w.registry,
              json: false,
            }),
          sentence("CircleMembershipNotRequested", [w.outsider[3]]),
        ],
        [
          () =>
            proposeAdmission(w.c, {
              circle: w.circle,
              member: "bob",
              from: w.founder[0],
              registry: w.registry,
              json: false,
            }),
          /--member "bob" is not an address/,
        ],
        [
          () =>
            proposeAdmission(w.c, {
              circle: w.circle,
              member: w.outsider[1],
              from: w.outsider[2],
              registry: w.registry,
              json: false,
            }),
          sentence("GovernorInsufficientProposerVotes", [w.outsider[2], 0n, 1n]),
        ],
      ]);
      expect(await w.circleContract.state(made.proposalId)).to.equal(ProposalState.Pending);
    });
  });

  describe("proposals and proposal", function () {
    it("lists proposals by short id and shows one by latest or a prefix, with tally, votes, reasons and next step", async function () {
      const w = await networkHelpers.loadFixture(world);
      const none = await circleProposals(w.c, { circle: w.circle, registry: w.registry, json: false });
      expect(none.proposals).to.deep.equal([]);
      const made = await proposeAdmission(w.c, {
        circle: w.circle,
        member: w.outsider[0],
        from: w.founder[0],
        registry: w.registry,
        json: false,
      });
      const short = made.proposalId.toString().slice(0, SHORT_ID_DIGITS);
      const listed = await circleProposals(w.c, { circle: w.circle, registry: w.registry, json: false });
      expect(listed.proposals).to.deep.equal([
        {
          id: made.proposalId,
          shortId: short,
          state: "pending",
          tally: { for: 0n, against: 0n, abstain: 0n },
          title: `Admit ${w.outsider[0]}`,
          proposer: w.founder[0],
        },
      ]);
      const show = (proposal: string) =>
        circleProposal(w.c, { circle: w.circle, proposal, registry: w.registry, json: false });
      expect((await show("latest")).next).to.deep.equal({
        action: "wait",
        until: await w.circleContract.proposalVotingOpensAt(made.proposalId),
      });
      await time.increase(TEST_RULES.votingDelay + 1);
      // vote takes the same short references: the printed prefix and latest.
      const vote = (proposal: string, from: Address, support: string, reason?: string) =>
        voteOnProposal(w.c, { circle: w.circle, proposal, support, reason, from, registry: w.registry, json: false });
      await vote(short, w.founder[1]!, "for", "Known to us");
      await vote("latest", w.founder[2]!, "for");
      await vote(`0x${made.proposalId.toString(16).slice(0, 12)}`, w.founder[3]!, "against", "Too soon");
      await vote(`${made.proposalId}`, w.founder[4]!, "for");
      const active = await show(short);
      expect(active.id).to.equal(made.proposalId);
      expect(active.stateName).to.equal("Active");
      expect(active.tally).to.deep.equal({ for: 3n, against: 1n, abstain: 0n });
      expect(active.votes.map((v) => [v.voter, v.support, v.reason])).to.deep.equal([
        [w.founder[1], "for", "Known to us"],
        [w.founder[2], "for", ""],
        [w.founder[3], "against", "Too soon"],
        [w.founder[4], "for", ""],
      ]);
      const text = describeProposal(w.circle, active);
      expect(text).to.include(`Proposal ${made.proposalId} of ${w.circle}: active.`);
      expect(text).to.include(`${w.founder[1]} voted for: "Known to us"`);
      expect(text).to.match(/Next: members vote until \d{4}-.*Z \(npx hardhat circle vote --circle/);
      await time.increase(TEST_RULES.votingPeriod + 1);
      expect((await show("latest")).next).to.deep.equal({ action: "execute" });
      // execute takes them too.
      await executeProposal(w.c, {
        circle: w.circle,
        proposal: short,
        from: w.outsider[5],
        registry: w.registry,
        json: false,
      });
      expect(await w.membership.isMember(w.outsider[0]!)).to.equal(true);
      const done = await show("latest");
      expect([done.stateName, done.next]).to.deep.equal(["Executed", { action: "none" }]);
      const out = await printed(() =>
        proposalsTask({ circle: w.circle, registry: w.registry, json: true }, hreOf(net)),
      );
      expect(out.exitCode).to.equal(0);
      expect(JSON.parse(out.stdout)).to.deep.equal({
        circle: w.circle,
        proposals: [
          {
            id: `${made.proposalId}`,
            shortId: short,
            state: "executed",
            tally: { for: "3", against: "1", abstain: "0" },
            title: `Admit ${w.outsider[0]}`,
            proposer: w.founder[0],
          },
        ],
        // No Profiles registry on this network's record: no names, the addresses as they were.
        names: {},
      });
    });

    it("refuses an unknown or malformed reference, and latest before any proposal, before sending anything", async function () {
      const w = await networkHelpers.loadFixture(world);
      const show = (proposal: string | undefined) =>
        circleProposal(w.c, { circle: w.circle, proposal, registry: w.registry, json: false });
      await refusesBeforeSending(w, w.founder[0]!, [
        [() => show("latest"), new RegExp(`^There is no proposal in ${w.circle} yet: make one first\\.$`)],
        [() => show(undefined), /^--proposal is required/],
        [() => show("first"), /^--proposal "first" is not a whole number, a prefix of one, or latest/],
        [
          () =>
            voteOnProposal(w.c, {
              circle: w.circle,
              proposal: "latest",
              support: "for",
              from: w.founder[0],
              registry: w.registry,
              json: false,
            }),
          /There is no proposal in .* yet/,
        ],
      ]);
      await proposeAdmission(w.c, {
        circle: w.circle,
        member: w.outsider[0],
        from: w.founder[0],
        registry: w.registry,
        json: false,
      });
      await refusesBeforeSending(w, w.founder[0]!, [
        [() => show("1".repeat(78)), /nor one whose id starts with 1{78} \(it has 1\): list them with/],
      ]);
      const out = await printed(() => proposalsTask({ circle: "0x12", registry: w.registry, json: true }, hreOf(net)));
      expect(out.exitCode).to.equal(1);
      expect(JSON.parse(out.stdout)).to.have.property("error");
    });
  });

  describe("propose", function () {
    it("encodes a function call from its signature and arguments, a token's amount in its units, and the decision carries it out", async function () {
      const w = await networkHelpers.loadFixture(world);
      const token = getAddress(await w.token.getAddress());
      await w.token.mint(w.circle, 1_000n * 10n ** 18n); // the treasury: 1,000 tokens of 18 decimals (and 1,000 raw)
      const made = await proposeCall(w.c, {
        circle: w.circle,
        target: token,
        function: "transfer(address to, uint256 amount)",
        args: JSON.stringify([w.outsider[3], "100.5"]),
        description: "Pay the seed supplier 100.5 tokens",
        from: w.founder[0],
        registry: w.registry,
        json: false,
      });
      // An ERC-20's transfer amount is read in the token's units, as `mandate act --args` reads it.
      const amount = 1005n * 10n ** 17n;
      expect(made.call.data).to.equal(w.token.interface.encodeFunctionData("transfer", [w.outsider[3]!, amount]));
      await passByVote(w.c, w.circle, made.proposalId, w.founder.slice(0, 4), w.registry);
      await executeProposal(w.c, {
        circle: w.circle,
        proposal: `${made.proposalId}`,
        registry: w.registry,
        json: false,
      });
      expect(await w.token.balanceOf(w.outsider[3]!)).to.equal(amount);
      expect(await w.token.balanceOf(w.circle)).to.equal(1_000n + 1_000n * 10n ** 18n - amount);
      // Any other function's whole numbers are raw: the same encoder, the same rule.
      const raw = await proposeCall(w.c, {
        circle: w.circle,
        target: token,
        function: "setCap(uint256)",
        args: JSON.stringify(["7"]),
        description: "Set the cap to seven raw units",
        from: w.founder[0],
        registry: w.registry,
        json: false,
      });
      expect(raw.call.data).to.equal(encodeFunctionData({ abi: parseAbi(["function setCap(uint256)"]), args: [7n] }));
    });

    it("proposes right after `circle create` on an idle local node, mining one block first and saying why", async function () {
      const w = await networkHelpers.loadFixture(world);
      const founders = w.outsider.slice(0, 6);
      const created = await createCircle(w.c, {
        name: "Aspen Row",
        founders: founders.join(","),
        charterHash: NEW_CHARTER,
        from: founders[0],
        registry: w.registry,
        json: false,
      });
      // The founders became members in the latest block's second; the circle counts a proposer a second before.
      const founded = await w.publicClient.getBlock();
      const base = {
        circle: created.circle,
        target: created.circle,
        data: "0x",
        from: founders[1],
        registry: w.registry,
      };
      const out = await printed(() => propose({ ...base, description: "Meet on Sundays", json: false }, hreOf(net)));
      expect(out.exitCode, out.stderr).to.equal(0);
      expect(out.stdout).to.match(
        new RegExp(
          `proposal \\d+ \\(transaction 0x[0-9a-f]{64}\\)\\. Mined one block on the local node \\(HardhatNetwork/[^)]*\\) so that ${founders[1]}, a member only since block ${founded.number}, counts as one a second before the proposal, as the circle requires\\. Voting opens at `,
        ),
      );
      // One block mined, then the proposal's own.
      expect(await w.publicClient.getBlockNumber()).to.equal(founded.number + 2n);
      const [made] = await circleProposals(w.c, { circle: created.circle, registry: w.registry, json: false }).then(
        (r) => r.proposals,
      );
      expect(made!.title).to.equal("Meet on Sundays");
      // Once the chain has moved on, nothing more is mined: the next proposal is the next block.
      const again = await proposeCall(w.c, { ...base, description: "Meet on Mondays", json: false });
      expect(again.note).to.equal(undefined);
      expect(await w.publicClient.getBlockNumber()).to.equal(founded.number + 3n);
    });

    it("takes raw calldata, and refuses malformed calls before sending anything", async function () {
      const w = await networkHelpers.loadFixture(world);
      const token = getAddress(await w.token.getAddress());
      const base = {
        circle: w.circle,
        target: token,
        description: "Check",
        from: w.founder[0],
        registry: w.registry,
        json: false,
      };
      const raw = await proposeCall(w.c, { ...base, data: "0x18160ddd" });
      expect(await w.circleContract.state(raw.proposalId)).to.equal(ProposalState.Pending);
      await refusesBeforeSending(w, w.founder[0]!, [
        [() => proposeCall(w.c, { ...base, data: "0x123" }), /--data "0x123" is not calldata/],
        [() => proposeCall(w.c, { ...base, data: "0x", function: "totalSupply()" }), /either --data or --function/],
        [() => proposeCall(w.c, { ...base }), /Say what to call/],
        [() => proposeCall(w.c, { ...base, function: "transfer(" }), /is not a function signature/],
        [
          () => proposeCall(w.c, { ...base, function: "transfer(address,uint256)", args: '["0x01"]' }),
          /transfer takes 2 argument\(s\); 1 were given/,
        ],
        [
          () =>
            proposeCall(w.c, { ...base, function: "transfer(address,uint256)", args: `["${w.outsider[0]}", "ten"]` }),
          /The call's argument 2 "ten" is not an amount/,
        ],
        [
          () => proposeCall(w.c, { ...base, function: "transfer(address,uint256)", args: "[oops" }),
          /--args is not JSON/,
        ],
        [() => proposeCall(w.c, { ...base, data: "0x", description: " " }), /--description is required/],
        [() => proposeCall(w.c, { ...base, data: "0x", value: "lots" }), /--value "lots" is not an amount/],
        [() => proposeCall(w.c, { ...base, data: "0x", target: "0xzz" }), /--target "0xzz" is not an address/],
        // The same proposal again: refused by the client before sending, naming the proposal already made.
        [
          () => proposeCall(w.c, { ...base, data: "0x18160ddd" }),
          new RegExp(`^Proposal ${raw.proposalId} makes the same calls with the same description already: vote on it`),
        ],
      ]);
    });
  });

  describe("vote-by-signature", function () {
    it("lets a member sign a ballot that anyone relays, and refuses a replay or a tampered ballot", async function () {
      const w = await networkHelpers.loadFixture(world);
      const made = await proposeAdmission(w.c, {
        circle: w.circle,
        member: w.outsider[0],
        from: w.founder[0],
        registry: w.registry,
        json: false,
      });
      await time.increase(TEST_RULES.votingDelay + 1);
      const ballot = await signBallot(w.c, {
        sign: true,
        circle: w.circle,
        proposal: `${made.proposalId}`,
        support: "for",
        from: w.founder[3],
        registry: w.registry,
        json: false,
      });
      expect(ballot).to.include({ circle: w.circle, voter: w.founder[3], support: 1, nonce: 0n });
      const json = JSON.stringify(ballot, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
      expect(parseBallot(json)).to.deep.equal(ballot);
      const relay = (text: string) =>
        relayBallot(w.c, { sign: false, relay: text, from: w.outsider[4], registry: w.registry, json: false });
      await refusesBeforeSending(w, w.outsider[4]!, [
        [() => relay(JSON.stringify({ ...JSON.parse(json), support: 0 })), /The signature is not .* for this ballot/],
        [
          () => relay(JSON.stringify({ ...JSON.parse(json), chainId: 1 })),
          /signed for chain 1; this network is chain 31337/,
        ],
        [() => relay(JSON.stringify({ ...JSON.parse(json), voter: "0x99" })), /The ballot's "voter" is not an address/],
        [() => relay("{not json"), /--relay is not JSON/],
      ]);
      const relayed = await relay(json);
      expect(relayed.relayer).to.equal(w.outsider[4]);
      expect(relayed.tally.for).to.equal(1n);
      expect(await w.circleContract.hasVoted(made.proposalId, w.founder[3]!)).to.equal(true);
      await refusesBeforeSending(w, w.outsider[4]!, [[() => relay(json), /signed with nonce 0, but .*'s next is 1/]]);
    });

    it("refuses to sign for someone who is not a member, or on a proposal that is over", async function () {
      const w = await networkHelpers.loadFixture(world);
      const made = await proposeAdmission(w.c, {
        circle: w.circle,
        member: w.outsider[0],
        from: w.founder[0],
        registry: w.registry,
        json: false,
      });
      const sign = (from: string | undefined, support = "for") =>
        signBallot(w.c, {
          sign: true,
          circle: w.circle,
          proposal: `${made.proposalId}`,
          support,
          from,
          registry: w.registry,
          json: false,
        });
      await refusesBeforeSending(w, w.outsider[1]!, [
        [() => sign(w.outsider[1]), /is not a member of .* so their ballot would not count/],
        [() => sign(w.founder[1], "yes"), /--support "yes" is not a vote/],
      ]);
      await time.increase(TEST_RULES.votingDelay + TEST_RULES.votingPeriod + 2);
      // The client's refusal, a sentence (not a crash): the proposal is over.
      const error = await failure(sign(w.founder[1]));
      expect(error).to.be.instanceOf(ProposalStateError);
      expect((error as ProposalStateError).state).to.equal("Defeated");
      expect(explain(error)).to.match(/Proposal \d+ is defeated: a ballot for it would not count/);
    });
  });

  describe("ratify-charter", function () {
    it("proposes a charter that is ratified, with a new term, when executed", async function () {
      const w = await networkHelpers.loadFixture(world);
      const made = await proposeCharter(w.c, {
        circle: w.circle,
        charterHash: NEW_CHARTER,
        charterUri: "ipfs://garden-v2",
        from: w.founder[2],
        registry: w.registry,
        json: false,
      });
      await passByVote(w.c, w.circle, made.proposalId, w.founder.slice(0, 3), w.registry);
      await executeProposal(w.c, {
        circle: w.circle,
        proposal: `${made.proposalId}`,
        registry: w.registry,
        json: false,
      });
      const charter = await w.circleContract.charter();
      expect(charter.contentHash).to.equal(NEW_CHARTER);
      expect(charter.uri).to.equal("ipfs://garden-v2");
      expect(charter.expiresAt).to.equal(BigInt(await time.latest()) + BigInt(TEST_RULES.charterTerm));
      await refusesBeforeSending(w, w.founder[2]!, [
        [
          () =>
            proposeCharter(w.c, {
              circle: w.circle,
              charterHash: "garden",
              from: w.founder[2],
              registry: w.registry,
              json: false,
            }),
          /--charter-hash "garden" is not/,
        ],
        [
          () => proposeCharter(w.c, { circle: w.circle, from: w.founder[2], registry: w.registry, json: false }),
          /Give the charter exactly one way/,
        ],
        [
          () =>
            proposeCharter(w.c, {
              circle: w.outsider[0],
              charterHash: NEW_CHARTER,
              from: w.founder[2],
              registry: w.registry,
              json: false,
            }),
          new RegExp(`${w.outsider[0]} is not a circle or council of the registry`),
        ],
      ]);
    });
  });

  describe("hard-reset and leave", function () {
    it("counts reset signals and resets the circle at the threshold, cancelling what was pending", async function () {
      const w = await networkHelpers.loadFixture(world);
      const pending = await proposeAdmission(w.c, {
        circle: w.circle,
        member: w.outsider[0],
        from: w.founder[0],
        registry: w.registry,
        json: false,
      });
      const signal = (from: string | undefined) =>
        signalHardReset(w.c, { circle: w.circle, from, registry: w.registry, json: false });
      const first = await signal(w.founder[0]);
      expect(first).to.include({ signals: 1n, threshold: 3, reset: false, epoch: 0n });
      await refusesBeforeSending(w, w.founder[0]!, [
        [
          () => signal(w.founder[0]),
          new RegExp(describeError("CircleRitualsAlreadySignalled", [first.round, w.founder[0]])),
        ],
        [() => signal(w.outsider[0]), new RegExp(describeError("CircleRitualsNotMember", [w.outsider[0]]))],
      ]);
      expect((await signal(w.founder[1])).reset).to.equal(false);
      const third = await signal(w.founder[2]);
      expect(third).to.include({ signals: 3n, reset: true, epoch: 1n });
      expect(await w.circleContract.resetEpoch()).to.equal(1n);
      expect(await w.circleContract.state(pending.proposalId)).to.equal(ProposalState.Canceled);
    });

    it("lets the signer leave at once, and explains why a non-member cannot", async function () {
      const w = await networkHelpers.loadFixture(world);
      const left = await leaveCircle(w.c, { circle: w.circle, from: w.founder[5], registry: w.registry, json: false });
      expect(left).to.include({ member: w.founder[5], membersLeft: 5n });
      expect(await w.membership.isMember(w.founder[5]!)).to.equal(false);
      await refusesBeforeSending(w, w.founder[5]!, [
        [
          () => leaveCircle(w.c, { circle: w.circle, from: w.founder[5], registry: w.registry, json: false }),
          sentence("CircleMembershipNotMember", [w.founder[5]]),
        ],
        [
          () => leaveCircle(w.c, { circle: w.outsider[1], from: w.founder[5], registry: w.registry, json: false }),
          /is not a circle or council/,
        ],
      ]);
    });
  });

  describe("temperature", function () {
    it("records readings of the period just ended, cools down whom a majority names, and shows the aggregates", async function () {
      const w = await networkHelpers.loadFixture(world);
      const read = () => temperature(w.c, { circle: w.circle, registry: w.registry, json: false });
      const before = await read();
      expect(before.aggregate).to.equal(null);
      expect(describeTemperature(before)).to.match(/No decision period .* has ended yet/);
      const record = (from: string | undefined, heard: string, dominant?: string) =>
        temperature(w.c, { circle: w.circle, heard, dominant, from, registry: w.registry, json: false });
      await refusesBeforeSending(w, w.founder[0]!, [
        [() => record(w.founder[0], "4"), sentence("CircleRitualsNoPeriodEnded", [])],
      ]);
      await time.increase(TEST_RULES.temperaturePeriod);
      const dominant = w.founder[5]!;
      for (const from of w.founder.slice(0, 3)) {
        expect((await record(from, "4", dominant)).recorded?.cooledDown).to.equal(null);
      }
      const fourth = await record(w.founder[3], "2", dominant);
      expect(fourth.recorded?.cooledDown?.member).to.equal(dominant);
      expect(fourth.aggregate).to.deep.equal({ period: 0n, readings: 4, heardSum: 14, average: 3.5 });
      expect(await w.rituals.isCooledDown(dominant)).to.equal(true);
      const after = await read();
      expect(after.currentPeriod).to.equal(1n);
      expect(after.aggregate).to.deep.equal({ period: 0n, readings: 4, heardSum: 14, average: 3.5 });
      const other = await temperature(w.c, { circle: w.circle, period: "1", registry: w.registry, json: false });
      expect(other.aggregate?.readings).to.equal(0);
      await refusesBeforeSending(w, w.founder[4]!, [
        [() => record(w.founder[4], "6"), /--heard must be between 1 and 5; got 6/],
        [() => record(w.founder[4], "four"), /--heard "four" is not a whole number/],
        [() => record(w.founder[4], "3", "0xdominant"), /--dominant "0xdominant" is not an address/],
        [
          () => temperature(w.c, { circle: w.circle, dominant, registry: w.registry, json: false }),
          /--dominant goes with a reading/,
        ],
        [
          () => record(w.founder[0], "3"),
          new RegExp(describeError("CircleRitualsAlreadyRecorded", [0n, w.founder[0]])),
        ],
        [
          () => record(w.founder[4], "3", w.outsider[0]),
          new RegExp(describeError("CircleRitualsDominantNotMember", [w.outsider[0]])),
        ],
      ]);
      const stored = await w.rituals.temperature(0n);
      expect([stored.readings, stored.heardSum]).to.deep.equal([4n, 14n]);
    });
  });

  describe("reversal", function () {
    it("logs a member's dependency reversal by kind name or number, and refuses bad kinds, memos and outsiders before sending", async function () {
      const w = await networkHelpers.loadFixture(world);
      const log = (from: string | undefined, kind: string | undefined, memo: string | undefined) =>
        logReversal(w.c, { circle: w.circle, kind, memo, from, registry: w.registry, json: false });
      const tool = await log(w.founder[0], "tool", "Borrowed Ben's ladder instead of buying one");
      expect(tool).to.include({
        member: w.founder[0],
        period: 0n,
        kind: 0,
        kindName: "tool",
        loggedThisPeriod: 1,
        cap: 16,
      });
      expect(describeReversal(tool)).to.match(
        new RegExp(
          `^${w.founder[0]} logged a dependency reversal \\(tool\\) in ${w.circle}, period 0: .* 1 of 16 they may log this period\\.$`,
        ),
      );
      const dispute = await log(w.founder[0], "2", "Settled the fence line over tea");
      expect(dispute).to.include({ kind: 2, kindName: "dispute", loggedThisPeriod: 2 });
      expect(await w.rituals.reversalsLogged(0n, w.founder[0]!)).to.equal(2n);
      await refusesBeforeSending(w, w.founder[1]!, [
        [
          () => log(w.founder[1], "gift", "a gift"),
          /"gift" is not a kind of dependency reversal: give one of tool \(0/,
        ],
        [() => log(w.founder[1], "5", "a gift"), /"5" is not a kind of dependency reversal/],
        [() => log(w.founder[1], undefined, "a gift"), /--kind is required/],
        [() => log(w.founder[1], "meal", undefined), /--memo is required/],
        [() => log(w.founder[1], "meal", "x".repeat(281)), /Say what happened in 1 to 280 bytes; the memo has 281\./],
      ]);
      await refusesBeforeSending(w, w.outsider[0]!, [
        [() => log(w.outsider[0], "meal", "soup"), sentence("CircleRitualsNotMember", [w.outsider[0]])],
      ]);
      for (let i = 2; i < 16; i++) await log(w.founder[0], "other", `reversal ${i}`);
      await refusesBeforeSending(w, w.founder[0]!, [
        [
          () => log(w.founder[0], "care", "one more"),
          sentence("CircleRitualsTooManyReversals", [w.founder[0], 0n, 16n]),
        ],
      ]);
    });
  });

  describe("thresholds", function () {
    const DEFAULTS = {
      maxTopMandateShareBps: 5000,
      maxTopProposerShareBps: 5000,
      minParticipationBps: 5000,
      minHeardAverageCenti: 300,
      maxOneSidedPairShareBps: 5000,
    };

    it("shows the defaults, proposes a change that the circle votes and executes, then shows the decision", async function () {
      const w = await networkHelpers.loadFixture(world);
      const show = () => circleThresholds(w.c, { circle: w.circle, registry: w.registry, json: false });
      const before = await show();
      expect(before).to.deep.include({ thresholds: DEFAULTS, defaults: true, proposed: null });
      expect(describeCircleThresholds(before)).to.match(
        /the defaults \(the circle has not decided otherwise\):\n  maxTopMandateShareBps +5000 +the most/,
      );

      const made = await circleThresholds(w.c, {
        circle: w.circle,
        maxTopMandateShareBps: "4000",
        minHeardAverageCenti: "350",
        from: w.founder[0],
        registry: w.registry,
        json: false,
      });
      expect(made.proposed?.description).to.equal(
        "Set the scorecard thresholds: maxTopMandateShareBps 4000, minHeardAverageCenti 350",
      );
      expect(made.proposed?.thresholds).to.deep.equal({
        ...DEFAULTS,
        maxTopMandateShareBps: 4000,
        minHeardAverageCenti: 350,
      });
      expect(describeCircleThresholds(made)).to.match(
        /proposed "Set the scorecard thresholds: .*", which would make them:\n/,
      );
      const id = made.proposed!.proposalId;
      await passByVote(w.c, w.circle, id, w.founder.slice(0, 4), w.registry);
      await executeProposal(w.c, {
        circle: w.circle,
        proposal: id.toString(),
        from: w.founder[5],
        registry: w.registry,
        json: false,
      });
      const after = await show();
      expect(after).to.deep.include({
        thresholds: { ...DEFAULTS, maxTopMandateShareBps: 4000, minHeardAverageCenti: 350 },
        defaults: false,
      });
      expect(describeCircleThresholds(after)).to.match(/, the circle's decision:\n/);
    });

    it("encodes the same call through `circle propose --function` with the struct as a JSON array", async function () {
      const w = await networkHelpers.loadFixture(world);
      const made = await proposeCall(w.c, {
        circle: w.circle,
        target: await w.rituals.getAddress(),
        function: "setScorecardThresholds((uint16,uint16,uint16,uint16,uint16))",
        args: "[[4000, 5000, 6000, 350, 7000]]",
        description: "Scorecards, by hand",
        from: w.founder[0],
        registry: w.registry,
        json: false,
      });
      const data = w.rituals.interface.encodeFunctionData("setScorecardThresholds", [
        {
          maxTopMandateShareBps: 4000,
          maxTopProposerShareBps: 5000,
          minParticipationBps: 6000,
          minHeardAverageCenti: 350,
          maxOneSidedPairShareBps: 7000,
        },
      ]);
      expect(made.call.data).to.equal(data);
    });

    it("refuses a threshold out of range, a lone --from, and a member's attempt to set them directly", async function () {
      const w = await networkHelpers.loadFixture(world);
      const set = (extra: Record<string, string>) =>
        circleThresholds(w.c, { circle: w.circle, ...extra, from: w.founder[0], registry: w.registry, json: false });
      await refusesBeforeSending(w, w.founder[0]!, [
        [() => set({ minHeardAverageCenti: "99" }), /--min-heard-average-centi must be between 100 and 500; got 99\./],
        [() => set({ maxOneSidedPairShareBps: "10001" }), /--max-one-sided-pair-share-bps must be between 1 and 10000/],
        [() => set({ minParticipationBps: "half" }), /--min-participation-bps "half" is not a whole number/],
        [() => set({}), /--description and --from go with a proposal/],
      ]);
      const direct = w.rituals.connect(w.founders[0]!).setScorecardThresholds(DEFAULTS);
      await expect(direct).to.be.revertedWithCustomError(w.rituals, "CircleRitualsOnlyCircle").withArgs(w.founder[0]);
    });
  });
});
