/**
 * Governance handlers. Each event is first written, as it happened, to its own table; then the derived tables a person
 * reads are updated (circles and councils, members over time, proposals and votes, charters, mandates and roles,
 * draws, council seats). A council's parts are the same contracts as a circle's under other names in the config
 * (Ponder gives a contract one factory event), so each handler is registered for both names.
 */
import { and, eq } from "ponder";
import { ponder, type Context } from "ponder:registry";
import * as t from "ponder:schema";
import type { Address, Hex } from "viem";

import { logOf, type LogEvent } from "./log.js";

// ---------------------------------------------------------------------------------------------------------------------
// Which circle a part belongs to
// ---------------------------------------------------------------------------------------------------------------------

const circleGetterAbi = [
  { type: "function", name: "circle", inputs: [], outputs: [{ type: "address" }], stateMutability: "view" },
] as const;

/**
 * The circle (or council) `part` belongs to. The parts emit events in the founding transaction before the registry's
 * CircleCreated, so the first such event asks the part itself (every part has `circle()`), and remembers the answer.
 */
async function circleOf(
  context: Context,
  part: Address,
  kind: (typeof t.circlePart.$inferInsert)["part"],
): Promise<Address> {
  if (kind === "circle") return part;
  const known = await context.db.find(t.circlePart, { address: part });
  if (known) return known.circle;
  const circle = await context.client.readContract({ abi: circleGetterAbi, address: part, functionName: "circle" });
  await context.db.insert(t.circlePart).values({ address: part, circle, part: kind }).onConflictDoNothing();
  return circle;
}

const contractNames = {
  CircleRegistry: "CircleRegistry",
  Circle: "Circle",
  Council: "Circle",
  CircleMembership: "CircleMembership",
  CouncilSeats: "CouncilSeats",
  CircleRituals: "CircleRituals",
  CouncilRituals: "CircleRituals",
  Mandates: "Mandates",
  CouncilMandates: "Mandates",
  MandateBadges: "MandateBadges",
  CouncilBadges: "MandateBadges",
} as const;

// ---------------------------------------------------------------------------------------------------------------------
// Shared events: Initialized, EIP712DomainChanged
// ---------------------------------------------------------------------------------------------------------------------

// Every clone announces its initialisation; the table says which kind of contract it was.
for (const name of [
  "Circle",
  "Council",
  "CircleMembership",
  "CouncilSeats",
  "CircleRituals",
  "CouncilRituals",
  "Mandates",
  "CouncilMandates",
  "MandateBadges",
  "CouncilBadges",
] as const) {
  ponder.on(`${name}:Initialized`, async ({ event, context }) => {
    await context.db
      .insert(t.initialized)
      .values({ ...logOf(event), contractName: contractNames[name], version: event.args.version });
  });
}

// Contracts that sign (ballots, consents, recalls) may announce a new EIP-712 domain. Memberships sign nothing:
// their votes cannot be delegated, by signature or otherwise.
for (const name of ["CircleRegistry", "Circle", "Council", "Mandates", "CouncilMandates"] as const) {
  ponder.on(`${name}:EIP712DomainChanged`, async ({ event, context }) => {
    await context.db.insert(t.eip712DomainChanged).values({ ...logOf(event), contractName: contractNames[name] });
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// CircleRegistry
// ---------------------------------------------------------------------------------------------------------------------

interface Parts {
  circle: Address;
  membership: Address;
  rituals: Address;
  mandates: Address;
  badges: Address;
}

/** Remembers the parts of a new circle or council (some may be known already from their own earlier events). */
async function recordParts(context: Context, parts: Parts) {
  for (const part of ["circle", "membership", "rituals", "mandates", "badges"] as const) {
    await context.db
      .insert(t.circlePart)
      .values({ address: parts[part], circle: parts.circle, part })
      .onConflictDoNothing();
  }
}

/** The members admitted in the founding transaction, before the founding event: counted from the terms. */
async function foundingMembers(context: Context, circle: Address): Promise<number> {
  const open = await context.db.sql.select().from(t.currentMember).where(eq(t.currentMember.circle, circle));
  return open.length;
}

// A circle is founded: its parts are followed from here (the factory pattern), and it enters the directory.
ponder.on("CircleRegistry:CircleCreated", async ({ event, context }) => {
  const { circle, creator, templateId, parts, name, rules, mandateRules } = event.args;
  await context.db.insert(t.circleCreated).values({
    ...logOf(event),
    circle,
    creator,
    templateId,
    membership: parts.membership,
    rituals: parts.rituals,
    mandates: parts.mandates,
    badges: parts.badges,
    name,
    rules,
    mandateRules,
  });
  await recordParts(context, parts);
  await context.db.insert(t.circleOrCouncil).values({
    circle,
    kind: "circle",
    name,
    creator,
    templateId,
    membership: parts.membership,
    rituals: parts.rituals,
    mandates: parts.mandates,
    badges: parts.badges,
    rules,
    mandateRules,
    memberCount: await foundingMembers(context, circle),
    resetEpoch: 0n,
    createdAtBlock: event.block.number,
    createdAt: event.block.timestamp,
    createdInTransaction: event.transaction.hash,
  });
});

// A council is founded by a circle's decision: the same, with seats (circles) for members.
ponder.on("CircleRegistry:CouncilCreated", async ({ event, context }) => {
  const { council, foundingCircle, parts, name, openJoin, rules, mandateRules } = event.args;
  await context.db.insert(t.councilCreated).values({
    ...logOf(event),
    council,
    foundingCircle,
    seats: parts.membership,
    rituals: parts.rituals,
    mandates: parts.mandates,
    badges: parts.badges,
    name,
    openJoin,
    rules,
    mandateRules,
  });
  await recordParts(context, parts);
  await context.db.insert(t.circleOrCouncil).values({
    circle: council,
    kind: "council",
    name,
    creator: foundingCircle,
    foundingCircle,
    membership: parts.membership,
    rituals: parts.rituals,
    mandates: parts.mandates,
    badges: parts.badges,
    rules,
    mandateRules,
    memberCount: await foundingMembers(context, council),
    resetEpoch: 0n,
    createdAtBlock: event.block.number,
    createdAt: event.block.timestamp,
    createdInTransaction: event.transaction.hash,
  });
});

ponder.on("CircleRegistry:TemplatePublished", async ({ event, context }) => {
  await context.db.insert(t.templatePublished).values({ ...logOf(event), ...event.args });
});

ponder.on("CircleRegistry:TemplateParentNamed", async ({ event, context }) => {
  await context.db.insert(t.templateParentNamed).values({ ...logOf(event), ...event.args });
});

ponder.on("CircleRegistry:TemplateResultReported", async ({ event, context }) => {
  const { index, ...report } = event.args;
  await context.db.insert(t.templateResultReported).values({ ...logOf(event), ...report, reportIndex: index });
});

ponder.on("CircleRegistry:FoundingApproved", async ({ event, context }) => {
  await context.db.insert(t.foundingApproved).values({ ...logOf(event), ...event.args });
});

ponder.on("CircleRegistry:FoundingConsentsRevoked", async ({ event, context }) => {
  await context.db.insert(t.foundingConsentsRevoked).values({ ...logOf(event), ...event.args });
});

// ---------------------------------------------------------------------------------------------------------------------
// Circle and Council (the governor)
// ---------------------------------------------------------------------------------------------------------------------

const proposalKey = (circle: Address, proposalId: bigint) => `${circle}-${proposalId}`;

const electorateAbi = [
  {
    type: "function",
    name: "electorateSize",
    inputs: [{ type: "uint256" }],
    outputs: [{ type: "uint256" }],
    stateMutability: "view",
  },
] as const;

/** A vote, from VoteCast or VoteCastWithParams: its event row is written by the caller; here the tally. */
async function recordVote(
  context: Context,
  event: LogEvent,
  vote: { voter: Address; proposalId: bigint; support: number; weight: bigint; reason: string; params?: Hex },
) {
  const circle = event.log.address;
  const key = proposalKey(circle, vote.proposalId);
  await context.db.insert(t.proposalVote).values({
    id: `${key}-${vote.voter}`,
    proposal: key,
    circle,
    proposalId: vote.proposalId,
    voter: vote.voter,
    support: vote.support,
    weight: vote.weight,
    reason: vote.reason,
    params: vote.params ?? null,
    castAt: event.block.timestamp,
    castAtBlock: event.block.number,
  });
  await context.db.update(t.proposal, { id: key }).set((row) => ({
    forVotes: row.forVotes + (vote.support === 1 ? vote.weight : 0n),
    againstVotes: row.againstVotes + (vote.support === 0 ? vote.weight : 0n),
    abstainVotes: row.abstainVotes + (vote.support === 2 ? vote.weight : 0n),
    voters: row.voters + 1,
  }));
}

for (const name of ["Circle", "Council"] as const) {
  // A charter in force from now: the previous one is superseded, and if it had expired first, it lapsed.
  ponder.on(`${name}:CharterRatified`, async ({ event, context }) => {
    const { contentHash, uri, expiresAt } = event.args;
    await context.db.insert(t.charterRatified).values({ ...logOf(event), contentHash, uri, expiresAt });
    const circle = event.log.address;
    const now = event.block.timestamp;
    const [previous] = await context.db.sql
      .select()
      .from(t.charter)
      .where(and(eq(t.charter.circle, circle), eq(t.charter.current, true)));
    if (previous) {
      await context.db.update(t.charter, { id: previous.id }).set({
        current: false,
        supersededAt: now,
        lapsedFor: now > previous.expiresAt ? now - previous.expiresAt : 0n,
      });
    }
    await context.db.insert(t.charter).values({
      id: `${circle}-${event.id}`,
      circle,
      contentHash,
      uri,
      ratifiedAt: now,
      expiresAt,
      current: true,
    });
  });

  // The circle ends itself; it stays in the directory with the date.
  ponder.on(`${name}:CircleDissolved`, async ({ event, context }) => {
    await context.db.insert(t.circleDissolved).values(logOf(event));
    await context.db
      .update(t.circleOrCouncil, { circle: event.log.address })
      .set({ dissolvedAt: event.block.timestamp });
  });

  // A hard reset (or a dissolution) ends an epoch. The proposals it ends are reported right after, in the same
  // transaction, by one ProposalCanceled each (exactly those still open: a defeated or expired one keeps its state).
  ponder.on(`${name}:HardReset`, async ({ event, context }) => {
    const { epoch, triggeredBy } = event.args;
    await context.db.insert(t.hardReset).values({ ...logOf(event), epoch, triggeredBy: [...triggeredBy] });
    await context.db.update(t.circleOrCouncil, { circle: event.log.address }).set({ resetEpoch: epoch });
  });

  ponder.on(`${name}:ProposalCreated`, async ({ event, context }) => {
    const { proposalId, proposer, targets, values, signatures, calldatas, voteStart, voteEnd, description } =
      event.args;
    await context.db.insert(t.proposalCreated).values({
      ...logOf(event),
      proposalId,
      proposer,
      targets: [...targets],
      values: [...values],
      signatures: [...signatures],
      calldatas: [...calldatas],
      voteStart,
      voteEnd,
      description,
    });
    const circle = event.log.address;
    const directory = await context.db.find(t.circleOrCouncil, { circle });
    // What decides the proposal once voting closes, fixed now by the circle (Circle._propose): the quorum, from the
    // rules in force and the electorate the second before (read from the membership as of this block), and the end
    // of the execution window. Defeated and Expired have no event: a reader derives them from these and the clock.
    const rules = (directory?.rules ?? {}) as { quorumPercent?: number; executionWindow?: number };
    const electorate = directory
      ? await context.client.readContract({
          abi: electorateAbi,
          address: directory.membership,
          functionName: "electorateSize",
          args: [event.block.timestamp - 1n],
        })
      : 0n;
    await context.db.insert(t.proposal).values({
      id: proposalKey(circle, proposalId),
      circle,
      proposalId,
      proposer,
      description,
      targets: [...targets],
      values: [...values],
      calldatas: [...calldatas],
      voteStart,
      voteEnd,
      createdAt: event.block.timestamp,
      createdAtBlock: event.block.number,
      resetEpoch: directory?.resetEpoch ?? 0n,
      quorum: (electorate * BigInt(rules.quorumPercent ?? 0)) / 100n,
      expiresAt: voteEnd + BigInt(rules.executionWindow ?? 0),
      forVotes: 0n,
      againstVotes: 0n,
      abstainVotes: 0n,
      voters: 0,
    });
  });

  // Canceled by its proposer, or reported by a reset: the reset's HardReset is in the same transaction, just before.
  ponder.on(`${name}:ProposalCanceled`, async ({ event, context }) => {
    const { proposalId } = event.args;
    await context.db.insert(t.proposalCanceled).values({ ...logOf(event), proposalId });
    const circle = event.log.address;
    const [reset] = await context.db.sql
      .select()
      .from(t.hardReset)
      .where(and(eq(t.hardReset.contract, circle), eq(t.hardReset.transactionHash, event.transaction.hash)))
      .limit(1);
    await context.db
      .update(t.proposal, { id: proposalKey(circle, proposalId) })
      .set({ canceledAt: event.block.timestamp, endedByResetAt: reset ? event.block.timestamp : null });
  });

  ponder.on(`${name}:ProposalExecuted`, async ({ event, context }) => {
    const { proposalId } = event.args;
    await context.db.insert(t.proposalExecuted).values({ ...logOf(event), proposalId });
    await context.db
      .update(t.proposal, { id: proposalKey(event.log.address, proposalId) })
      .set({ executedAt: event.block.timestamp });
  });

  ponder.on(`${name}:ProposalQueued`, async ({ event, context }) => {
    await context.db.insert(t.proposalQueued).values({ ...logOf(event), ...event.args });
  });

  ponder.on(`${name}:RulesUpdated`, async ({ event, context }) => {
    const { oldRules, newRules } = event.args;
    await context.db.insert(t.rulesUpdated).values({ ...logOf(event), oldRules, newRules });
    await context.db.update(t.circleOrCouncil, { circle: event.log.address }).set({ rules: newRules });
  });

  ponder.on(`${name}:VoteCast`, async ({ event, context }) => {
    await context.db.insert(t.voteCast).values({ ...logOf(event), ...event.args });
    await recordVote(context, event, event.args);
  });

  ponder.on(`${name}:VoteCastWithParams`, async ({ event, context }) => {
    await context.db.insert(t.voteCastWithParams).values({ ...logOf(event), ...event.args });
    await recordVote(context, event, event.args);
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// CircleMembership and CouncilSeats
// ---------------------------------------------------------------------------------------------------------------------

const memberKey = (circle: Address, member: Address) => `${circle}-${member}`;

/** Closes a member's open term (they left or were removed) and updates the count. */
async function endTerm(
  context: Context,
  event: LogEvent,
  circle: Address,
  member: Address,
  memberCount: bigint,
  how: "left" | "removed",
) {
  const open = await context.db.find(t.currentMember, { id: memberKey(circle, member) });
  if (open) {
    await context.db
      .update(t.memberTerm, { id: open.term })
      .set({ leftAt: event.block.timestamp, leftAtBlock: event.block.number, leftHow: how });
    await context.db.delete(t.currentMember, { id: open.id });
  }
  await context.db.update(t.circleOrCouncil, { circle }).set({ memberCount: Number(memberCount) });
}

/** A council's open seat row for `circle`, created on the seat's first event. */
async function openSeat(context: Context, event: LogEvent, council: Address, circle: Address) {
  const key = memberKey(council, circle);
  const open = await context.db.find(t.openCouncilSeat, { id: key });
  if (open) return open.seat;
  await context.db.insert(t.councilSeat).values({ id: event.id, council, circle });
  await context.db.insert(t.openCouncilSeat).values({ id: key, seat: event.id });
  return event.id;
}

async function closeSeat(
  context: Context,
  event: LogEvent,
  council: Address,
  circle: Address,
  how: "left" | "removed",
) {
  const key = memberKey(council, circle);
  const open = await context.db.find(t.openCouncilSeat, { id: key });
  if (!open) return;
  await context.db.update(t.councilSeat, { id: open.seat }).set({ leftAt: event.block.timestamp, leftHow: how });
  await context.db.delete(t.openCouncilSeat, { id: key });
}

for (const name of ["CircleMembership", "CouncilSeats"] as const) {
  const isCouncil = name === "CouncilSeats";

  ponder.on(`${name}:AdmissionRequested`, async ({ event, context }) => {
    await context.db.insert(t.admissionRequested).values({ ...logOf(event), ...event.args });
  });

  ponder.on(`${name}:AdmissionRequestWithdrawn`, async ({ event, context }) => {
    await context.db.insert(t.admissionRequestWithdrawn).values({ ...logOf(event), ...event.args });
  });

  // A member's term opens (for a council: a circle takes its seat).
  ponder.on(`${name}:MemberAdmitted`, async ({ event, context }) => {
    const { member, memberCount } = event.args;
    await context.db.insert(t.memberAdmitted).values({ ...logOf(event), member, memberCount });
    const circle = await circleOf(context, event.log.address, "membership");
    await context.db.insert(t.memberTerm).values({
      id: event.id,
      circle,
      member,
      joinedAt: event.block.timestamp,
      joinedAtBlock: event.block.number,
    });
    await context.db.insert(t.currentMember).values({
      id: memberKey(circle, member),
      circle,
      member,
      since: event.block.timestamp,
      term: event.id,
    });
    // Founding members are admitted before the circle is in the directory; it counts them when it enters.
    const directory = await context.db.find(t.circleOrCouncil, { circle });
    if (directory) await context.db.update(t.circleOrCouncil, { circle }).set({ memberCount: Number(memberCount) });
    if (isCouncil) {
      const seat = await openSeat(context, event, circle, member);
      await context.db.update(t.councilSeat, { id: seat }).set({ seatedAt: event.block.timestamp });
    }
  });

  ponder.on(`${name}:MemberLeft`, async ({ event, context }) => {
    const { member, memberCount } = event.args;
    await context.db.insert(t.memberLeft).values({ ...logOf(event), member, memberCount });
    const circle = await circleOf(context, event.log.address, "membership");
    await endTerm(context, event, circle, member, memberCount, "left");
    if (isCouncil) await closeSeat(context, event, circle, member, "left");
  });

  ponder.on(`${name}:MemberRemoved`, async ({ event, context }) => {
    const { member, memberCount } = event.args;
    await context.db.insert(t.memberRemoved).values({ ...logOf(event), member, memberCount });
    const circle = await circleOf(context, event.log.address, "membership");
    await endTerm(context, event, circle, member, memberCount, "removed");
    if (isCouncil) await closeSeat(context, event, circle, member, "removed");
  });

  ponder.on(`${name}:MaxMembersSet`, async ({ event, context }) => {
    await context.db.insert(t.maxMembersSet).values({ ...logOf(event), ...event.args });
  });

  ponder.on(`${name}:Transfer`, async ({ event, context }) => {
    await context.db.insert(t.membershipTokenTransfer).values({ ...logOf(event), ...event.args });
  });

  ponder.on(`${name}:Approval`, async ({ event, context }) => {
    await context.db.insert(t.membershipTokenApproval).values({ ...logOf(event), ...event.args });
  });

  ponder.on(`${name}:ApprovalForAll`, async ({ event, context }) => {
    await context.db.insert(t.membershipTokenApprovalForAll).values({ ...logOf(event), ...event.args });
  });

  ponder.on(`${name}:Locked`, async ({ event, context }) => {
    await context.db.insert(t.membershipTokenLocked).values({ ...logOf(event), ...event.args });
  });

  ponder.on(`${name}:Unlocked`, async ({ event, context }) => {
    await context.db.insert(t.membershipTokenUnlocked).values({ ...logOf(event), ...event.args });
  });

  ponder.on(`${name}:DelegateChanged`, async ({ event, context }) => {
    await context.db.insert(t.delegateChanged).values({ ...logOf(event), ...event.args });
  });

  ponder.on(`${name}:DelegateVotesChanged`, async ({ event, context }) => {
    await context.db.insert(t.delegateVotesChanged).values({ ...logOf(event), ...event.args });
  });
}

// A circle asks for a seat by its own decision: the seat's history starts here.
ponder.on("CouncilSeats:SeatRequested", async ({ event, context }) => {
  const { circle } = event.args;
  await context.db.insert(t.seatRequested).values({ ...logOf(event), circle });
  const council = await circleOf(context, event.log.address, "membership");
  const seat = await openSeat(context, event, council, circle);
  await context.db.update(t.councilSeat, { id: seat }).set({ requestedAt: event.block.timestamp });
});

// By open join a seat counts only after its probation.
ponder.on("CouncilSeats:SeatOnProbation", async ({ event, context }) => {
  const { circle, endsAt } = event.args;
  await context.db.insert(t.seatOnProbation).values({ ...logOf(event), circle, endsAt });
  const council = await circleOf(context, event.log.address, "membership");
  const seat = await openSeat(context, event, council, circle);
  await context.db.update(t.councilSeat, { id: seat }).set({ probationEndsAt: endsAt });
});

ponder.on("CouncilSeats:ProbationSet", async ({ event, context }) => {
  await context.db.insert(t.probationSet).values({ ...logOf(event), ...event.args });
});

ponder.on("CouncilSeats:OpenJoinSet", async ({ event, context }) => {
  await context.db.insert(t.openJoinSet).values({ ...logOf(event), ...event.args });
});

// ---------------------------------------------------------------------------------------------------------------------
// CircleRituals: temperature, cooldowns, resets, role modules, dependency reversals, scorecard thresholds and the
// mentorship inversion (the event tables are the readings themselves)
// ---------------------------------------------------------------------------------------------------------------------

for (const name of ["CircleRituals", "CouncilRituals"] as const) {
  ponder.on(`${name}:TemperatureRecorded`, async ({ event, context }) => {
    await context.db.insert(t.temperatureRecorded).values({ ...logOf(event), ...event.args });
  });

  ponder.on(`${name}:MemberCooledDown`, async ({ event, context }) => {
    await context.db.insert(t.memberCooledDown).values({ ...logOf(event), ...event.args });
  });

  ponder.on(`${name}:ResetSignalled`, async ({ event, context }) => {
    await context.db.insert(t.resetSignalled).values({ ...logOf(event), ...event.args });
  });

  ponder.on(`${name}:ResetCooldownStarted`, async ({ event, context }) => {
    await context.db.insert(t.resetCooldownStarted).values({ ...logOf(event), ...event.args });
  });

  ponder.on(`${name}:RitualRulesSet`, async ({ event, context }) => {
    const { resetThreshold, resetWindow, temperaturePeriod, dominanceCooldown } = event.args;
    await context.db.insert(t.ritualRulesSet).values({
      ...logOf(event),
      resetThreshold,
      resetWindow: BigInt(resetWindow),
      temperaturePeriod: BigInt(temperaturePeriod),
      dominanceCooldown: BigInt(dominanceCooldown),
    });
  });

  ponder.on(`${name}:RoleModuleAdded`, async ({ event, context }) => {
    await context.db.insert(t.roleModuleAdded).values({ ...logOf(event), ...event.args });
  });

  ponder.on(`${name}:RoleModuleRemoved`, async ({ event, context }) => {
    await context.db.insert(t.roleModuleRemoved).values({ ...logOf(event), ...event.args });
  });

  ponder.on(`${name}:RoleModuleHookFailed`, async ({ event, context }) => {
    await context.db.insert(t.roleModuleHookFailed).values({ ...logOf(event), ...event.args });
  });

  ponder.on(`${name}:DependencyReversalLogged`, async ({ event, context }) => {
    await context.db.insert(t.dependencyReversalLogged).values({ ...logOf(event), ...event.args });
  });

  ponder.on(`${name}:ScorecardThresholdsSet`, async ({ event, context }) => {
    await context.db.insert(t.scorecardThresholdsSet).values({ ...logOf(event), ...event.args.thresholds });
  });

  ponder.on(`${name}:InversionRequested`, async ({ event, context }) => {
    await context.db.insert(t.inversionRequested).values({ ...logOf(event), ...event.args });
  });

  ponder.on(`${name}:InversionRerequested`, async ({ event, context }) => {
    await context.db.insert(t.inversionRerequested).values({ ...logOf(event), ...event.args });
  });

  ponder.on(`${name}:MentorshipPaired`, async ({ event, context }) => {
    await context.db.insert(t.mentorshipPaired).values({ ...logOf(event), ...event.args });
  });

  ponder.on(`${name}:InversionCompleted`, async ({ event, context }) => {
    await context.db.insert(t.inversionCompleted).values({ ...logOf(event), ...event.args });
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// Mandates: grants, powers, acts, ends, hand-offs, recalls, draws
// ---------------------------------------------------------------------------------------------------------------------

/** IMandates.EndReason, as words. */
const END_REASONS = ["none", "expired", "completed", "handed back", "recalled", "reset", "holder left"] as const;

const mandateKey = (mandates: Address, mandateId: bigint) => `${mandates}-${mandateId}`;

for (const name of ["Mandates", "CouncilMandates"] as const) {
  // A mandate is granted (by decision or by lot): a new tenure in its role's holder history.
  ponder.on(`${name}:MandateGranted`, async ({ event, context }) => {
    const { mandateId, roleId, holder, role, title, scopeHash, proposer, expiresAt, drawn } = event.args;
    await context.db.insert(t.mandateGranted).values({ ...logOf(event), ...event.args });
    const circle = await circleOf(context, event.log.address, "mandates");
    await context.db.insert(t.mandate).values({
      id: mandateKey(event.log.address, mandateId),
      circle,
      mandateId,
      roleId,
      role,
      title,
      holder,
      proposer,
      scopeHash,
      drawn,
      grantedAt: event.block.timestamp,
      grantedAtBlock: event.block.number,
      expiresAt,
      actions: 0,
      recallSignals: 0,
    });
    await context.db
      .insert(t.role)
      .values({
        id: `${circle}-${roleId}`,
        circle,
        roleId,
        role,
        holders: [holder],
        mandateIds: [mandateId],
        currentHolder: holder,
      })
      .onConflictDoUpdate((row) => ({
        role,
        holders: [...row.holders, holder],
        mandateIds: [...row.mandateIds, mandateId],
        currentHolder: holder,
      }));
  });

  ponder.on(`${name}:PowerGranted`, async ({ event, context }) => {
    await context.db.insert(t.powerGranted).values({ ...logOf(event), ...event.args });
  });

  ponder.on(`${name}:MandateActed`, async ({ event, context }) => {
    await context.db.insert(t.mandateActed).values({ ...logOf(event), ...event.args });
    await context.db
      .update(t.mandate, { id: mandateKey(event.log.address, event.args.mandateId) })
      .set((row) => ({ actions: row.actions + 1 }));
  });

  // A tenure ends, for the reason the contract gives; the role has no holder until the next grant.
  ponder.on(`${name}:MandateEnded`, async ({ event, context }) => {
    const { mandateId, holder, roleId, reason } = event.args;
    await context.db.insert(t.mandateEnded).values({ ...logOf(event), mandateId, holder, roleId, reason });
    // An expired mandate ended at its expiry (the contract records that), whenever the event came.
    await context.db.update(t.mandate, { id: mandateKey(event.log.address, mandateId) }).set((row) => ({
      endedAt: reason === 1 ? row.expiresAt : event.block.timestamp,
      endReason: END_REASONS[reason] ?? `reason ${reason}`,
    }));
    const circle = await circleOf(context, event.log.address, "mandates");
    const row = await context.db.find(t.role, { id: `${circle}-${roleId}` });
    if (row?.currentHolder === holder) {
      await context.db.update(t.role, { id: row.id }).set({ currentHolder: null });
    }
  });

  // Pair-link audits: each event in its table, and the audit's row (pair_link_audits) moved on.
  const auditKey = (mandates: Address, auditId: bigint) => `${mandates}-${auditId}`;
  ponder.on(`${name}:AuditRequested`, async ({ event, context }) => {
    await context.db.insert(t.auditRequested).values({ ...logOf(event), ...event.args });
    const { auditId, period, startsAt, endsAt } = event.args;
    await context.db.insert(t.pairLinkAudit).values({
      id: auditKey(event.log.address, auditId),
      circle: await circleOf(context, event.log.address, "mandates"),
      auditId,
      period,
      status: "requested",
      requestedAt: event.block.timestamp,
      startsAt,
      endsAt,
      publications: 0,
    });
  });

  ponder.on(`${name}:AuditSkipped`, async ({ event, context }) => {
    await context.db.insert(t.auditSkipped).values({ ...logOf(event), ...event.args });
    const { auditId, period } = event.args;
    // Skipped at request (no AuditRequested before) or at completion (the requested row moves on).
    await context.db
      .insert(t.pairLinkAudit)
      .values({
        id: auditKey(event.log.address, auditId),
        circle: await circleOf(context, event.log.address, "mandates"),
        auditId,
        period,
        status: "skipped",
        requestedAt: event.block.timestamp,
        publications: 0,
        closedAt: event.block.timestamp,
      })
      .onConflictDoUpdate({ status: "skipped", closedAt: event.block.timestamp });
  });

  ponder.on(`${name}:AuditorsDrawn`, async ({ event, context }) => {
    await context.db.insert(t.auditorsDrawn).values({ ...logOf(event), ...event.args });
    const { auditId, firstAuditor, secondAuditor } = event.args;
    await context.db
      .update(t.pairLinkAudit, { id: auditKey(event.log.address, auditId) })
      .set({ status: "drawn", firstAuditor, secondAuditor });
  });

  ponder.on(`${name}:AuditPublished`, async ({ event, context }) => {
    await context.db.insert(t.auditPublished).values({ ...logOf(event), ...event.args });
    await context.db.update(t.pairLinkAudit, { id: auditKey(event.log.address, event.args.auditId) }).set((row) => {
      const publications = row.publications + 1;
      return publications === 2
        ? { publications, status: "published", publishedAt: event.block.timestamp, closedAt: event.block.timestamp }
        : { publications };
    });
  });

  ponder.on(`${name}:AuditMissed`, async ({ event, context }) => {
    await context.db.insert(t.auditMissed).values({ ...logOf(event), ...event.args, missing: [...event.args.missing] });
    await context.db
      .update(t.pairLinkAudit, { id: auditKey(event.log.address, event.args.auditId) })
      .set({ status: "missed", closedAt: event.block.timestamp });
  });

  ponder.on(`${name}:AuditCancelled`, async ({ event, context }) => {
    await context.db.insert(t.auditCancelled).values({ ...logOf(event), ...event.args });
    await context.db
      .update(t.pairLinkAudit, { id: auditKey(event.log.address, event.args.auditId) })
      .set({ status: "cancelled", closedAt: event.block.timestamp });
  });

  ponder.on(`${name}:ListeningSessionHeld`, async ({ event, context }) => {
    await context.db.insert(t.listeningSessionHeld).values({ ...logOf(event), ...event.args });
    await context.db
      .update(t.pairLinkAudit, { id: auditKey(event.log.address, event.args.auditId) })
      .set({ listeningSessionAt: event.args.heldAt });
  });

  ponder.on(`${name}:HandOff`, async ({ event, context }) => {
    await context.db.insert(t.handOff).values({ ...logOf(event), ...event.args });
  });

  ponder.on(`${name}:RecallSignalled`, async ({ event, context }) => {
    await context.db.insert(t.recallSignalled).values({ ...logOf(event), ...event.args });
    await context.db
      .update(t.mandate, { id: mandateKey(event.log.address, event.args.mandateId) })
      .set({ recallSignals: Number(event.args.signals) });
  });

  // A draw by lot: pending until completed (a mandate) or voided (nobody eligible).
  ponder.on(`${name}:DrawRequested`, async ({ event, context }) => {
    const { drawId, roleId, role, pool, ticket } = event.args;
    await context.db.insert(t.drawRequested).values({ ...logOf(event), drawId, roleId, role, pool: [...pool], ticket });
    await context.db.insert(t.draw).values({
      id: mandateKey(event.log.address, drawId),
      circle: await circleOf(context, event.log.address, "mandates"),
      drawId,
      roleId,
      role,
      pool: [...pool],
      requestedAt: event.block.timestamp,
      status: "pending",
    });
  });

  ponder.on(`${name}:DrawRerequested`, async ({ event, context }) => {
    await context.db.insert(t.drawRerequested).values({ ...logOf(event), ...event.args });
  });

  ponder.on(`${name}:DrawCompleted`, async ({ event, context }) => {
    const { drawId, mandateId, holder } = event.args;
    await context.db.insert(t.drawCompleted).values({ ...logOf(event), ...event.args });
    await context.db
      .update(t.draw, { id: mandateKey(event.log.address, drawId) })
      .set({ status: "completed", mandateId, holder, settledAt: event.block.timestamp });
  });

  ponder.on(`${name}:DrawVoided`, async ({ event, context }) => {
    await context.db.insert(t.drawVoided).values({ ...logOf(event), ...event.args });
    await context.db
      .update(t.draw, { id: mandateKey(event.log.address, event.args.drawId) })
      .set({ status: "void", settledAt: event.block.timestamp });
  });

  ponder.on(`${name}:MandateRulesUpdated`, async ({ event, context }) => {
    const { oldRules, newRules } = event.args;
    await context.db.insert(t.mandateRulesUpdated).values({ ...logOf(event), oldRules, newRules });
    const circle = await circleOf(context, event.log.address, "mandates");
    const directory = await context.db.find(t.circleOrCouncil, { circle });
    if (directory) await context.db.update(t.circleOrCouncil, { circle }).set({ mandateRules: newRules });
  });

  ponder.on(`${name}:RandomnessSourceSet`, async ({ event, context }) => {
    await context.db.insert(t.randomnessSourceSet).values({ ...logOf(event), ...event.args });
  });

  // The reset's MandateEnded events (reason "reset") end each tenure; this records the count.
  ponder.on(`${name}:MandatesReset`, async ({ event, context }) => {
    await context.db.insert(t.mandatesReset).values({ ...logOf(event), ...event.args });
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// MandateBadges: a soulbound token per live mandate
// ---------------------------------------------------------------------------------------------------------------------

for (const name of ["MandateBadges", "CouncilBadges"] as const) {
  ponder.on(`${name}:Transfer`, async ({ event, context }) => {
    await context.db.insert(t.badgeTransfer).values({ ...logOf(event), ...event.args });
  });

  ponder.on(`${name}:Approval`, async ({ event, context }) => {
    await context.db.insert(t.badgeApproval).values({ ...logOf(event), ...event.args });
  });

  ponder.on(`${name}:ApprovalForAll`, async ({ event, context }) => {
    await context.db.insert(t.badgeApprovalForAll).values({ ...logOf(event), ...event.args });
  });

  ponder.on(`${name}:Locked`, async ({ event, context }) => {
    await context.db.insert(t.badgeLocked).values({ ...logOf(event), ...event.args });
  });

  ponder.on(`${name}:Unlocked`, async ({ event, context }) => {
    await context.db.insert(t.badgeUnlocked).values({ ...logOf(event), ...event.args });
  });
}
