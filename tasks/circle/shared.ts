/**
 * What the circle and council tasks share: parsing ids, support values, durations, hashes, calls and the circle or
 * proposal an option names; printing a proposal just made (the client's propose), dates and durations.
 */
import type { Address, Hex } from "viem";

import { parseDuration as parseClientDuration } from "../../client/chain.js";
import {
  resolveBody as resolveBodyAction,
  type ResolveBodyReturnType,
} from "../../client/actions/circle/resolveBody.js";
import { encodeCall } from "../../client/actions/call/encodeCall.js";
import type { ProposeReturnType } from "../../client/actions/proposal/propose.js";
import type { ReadScheduleReturnType } from "../../client/actions/proposal/readSchedule.js";
import { resolveProposalRef } from "../../client/actions/proposal/resolveProposalRef.js";
import { ProposalRefError, SUPPORT_NAMES, type Support } from "../../client/proposals.js";
import { formatDuration, isoTime } from "../../client/time.js";
import { readRulesWithOverrides } from "../../client/actions/circle/readRulesWithOverrides.js";
import {
  CIRCLE_RULE_KEYS,
  MANDATE_RULE_KEYS,
  describeRules,
  type CircleRules,
  type MandateRules,
} from "../../client/rules.js";
import { CliError, parseAmount, requireAddress, type Connection } from "../cli.js";

// ------------------------------------------------------------------
// Parsing
// ------------------------------------------------------------------

/**
 * The circle or council at `--<option>` and its parts: a malformed address is a CliError; the client's resolveBody
 * refuses one that is no body of this network's registry (`--registry` overrides the deployment record).
 */
export async function resolveBody(
  c: Connection,
  option: string,
  value: string | undefined,
  registry?: string,
): Promise<ResolveBodyReturnType> {
  const address = requireAddress(option, value);
  return resolveBodyAction(c.publicClient, { address, registry: registryOf(c, registry) });
}

/** The registry to use: `--registry`, or this network's deployment record. */
export function registryOf(c: Connection, registry: string | undefined): Address {
  return registry ? requireAddress("registry", registry) : c.deployment().registry;
}

/** A whole number in decimal (or 0x hex), between `min` and `max`; a CliError naming the option otherwise. */
export function parseWhole(
  option: string,
  value: string | undefined,
  { min = 0n, max = 2n ** 256n - 1n, example = "12" }: { min?: bigint; max?: bigint; example?: string } = {},
): bigint {
  if (value === undefined || value === "")
    throw new CliError(`--${option} is required: give a number such as ${example}.`);
  const text = value.trim();
  if (!/^(\d+|0x[0-9a-fA-F]+)$/.test(text)) {
    throw new CliError(`--${option} "${value}" is not a whole number: use digits only (e.g. ${example}).`);
  }
  const n = BigInt(text);
  if (n < min || n > max) throw new CliError(`--${option} must be between ${min} and ${max}; got ${n}.`);
  return n;
}

/** A vote: 0 against, 1 for, 2 abstain (OpenZeppelin Governor's counting), and the names the options use. */
export { SUPPORT_NAMES, type Support };

/** `for`, `against` or `abstain` as the Governor's support value. */
export function parseSupport(value: string | undefined): Support {
  if (value === undefined || value === "") throw new CliError("--support is required: for, against or abstain.");
  const index = SUPPORT_NAMES.indexOf(value.trim().toLowerCase() as (typeof SUPPORT_NAMES)[number]);
  if (index < 0) throw new CliError(`--support "${value}" is not a vote: use for, against or abstain.`);
  return index as Support;
}

/**
 * A duration in seconds, written with units like every verb's (90s, 15m, 2h, 7d, 2w, 1d12h): a bare number is refused,
 * since "30" could mean seconds or days. A bare 0 (none, e.g. no cooldown) is unambiguous and accepted.
 */
export function parseDuration(option: string, value: string): number {
  if (value.trim() === "0") return 0;
  return parseClientDuration(value, {
    label: `--${option}`,
    zero: true,
    max: 0xffffffff,
    maxText: "4294967295 seconds (about 136 years)",
  });
}

/** A bytes32 written as 0x and 64 hex digits (a content hash, a template id). */
export function parseBytes32(option: string, value: string | undefined, what = "a hash"): Hex {
  if (value === undefined || value === "")
    throw new CliError(`--${option} is required: give ${what} (0x and 64 hex digits).`);
  if (!/^0x[0-9a-fA-F]{64}$/.test(value)) {
    throw new CliError(
      `--${option} "${value}" is not ${what}: give 0x and 64 hex digits (e.g. the keccak256 of the text).`,
    );
  }
  return value.toLowerCase() as Hex;
}

/** Calldata: 0x and whole bytes of hex ("0x" for none). */
export function parseCalldata(option: string, value: string): Hex {
  if (!/^0x([0-9a-fA-F]{2})*$/.test(value)) {
    throw new CliError(
      `--${option} "${value}" is not calldata: give 0x followed by whole bytes of hex (or 0x for none).`,
    );
  }
  return value as Hex;
}

/** A comma-separated list of addresses, at least one, none twice. */
export function parseAddressList(option: string, value: string | undefined): Address[] {
  if (value === undefined || value.trim() === "") {
    throw new CliError(`--${option} is required: give addresses separated by commas (0x…,0x…).`);
  }
  const addresses = value.split(",").map((part) => requireAddress(option, part.trim()));
  const seen = new Set<string>();
  for (const address of addresses) {
    if (seen.has(address)) throw new CliError(`--${option} lists ${address} twice.`);
    seen.add(address);
  }
  return addresses;
}

/** A non-empty description of a proposal. */
export function requireText(option: string, value: string | undefined, what: string): string {
  if (value === undefined || value.trim() === "") throw new CliError(`--${option} is required: ${what}.`);
  return value;
}

// ------------------------------------------------------------------
// Rules
// ------------------------------------------------------------------

/** The rule options, by rule name: numbers for counts and percentages, durations for the rest. */
const RULE_KINDS: Readonly<Record<keyof CircleRules | keyof MandateRules, "count" | "duration" | "boolean">> = {
  minMembers: "count",
  maxMembers: "count",
  quorumPercent: "count",
  resetThreshold: "count",
  votingDelay: "duration",
  votingPeriod: "duration",
  executionWindow: "duration",
  resetWindow: "duration",
  temperaturePeriod: "duration",
  dominanceCooldown: "duration",
  charterTerm: "duration",
  resetCooldown: "duration",
  maxTerm: "duration",
  termCooldown: "duration",
  facilitationPeriod: "duration",
  termLimit: "count",
  maxLivePerMember: "count",
  proposerStepsAside: "boolean",
  auditPeriod: "duration",
  inversionPeriod: "duration",
};

export { MANDATE_RULE_KEYS };

/** The rule overrides given as options (`--voting-period 2d`, ...), as option values. */
export type RuleArgs = Partial<Record<keyof CircleRules | keyof MandateRules, string>>;

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The names (`--voting-period`, ...) of the rule options that were given. */
export function givenRuleOptions(args: RuleArgs): string[] {
  return [...CIRCLE_RULE_KEYS, ...MANDATE_RULE_KEYS]
    .filter((key) => args[key] !== undefined && args[key] !== "")
    .map((key) => `--${kebab(key)}`);
}

function parseRule(key: keyof typeof RULE_KINDS, value: string): number | boolean {
  const option = kebab(key);
  switch (RULE_KINDS[key]) {
    case "duration":
      return parseDuration(option, value);
    case "count":
      return Number(parseWhole(option, value, { max: 255n, example: "6" }));
    case "boolean":
      if (value === "true") return true;
      if (value === "false") return false;
      throw new CliError(`--${option} "${value}" is not true or false.`);
  }
}

/**
 * The rule options given (`--voting-period 2d`, ...), parsed: each is checked before the network is asked anything;
 * whether the rules make sense together the contract says, in a sentence, when the founding is simulated.
 */
export function parseRuleOverrides(args: RuleArgs): Partial<CircleRules & MandateRules> {
  const overrides: Partial<Record<keyof typeof RULE_KINDS, number | boolean>> = {};
  for (const key of [...CIRCLE_RULE_KEYS, ...MANDATE_RULE_KEYS]) {
    const value = args[key];
    if (value !== undefined && value !== "") overrides[key] = parseRule(key, value);
  }
  return overrides as Partial<CircleRules & MandateRules>;
}

/** The registry's default rules with `base` and the given options applied (the client's readRulesWithOverrides). */
export async function rulesWithOverrides(
  c: Connection,
  registry: Address,
  args: RuleArgs,
  base: Partial<CircleRules> = {},
): Promise<{ rules: CircleRules; mandateRules: MandateRules }> {
  const overrides = parseRuleOverrides(args);
  return readRulesWithOverrides(c.publicClient, { registry, overrides, base });
}

// ------------------------------------------------------------------
// Calls
// ------------------------------------------------------------------

/** One call of a proposal. */
export interface Call {
  target: Address;
  value: bigint;
  data: Hex;
}

/** What `--target`, `--data` or `--function`/`--args`, and `--value` say to call. */
export interface CallArgs {
  target?: string;
  data?: string;
  function?: string;
  args?: string;
  value?: string;
}

/** `--args` as a JSON array (none: no arguments), or a CliError saying how to write it. */
export function parseJsonArgs(value: string | undefined): unknown[] {
  if (value === undefined || value === "") return [];
  let values: unknown;
  try {
    values = JSON.parse(value);
  } catch {
    throw new CliError(`--args is not JSON: give a JSON array such as '["0x…", "25"]'.`);
  }
  if (!Array.isArray(values)) throw new CliError(`--args is not a JSON array: give one such as '["0x…", "25"]'.`);
  return values;
}

/**
 * The call the options describe: `--target` with raw `--data`, or with `--function "transfer(address,uint256)"`
 * and `--args '["0x…", "25"]'` (a JSON array) encoded by the client's encodeCall (a token function's amount in the
 * token's units on an ERC-20, every other whole number raw); `--value` in ether (default 0).
 */
export async function parseCall(c: Connection, args: CallArgs): Promise<Call> {
  const target = requireAddress("target", args.target);
  const value = args.value === undefined || args.value === "" ? 0n : parseAmount("value", args.value);
  if (args.function !== undefined && args.function !== "") {
    if (args.data !== undefined && args.data !== "") throw new CliError("Give either --data or --function, not both.");
    const signature = args.function.trim();
    const { data } = await encodeCall(c.publicClient, { target, signature, args: parseJsonArgs(args.args) });
    return { target, value, data };
  }
  if (args.args !== undefined && args.args !== "")
    throw new CliError("--args needs --function to say how to encode them.");
  if (args.data === undefined || args.data === "") {
    throw new CliError("Say what to call: --data 0x… (calldata), or --function \"name(types)\" with --args '[…]'.");
  }
  return { target, value, data: parseCalldata("data", args.data) };
}

// ------------------------------------------------------------------
// Proposals
// ------------------------------------------------------------------

/**
 * The proposal `--proposal` names in a circle or council: its id, a unique prefix of it, or `latest`, resolved by the
 * client among the circle's proposals; refuses with the client's sentence.
 */
export async function resolveProposal(c: Connection, circle: Address, value: string | undefined): Promise<bigint> {
  if (value === undefined || value.trim() === "") {
    throw new CliError("--proposal is required: the id `circle propose` printed, a unique prefix of it, or latest.");
  }
  try {
    return await resolveProposalRef(c.publicClient, { circle, ref: value });
  } catch (error) {
    if (error instanceof ProposalRefError && error.reason === "malformed")
      throw new CliError(`--proposal ${error.message}`);
    throw error;
  }
}

/** A proposal just made (by the client's propose or proposeInCouncil), as the tasks print it: dates, not seconds. */
export type ProposalMade<made extends { schedule: unknown } = ProposeReturnType> = Omit<made, "schedule"> & {
  votingOpensAt: string;
  votingClosesAt: string;
};

/** The client's result of a proposal with its schedule as ISO dates, for the sentence and for --json. */
export function proposalMade<made extends { schedule: ReadScheduleReturnType }>({
  schedule,
  ...made
}: made): ProposalMade<made> {
  return { ...made, votingOpensAt: iso(schedule.votingOpensAt), votingClosesAt: iso(schedule.deadline) };
}

/**
 * What a proposer is told after saying what they proposed: "proposal <id> (transaction <hash>).", what the client did
 * first (if anything), when voting opens and closes, and the commands that vote and execute. A council's proposal
 * (`council` given) is voted on by the delegates.
 */
export function nextSteps(
  p: Pick<ProposalMade, "circle" | "proposalId" | "transaction" | "note" | "votingOpensAt" | "votingClosesAt">,
  { council }: { council?: Address } = {},
): string {
  const body = council ?? p.circle;
  const vote = council
    ? `the delegates vote (npx hardhat council vote --council ${council}`
    : `members vote (npx hardhat circle vote --circle ${body}`;
  return (
    `proposal ${p.proposalId} (transaction ${p.transaction}). ${p.note ? `${p.note} ` : ""}` +
    `Voting opens at ${p.votingOpensAt} and closes at ${p.votingClosesAt}. Next: ${vote} --proposal ${p.proposalId} ` +
    `--support for), then, once it has passed, anyone executes it (npx hardhat circle execute --circle ${body} ` +
    `--proposal ${p.proposalId}).`
  );
}

/** "voted for", "voted against" or "abstained on". */
export function voted(support: (typeof SUPPORT_NAMES)[Support]): string {
  return support === "abstain" ? "abstained on" : `voted ${support}`;
}

// ------------------------------------------------------------------
// Printing
// ------------------------------------------------------------------

/** Seconds since the epoch as an ISO date in UTC, "never" for zero: the client's way of writing times. */
export const iso = isoTime;

/** A duration in seconds as "7d", "1h 30m" or "90s" (the client's formatDuration). */
export const duration = formatDuration;

/** Rules as one readable line (the client's describeRules, which the app shows too). */
export { describeRules };
