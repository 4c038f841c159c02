/**
 * Readable sentences for Commonweal's custom errors. Decode a revert with your library (ethers
 * `contract.interface.parseError(data)`, viem `decodeErrorResult`) and pass its name and arguments here.
 *
 * Every error the client itself throws is a {@link CommonwealError}: its message is the sentence to show a person,
 * naming what to do next, so a face (CLI, app, script) prints it as it is.
 */
import { getAddress, parseAbi, type Abi } from "viem";

import {
  circleAbi,
  circleMembershipAbi,
  circleRegistryAbi,
  circleRitualsAbi,
  councilSeatsAbi,
  creditFactoryAbi,
  demurragedIncomeTokenAbi,
  incomeHubAbi,
  incomeWrappersAbi,
  mandateBadgesAbi,
  mandatesAbi,
  mutualCreditAbi,
  profilesAbi,
} from "./abis.js";
import { scorecardThresholdProblem } from "./scorecardThresholds.js";
import { INCOME_UNITS, formatAmount, type AmountUnits } from "./units.js";

type Args = readonly unknown[];

/**
 * The base of every error the client throws on purpose: bad input, a reference that names nothing, a refusal read
 * before sending. The message is a complete sentence for a person; subclasses carry the details for code.
 */
export class CommonwealError extends Error {
  override name = "CommonwealError";
}

/** A parameter the caller gave is malformed or out of range; the message names it and says what is expected. */
export class InvalidParameterError extends CommonwealError {
  override name = "InvalidParameterError";
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

/** Nothing answers at an address where a contract of the suite was expected: a wrong address, or the wrong network. */
export class NoContractError extends CommonwealError {
  override name = "NoContractError";
  constructor(
    readonly what: string,
    readonly address: `0x${string}`,
    readonly chainId: number,
  ) {
    super(`There is no ${what} at ${address} on chain ${chainId}.`);
  }
}

/** Thrown when an address does not answer as a circle. */
export class NotACircleError extends CommonwealError {
  override readonly name = "NotACircleError";
  constructor(readonly address: `0x${string}`) {
    super(
      `${address} is not a circle on this chain (no contract answered there): check the address and the network, or find the circles with listCircles.`,
    );
  }
}

/** A founder's consent is missing, does not match the founding, or the signer is no founder. */
export class FoundingConsentError extends CommonwealError {
  override name = "FoundingConsentError";
  constructor(
    readonly founder: `0x${string}`,
    message: string,
  ) {
    super(message);
  }
}

/** A delegate holds no live delegate mandate for the council (of the circle named, or of any seated circle). */
export class NoDelegationError extends CommonwealError {
  override name = "NoDelegationError";
}

/** An address that is neither a circle nor a council of the registry the caller named. */
export class NotABodyError extends CommonwealError {
  override name = "NotABodyError";
  constructor(
    readonly address: `0x${string}`,
    readonly registry: `0x${string}`,
    readonly chainId: number,
  ) {
    super(`${address} is not a circle or council of the registry ${registry} on chain ${chainId}.`);
  }
}

/**
 * A council where a circle of people was needed, or the other way round. The message says which it is and, where the
 * action knows one, the way to do what was meant with a body of that kind.
 */
export class WrongBodyKindError extends CommonwealError {
  override name = "WrongBodyKindError";
  constructor(
    readonly address: `0x${string}`,
    readonly expected: "circle" | "council",
    hint?: string,
  ) {
    const actual = expected === "circle" ? "council" : "circle";
    super(`${address} is a ${actual}, not a ${expected}${hint ? `: ${hint}` : "."}`);
  }
}

type AbiError = Extract<Abi[number], { type: "error" }>;

/**
 * Every custom error of the suite's contracts (an ERC-20's among them), once each, and the randomness source's. A
 * proposal's execution or a mandate's act bubbles up the revert of whatever it called (often the circle's own
 * currency or a token of its treasury), and completing a draw the randomness source's, so a call is simulated with
 * these next to its own ABI to decode any of them.
 */
export const SUITE_ERRORS: readonly AbiError[] = (() => {
  const seen = new Map<string, AbiError>();
  const abis: readonly Abi[] = [
    circleAbi,
    circleMembershipAbi,
    councilSeatsAbi,
    circleRitualsAbi,
    mandatesAbi,
    mandateBadgesAbi,
    circleRegistryAbi,
    mutualCreditAbi,
    creditFactoryAbi,
    incomeHubAbi,
    incomeWrappersAbi,
    demurragedIncomeTokenAbi,
    profilesAbi,
    parseAbi([
      "error RandomnessNotReady(uint256 ticket)",
      "error RandomnessExpired(uint256 ticket)",
      "error RandomnessInvalidProof(uint256 ticket)",
    ]),
  ];
  for (const abi of abis) {
    for (const item of abi) {
      if (item.type !== "error") continue;
      const signature = `${item.name}(${item.inputs.map((i) => i.type).join(",")})`;
      if (!seen.has(signature)) seen.set(signature, item);
    }
  }
  return [...seen.values()];
})();

/** `abi` with every custom error of the suite, for decoding a revert that bubbled up from another contract. */
export function withSuiteErrors<const A extends Abi>(abi: A): readonly [...A, ...AbiError[]] {
  return [...abi, ...SUITE_ERRORS] as const;
}

/** `IMandateAudits.AuditStatus`, as words in a sentence. */
const AUDIT_STATUS_WORDS = [
  "not requested",
  "waiting for its draw",
  "drawn, not yet published by both auditors",
  "published",
  "missed",
  "skipped",
  "cancelled by a hard reset",
] as const;

const date = (seconds: unknown): string => {
  const n = Number(seconds);
  return n === 0
    ? "never"
    : new Date(n * 1000)
        .toISOString()
        .replace("T", " ")
        .replace(/\.\d+Z$/, " UTC");
};

/** A hub token id (an address as a number) as the address whose token it is, checksummed; past 2^160, the number. */
const tokenOf = (id: unknown): string => {
  const n = BigInt(String(id));
  return n >> 160n === 0n ? getAddress(`0x${n.toString(16).padStart(40, "0")}`) : String(n);
};

const END_REASONS = [
  "not ended",
  "expired",
  "completed",
  "handed back",
  "recalled",
  "ended by a hard reset",
  "ended when its holder left",
];

/**
 * An amount argument in whole units (see formatAmount); anything else (an amount a caller already wrote out) as it
 * is.
 */
const amount = (value: unknown, units: AmountUnits): string =>
  typeof value === "bigint" ? formatAmount(value, units) : String(value);

/** A limit below zero, as the balance it allows: "-100 HRS" (and "0 HRS" for none). */
const negative = (value: unknown, units: AmountUnits): string =>
  typeof value === "bigint" ? formatAmount(-value, units) : `-${String(value)}`;

/** A chain's native currency: 18 decimals on every EVM chain, in Solidity's own unit name for 10^18 wei. */
const NATIVE_UNITS: AmountUnits = { decimals: 18, symbol: "ether" };

/**
 * Sentence templates, by error name; each gets the error's arguments and the units of the token involved, for the
 * errors that carry amounts (income amounts always use the hub's {@link INCOME_UNITS}). Anything not listed falls
 * back to `Name(arg, ...)`.
 */
export const ERROR_SENTENCES: Readonly<Record<string, (args: Args, units: AmountUnits) => string>> = {
  CircleCharterLapsed: ([expiredAt]) =>
    `The circle's charter lapsed on ${date(expiredAt)}: only ratifying a charter, admitting or removing members, or dissolving can be executed until it is re-ratified.`,
  CircleIsDissolved: () => "The circle has dissolved and makes no more decisions.",
  CircleNotInElectorate: ([proposalId, account]) =>
    `${account} cannot vote on proposal ${proposalId}: they were not a member when it was made, or are no longer one.`,
  CircleMembershipAlreadyMember: ([account]) => `${account} is already a member.`,
  CircleMembershipNotMember: ([account]) => `${account} is not a member.`,
  CircleMembershipNotRequested: ([account]) =>
    `${account} has not asked to join: no one is admitted without asking. They run \`circle request-admission\` first.`,
  CircleMembershipAlreadyRequested: ([account]) => `${account} has already asked to join; the circle decides by vote.`,
  CircleMembershipFull: ([max]) => `The circle is full: it may have at most ${max} members.`,
  CircleMembershipSoulbound: () => "Membership cannot be transferred or approved: it belongs to the member.",
  CircleMembershipDelegationDisabled: () => "Votes cannot be delegated: every member votes for themselves.",
  CircleRitualsAlreadySignalled: ([round, member]) => `${member} already signalled in reset round ${round}.`,
  CircleRitualsNotMember: ([account]) => `${account} is not a member of the circle.`,
  GovernorUnexpectedProposalState: ([proposalId, state]) =>
    `Proposal ${proposalId} is ${["pending", "active", "canceled", "defeated", "succeeded", "queued", "expired", "executed"][Number(state)] ?? `in state ${state}`}, so this cannot be done now.`,
  GovernorOnlyExecutor: ([account]) =>
    `${account} cannot do this directly: it takes a decision of the circle (a passed proposal).`,
  MandateExpired: ([id, expiredAt]) => `Mandate ${id} expired on ${date(expiredAt)}.`,
  MandateAlreadyEnded: ([id, endedAt, reason]) =>
    `Mandate ${id} ${END_REASONS[Number(reason)] ?? "ended"} on ${date(endedAt)}; it can never act again.`,
  MandateNotHolder: ([id, caller]) => `${caller} does not hold mandate ${id}.`,
  MandatePowerNotGranted: ([id, target, selector]) => `Mandate ${id} does not allow calling ${selector} on ${target}.`,
  MandateForbiddenPower: ([target]) =>
    `A mandate can never be given power over ${target}: it is part of the circle's own governance.`,
  MandateProposerCannotHold: ([proposer]) =>
    `${proposer} proposed this mandate, so they step aside: someone else must carry it out.`,
  MandateHolderCooledDown: ([member, until]) =>
    `${member} was named dominant by a majority and cannot take roles until ${date(until)}.`,
  MandateTermLimitReached: ([, member, availableAt]) =>
    `${member} has held this role for the most consecutive terms; they may hold it again from ${date(availableAt)}.`,
  MandateHolderAtLimit: ([member, max]) => `${member} already holds ${max} live mandate(s), the most allowed.`,
  MandateRoleOccupied: ([, id]) => `The role is held under mandate ${id} until it ends.`,
  MandateNotMember: ([account]) => `${account} is not a member of the circle.`,
  MandateAlreadySignalledRecall: ([id, member]) => `${member} already signalled to recall mandate ${id}.`,
  CircleRulesInvalidSizeBounds: ([min, max]) =>
    `The size bounds must satisfy 1 <= minimum <= maximum; got ${min} to ${max}.`,
  CircleRulesSizeOverCap: ([max, cap]) => `A circle may have at most ${cap} members; the rules ask for ${max}.`,
  CircleRulesInvalidQuorum: ([pct]) => `The quorum must be 1 to 100 percent; got ${pct}.`,
  CircleRulesInvalidResetThreshold: ([n, max]) =>
    `A hard reset needs at least 3 members and at most the maximum size (${max}), or it could never happen; got ${n}.`,
  CircleRulesResetCooldownTooShort: ([cooldown, min]) =>
    `The reset cooldown must be at least ${min} s so a minority cannot keep cancelling the majority's decisions; got ${cooldown} s.`,
  CircleRulesZeroDuration: ([field]) => `The rule "${field}" must be a positive duration.`,
  CircleRulesInvalidTermLimit: () => "The consecutive-term limit must be at least 1.",
  CircleRulesInvalidLiveLimit: ([n, cap]) => `Each member may hold 1 to ${cap} live mandates; the rules ask for ${n}.`,
  CircleRulesFacilitationTooLong: ([period, max]) =>
    `The facilitation period (${period} s) cannot be longer than the longest mandate term (${max} s).`,
  CircleRulesAuditTooLong: ([period, max]) =>
    `The audit period (${period} s) cannot be longer than the longest mandate term (${max} s): the auditors hold mandates for a whole period.`,
  CircleOnlyMandates: ([caller]) => `${caller} is not the circle's mandates module.`,
  CircleOnlyMembership: ([caller]) => `${caller} is not the circle's membership contract.`,
  CircleOnlyRituals: ([caller]) =>
    `${caller} is not the circle's rituals contract: a hard reset takes the members' signals.`,
  CircleNotARoleModuleHook: ([selector]) =>
    `The circle's rituals may only have it call a role-module hook (onCircleReset, onMemberLeft), not ${selector}.`,
  CircleRoleModuleAlreadyAdded: ([m]) => `${m} is already a role module of the circle.`,
  CircleRoleModuleNotFound: ([m]) => `${m} is not a role module of the circle.`,
  CircleRoleModulesFull: ([cap]) => `The circle already has the most role modules allowed (${cap}).`,
  CircleInsufficientGasForHooks: ([needed, available]) =>
    `Send more gas: the circle's role modules need ${needed} and only ${available} was left. Nothing was changed.`,
  CircleMembershipOnlyCircle: ([caller]) =>
    `${caller} cannot change the membership: admissions and removals take a decision of the circle.`,
  CircleMembershipZeroAddress: () => "The zero address cannot be a member.",
  CircleMembershipTooFewFounders: ([n, min]) => `A circle needs at least ${min} founders; got ${n}.`,
  CircleMembershipTooManyFounders: ([n, max]) => `A circle may have at most ${max} members; got ${n} founders.`,
  CircleRitualsAlreadyRecorded: ([period, member]) => `${member} already recorded a reading for period ${period}.`,
  CircleRitualsDominantNotMember: ([account]) => `${account} is not a member, so cannot be named dominant.`,
  CircleRitualsInvalidReading: ([heard]) => `A reading is 1 (not heard at all) to 5 (fully heard); got ${heard}.`,
  CircleRitualsNoPeriodEnded: () => "No decision period has ended yet: readings are about the period that just ended.",
  CircleRitualsResetCooldown: ([member, endsAt]) =>
    `${member} completed a hard reset recently and may signal for another from ${date(endsAt)}.`,
  CircleRitualsTooManyOpenProposals: ([proposer, cap]) =>
    `${proposer} already has ${cap} open proposals; wait until one is executed, defeated or expired.`,
  CircleRitualsOpenProposalsFull: ([cap]) =>
    `The circle already has ${cap} open proposals; wait until one is executed, defeated or expired.`,
  CircleRitualsOnlyCircle: ([caller]) =>
    `${caller} cannot change the rituals' rules or the scorecard thresholds: that takes a decision of the circle (a passed proposal).`,
  CircleRitualsInvalidReversalKind: ([kind]) =>
    `A dependency reversal is a tool, meal, dispute, care or other (0 to 4); got ${kind}.`,
  CircleRitualsReversalMemoLength: ([length, max]) => `Say what happened in 1 to ${max} bytes; the memo has ${length}.`,
  CircleRitualsTooManyReversals: ([member, period, cap]) =>
    `${member} already logged ${cap} dependency reversals in period ${period}, the most one member may: log more in the next period.`,
  CircleRitualsInversionsOff: () =>
    "The circle's mandate rules turn the mentorship inversion off (inversion period 0): a decision changing the rules can turn it on.",
  CircleRitualsInversionNotDue: ([dueAt]) =>
    `The next mentorship inversion is not due yet: anyone may start it from ${date(dueAt)}.`,
  CircleRitualsInversionPending: ([number]) =>
    `Mentorship inversion ${number} is already waiting for its randomness: complete it once that is out (\`circle invert\`), or re-request it if its ticket went stale.`,
  CircleRitualsNoInversionPending: () =>
    "No mentorship inversion is pending: request one first (`circle invert`), once it is due.",
  CircleRitualsInversionNotStale: ([number]) =>
    `The randomness of mentorship inversion ${number} can still be revealed: complete it instead of re-requesting it.`,
  CircleRitualsInvalidThreshold: ([field, value]) =>
    `The scorecard thresholds were refused: ${scorecardThresholdProblem(Number(field), Number(value)) ?? `threshold ${field} cannot be ${value}`}.`,
  CircleRegistryEmptyName: () => "A name is required.",
  CircleRegistryNoFounders: () => "A circle needs founders.",
  CircleRegistryNoConsent: ([founder]) =>
    `${founder} has not consented to this founding: they sign it (\`circle consent\`) or approve it by transaction, with this very name, founders, charter and rules.`,
  CircleRegistryConsentExpired: ([deadline]) =>
    `The founders' consents expired at ${date(deadline)}: collect them again with a later deadline.`,
  CircleRegistryConsentCount: ([consents, founders]) =>
    `Give one consent per founder, in the founders' order (empty for the sender): ${founders} founders, ${consents} consents.`,
  CircleRegistryNotCircle: ([account]) => `${account} is not a circle of this registry.`,
  CircleRegistryPageTooLarge: ([limit, max]) => `Ask for at most ${max} entries per page; asked for ${limit}.`,
  CircleRegistryTemplateExists: ([id]) =>
    `A template with that name (${id}) is already published; choose another name.`,
  CircleRegistryTemplateNotFound: ([id]) => `No template ${id} is published.`,
  CircleRegistryNotAdopter: ([account, id]) =>
    `${account} was not founded from template ${id}: only a circle founded from a template reports back to it, by its own decision.`,
  CircleRegistryAlreadyReported: ([circle, id]) =>
    `${circle} has already reported back to template ${id}; a circle reports once per template.`,
  CircleRegistryInvalidReport: ([length, max]) =>
    `A template report needs a content hash (not zero) and a URI of at most ${max} bytes; this URI has ${length}.`,
  MandateCharterLapsed: ([circle]) =>
    `The charter of ${circle} has lapsed: no mandate can act until the circle re-ratifies it.`,
  MandateOnlyCircle: ([caller]) => `${caller} cannot do this: it takes a decision of the circle.`,
  MandateNotClone: () =>
    "This is the mandates implementation, not a circle's mandates: draws and audits run only at a circle's mandates address (see `circle info`).",
  MandateNotFound: ([id]) => `There is no mandate ${id}.`,
  MandateNotExpired: ([id, expiresAt]) => `Mandate ${id} runs until ${date(expiresAt)}; it has not expired.`,
  MandateInvalidDuration: ([duration, max]) =>
    `A mandate must run for 1 to ${max} seconds (the circle's longest term); asked for ${duration}.`,
  MandateTooManyPowers: ([n, max]) => `A mandate can carry at most ${max} powers; got ${n}.`,
  MandateHistoryPageTooLarge: ([limit, max]) =>
    `Ask for at most ${max} entries of a role's history per page; asked for ${limit}.`,
  MandateEmptyRole: () => "A mandate needs a role name.",
  MandateTooManyLive: ([cap]) => `The circle already has ${cap} live mandates, the most allowed.`,
  MandateInvalidSignature: ([member]) => `The recall signature is not ${member}'s (or was already used).`,
  MandateSignatureLengthMismatch: () => "Give one signature per member.",
  MandateDrawNotPending: ([id]) => `Draw ${id} is not pending.`,
  MandateDrawCancelled: ([id]) => `Draw ${id} was cancelled by a hard reset.`,
  MandateDrawPoolMismatch: ([id]) =>
    `That is not the pool frozen for draw ${id}: use the one in its DrawRequested event.`,
  MandateDrawOutOfOrder: ([id, next]) =>
    `Draws complete in the order they were requested: complete draw ${next} before draw ${id}.`,
  MandateDrawNotStale: ([id]) => `Draw ${id} can still be completed: complete it instead of re-requesting.`,
  MandateEmptyPool: () => "Nobody is eligible for this draw.",
  MandateNoFacilitation: () => "This circle has no rotating facilitator.",
  MandateRoleDrawPending: ([, id]) => `Draw ${id} for this role is pending: complete it first.`,
  MandateAuditsOff: () => "This circle holds no pair-link audits (its audit period is zero).",
  MandateAuditExists: ([period, id]) =>
    `Audit period ${period} already has its audit (${id}): the next one can be started when the next period begins.`,
  MandateAuditNotFound: ([id]) => `There is no audit ${id}: list the audits.`,
  MandateAuditWrongStatus: ([id, status]) =>
    `Audit ${id} is ${AUDIT_STATUS_WORDS[Number(status)] ?? "in another state"}: it cannot do that now.`,
  MandateAuditPeriodOver: ([id, endedAt]) =>
    `The period of audit ${id} ended ${date(endedAt)}: it can no longer be published; anyone may record it missed.`,
  MandateAuditPeriodNotOver: ([id, endsAt]) =>
    `The period of audit ${id} runs until ${date(endsAt)}: an audit can be recorded missed only after it.`,
  MandateAuditNotAuditor: ([id, caller]) =>
    `${caller} is not an auditor of audit ${id}: only its two auditors publish (and they or a decision of the circle record the listening session).`,
  MandateAuditAlreadyPublished: ([id, auditor]) => `${auditor} has already published their report for audit ${id}.`,
  MandateAuditEmptyReport: ([id]) => `A report for audit ${id} needs a content hash (not zero).`,
  MandateAuditUriTooLong: ([length, max]) => `A report's URI is at most ${max} bytes; this one has ${length}.`,
  MandateAuditSessionRecorded: ([id, heldAt]) =>
    `The listening session of audit ${id} is already recorded (held ${date(heldAt)}).`,
  MandateAuditSessionDate: ([id, heldAt, earliest, latest]) =>
    `The listening session of audit ${id} must be dated between its publication (${date(earliest)}) and now (${date(latest)}); got ${date(heldAt)}.`,
  MandateAuditRoleReserved: ([role]) =>
    `The role ${role} is an auditor's: auditors are drawn by the audit ritual, never granted or drawn by decision.`,
  // Raw (bigint) amounts are named by their unit; a caller that knows the token passes them written in its units.
  MandateValueOverCap: ([id, cap, value]) =>
    `Mandate ${id} lets one call send at most ${amount(cap, NATIVE_UNITS)}; this call sends ${amount(value, NATIVE_UNITS)}. A larger payment takes a decision of the circle.`,
  // Without the token's symbol (a raw cap decoded with default units) the sentence says the amounts are a token's.
  MandateAmountOverCap: ([id, cap, asked], units) =>
    `Mandate ${id} lets one call move or approve at most ${amount(cap, units)}${typeof cap === "bigint" && !units.symbol ? " of a token" : ""}; this call asks for ${amount(asked, units)}. A larger amount takes a decision of the circle.`,
  MandateAmountCapRequired: ([target, selector]) =>
    `A power to call ${selector} (an ERC-20 transfer, approve or transferFrom) on ${target} needs a cap: give the most one call may move (maxAmount).`,
  MandateDuplicatePower: ([target, selector]) =>
    `A mandate lists the call ${selector} on ${target} twice: give each call one power, with its caps.`,
  MandateBadgesOnlyMandates: ([caller]) => `${caller} is not the circle's mandates module.`,
  MandateBadgesSoulbound: () => "Mandate badges cannot be transferred or approved: a mandate belongs to its holder.",
  MandateBadgesPageTooLarge: ([limit, max]) => `Ask for at most ${max} entries per page; asked for ${limit}.`,
  MutualCreditNotHolder: ([account]) =>
    `${account} cannot hold this currency: only members and accounts the circle admits can.`,
  MutualCreditLimitExceeded: ([account, after, limit], units) =>
    `That payment would take ${account} to ${amount(after, units)}, below their credit limit of ${negative(limit, units)}.`,
  MutualCreditSaturationExceeded: ([account, after, limit], units) =>
    `That payment would take ${account} to ${amount(after, units)}, above their saturation limit of ${amount(limit, units)}.`,
  MutualCreditValueTooLarge: ([value], units) =>
    `${amount(value, units)} is too large: amounts and limits are at most 2^100 - 1 of the currency's smallest unit.`,
  MutualCreditOnlyFactory: ([caller]) => `${caller} is not the factory that deployed this currency.`,
  CreditFactoryCurrencyExists: ([circle, currency]) => `Circle ${circle} already has its currency, at ${currency}.`,
  MutualCreditOnlyCircle: ([caller]) => `${caller} cannot do this: it takes a decision of the circle.`,
  MutualCreditStillHolder: ([account]) =>
    `${account} may still hold this currency (a member or an admitted account): only a departed member's account is closed.`,
  MutualCreditTooManyAdmitted: ([cap]) =>
    `The circle has already admitted ${cap} non-member accounts, the most allowed.`,
  MutualCreditPermitExpired: ([deadline]) => `The permit expired on ${date(deadline)}.`,
  MutualCreditInvalidSigner: ([signer, owner]) => `The permit was signed by ${signer}, not by ${owner}.`,
  MutualCreditZeroAddress: () => "The zero address cannot take part.",
  MutualCreditInsufficientAllowance: ([spender, allowance, needed], units) =>
    `${spender} may spend ${amount(allowance, units)}, not the ${amount(needed, units)} this transfer needs.`,
  MutualCreditNotACurrency: ([other]) =>
    `${other} is not a currency the credit factory made for a circle of the registry: open clearing lines only with real currencies.`,
  MutualCreditNoClearingLine: ([other]) =>
    `There is no open clearing line with ${other}: both circles must open it by decision.`,
  MutualCreditNotInCouncil: ([council]) =>
    `The two circles no longer both sit in ${council}, so their clearing line takes no new payments.`,
  CreditFactoryNotCircle: ([caller]) => `${caller} is not a circle of this registry, so it cannot create a currency.`,
  RandomnessNotReady: ([ticket]) =>
    `The randomness of ticket ${ticket} is not revealed yet: wait for its block to pass.`,
  RandomnessExpired: ([ticket]) => `The randomness of ticket ${ticket} can no longer be revealed: re-request the draw.`,
  RandomnessInvalidProof: ([ticket]) => `That proof does not reveal ticket ${ticket}: give the target block's header.`,
  CircleProposerNotMember: ([account]) =>
    `${account} cannot propose: only current members may (on a council, circles whose seat counts: filled by a delegate, of three members or more, past any probation).`,
  CouncilNoAuthority: ([target]) =>
    `A council has no authority over any circle: its proposals cannot call ${target}, which is or belongs to another circle.`,
  CouncilNotACircle: ([caller]) => `${caller} is not a circle of this registry, so it cannot hold a council seat.`,
  CouncilSeatAlreadyRequested: ([circle]) => `${circle} already asked for a seat; the council has yet to decide.`,
  CouncilSeatNotRequested: ([circle]) =>
    `${circle} has not asked for a seat: a circle joins a council only by its own decision.`,
  CouncilCircleTooSmall: ([circle, members, minimum]) =>
    `${circle} had ${members} member(s) a second ago: a council seat needs a circle of at least ${minimum}, so that it speaks for a circle, not one person.`,
  IncomeHubAlreadyRegistered: ([account]) =>
    `${account} is already registered at the income hub: an account registers once.`,
  IncomeHubNotRegistered: ([account]) =>
    `${account} is not registered at the income hub as a person (or, where one is needed, as a circle).`,
  IncomeHubInvitationRequired: ([bootstrapEnd]) =>
    `Open registration ended on ${date(bootstrapEnd)}: register with an inviter, a registered person who trusts you.`,
  IncomeHubNotInvited: ([inviter, invitee]) =>
    `${inviter} does not trust ${invitee}: to invite someone, the inviter trusts them first, then they register naming the inviter.`,
  IncomeHubInsufficientBalance: ([account, id, balance, needed]) =>
    `${account} holds ${amount(balance, INCOME_UNITS)} of ${tokenOf(id)}'s income today (after demurrage), not the ${amount(needed, INCOME_UNITS)} needed.`,
  IncomeHubStopped: ([person]) => `${person} has stopped their income for good: they can no longer claim.`,
  IncomeHubNotCircle: ([account]) =>
    `${account} is not a registered circle: only circles of the registry can register, and only registered circles can vouch or be groups.`,
  IncomeHubNotMember: ([circle, account]) =>
    `${account} is not a member of ${circle}: a circle vouches only for its members, and pays only with its members' tokens.`,
  IncomeHubRegistryBody: ([account]) =>
    `${account} is a circle, a council or a part of one: it can never be registered as a person.`,
  IncomeHubNotVouched: ([circle, person]) => `${circle} has not vouched for ${person} (or the offer was accepted).`,
  IncomeHubAlreadyVouched: ([circle, person]) =>
    `${circle} has already vouched for ${person}: the offer waits for them to accept it (\`income accept-vouch\`).`,
  IncomeHubTooMany: ([count, cap]) =>
    `At most ${cap} entries fit in one call; got ${count}. Split it into several calls.`,
  IncomeHubValueTooLarge: ([value]) =>
    `${amount(value, INCOME_UNITS)} is too large: amounts and balances at the income hub are at most 2^192 - 1 of the smallest unit (10^-18 token).`,
  IncomeHubNotApproved: ([operator, owner]) =>
    `${operator} may not move ${owner}'s tokens: the owner must first approve them with setApprovalForAll.`,
  IncomeHubZeroAddress: () => "The zero address cannot take part.",
  IncomeHubLengthMismatch: ([first, second]) =>
    `Lists that go together have different lengths: ${first} and ${second}.`,
  IncomeHubSelfTrust: ([account]) => `${account} cannot trust themselves: everyone always accepts their own token.`,
  IncomeHubVerticesNotSorted: ([index]) =>
    `The payment's accounts must be listed in strictly ascending order; entry ${index} is not above the one before it.`,
  IncomeHubInvalidEdge: ([edge]) =>
    `Transfer ${edge} of the payment is malformed: an index is out of range, or it goes from an account to itself.`,
  IncomeHubUntrustedHop: ([edge, receiver, tokenOwner]) =>
    `Transfer ${edge} of the payment would give ${receiver} the token of ${tokenOwner}, which they do not trust.`,
  IncomeHubFlowNotConserved: ([vertex, net, expected]) =>
    `The payment would change ${vertex}'s holdings by ${amount(net, INCOME_UNITS)} instead of ${amount(expected, INCOME_UNITS)}: everyone but the payer and the receiver must end where they started.`,
  IncomeHubNotInFlow: ([account]) =>
    `${account} is missing from the payment's accounts, or is both payer and receiver: list both, and they must differ.`,
  IncomeHubUntrustedCollateral: ([group, tokenOwner]) =>
    `Group ${group} does not accept the token of ${tokenOwner} as collateral: it must be a person's token the group trusts.`,
  IncomeHubInvalidDayZero: ([dayZero]) => `Day zero must be a whole hour, not in the future; got ${date(dayZero)}.`,
  IncomeWrapperNotHub: ([caller]) =>
    `${caller} is not the income hub: a wrapper only takes tokens the hub delivers, sent with the hub's safeTransferFrom.`,
  IncomeWrapperWrongId: ([id, expected]) =>
    `This wrapper holds only the token of ${tokenOf(expected)}, not that of ${tokenOf(id)}: find that token's wrapper with the factory's wrapperOf.`,
  IncomeWrapperBatchRefused: () =>
    "A wrapper does not take batch transfers: send its one token with the hub's safeTransferFrom.",
  IncomeWrapperOnlyFactory: ([caller]) =>
    `${caller} is not the factory that created this wrapper, so it cannot initialize it.`,
  IncomeWrappersInvalidId: ([id]) =>
    `${id} is not a token id of the income hub: token ids are addresses as numbers, below 2^160.`,
  ProfilesNameEmpty: () =>
    "A name needs at least one character: to have no name, clear your profile (profile clear, or clearProfile).",
  ProfilesNameTooLong: ([length, max]) =>
    `The name is ${length} bytes long; a name may have at most ${max} bytes of UTF-8 (an accented letter takes 2, many symbols 3 or 4).`,
  ProfilesUriTooLong: ([length, max]) =>
    `The profile URI is ${length} bytes long; at most ${max} are allowed: point to a shorter address (ipfs://… or https://…).`,
  ProfilesControlCharacter: ([field, index, character]) =>
    `The ${field === "uri" ? "profile URI" : "name"} holds a control character (byte ${String(character)}, at position ${index}): names and URIs are printed on one line, so line breaks, tabs and other control characters are refused.`,
  ProfilesTooMany: ([count, max]) =>
    `${count} accounts were asked for at once; at most ${max} can be read in one call.`,
  ERC20InsufficientBalance: ([sender, balance, needed], units) =>
    `${sender} holds ${amount(balance, units)}, not the ${amount(needed, units)} needed.`,
  ERC20InsufficientAllowance: ([spender, allowance, needed], units) =>
    `${spender} may spend ${amount(allowance, units)}, not the ${amount(needed, units)} this transfer needs: the owner must approve more.`,
  GovernorInsufficientProposerVotes: ([proposer]) =>
    `${proposer} cannot propose: only members may (as of a second ago, so someone just admitted waits a second).`,
  GovernorAlreadyCastVote: ([voter]) => `${voter} has already voted on this proposal: a vote is cast once.`,
  GovernorInvalidSignature: ([voter]) =>
    `The ballot's signature is not ${voter}'s for this circle, proposal and nonce (or it was already used).`,
  GovernorNonexistentProposal: ([id]) => `There is no proposal ${id} in this circle.`,
  GovernorInvalidVoteType: () => "A vote is 0 (against), 1 (for) or 2 (abstain).",
  GovernorInvalidProposalLength: ([targets, calldatas, values]) =>
    `A proposal needs as many targets (${targets}) as calldatas (${calldatas}) and values (${values}), and at least one.`,
};

/**
 * A readable sentence for a decoded custom error. Amounts are written in whole units of `units` (default: 18
 * decimals, no symbol); pass the token's decimals and symbol where they are known, e.g. a currency's.
 *
 * @example
 * describeError("MutualCreditLimitExceeded", [ana, -10_001n, 10_000n], { decimals: 2, symbol: "HRS" });
 * // "That payment would take 0x… to -100.01 HRS, below their credit limit of -100 HRS."
 */
export function describeError(name: string, args: Args, units: AmountUnits = {}): string {
  const sentence = ERROR_SENTENCES[name];
  if (sentence) return sentence(args, units);
  return `${name}(${args.map(String).join(", ")})`;
}

/** Anything shaped like a viem error that can be searched for the revert underneath it. */
interface ViemLikeError {
  walk(predicate: (cause: unknown) => boolean): unknown;
}

/** A contract's custom error as decoded from a revert: its name and arguments. */
export interface DecodedRevert {
  errorName: string;
  args: readonly unknown[];
}

/**
 * The custom error inside a viem error (a reverted `simulateContract`, `writeContract` or `readContract`), or
 * undefined if there is none. The revert must be decodable with the ABI the call used. A {@link ContractRefusalError}
 * gives the custom error it carries.
 */
export function decodeRevert(error: unknown): DecodedRevert | undefined {
  if (error instanceof ContractRefusalError) return { errorName: error.errorName, args: error.args };
  if (typeof error !== "object" || error === null || !("walk" in error)) return undefined;
  const found = (error as ViemLikeError).walk(
    (cause) =>
      typeof cause === "object" && cause !== null && "data" in cause && isDecoded((cause as { data: unknown }).data),
  ) as { data: { errorName: string; args?: readonly unknown[] } } | null | undefined;
  return found ? { errorName: found.data.errorName, args: found.data.args ?? [] } : undefined;
}

/**
 * The sentence for the custom error inside a viem error (see decodeRevert), with its amounts in `units` (see
 * describeError), or undefined if there is none. A {@link ContractRefusalError} keeps its own sentence.
 */
export function describeRevert(error: unknown, units: AmountUnits = {}): string | undefined {
  if (error instanceof ContractRefusalError) return error.message;
  const decoded = decodeRevert(error);
  return decoded ? describeError(decoded.errorName, decoded.args, units) : undefined;
}

/**
 * A contract's refusal, already put in a sentence with its amounts in the right units: what an action throws when it
 * knows the token involved (a payment in a currency of 2 decimals). `errorName` and `args` are the custom error's.
 */
export class ContractRefusalError extends CommonwealError {
  override name = "ContractRefusalError";
  constructor(
    readonly errorName: string,
    readonly args: readonly unknown[],
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * A refusal of a call a decision would make, found by simulating it as the circle before anything is proposed: the
 * proposal would pass for nothing.
 */
export class DecisionWouldFailError extends ContractRefusalError {
  override name = "DecisionWouldFailError";
  constructor(errorName: string, args: readonly unknown[], units: AmountUnits = {}, options?: { cause?: unknown }) {
    super(
      errorName,
      args,
      `This decision would fail if it were executed now: ${describeError(errorName, args, units)}`,
      options,
    );
  }
}

/**
 * `error` as a {@link ContractRefusalError} whose sentence writes amounts in `units`, if it carries a decodable custom
 * error; otherwise `error` unchanged. For an action that knows the token its call moves.
 */
export function refusalInUnits(error: unknown, units: AmountUnits): unknown {
  if (error instanceof ContractRefusalError) return error;
  const decoded = decodeRevert(error);
  if (!decoded) return error;
  const sentence = describeError(decoded.errorName, decoded.args, units);
  return new ContractRefusalError(decoded.errorName, decoded.args, sentence, { cause: error });
}

/**
 * `error` as a {@link DecisionWouldFailError} if it carries a decodable custom error (the simulation of a decision's
 * call, made as the circle), otherwise unchanged.
 */
export function decisionWouldFail(error: unknown, units: AmountUnits = {}): unknown {
  const decoded = decodeRevert(error);
  return decoded ? new DecisionWouldFailError(decoded.errorName, decoded.args, units, { cause: error }) : error;
}

function isDecoded(data: unknown): boolean {
  return typeof data === "object" && data !== null && typeof (data as { errorName?: unknown }).errorName === "string";
}

/**
 * The one sentence for any failure, as the CLI prints it after "Error: " and the app shows it: the client's own
 * errors by their message, a contract's custom error as its sentence (see describeRevert), else the library's short
 * message. The CLI adds only its network flag to the commands a sentence names.
 *
 * @example
 * try { await castVote(walletClient, { circle, proposalId, support: Support.For }); }
 * catch (error) { show(errorSentence(error)); } // "0x… has already voted on proposal 42."
 */
export function errorSentence(error: unknown): string {
  if (error instanceof CommonwealError) return error.message;
  const revert = describeRevert(error);
  if (revert) return revert;
  if (error instanceof Error) return (error as { shortMessage?: string }).shortMessage ?? error.message;
  return String(error);
}
