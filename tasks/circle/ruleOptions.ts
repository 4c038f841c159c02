/**
 * The rule options shared by `circle create` and `council create`, named after the fields of `CircleRules` and
 * `MandateRules`. Loaded with the Hardhat config, so it imports nothing heavy.
 */
import { option } from "../options.js";

const DURATION = "a duration with its unit: 90s, 15m, 2h, 7d, 2w, 1d12h";

/** The options of the circle's rules (`CircleRules`), each overriding the registry's default. */
export const circleRuleOptions = [
  option("minMembers", "Fewest founding members (default: the registry's)"),
  option("maxMembers", "Most members at once (default: the registry's)"),
  option(
    "quorumPercent",
    "Quorum, percent of the members when a proposal is made: for + abstain (default: the registry's)",
  ),
  option("resetThreshold", "Distinct members whose signals trigger a hard reset, at least 3 (default: the registry's)"),
  option("votingDelay", `Notice between a proposal and its vote (${DURATION})`),
  option("votingPeriod", `How long voting stays open (${DURATION})`),
  option("executionWindow", `How long a passed proposal may still be executed (${DURATION})`),
  option("resetWindow", `How long a hard-reset round stays open (${DURATION})`),
  option("temperaturePeriod", `Length of one decision period of the temperature check (${DURATION})`),
  option("dominanceCooldown", `How long a member named dominant by a majority sits out of roles (${DURATION})`),
  option("charterTerm", `How long a ratified charter stays in force (${DURATION})`),
  option("resetCooldown", `How long a member whose signal completed a hard reset waits to signal again (${DURATION})`),
] as const;

/** The options of the mandate rules (`MandateRules`), each overriding the registry's default. */
export const mandateRuleOptions = [
  option("maxTerm", `Longest term a mandate may be granted for (${DURATION})`),
  option("termCooldown", `How long a member at the term limit sits out of that role (${DURATION})`),
  option("facilitationPeriod", `Term of the facilitator drawn by lot (${DURATION}; 0 for none)`),
  option("termLimit", "Most consecutive terms of one role (default: the registry's)"),
  option("maxLivePerMember", "Most live mandates one member holds at once (default: the registry's)"),
  option("proposerStepsAside", "Whether whoever proposes a mandate may not hold it: true or false (default: true)"),
  option("auditPeriod", `Length of a pair-link audit period, at most --max-term (${DURATION}; 0 for none)`),
  option("inversionPeriod", `Time between mentorship inversions (${DURATION}; 0 for none)`),
] as const;

/** Anything options can be added to: a task builder. */
interface OptionAdder {
  addOption(option: (typeof circleRuleOptions)[number] | (typeof mandateRuleOptions)[number]): OptionAdder;
}

/**
 * Adds every rule option to a task builder. The options are all optional strings the action checks, so the builder's
 * type need not track them one by one.
 */
export function addRuleOptions<B>(builder: B): B {
  let b = builder as unknown as OptionAdder;
  for (const o of [...circleRuleOptions, ...mandateRuleOptions]) b = b.addOption(o);
  return b as unknown as B;
}
