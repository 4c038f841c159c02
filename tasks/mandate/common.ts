/** What the mandate tasks share: reading a mandate spec, its powers and ids from the command line. */
import { toFunctionSelector, type Hex } from "viem";

import type { MandateSpecParameters } from "../../client/mandates.js";
import type { PowerParameters } from "../../client/actions/mandate/resolvePowers.js";
import { CliError, requireAddress, type Connection } from "../cli.js";
import { parseDuration, resolveBody } from "../circle/shared.js";
import type { ResolveBodyReturnType } from "../../client/actions/circle/resolveBody.js";

/** The spec options of `mandate grant` and `mandate draw`. */
export interface SpecArgs {
  role?: string;
  title?: string;
  scope?: string;
  /** How long the mandate runs: a duration such as 30d, 12h or 2w. */
  term?: string;
  powers?: string;
}

/** A mandate spec as read from the options: the client fills in the title, hashes the scope and reads the caps. */
export type SpecInput = Omit<MandateSpecParameters, "powers"> & { powers: PowerParameters[] };

/** A positive whole number (a mandate or draw id), or a CliError naming the option. */
export function parseId(option: string, value: string | undefined): bigint {
  if (value === undefined || value === "") throw new CliError(`--${option} is required: give a number such as 1.`);
  if (!/^\d+$/.test(value) || BigInt(value) === 0n) {
    throw new CliError(`--${option} "${value}" is not an id: use a whole number from 1.`);
  }
  return BigInt(value);
}

/** The mandate's term in seconds: `--term` as a duration like every verb's (30d, 12h, 2w). */
export function parseTerm(args: Pick<SpecArgs, "term">): number {
  if (args.term === undefined || args.term === "") {
    throw new CliError("--term is required: give how long the mandate runs, such as 30d, 12h or 2w.");
  }
  const seconds = parseDuration("term", args.term);
  if (seconds === 0) throw new CliError(`--term "${args.term}" is no time at all: give a duration such as 30d.`);
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
 * `--powers` as target:function[:amount=N][:value=ETH] entries separated by commas, e.g.
 * `0xToken:transfer(address,uint256):amount=100,0xVendor:0x00000000:value=0.5`. A selector of 0x00000000 allows
 * plain ether transfers. `value` caps the ether one call may send (default 0: none); `amount` caps the tokens one
 * ERC-20 transfer/approve/transferFrom may move or approve, in the token's units (raw where the target has no
 * `decimals()`), and those three need it. The client reads the caps (see resolvePowers).
 */
export function parsePowers(value: string | undefined): PowerParameters[] {
  if (value === undefined || value.trim() === "") return [];
  return splitTopLevel(value, ",").map((entry) => {
    const [target, fn, ...caps] = splitTopLevel(entry, ":");
    if (target === undefined || fn === undefined) {
      throw new CliError(
        `--powers: "${entry}" is not a target:function pair, such as 0xToken:transfer(address,uint256):amount=100.`,
      );
    }
    const power: PowerParameters = { target: requireAddress("powers", target), selector: parseSelector("powers", fn) };
    for (const cap of caps) {
      const m = /^(amount|value)=(\d+(?:\.\d+)?)$/.exec(cap);
      if (!m) {
        throw new CliError(
          `--powers: "${cap}" in "${entry}" is not a cap: write amount=<tokens, e.g. 100 or 0.5> or value=<ether, e.g. 0.1>.`,
        );
      }
      if (m[1] === "amount") power.maxAmount = m[2]!;
      else power.maxValue = m[2]!;
    }
    return power;
  });
}

/** The spec options as the client's grant and draw take them. */
export function parseSpec(args: SpecArgs): SpecInput {
  const role = args.role?.trim();
  if (!role) throw new CliError(`--role is required: name the role, such as "treasurer".`);
  return {
    role,
    ...(args.title !== undefined ? { title: args.title } : {}),
    ...(args.scope !== undefined ? { scope: args.scope } : {}),
    duration: parseTerm(args),
    powers: parsePowers(args.powers),
  };
}

/** The powers' amount caps and the units each was read in, as a sentence ("" when no power has one). */
export function describeCaps(
  powers: readonly {
    power: { target: string; maxAmount: bigint };
    amountUnits?: { decimals: number; symbol?: string };
  }[],
): string {
  const capped = powers.filter((p) => p.power.maxAmount > 0n);
  if (capped.length === 0) return "";
  const each = capped.map(({ power, amountUnits }) =>
    amountUnits
      ? `the amount cap on ${power.target} read in units of ${amountUnits.symbol ?? "its token"} (${amountUnits.decimals} decimals)`
      : `the amount cap on ${power.target} read as a raw integer (it does not answer decimals())`,
  );
  return ` Caps: ${each.join("; ")}.`;
}

/** The circle at `--circle` and its parts; `--registry` overrides the deployment record. */
export function circleOf(c: Connection, args: { circle?: string; registry?: string }): Promise<ResolveBodyReturnType> {
  return resolveBody(c, "circle", args.circle, args.registry);
}
