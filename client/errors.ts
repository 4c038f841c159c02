/**
 * Readable sentences for Commonweal's custom errors. Decode a revert with your library (ethers
 * `contract.interface.parseError(data)`, viem `decodeErrorResult`) and pass its name and arguments here.
 */

type Args = readonly unknown[];

const date = (seconds: unknown): string => {
  const n = Number(seconds);
  return n === 0
    ? "never"
    : new Date(n * 1000)
        .toISOString()
        .replace("T", " ")
        .replace(/\.\d+Z$/, " UTC");
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

/** Sentence templates, by error name. Anything not listed falls back to `Name(arg, ...)`. */
export const ERROR_SENTENCES: Readonly<Record<string, (args: Args) => string>> = {
  CircleCharterLapsed: ([expiredAt]) =>
    `The circle's charter lapsed on ${date(expiredAt)}: only ratifying a charter, admitting or removing members, or dissolving can be executed until it is re-ratified.`,
  CircleIsDissolved: () => "The circle has dissolved and makes no more decisions.",
  CircleNotInElectorate: ([proposalId, account]) =>
    `${account} cannot vote on proposal ${proposalId}: they were not a member when it was made, or are no longer one.`,
  CircleMembershipAlreadyMember: ([account]) => `${account} is already a member.`,
  CircleMembershipNotMember: ([account]) => `${account} is not a member.`,
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
};

/** A readable sentence for a decoded custom error. */
export function describeError(name: string, args: Args): string {
  const sentence = ERROR_SENTENCES[name];
  if (sentence) return sentence(args);
  return `${name}(${args.map(String).join(", ")})`;
}
