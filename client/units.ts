/**
 * Amounts and dates for people: one way to write a token amount, in whole units with the token's decimals (never in
 * its smallest unit) and its symbol where known, and one way to write a chain time, ISO 8601 in UTC. The sentences the
 * client and its faces write (refusals, results) go through here.
 *
 * @example
 * formatAmount(-10_001n, { decimals: 2, symbol: "HRS" }); // "-100.01 HRS"
 * formatAmount(96n * 10n ** 18n, INCOME_UNITS); // "96 tokens"
 */
import { formatUnits } from "viem";

/** How to write a token's amounts: its decimals and, where known, its symbol (and the symbol for exactly one). */
export interface AmountUnits {
  /** The token's decimals (default {@link DEFAULT_DECIMALS}). */
  decimals?: number;
  /** Written after the amount, e.g. "HRS" or "tokens". */
  symbol?: string;
  /** Written instead of `symbol` for exactly one whole unit, e.g. "token". */
  one?: string;
}

/**
 * The decimals assumed when a token's are not known: every token the suite itself issues uses 18 (income tokens and
 * their ERC-20 wrappers always; a circle's currency unless it chose otherwise when it was created).
 */
export const DEFAULT_DECIMALS = 18;

/** The income hub's tokens: 18 decimals (1 token an hour is 10^18), written "96 tokens", "1 token". */
export const INCOME_UNITS = { decimals: 18, symbol: "tokens", one: "token" } as const satisfies AmountUnits;

/**
 * An amount (signed) in whole units with trailing zeros trimmed, and its symbol if given: "-100.01 HRS", "96 tokens",
 * "0.5". Exact: no rounding, whatever the decimals.
 */
export function formatAmount(amount: bigint, units: AmountUnits = {}): string {
  const decimals = units.decimals ?? DEFAULT_DECIMALS;
  const number = formatUnits(amount, decimals);
  const whole = 10n ** BigInt(decimals);
  const symbol = units.one !== undefined && (amount === whole || amount === -whole) ? units.one : units.symbol;
  return symbol ? `${number} ${symbol}` : number;
}

/** An amount of the income hub's tokens (see {@link INCOME_UNITS}): "96 tokens", "0.5 tokens", "1 token". */
export function formatTokens(amount: bigint): string {
  return formatAmount(amount, INCOME_UNITS);
}
