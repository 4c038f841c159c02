/**
 * What every mandate action shares: the spec a grant or a draw carries, its powers and their caps, amounts written in
 * a token's units, and the names the contracts give. The actions themselves (read, list, grant, act, complete, hand
 * back, recall, draw) are in `actions/mandate/`.
 *
 * @example
 * const spec = mandateSpec({ role: "treasurer", duration: parseDuration("30d"), powers });
 * console.log(describeSpec(spec)); // "treasurer" (Carry out: treasurer) for 30 day(s), with 1 power(s)
 */
import { formatUnits, keccak256, parseUnits, stringToBytes, toFunctionSelector, type Address, type Hex } from "viem";

import { mandatesAbi } from "./abis.js";
import { InvalidParameterError, withSuiteErrors } from "./errors.js";

/**
 * The mandates module's ABI with every error that can surface through its calls (a target's revert bubbles up). Its
 * type is written out so the declaration files name it through viem, not through viem's own dependencies.
 */
export const mandatesCallAbi: ReturnType<typeof withSuiteErrors<typeof mandatesAbi>> = withSuiteErrors(mandatesAbi);

/** Why a mandate ended, by the number `mandate(id).endReason` holds (`IMandates.EndReason`). */
export const MANDATE_END_REASONS = [
  "None",
  "Expired",
  "Completed",
  "HandedBack",
  "Recalled",
  "Reset",
  "HolderLeft",
] as const;

/**
 * A role name with every address in it written in lowercase, so the same role is named one way however the address
 * was typed: a council's delegate role is "delegate to council 0x<lowercase hex>", and a checksummed council address
 * in `--role` must name that role, not a different one (role ids are the keccak256 of the name's bytes).
 *
 * @example
 * normaliseRoleName("delegate to council 0xAbC…") // "delegate to council 0xabc…"
 */
export function normaliseRoleName(role: string): string {
  return role.replace(/\b0x[0-9a-fA-F]{40}\b/g, (address) => address.toLowerCase());
}

// --- Powers and specs -----------------------------------------------------------------------------------------------

/** One call a mandate lets its holder have the circle perform, with its per-call caps, as the contract takes it. */
export interface Power {
  target: Address;
  selector: Hex;
  /** The most wei one call may send (0: none). */
  maxValue: bigint;
  /** For ERC-20 transfer/approve/transferFrom: the most tokens (raw) one call may move or approve (required). */
  maxAmount: bigint;
}

/** A mandate spec as `Mandates.grant` and `requestDraw` take it. */
export interface MandateSpec {
  role: string;
  title: string;
  scopeHash: Hex;
  /** How long the mandate runs, in seconds. */
  duration: number;
  powers: Power[];
}

/** The ERC-20 selectors whose amount a power must cap (the contract checks them): transfer, approve, transferFrom. */
export const TOKEN_AMOUNT_SELECTORS: readonly Hex[] = ["0xa9059cbb", "0x095ea7b3", "0x23b872dd"];

/**
 * The token functions whose amount is written in the token's units when their target answers ERC-20 `decimals()`:
 * the three a power caps, and the usual mint, burn and allowance functions. By selector: the signature, and which
 * argument is the amount. Every other whole number of a call is raw.
 */
export const TOKEN_AMOUNT_FUNCTIONS: Readonly<Record<Hex, { signature: string; amountArgument: number }>> =
  Object.fromEntries(
    [
      ["transfer(address,uint256)", 1],
      ["approve(address,uint256)", 1],
      ["transferFrom(address,address,uint256)", 2],
      ["mint(address,uint256)", 1],
      ["burn(uint256)", 0],
      ["burnFrom(address,uint256)", 1],
      ["increaseAllowance(address,uint256)", 1],
      ["decreaseAllowance(address,uint256)", 1],
    ].map(([signature, amountArgument]) => [
      toFunctionSelector(`function ${signature}`),
      { signature: signature as string, amountArgument: amountArgument as number },
    ]),
  );

/** The longest mandate a spec can carry (a uint32 of seconds); a circle's own `maxTerm` is usually far shorter. */
export const MAX_SPEC_DURATION = 2 ** 32 - 1;

/** What a mandate spec is made from: {@link mandateSpec} fills in the title and hashes the scope. */
export interface MandateSpecParameters {
  /** The role, e.g. "treasurer" (a role has one live holder; term limits count per role). */
  role: string;
  /** A short title of the issue (default "Carry out: <role>"). */
  title?: string;
  /** The full scope text, whose keccak256 is recorded (default: the title). */
  scope?: string;
  /** Seconds (see parseDuration). */
  duration: number;
  powers?: Power[];
}

/**
 * A mandate spec: the role named one way ({@link normaliseRoleName}), the title defaulted, the scope hashed. Refuses
 * an empty role and a duration that is not a whole number of seconds from 1 with an InvalidParameterError.
 */
export function mandateSpec(parameters: MandateSpecParameters): MandateSpec {
  const role = normaliseRoleName(parameters.role.trim());
  if (role === "") throw new InvalidParameterError("role", `A mandate needs a role: name it, such as "treasurer".`);
  const { duration } = parameters;
  if (!Number.isSafeInteger(duration) || duration < 1 || duration > MAX_SPEC_DURATION) {
    throw new InvalidParameterError(
      "duration",
      `A mandate runs for a whole number of seconds from 1 to ${MAX_SPEC_DURATION}; got ${duration}.`,
    );
  }
  const title = parameters.title?.trim() || `Carry out: ${role}`;
  const scopeHash = keccak256(stringToBytes(parameters.scope ?? title));
  return { role, title, scopeHash, duration, powers: parameters.powers ?? [] };
}

/** The spec in words: `"treasurer" (Carry out: treasurer) for 30 day(s), with 1 power(s)`. */
export function describeSpec(spec: MandateSpec): string {
  const days = Number((spec.duration / 86_400).toFixed(4));
  const powers = spec.powers.length === 0 ? "no powers" : `${spec.powers.length} power(s)`;
  return `"${spec.role}" (${spec.title}) for ${days} day(s), with ${powers}`;
}

// --- Amounts in units -----------------------------------------------------------------------------------------------

/** An ERC-20's units: its decimals and, where it answers `symbol()`, its symbol. */
export interface TokenUnits {
  token: Address;
  decimals: number;
  symbol?: string;
}

/** How a token's units are named in a sentence: its symbol, else its address. */
export function unitName(units: TokenUnits): string {
  return units.symbol ?? `the token at ${units.token}`;
}

/** A raw amount written in the token's units with its symbol: `25 MCT`, `0.5 MCT`. */
export function formatTokenAmount(raw: bigint, units: TokenUnits): string {
  return `${formatUnits(raw, units.decimals)} ${unitName(units)}`;
}

/**
 * An amount given as text (or a JSON number) in a token's units (`25`, `0.5`) as the raw integer the contract takes,
 * or, without units, a raw whole number as it is. `subject` names the amount in a refusal (an InvalidParameterError
 * for `parameter`).
 */
export function amountFromUnits(
  given: unknown,
  units: TokenUnits | undefined,
  where: { parameter: string; subject: string },
): bigint {
  const text = typeof given === "number" || typeof given === "string" || typeof given === "bigint" ? `${given}` : "";
  const shown = typeof given === "bigint" ? `${given}` : JSON.stringify(given);
  if (units === undefined) {
    if (!/^\d+$/.test(text)) {
      throw new InvalidParameterError(
        where.parameter,
        `${where.subject} ${shown} is not a whole number: it is read as a raw integer.`,
      );
    }
    return BigInt(text);
  }
  if (!new RegExp(`^\\d+(\\.\\d{1,${units.decimals}})?$`).test(text)) {
    throw new InvalidParameterError(
      where.parameter,
      `${where.subject} ${shown} is not an amount of ${unitName(units)}: write digits with at most ${units.decimals} decimals, such as 25 or 0.5 (it is read in units of ${unitName(units)}, ${units.decimals} decimals).`,
    );
  }
  return parseUnits(text, units.decimals);
}
