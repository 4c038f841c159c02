/**
 * Governance tables. First one typed table per event kind of the registry, the governors (circles' and councils'),
 * their membership and council seats, rituals, mandates and badges: the events as they happened, one row per log.
 * Then the derived tables a person reads: circles and councils, members over time, proposals with every vote and
 * reason, charters and their lapses, mandates with their holders, draws, and council seats over time.
 */
import { index, onchainTable } from "ponder";

import { logColumns } from "./columns.js";

// =====================================================================================================================
// Events, one table per kind
// =====================================================================================================================

// --- Shared by several contracts (the `contract` column and `contractName` say whose) --------------------------------

/** An upgradeable clone was initialised (every part of a circle, in its founding transaction). */
export const initialized = onchainTable("initialized", (t) => ({
  ...logColumns(t),
  contractName: t.text().notNull(),
  version: t.bigint().notNull(),
}));

/** A contract's EIP-712 domain changed (announced by contracts that sign ballots, consents and recalls). */
export const eip712DomainChanged = onchainTable("eip712_domain_changed", (t) => ({
  ...logColumns(t),
  contractName: t.text().notNull(),
}));

// --- CircleRegistry -------------------------------------------------------------------------------------------------

export const circleCreated = onchainTable("circle_created", (t) => ({
  ...logColumns(t),
  circle: t.hex().notNull(),
  creator: t.hex().notNull(),
  templateId: t.hex().notNull(),
  membership: t.hex().notNull(),
  rituals: t.hex().notNull(),
  mandates: t.hex().notNull(),
  badges: t.hex().notNull(),
  name: t.text().notNull(),
  rules: t.json().notNull(),
  mandateRules: t.json().notNull(),
}));

export const councilCreated = onchainTable("council_created", (t) => ({
  ...logColumns(t),
  council: t.hex().notNull(),
  foundingCircle: t.hex().notNull(),
  seats: t.hex().notNull(),
  rituals: t.hex().notNull(),
  mandates: t.hex().notNull(),
  badges: t.hex().notNull(),
  name: t.text().notNull(),
  openJoin: t.boolean().notNull(),
  rules: t.json().notNull(),
  mandateRules: t.json().notNull(),
}));

export const templatePublished = onchainTable("template_published", (t) => ({
  ...logColumns(t),
  templateId: t.hex().notNull(),
  publisher: t.hex().notNull(),
  name: t.text().notNull(),
  rules: t.json().notNull(),
  mandateRules: t.json().notNull(),
}));

export const templateParentNamed = onchainTable("template_parent_named", (t) => ({
  ...logColumns(t),
  templateId: t.hex().notNull(),
  parentId: t.hex().notNull(),
  publisher: t.hex().notNull(),
  verified: t.boolean().notNull(),
}));

export const templateResultReported = onchainTable("template_result_reported", (t) => ({
  ...logColumns(t),
  templateId: t.hex().notNull(),
  circle: t.hex().notNull(),
  // The report's place in the template's reports (the event's `index`).
  reportIndex: t.bigint().notNull(),
  reportHash: t.hex().notNull(),
  uri: t.text().notNull(),
}));

export const foundingApproved = onchainTable("founding_approved", (t) => ({
  ...logColumns(t),
  founder: t.hex().notNull(),
  digest: t.hex().notNull(),
}));

export const foundingConsentsRevoked = onchainTable("founding_consents_revoked", (t) => ({
  ...logColumns(t),
  founder: t.hex().notNull(),
  nonce: t.bigint().notNull(),
}));

// --- Circle (the governor of a circle or a council) -----------------------------------------------------------------

export const charterRatified = onchainTable("charter_ratified", (t) => ({
  ...logColumns(t),
  contentHash: t.hex().notNull(),
  uri: t.text().notNull(),
  expiresAt: t.bigint().notNull(),
}));

export const circleDissolved = onchainTable("circle_dissolved", (t) => ({ ...logColumns(t) }));

export const hardReset = onchainTable("hard_reset", (t) => ({
  ...logColumns(t),
  epoch: t.bigint().notNull(),
  triggeredBy: t.hex().array().notNull(),
}));

export const proposalCreated = onchainTable("proposal_created", (t) => ({
  ...logColumns(t),
  proposalId: t.bigint().notNull(),
  proposer: t.hex().notNull(),
  targets: t.hex().array().notNull(),
  values: t.bigint().array().notNull(),
  signatures: t.text().array().notNull(),
  calldatas: t.hex().array().notNull(),
  voteStart: t.bigint().notNull(),
  voteEnd: t.bigint().notNull(),
  description: t.text().notNull(),
}));

export const proposalCanceled = onchainTable("proposal_canceled", (t) => ({
  ...logColumns(t),
  proposalId: t.bigint().notNull(),
}));

export const proposalExecuted = onchainTable("proposal_executed", (t) => ({
  ...logColumns(t),
  proposalId: t.bigint().notNull(),
}));

export const proposalQueued = onchainTable("proposal_queued", (t) => ({
  ...logColumns(t),
  proposalId: t.bigint().notNull(),
  etaSeconds: t.bigint().notNull(),
}));

export const rulesUpdated = onchainTable("rules_updated", (t) => ({
  ...logColumns(t),
  oldRules: t.json().notNull(),
  newRules: t.json().notNull(),
}));

export const voteCast = onchainTable("vote_cast", (t) => ({
  ...logColumns(t),
  voter: t.hex().notNull(),
  proposalId: t.bigint().notNull(),
  /** 0 against, 1 for, 2 abstain (OpenZeppelin's counting). */
  support: t.integer().notNull(),
  weight: t.bigint().notNull(),
  reason: t.text().notNull(),
}));

export const voteCastWithParams = onchainTable("vote_cast_with_params", (t) => ({
  ...logColumns(t),
  voter: t.hex().notNull(),
  proposalId: t.bigint().notNull(),
  support: t.integer().notNull(),
  weight: t.bigint().notNull(),
  reason: t.text().notNull(),
  params: t.hex().notNull(),
}));

// --- CircleMembership and CouncilSeats (a council's members are circles) --------------------------------------------

export const admissionRequested = onchainTable("admission_requested", (t) => ({
  ...logColumns(t),
  account: t.hex().notNull(),
}));

export const admissionRequestWithdrawn = onchainTable("admission_request_withdrawn", (t) => ({
  ...logColumns(t),
  account: t.hex().notNull(),
}));

export const memberAdmitted = onchainTable("member_admitted", (t) => ({
  ...logColumns(t),
  member: t.hex().notNull(),
  memberCount: t.bigint().notNull(),
}));

export const memberLeft = onchainTable("member_left", (t) => ({
  ...logColumns(t),
  member: t.hex().notNull(),
  memberCount: t.bigint().notNull(),
}));

export const memberRemoved = onchainTable("member_removed", (t) => ({
  ...logColumns(t),
  member: t.hex().notNull(),
  memberCount: t.bigint().notNull(),
}));

export const maxMembersSet = onchainTable("max_members_set", (t) => ({
  ...logColumns(t),
  oldMaxMembers: t.integer().notNull(),
  newMaxMembers: t.integer().notNull(),
}));

/** The membership token (soulbound ERC-721) moved: minted on admission, burnt on leaving. */
export const membershipTokenTransfer = onchainTable("membership_token_transfer", (t) => ({
  ...logColumns(t),
  from: t.hex().notNull(),
  to: t.hex().notNull(),
  tokenId: t.bigint().notNull(),
}));

export const membershipTokenApproval = onchainTable("membership_token_approval", (t) => ({
  ...logColumns(t),
  owner: t.hex().notNull(),
  approved: t.hex().notNull(),
  tokenId: t.bigint().notNull(),
}));

export const membershipTokenApprovalForAll = onchainTable("membership_token_approval_for_all", (t) => ({
  ...logColumns(t),
  owner: t.hex().notNull(),
  operator: t.hex().notNull(),
  approved: t.boolean().notNull(),
}));

/** ERC-5192: the token cannot move. */
export const membershipTokenLocked = onchainTable("membership_token_locked", (t) => ({
  ...logColumns(t),
  tokenId: t.bigint().notNull(),
}));

export const membershipTokenUnlocked = onchainTable("membership_token_unlocked", (t) => ({
  ...logColumns(t),
  tokenId: t.bigint().notNull(),
}));

/** Votes follow members: every member is their own delegate from admission. */
export const delegateChanged = onchainTable("delegate_changed", (t) => ({
  ...logColumns(t),
  delegator: t.hex().notNull(),
  fromDelegate: t.hex().notNull(),
  toDelegate: t.hex().notNull(),
}));

export const delegateVotesChanged = onchainTable("delegate_votes_changed", (t) => ({
  ...logColumns(t),
  delegate: t.hex().notNull(),
  previousVotes: t.bigint().notNull(),
  newVotes: t.bigint().notNull(),
}));

export const seatRequested = onchainTable("seat_requested", (t) => ({
  ...logColumns(t),
  circle: t.hex().notNull(),
}));

export const seatOnProbation = onchainTable("seat_on_probation", (t) => ({
  ...logColumns(t),
  circle: t.hex().notNull(),
  endsAt: t.bigint().notNull(),
}));

export const probationSet = onchainTable("probation_set", (t) => ({
  ...logColumns(t),
  oldProbation: t.bigint().notNull(),
  newProbation: t.bigint().notNull(),
}));

export const openJoinSet = onchainTable("open_join_set", (t) => ({
  ...logColumns(t),
  openJoin: t.boolean().notNull(),
}));

// --- CircleRituals --------------------------------------------------------------------------------------------------

export const temperatureRecorded = onchainTable("temperature_recorded", (t) => ({
  ...logColumns(t),
  period: t.bigint().notNull(),
  member: t.hex().notNull(),
  heard: t.integer().notNull(),
  /** The member named as dominant, or the zero address. */
  dominant: t.hex().notNull(),
}));

// The mentorship inversion: requested (a randomness ticket fixed), re-requested when stale, completed with its pairs.
export const inversionRequested = onchainTable("inversion_requested", (t) => ({
  ...logColumns(t),
  /** The inversion's number (1 for the circle's first). */
  number: t.bigint().notNull(),
  ticket: t.bigint().notNull(),
}));

export const inversionRerequested = onchainTable("inversion_rerequested", (t) => ({
  ...logColumns(t),
  number: t.bigint().notNull(),
  ticket: t.bigint().notNull(),
}));

export const mentorshipPaired = onchainTable("mentorship_paired", (t) => ({
  ...logColumns(t),
  number: t.bigint().notNull(),
  /** One of the newest members. */
  mentor: t.hex().notNull(),
  /** One of the most senior members. */
  mentee: t.hex().notNull(),
}));

export const inversionCompleted = onchainTable("inversion_completed", (t) => ({
  ...logColumns(t),
  number: t.bigint().notNull(),
  pairs: t.bigint().notNull(),
  /** The member left without a partner (an odd count), or the zero address. */
  unpaired: t.hex().notNull(),
  randomness: t.bigint().notNull(),
}));

export const memberCooledDown = onchainTable("member_cooled_down", (t) => ({
  ...logColumns(t),
  member: t.hex().notNull(),
  period: t.bigint().notNull(),
  until: t.bigint().notNull(),
}));

export const resetSignalled = onchainTable("reset_signalled", (t) => ({
  ...logColumns(t),
  round: t.bigint().notNull(),
  member: t.hex().notNull(),
  signals: t.bigint().notNull(),
  roundEndsAt: t.bigint().notNull(),
}));

export const resetCooldownStarted = onchainTable("reset_cooldown_started", (t) => ({
  ...logColumns(t),
  member: t.hex().notNull(),
  until: t.bigint().notNull(),
}));

export const ritualRulesSet = onchainTable("ritual_rules_set", (t) => ({
  ...logColumns(t),
  resetThreshold: t.integer().notNull(),
  resetWindow: t.bigint().notNull(),
  temperaturePeriod: t.bigint().notNull(),
  dominanceCooldown: t.bigint().notNull(),
}));

export const roleModuleAdded = onchainTable("role_module_added", (t) => ({
  ...logColumns(t),
  module: t.hex().notNull(),
}));

export const roleModuleRemoved = onchainTable("role_module_removed", (t) => ({
  ...logColumns(t),
  module: t.hex().notNull(),
}));

export const roleModuleHookFailed = onchainTable("role_module_hook_failed", (t) => ({
  ...logColumns(t),
  module: t.hex().notNull(),
  selector: t.hex().notNull(),
  reason: t.hex().notNull(),
}));

/** A member logged a dependency reversal (the sovereignty scorecard counts them, per member and period). */
export const dependencyReversalLogged = onchainTable("dependency_reversal_logged", (t) => ({
  ...logColumns(t),
  /** The temperature period running when it was logged. */
  period: t.bigint().notNull(),
  member: t.hex().notNull(),
  /** 0 tool, 1 meal, 2 dispute, 3 care, 4 other. */
  kind: t.integer().notNull(),
  memo: t.text().notNull(),
}));

/** The circle decided its scorecard thresholds (basis points; the heard average times 100). */
export const scorecardThresholdsSet = onchainTable("scorecard_thresholds_set", (t) => ({
  ...logColumns(t),
  maxTopMandateShareBps: t.integer().notNull(),
  maxTopProposerShareBps: t.integer().notNull(),
  minParticipationBps: t.integer().notNull(),
  minHeardAverageCenti: t.integer().notNull(),
  maxOneSidedPairShareBps: t.integer().notNull(),
}));

// --- Mandates -------------------------------------------------------------------------------------------------------

export const mandateGranted = onchainTable("mandate_granted", (t) => ({
  ...logColumns(t),
  mandateId: t.bigint().notNull(),
  roleId: t.hex().notNull(),
  holder: t.hex().notNull(),
  role: t.text().notNull(),
  title: t.text().notNull(),
  scopeHash: t.hex().notNull(),
  proposer: t.hex().notNull(),
  expiresAt: t.bigint().notNull(),
  drawn: t.boolean().notNull(),
}));

export const powerGranted = onchainTable("power_granted", (t) => ({
  ...logColumns(t),
  mandateId: t.bigint().notNull(),
  target: t.hex().notNull(),
  selector: t.hex().notNull(),
  maxValue: t.bigint().notNull(),
  maxAmount: t.bigint().notNull(),
}));

export const mandateActed = onchainTable("mandate_acted", (t) => ({
  ...logColumns(t),
  mandateId: t.bigint().notNull(),
  holder: t.hex().notNull(),
  target: t.hex().notNull(),
  selector: t.hex().notNull(),
  value: t.bigint().notNull(),
}));

export const mandateEnded = onchainTable("mandate_ended", (t) => ({
  ...logColumns(t),
  mandateId: t.bigint().notNull(),
  holder: t.hex().notNull(),
  roleId: t.hex().notNull(),
  /** IMandates.EndReason: 1 expired, 2 completed, 3 handed back, 4 recalled, 5 reset, 6 holder left. */
  reason: t.integer().notNull(),
}));

export const handOff = onchainTable("hand_off", (t) => ({
  ...logColumns(t),
  mandateId: t.bigint().notNull(),
  holder: t.hex().notNull(),
  roleId: t.hex().notNull(),
  completed: t.boolean().notNull(),
}));

export const recallSignalled = onchainTable("recall_signalled", (t) => ({
  ...logColumns(t),
  mandateId: t.bigint().notNull(),
  member: t.hex().notNull(),
  signals: t.bigint().notNull(),
  needed: t.bigint().notNull(),
}));

export const drawRequested = onchainTable("draw_requested", (t) => ({
  ...logColumns(t),
  drawId: t.bigint().notNull(),
  roleId: t.hex().notNull(),
  role: t.text().notNull(),
  pool: t.hex().array().notNull(),
  ticket: t.bigint().notNull(),
}));

export const drawRerequested = onchainTable("draw_rerequested", (t) => ({
  ...logColumns(t),
  drawId: t.bigint().notNull(),
  ticket: t.bigint().notNull(),
}));

export const drawCompleted = onchainTable("draw_completed", (t) => ({
  ...logColumns(t),
  drawId: t.bigint().notNull(),
  mandateId: t.bigint().notNull(),
  holder: t.hex().notNull(),
  randomness: t.bigint().notNull(),
}));

export const drawVoided = onchainTable("draw_voided", (t) => ({
  ...logColumns(t),
  drawId: t.bigint().notNull(),
  randomness: t.bigint().notNull(),
}));

// Pair-link audits (emitted at the mandates' address: the MandateAudits module runs in its storage).
export const auditRequested = onchainTable("audit_requested", (t) => ({
  ...logColumns(t),
  auditId: t.bigint().notNull(),
  period: t.bigint().notNull(),
  drawId: t.bigint().notNull(),
  startsAt: t.bigint().notNull(),
  endsAt: t.bigint().notNull(),
}));

export const auditSkipped = onchainTable("audit_skipped", (t) => ({
  ...logColumns(t),
  auditId: t.bigint().notNull(),
  period: t.bigint().notNull(),
  /** How many members were eligible (fewer than two). */
  eligible: t.bigint().notNull(),
}));

export const auditorsDrawn = onchainTable("auditors_drawn", (t) => ({
  ...logColumns(t),
  auditId: t.bigint().notNull(),
  period: t.bigint().notNull(),
  firstAuditor: t.hex().notNull(),
  secondAuditor: t.hex().notNull(),
  firstMandateId: t.bigint().notNull(),
  secondMandateId: t.bigint().notNull(),
}));

export const auditPublished = onchainTable("audit_published", (t) => ({
  ...logColumns(t),
  auditId: t.bigint().notNull(),
  period: t.bigint().notNull(),
  auditor: t.hex().notNull(),
  contentHash: t.hex().notNull(),
  uri: t.text().notNull(),
}));

export const auditMissed = onchainTable("audit_missed", (t) => ({
  ...logColumns(t),
  auditId: t.bigint().notNull(),
  period: t.bigint().notNull(),
  /** The auditors who did not publish (empty when the draw completed after the period). */
  missing: t.hex().array().notNull(),
}));

export const auditCancelled = onchainTable("audit_cancelled", (t) => ({
  ...logColumns(t),
  auditId: t.bigint().notNull(),
  period: t.bigint().notNull(),
}));

export const listeningSessionHeld = onchainTable("listening_session_held", (t) => ({
  ...logColumns(t),
  auditId: t.bigint().notNull(),
  heldAt: t.bigint().notNull(),
  /** An auditor, or the circle itself (by decision). */
  recordedBy: t.hex().notNull(),
}));

export const mandateRulesUpdated = onchainTable("mandate_rules_updated", (t) => ({
  ...logColumns(t),
  oldRules: t.json().notNull(),
  newRules: t.json().notNull(),
}));

export const randomnessSourceSet = onchainTable("randomness_source_set", (t) => ({
  ...logColumns(t),
  oldSource: t.hex().notNull(),
  newSource: t.hex().notNull(),
}));

export const mandatesReset = onchainTable("mandates_reset", (t) => ({
  ...logColumns(t),
  epoch: t.bigint().notNull(),
  ended: t.bigint().notNull(),
}));

// --- MandateBadges (a soulbound ERC-721 per live mandate) -----------------------------------------------------------

export const badgeTransfer = onchainTable("badge_transfer", (t) => ({
  ...logColumns(t),
  from: t.hex().notNull(),
  to: t.hex().notNull(),
  tokenId: t.bigint().notNull(),
}));

export const badgeApproval = onchainTable("badge_approval", (t) => ({
  ...logColumns(t),
  owner: t.hex().notNull(),
  approved: t.hex().notNull(),
  tokenId: t.bigint().notNull(),
}));

export const badgeApprovalForAll = onchainTable("badge_approval_for_all", (t) => ({
  ...logColumns(t),
  owner: t.hex().notNull(),
  operator: t.hex().notNull(),
  approved: t.boolean().notNull(),
}));

export const badgeLocked = onchainTable("badge_locked", (t) => ({
  ...logColumns(t),
  tokenId: t.bigint().notNull(),
}));

export const badgeUnlocked = onchainTable("badge_unlocked", (t) => ({
  ...logColumns(t),
  tokenId: t.bigint().notNull(),
}));

// =====================================================================================================================
// Derived tables
// =====================================================================================================================

/** Every circle and council the registry founded: its parts, founding rules and present state. */
export const circleOrCouncil = onchainTable("circles_and_councils", (t) => ({
  circle: t.hex().primaryKey(),
  kind: t.text().$type<"circle" | "council">().notNull(),
  name: t.text().notNull(),
  creator: t.hex().notNull(),
  /** The template a circle was founded from (zero if none); a council's founding circle. */
  templateId: t.hex(),
  foundingCircle: t.hex(),
  /** The membership token (a council's seats). */
  membership: t.hex().notNull(),
  rituals: t.hex().notNull(),
  mandates: t.hex().notNull(),
  badges: t.hex().notNull(),
  rules: t.json().notNull(),
  mandateRules: t.json().notNull(),
  memberCount: t.integer().notNull(),
  resetEpoch: t.bigint().notNull(),
  createdAtBlock: t.bigint().notNull(),
  createdAt: t.bigint().notNull(),
  createdInTransaction: t.hex().notNull(),
  dissolvedAt: t.bigint(),
}));

/** Which circle or council each part belongs to (the parts emit their events before the founding event does). */
export const circlePart = onchainTable("circle_parts", (t) => ({
  address: t.hex().primaryKey(),
  circle: t.hex().notNull(),
  part: t.text().$type<"circle" | "membership" | "rituals" | "mandates" | "badges">().notNull(),
}));

/** Members over time: one row per stay, from admission to leaving or removal (open while `leftAt` is null). */
export const memberTerm = onchainTable(
  "member_terms",
  (t) => ({
    /** The admission's event id. */
    id: t.text().primaryKey(),
    circle: t.hex().notNull(),
    member: t.hex().notNull(),
    joinedAt: t.bigint().notNull(),
    joinedAtBlock: t.bigint().notNull(),
    leftAt: t.bigint(),
    leftAtBlock: t.bigint(),
    /** "left" (of their own accord) or "removed" (by the circle's decision). */
    leftHow: t.text().$type<"left" | "removed">(),
  }),
  (table) => ({ byCircle: index().on(table.circle, table.member) }),
);

/** Who is a member now, with their open term: `${circle}-${member}`. */
export const currentMember = onchainTable("current_members", (t) => ({
  id: t.text().primaryKey(),
  circle: t.hex().notNull(),
  member: t.hex().notNull(),
  since: t.bigint().notNull(),
  term: t.text().notNull(),
}));

/** Proposals and their outcome: `${circle}-${proposalId}`. */
export const proposal = onchainTable(
  "proposals",
  (t) => ({
    id: t.text().primaryKey(),
    circle: t.hex().notNull(),
    proposalId: t.bigint().notNull(),
    proposer: t.hex().notNull(),
    description: t.text().notNull(),
    targets: t.hex().array().notNull(),
    values: t.bigint().array().notNull(),
    calldatas: t.hex().array().notNull(),
    voteStart: t.bigint().notNull(),
    voteEnd: t.bigint().notNull(),
    createdAt: t.bigint().notNull(),
    createdAtBlock: t.bigint().notNull(),
    /** The circle's reset epoch when proposed. */
    resetEpoch: t.bigint().notNull(),
    /**
     * Votes needed (for + abstain), fixed when proposed: the quorum percentage in force then of the electorate (the
     * members the second before; a council's seats filled). With the tally and `voteEnd`, says Defeated or Succeeded.
     */
    quorum: t.bigint().notNull(),
    /** The end of its execution window (`voteEnd` + the execution window in force when proposed): Expired after. */
    expiresAt: t.bigint().notNull(),
    forVotes: t.bigint().notNull(),
    againstVotes: t.bigint().notNull(),
    abstainVotes: t.bigint().notNull(),
    voters: t.integer().notNull(),
    executedAt: t.bigint(),
    canceledAt: t.bigint(),
    /**
     * When a hard reset (or a dissolution) ended it undecided: set with `canceledAt` by the reset's own
     * `ProposalCanceled` event, which reports exactly the proposals still open then (pending, active, or succeeded
     * and not expired); one already defeated or expired keeps that state.
     */
    endedByResetAt: t.bigint(),
  }),
  (table) => ({ byCircle: index().on(table.circle) }),
);

/** Every vote with its reason: `${circle}-${proposalId}-${voter}`. */
export const proposalVote = onchainTable(
  "proposal_votes",
  (t) => ({
    id: t.text().primaryKey(),
    proposal: t.text().notNull(),
    circle: t.hex().notNull(),
    proposalId: t.bigint().notNull(),
    voter: t.hex().notNull(),
    support: t.integer().notNull(),
    weight: t.bigint().notNull(),
    reason: t.text().notNull(),
    params: t.hex(),
    castAt: t.bigint().notNull(),
    castAtBlock: t.bigint().notNull(),
  }),
  (table) => ({ byProposal: index().on(table.proposal) }),
);

/**
 * Charters in force over time: `${circle}-${event id}`. A charter lapses at `expiresAt` unless another was ratified
 * before; `lapsedFor` is the gap (seconds) before the next one, once there is a next one. No event marks a lapse (the
 * clock alone does it), and a block handler scanning every charter on every block would cost the ledger for a fact
 * that follows from one column: the lapse is derived when read, at the ledger's clock (client listLedgerCharters:
 * lapsed at `expiresAt` once `supersededAt`, or the ledger's clock, has reached it), as proposal states are.
 */
export const charter = onchainTable(
  "charters",
  (t) => ({
    id: t.text().primaryKey(),
    circle: t.hex().notNull(),
    contentHash: t.hex().notNull(),
    uri: t.text().notNull(),
    ratifiedAt: t.bigint().notNull(),
    expiresAt: t.bigint().notNull(),
    supersededAt: t.bigint(),
    lapsedFor: t.bigint(),
    current: t.boolean().notNull(),
  }),
  (table) => ({ byCircle: index().on(table.circle) }),
);

/** Mandates with their holder and how their tenure ended: `${mandates contract}-${mandateId}`. */
export const mandate = onchainTable(
  "mandates",
  (t) => ({
    id: t.text().primaryKey(),
    circle: t.hex().notNull(),
    mandateId: t.bigint().notNull(),
    roleId: t.hex().notNull(),
    role: t.text().notNull(),
    title: t.text().notNull(),
    holder: t.hex().notNull(),
    proposer: t.hex().notNull(),
    scopeHash: t.hex().notNull(),
    drawn: t.boolean().notNull(),
    grantedAt: t.bigint().notNull(),
    grantedAtBlock: t.bigint().notNull(),
    expiresAt: t.bigint().notNull(),
    endedAt: t.bigint(),
    /** IMandates.EndReason as a word: expired, completed, handed back, recalled, reset, holder left. */
    endReason: t.text(),
    actions: t.integer().notNull(),
    recallSignals: t.integer().notNull(),
  }),
  (table) => ({ byRole: index().on(table.circle, table.roleId) }),
);

/**
 * Each pair-link audit of a circle as it stands, `${mandates}-${auditId}`: requested, skipped, drawn, published by
 * each auditor, missed or cancelled, and its listening session. What the scorecards count (audits held or missed).
 */
export const pairLinkAudit = onchainTable(
  "pair_link_audits",
  (t) => ({
    id: t.text().primaryKey(),
    circle: t.hex().notNull(),
    auditId: t.bigint().notNull(),
    period: t.bigint().notNull(),
    /** requested, skipped, drawn, published (both auditors), missed, cancelled. */
    status: t.text().notNull(),
    requestedAt: t.bigint().notNull(),
    startsAt: t.bigint(),
    endsAt: t.bigint(),
    firstAuditor: t.hex(),
    secondAuditor: t.hex(),
    /** How many of the two auditors published. */
    publications: t.integer().notNull(),
    publishedAt: t.bigint(),
    listeningSessionAt: t.bigint(),
    closedAt: t.bigint(),
  }),
  (table) => ({ byCircle: index().on(table.circle, table.auditId) }),
);

/** Each role of a circle and its holder history in order (the mandates it was granted as): `${circle}-${roleId}`. */
export const role = onchainTable("roles", (t) => ({
  id: t.text().primaryKey(),
  circle: t.hex().notNull(),
  roleId: t.hex().notNull(),
  role: t.text().notNull(),
  holders: t.hex().array().notNull(),
  mandateIds: t.bigint().array().notNull(),
  currentHolder: t.hex(),
}));

/** Draws by lot and how they ended: `${mandates contract}-${drawId}`. */
export const draw = onchainTable("draws", (t) => ({
  id: t.text().primaryKey(),
  circle: t.hex().notNull(),
  drawId: t.bigint().notNull(),
  roleId: t.hex().notNull(),
  role: t.text().notNull(),
  pool: t.hex().array().notNull(),
  requestedAt: t.bigint().notNull(),
  status: t.text().$type<"pending" | "completed" | "void">().notNull(),
  mandateId: t.bigint(),
  holder: t.hex(),
  settledAt: t.bigint(),
}));

/** Council seats over time: one row per circle's seat in a council, from request to leaving. */
export const councilSeat = onchainTable(
  "council_seats",
  (t) => ({
    /** The seat's first event id (a request or the admission). */
    id: t.text().primaryKey(),
    council: t.hex().notNull(),
    circle: t.hex().notNull(),
    requestedAt: t.bigint(),
    probationEndsAt: t.bigint(),
    seatedAt: t.bigint(),
    leftAt: t.bigint(),
    leftHow: t.text().$type<"left" | "removed">(),
  }),
  (table) => ({ byCouncil: index().on(table.council, table.circle) }),
);

/** The open seat (requested or held) of a circle in a council: `${council}-${circle}` → its row in council_seats. */
export const openCouncilSeat = onchainTable("open_council_seats", (t) => ({
  id: t.text().primaryKey(),
  seat: t.text().notNull(),
}));
