import type { Address, Hash } from "viem";

import { big, type LedgerClient } from "../../ledger.js";
import { listCurrencyRows, type LedgerCurrency } from "./readLedgerCurrency.js";

export interface ListJubileesParameters {
  /** The circle (or council) whose currency's jubilees to list. */
  circle: Address;
}

/** A jubilee of a circle's currency: what it cleared. */
export interface LedgerJubilee {
  /** 1 for the currency's first, and so on. */
  number: number;
  /** Balances it cleared or changed, the commons included. */
  accounts: bigint;
  /** The positive balances cleared (their sum) and the debts cleared (their sum, negative). */
  creditCleared: bigint;
  debtCleared: bigint;
  /** The other circles' clearing claims kept (their sum), carried by the commons as their opposite. */
  claimsKept: bigint;
  at: bigint;
  block: bigint;
  transactionHash: Hash;
}

export interface ListJubileesReturnType {
  /** The circle's currency (its units: `decimals`, `symbol`), or null if it has none: then no jubilees. */
  currency: LedgerCurrency | null;
  /** In order. */
  jubilees: LedgerJubilee[];
}

interface JubileeRow {
  number: number;
  accounts: string;
  creditCleared: string;
  debtCleared: string;
  claimsKept: string;
  timestamp: string;
  blockNumber: string;
  transactionHash: Hash;
}

/**
 * The jubilees a circle declared in its mutual-credit currency, from the ledger: when, and what each cleared.
 *
 * @example
 * const { currency, jubilees } = await listJubilees({ url }, { circle });
 * for (const j of jubilees) console.log(`#${j.number}: ${formatAmount(j.creditCleared, currency!)} cleared`);
 */
export async function listJubilees(
  ledger: LedgerClient,
  parameters: ListJubileesParameters,
): Promise<ListJubileesReturnType> {
  const { currency, rows } = await listCurrencyRows<JubileeRow>(ledger, parameters.circle, "jubilees", {
    filterType: "jubileeFilter",
    orderBy: "number",
    selection: "number accounts creditCleared debtCleared claimsKept timestamp blockNumber transactionHash",
  });
  const jubilees = rows.map((r) => ({
    number: r.number,
    accounts: big(r.accounts),
    creditCleared: big(r.creditCleared),
    debtCleared: big(r.debtCleared),
    claimsKept: big(r.claimsKept),
    at: big(r.timestamp),
    block: big(r.blockNumber),
    transactionHash: r.transactionHash,
  }));
  return { currency, jubilees };
}
