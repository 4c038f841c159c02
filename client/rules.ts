/**
 * A circle's rule set, as the registry and circles take it (see `contracts/interfaces/ICircleRules.sol`).
 * All durations are in seconds.
 */
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
}

/** The mandate rule names in the order of the Solidity struct. */
export const MANDATE_RULE_KEYS = [
  "maxTerm",
  "termCooldown",
  "facilitationPeriod",
  "termLimit",
  "maxLivePerMember",
  "proposerStepsAside",
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
}): MandateRules {
  return {
    maxTerm: Number(output.maxTerm),
    termCooldown: Number(output.termCooldown),
    facilitationPeriod: Number(output.facilitationPeriod),
    termLimit: Number(output.termLimit),
    maxLivePerMember: Number(output.maxLivePerMember),
    proposerStepsAside: output.proposerStepsAside,
  };
}
