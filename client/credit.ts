/**
 * What a circle's mutual-credit currency's actions share (see `client/actions/credit/`): its largest value, writing a
 * limit for people, and a payment's memo.
 *
 * Balances are signed and sum to zero across the circle: a member may go below zero down to their credit limit, and
 * above it up to their saturation limit. `balanceOf` (ERC-20) shows only the positive part; read `signedBalanceOf`.
 *
 * @example
 * formatLimit(10_000n, { decimals: 2, symbol: "HRS" }); // "100 HRS"
 * formatLimit(maxUint256, { decimals: 2, symbol: "HRS" }); // "unlimited"
 */
import { keccak256, stringToBytes, type Hex } from "viem";

import { formatAmount, type AmountUnits } from "./units.js";

/** The largest amount and limit a currency takes (2^100 - 1); a limit this high (or `maxUint256`) is no limit. */
export const MAX_CREDIT_VALUE = 2n ** 100n - 1n;

/** A limit in the currency's units; {@link MAX_CREDIT_VALUE} and above are "unlimited". */
export function formatLimit(limit: bigint, units: AmountUnits): string {
  return limit >= MAX_CREDIT_VALUE ? "unlimited" : formatAmount(limit, units);
}

/** A payment's memo: its text, and the hash the `Memo` event is indexed by (default: keccak256 of the text). */
export type CreditMemo = string | { text: string; hash: Hex };

/** A memo's text and hash, the hash computed from the text when not given. */
export function creditMemo(memo: CreditMemo): { text: string; hash: Hex } {
  return typeof memo === "string" ? { text: memo, hash: keccak256(stringToBytes(memo)) } : memo;
}
