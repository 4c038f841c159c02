import type { Address } from "viem";

import { addr, big, type LedgerClient } from "../../ledger.js";
import { listCurrencyRows, type LedgerCurrency } from "./readLedgerCurrency.js";

export interface ListCreditPairsParameters {
  /** The circle (or council) whose currency's pair ledger to list. */
  circle: Address;
}

/** What `giver` has given `receiver` in a circle's currency, ever (the contract's `givenTo`). */
export interface LedgerCreditPair {
  giver: Address;
  receiver: Address;
  /** In the currency's smallest unit. */
  given: bigint;
  payments: number;
  /** The first and the latest payment from giver to receiver. */
  firstAt: bigint;
  firstAtBlock: bigint;
  lastAt: bigint;
  lastAtBlock: bigint;
}

export interface ListCreditPairsReturnType {
  /** The circle's currency (its units: `decimals`, `symbol`), or null if it has none: then no pairs. */
  currency: LedgerCurrency | null;
  /** By giver, then receiver. */
  pairs: LedgerCreditPair[];
}

interface PairRow {
  giver: string;
  receiver: string;
  given: string;
  payments: number;
  createdAt: string;
  createdAtBlock: string;
  updatedAt: string;
  updatedAtBlock: string;
}

/**
 * The reciprocity ledger of a circle's mutual-credit currency, from the ledger: for each ordered pair of accounts,
 * what one has given the other in payments, in how many, since when.
 *
 * @example
 * const { pairs } = await listCreditPairs({ url }, { circle });
 * const owedThanks = pairs.filter((p) => p.receiver === me);
 */
export async function listCreditPairs(
  ledger: LedgerClient,
  parameters: ListCreditPairsParameters,
): Promise<ListCreditPairsReturnType> {
  const { currency, rows } = await listCurrencyRows<PairRow>(ledger, parameters.circle, "creditPairs", {
    filterType: "creditPairFilter",
    orderBy: "giver",
    selection: "giver receiver given payments createdAt createdAtBlock updatedAt updatedAtBlock",
  });
  const pairs = rows.map((r) => ({
    giver: addr(r.giver),
    receiver: addr(r.receiver),
    given: big(r.given),
    payments: r.payments,
    firstAt: big(r.createdAt),
    firstAtBlock: big(r.createdAtBlock),
    lastAt: big(r.updatedAt),
    lastAtBlock: big(r.updatedAtBlock),
  }));
  const key = (p: LedgerCreditPair) => `${p.giver.toLowerCase()}${p.receiver.toLowerCase()}`;
  pairs.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return { currency, pairs };
}
