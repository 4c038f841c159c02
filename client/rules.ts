/**
 * A circle's rule set, as the registry and circles take it (see `contracts/interfaces/ICircleRules.sol`).
 * All durations are in seconds.
 */
import { formatDuration } from "./time.js";

export interface CircleRules {
  minMembers: number;
  maxMembers: number;
  quorumPercent: number;
  resetThreshold: number;
  votingDelay: number;
  votingPeriod: number;
  executionWindow: number;
  resetWindow: number;
  temperaturePeriod: number;
  dominanceCooldown: number;
  charterTerm: number;
  resetCooldown: number;
}

/** The rule names in the order of the Solidity struct. */
export const CIRCLE_RULE_KEYS = [
  "minMembers",
  "maxMembers",
  "quorumPercent",
  "resetThreshold",
  "votingDelay",
  "votingPeriod",
  "executionWindow",
  "resetWindow",
  "temperaturePeriod",
  "dominanceCooldown",
  "charterTerm",
  "resetCooldown",
] as const satisfies readonly (keyof CircleRules)[];

/**
 * A rule set as one readable line, as `circle info` prints it and the app shows it.
 *
 * @example
 * describeRules(rules); // "3-12 members, quorum 50%, voting delay 1d, …"
 */
export function describeRules(rules: CircleRules): string {
  const d = formatDuration;
  return (
    `${rules.minMembers}-${rules.maxMembers} members, quorum ${rules.quorumPercent}%, voting delay ${d(rules.votingDelay)}, ` +
    `voting period ${d(rules.votingPeriod)}, execution window ${d(rules.executionWindow)}, ` +
    `charter term ${d(rules.charterTerm)}, hard reset by ${rules.resetThreshold} within ${d(rules.resetWindow)}, ` +
    `temperature period ${d(rules.temperaturePeriod)}, dominance cooldown ${d(rules.dominanceCooldown)}, ` +
    `reset cooldown ${d(rules.resetCooldown)}`
  );
}

/**
 * Turns a rules struct read from the chain (bigint fields, as ethers and viem return them) into plain numbers
 * that can be printed or sent back.
 *
 * @example
 * const rules = rulesFromChain(await registry.defaultRules());
 */
export function rulesFromChain(output: Readonly<Record<keyof CircleRules, bigint | number>>): CircleRules {
  const rules = {} as CircleRules;
  for (const key of CIRCLE_RULE_KEYS) rules[key] = Number(output[key]);
  return rules;
}

/** The rules of a circle's mandates (see `MandateRules` in `contracts/interfaces/ICircleRules.sol`). */
export interface MandateRules {
  maxTerm: number;
  termCooldown: number;
  facilitationPeriod: number;
  termLimit: number;
  maxLivePerMember: number;
  proposerStepsAside: boolean;
  /** Length of a pair-link audit period in seconds (0: no audits); at most `maxTerm`. */
  auditPeriod: number;
  /** Seconds between mentorship inversions (0: no inversions). */
  inversionPeriod: number;
}

/** The mandate rule names in the order of the Solidity struct. */
export const MANDATE_RULE_KEYS = [
  "maxTerm",
  "termCooldown",
  "facilitationPeriod",
  "termLimit",
  "maxLivePerMember",
  "proposerStepsAside",
  "auditPeriod",
  "inversionPeriod",
] as const satisfies readonly (keyof MandateRules)[];

/**
 * Turns mandate rules read from the chain into plain values.
 *
 * @example
 * const mandateRules = mandateRulesFromChain(await registry.defaultMandateRules());
 */
export function mandateRulesFromChain(output: {
  maxTerm: bigint | number;
  termCooldown: bigint | number;
  facilitationPeriod: bigint | number;
  termLimit: bigint | number;
  maxLivePerMember: bigint | number;
  proposerStepsAside: boolean;
  auditPeriod: bigint | number;
  inversionPeriod: bigint | number;
}): MandateRules {
  return {
    maxTerm: Number(output.maxTerm),
    termCooldown: Number(output.termCooldown),
    facilitationPeriod: Number(output.facilitationPeriod),
    termLimit: Number(output.termLimit),
    maxLivePerMember: Number(output.maxLivePerMember),
    proposerStepsAside: output.proposerStepsAside,
    auditPeriod: Number(output.auditPeriod),
    inversionPeriod: Number(output.inversionPeriod),
  };
}

/**
 * Mandate rules as one readable line, as `circle info` prints them and the app shows them.
 *
 * @example
 * describeMandateRules(mandateRules); // "terms up to 90d, 2 consecutive term(s), 1 live per member, facilitator every 7d, the proposer steps aside, a pair-link audit every 90d, a mentorship inversion every 365d"
 */
export function describeMandateRules(rules: MandateRules): string {
  return (
    `terms up to ${formatDuration(rules.maxTerm)}, ${rules.termLimit} consecutive term(s), ` +
    `${rules.maxLivePerMember} live per member, facilitator every ${formatDuration(rules.facilitationPeriod)}` +
    `${rules.proposerStepsAside ? ", the proposer steps aside" : ""}` +
    `, ${rules.auditPeriod === 0 ? "no pair-link audits" : `a pair-link audit every ${formatDuration(rules.auditPeriod)}`}` +
    `, ${rules.inversionPeriod === 0 ? "no mentorship inversion" : `a mentorship inversion every ${formatDuration(rules.inversionPeriod)}`}`
  );
}
