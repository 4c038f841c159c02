/** What the mandate tasks share: reading a mandate spec and ids from the command line, and the ABI they call with. */
import { keccak256, parseAbi, toBytes, toFunctionSelector, type Abi, type Address, type Hex } from "viem";

import {
  circleAbi,
  circleMembershipAbi,
  circleRitualsAbi,
  councilSeatsAbi,
  creditFactoryAbi,
  demurragedIncomeTokenAbi,
  incomeHubAbi,
  incomeWrappersAbi,
  mandateBadgesAbi,
  mandatesAbi,
  mutualCreditAbi,
} from "../../client/abis.js";
import { withSuiteErrors } from "../../client/errors.js";
import { normaliseRoleName } from "../../client/mandates.js";
import { CliError, requireAddress, type Connection } from "../cli.js";
import { resolveCircle, type CircleParts } from "../resolve.js";

const DAY = 86_400;
const MAX_UINT32 = 2 ** 32 - 1;

/** The mandates module's ABI with every error that can surface through its calls. */
export const mandatesCallAbi = withSuiteErrors(mandatesAbi);

/** One call a mandate lets its holder have the circle perform, with its per-call caps. */
export interface Power {
  target: Address;
  selector: Hex;
  /** The most wei one call may send (0: none). */
  maxValue: bigint;
  /** For ERC-20 transfer/approve/transferFrom: the most tokens one call may move or approve (required). */
  maxAmount: bigint;
}

/** The ERC-20 selectors whose amount a power must cap: transfer, approve, transferFrom. */
export const TOKEN_AMOUNT_SELECTORS: readonly Hex[] = ["0xa9059cbb", "0x095ea7b3", "0x23b872dd"];

/** A mandate spec as `Mandates.grant` and `requestDraw` take it. */
export interface MandateSpec {
  role: string;
  title: string;
  scopeHash: Hex;
  duration: number;
  powers: Power[];
}

/** The spec options of `mandate grant` and `mandate draw`. */
export interface SpecArgs {
  role?: string;
  title?: string;
  scope?: string;
  days?: string;
  powers?: string;
}

/** A positive whole number (a mandate or draw id), or a CliError naming the option. */
export function parseId(option: string, value: string | undefined): bigint {
  if (value === undefined || value === "") throw new CliError(`--${option} is required: give a number such as 1.`);
  if (!/^\d+$/.test(value) || BigInt(value) === 0n) {
    throw new CliError(`--${option} "${value}" is not an id: use a whole number from 1.`);
  }
  return BigInt(value);
}

/** A duration in days (e.g. 30 or 0.5) as whole seconds, or a CliError. */
export function parseDays(option: string, value: string | undefined): number {
  if (value === undefined || value === "") throw new CliError(`--${option} is required: give a number of days.`);
  const seconds = /^\d+(\.\d+)?$/.test(value) ? Math.round(Number(value) * DAY) : NaN;
  if (!(seconds > 0) || seconds > MAX_UINT32) {
    throw new CliError(
      `--${option} "${value}" is not a duration: give a number of days above zero, such as 30 or 0.5.`,
    );
  }
  return seconds;
}

/** Splits `value` at `separator`s that are not inside parentheses (function signatures have commas). */
function splitTopLevel(value: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of value) {
    if (ch === "(") depth += 1;
    if (ch === ")") depth -= 1;
    if (ch === separator && depth === 0) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

/** A function selector from `0x` and 8 hex digits, or from a signature such as `transfer(address,uint256)`. */
export function parseSelector(option: string, value: string): Hex {
  if (/^0x[0-9a-fA-F]{8}$/.test(value)) return value.toLowerCase() as Hex;
  if (/^[A-Za-z_$][\w$]*\(.*\)$/.test(value)) {
    try {
      return toFunctionSelector(value);
    } catch {
      // fall through to the sentence below
    }
  }
  throw new CliError(
    `--${option}: "${value}" is not a function: give a selector (0x and 8 hex digits) or a signature such as transfer(address,uint256).`,
  );
}

/**
 * `--powers` as target:function[:amount=N][:value=WEI] entries separated by commas, e.g.
 * `0xToken:transfer(address,uint256):amount=1000,0xVendor:0x00000000:value=1000000000`. A selector of 0x00000000
 * allows plain value transfers. `value` caps the wei one call may send (default 0: none); `amount` caps the tokens
 * one ERC-20 transfer/approve/transferFrom may move or approve, and those three need it.
 */
export function parsePowers(value: string | undefined): Power[] {
  if (value === undefined || value.trim() === "") return [];
  return splitTopLevel(value, ",").map((entry) => {
    const [target, fn, ...caps] = splitTopLevel(entry, ":");
    if (target === undefined || fn === undefined) {
      throw new CliError(
        `--powers: "${entry}" is not a target:function pair, such as 0xToken:transfer(address,uint256):amount=100.`,
      );
    }
    const power: Power = {
      target: requireAddress("powers", target),
      selector: parseSelector("powers", fn),
      maxValue: 0n,
      maxAmount: 0n,
    };
    for (const cap of caps) {
      const m = /^(amount|value)=(\d+)$/.exec(cap);
      if (!m || BigInt(m[2]!) >= 2n ** 128n) {
        throw new CliError(
          `--powers: "${cap}" in "${entry}" is not a cap: write amount=<token units> or value=<wei>, below 2^128.`,
        );
      }
      if (m[1] === "amount") power.maxAmount = BigInt(m[2]!);
      else power.maxValue = BigInt(m[2]!);
    }
    if (TOKEN_AMOUNT_SELECTORS.includes(power.selector) && power.maxAmount === 0n) {
      throw new CliError(
        `--powers: "${entry}" moves tokens: give the most one call may move, e.g. ${target}:${fn}:amount=100.`,
      );
    }
    return power;
  });
}

/** A mandate spec from the options; the scope hash is keccak256 of `--scope` (default: the title). */
export function parseSpec(args: SpecArgs): MandateSpec {
  const given = args.role?.trim();
  const role = given ? normaliseRoleName(given) : given;
  if (!role) throw new CliError(`--role is required: name the role, such as "treasurer".`);
  const title = args.title?.trim() || `Carry out: ${role}`;
  const duration = parseDays("days", args.days);
  const powers = parsePowers(args.powers);
  return { role, title, scopeHash: keccak256(toBytes(args.scope ?? title)), duration, powers };
}

/** The spec in words: `"treasurer" for 30 day(s), with 1 power(s)`. */
export function describeSpec(spec: MandateSpec): string {
  const days = Number((spec.duration / DAY).toFixed(4));
  const powers = spec.powers.length === 0 ? "no powers" : `${spec.powers.length} power(s)`;
  return `"${spec.role}" (${spec.title}) for ${days} day(s), with ${powers}`;
}

/** The circle at `--circle` and its parts; `--registry` overrides the deployment record. */
export function circleOf(c: Connection, args: { circle?: string; registry?: string }): Promise<CircleParts> {
  return resolveCircle(c, "circle", args.circle, args.registry);
}
