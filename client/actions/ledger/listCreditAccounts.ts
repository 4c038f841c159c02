import type { Address } from "viem";

import { addr, big, bigOrNull, type LedgerClient } from "../../ledger.js";
import { listCurrencyRows, type LedgerCurrency } from "./readLedgerCurrency.js";

export interface ListCreditAccountsParameters {
  /** The circle (or council) whose currency's accounts to list. */
  circle: Address;
}

/** An account of a circle's currency: its signed balance, its own limits, and what it gave and received. */
export interface LedgerCreditAccount {
  account: Address;
  /** Signed, in the currency's smallest unit: below zero is credit used. Sums to zero over the accounts. */
  balance: bigint;
  /** The account's own limits; null while the currency's defaults apply. */
  creditLimit: bigint | null;
  saturationLimit: bigint | null;
  /** Admitted to hold though not a member (the commons, another circle's commons). */
  admitted: boolean;
  /** Paid out and received in payments, ever. */
  given: bigint;
  received: bigint;
  /** Balance changes outside payments: departures to the commons and jubilees. */
  offLedger: bigint;
  /** Left, with the balance moved to the commons or the debt kept (until it pays or receives again). */
  departed: boolean;
  /** When the account first appeared, and last changed. */
  createdAt: bigint;
  createdAtBlock: bigint;
  updatedAt: bigint;
  updatedAtBlock: bigint;
}

export interface ListCreditAccountsReturnType {
  /** The circle's currency (its units: `decimals`, `symbol`), or null if it has none: then no accounts. */
  currency: LedgerCurrency | null;
  /** In the order they first appeared. */
  accounts: LedgerCreditAccount[];
}

interface AccountRow {
  account: string;
  balance: string;
  creditLimit: string | null;
  saturationLimit: string | null;
  admitted: boolean;
  given: string;
  received: string;
  offLedger: string;
  departed: boolean;
  createdAt: string;
  createdAtBlock: string;
  updatedAt: string;
  updatedAtBlock: string;
}

/**
 * The accounts of a circle's mutual-credit currency, from the ledger: each one's signed balance, limits, what it
 * gave and received in payments, and what changed it outside payments (departures, jubilees).
 *
 * @example
 * const { currency, accounts } = await listCreditAccounts({ url }, { circle });
 * for (const a of accounts) console.log(`${a.account}: ${formatAmount(a.balance, currency!)}`);
 */
export async function listCreditAccounts(
  ledger: LedgerClient,
  parameters: ListCreditAccountsParameters,
): Promise<ListCreditAccountsReturnType> {
  const { currency, rows } = await listCurrencyRows<AccountRow>(ledger, parameters.circle, "creditAccounts", {
    filterType: "creditAccountFilter",
    orderBy: "account",
    selection:
      "account balance creditLimit saturationLimit admitted given received offLedger departed createdAt createdAtBlock updatedAt updatedAtBlock",
  });
  const accounts = rows.map((r) => ({
    account: addr(r.account),
    balance: big(r.balance),
    creditLimit: bigOrNull(r.creditLimit),
    saturationLimit: bigOrNull(r.saturationLimit),
    admitted: r.admitted,
    given: big(r.given),
    received: big(r.received),
    offLedger: big(r.offLedger),
    departed: r.departed,
    createdAt: big(r.createdAt),
    createdAtBlock: big(r.createdAtBlock),
    updatedAt: big(r.updatedAt),
    updatedAtBlock: big(r.updatedAtBlock),
  }));
  // Stable: accounts that appeared in the same block stay in address order.
  accounts.sort((a, b) => (a.createdAtBlock === b.createdAtBlock ? 0 : a.createdAtBlock < b.createdAtBlock ? -1 : 1));
  return { currency, accounts };
}
