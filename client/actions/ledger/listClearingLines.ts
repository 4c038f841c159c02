import type { Address } from "viem";

import { addr, big, bigOrNull, type LedgerClient } from "../../ledger.js";
import { listCurrencyRows, type LedgerCurrency } from "./readLedgerCurrency.js";

export interface ListClearingLinesParameters {
  /** The circle (or council) whose currency's clearing lines to list. */
  circle: Address;
}

/** This circle's side of a clearing line to another circle's currency, in a council, and what flowed across it. */
export interface LedgerClearingLine {
  /** The other circle's currency. */
  other: Address;
  council: Address;
  open: boolean;
  openedAt: bigint;
  openedAtBlock: bigint;
  /** Null while open. */
  closedAt: bigint | null;
  closedAtBlock: bigint | null;
  /** Paid out from here to the other circle, and cleared in here from it, in this currency's smallest unit. */
  paidOut: bigint;
  clearedIn: bigint;
}

export interface ListClearingLinesReturnType {
  /** The circle's currency (its units: `decimals`, `symbol`), or null if it has none: then no lines. */
  currency: LedgerCurrency | null;
  /** In the order they were opened. */
  lines: LedgerClearingLine[];
}

interface LineRow {
  other: string;
  council: string;
  open: boolean;
  openedAt: string;
  openedAtBlock: string;
  closedAt: string | null;
  closedAtBlock: string | null;
  paidOut: string;
  clearedIn: string;
}

/**
 * The clearing lines of a circle's mutual-credit currency, from the ledger: each other circle it may pay across to
 * (in which council), whether the line is open, and what was paid out and cleared in across it.
 *
 * @example
 * const { lines } = await listClearingLines({ url }, { circle });
 * const open = lines.filter((l) => l.open).map((l) => l.other);
 */
export async function listClearingLines(
  ledger: LedgerClient,
  parameters: ListClearingLinesParameters,
): Promise<ListClearingLinesReturnType> {
  const { currency, rows } = await listCurrencyRows<LineRow>(ledger, parameters.circle, "clearingLines", {
    filterType: "clearingLineFilter",
    orderBy: "other",
    selection: "other council open openedAt openedAtBlock closedAt closedAtBlock paidOut clearedIn",
  });
  const lines = rows.map((r) => ({
    other: addr(r.other),
    council: addr(r.council),
    open: r.open,
    openedAt: big(r.openedAt),
    openedAtBlock: big(r.openedAtBlock),
    closedAt: bigOrNull(r.closedAt),
    closedAtBlock: bigOrNull(r.closedAtBlock),
    paidOut: big(r.paidOut),
    clearedIn: big(r.clearedIn),
  }));
  lines.sort((a, b) => (a.openedAtBlock === b.openedAtBlock ? 0 : a.openedAtBlock < b.openedAtBlock ? -1 : 1));
  return { currency, lines };
}
