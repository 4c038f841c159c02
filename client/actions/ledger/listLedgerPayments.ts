import type { Address, Hash, Hex } from "viem";

import { addr, big, type LedgerClient } from "../../ledger.js";
import { listCurrencyRows, type LedgerCurrency } from "./readLedgerCurrency.js";

export interface ListLedgerPaymentsParameters {
  /** The circle (or council) whose currency's payments to list. */
  circle: Address;
}

/** One payment in a circle's currency: a transfer that moved two balances, with its memo if it carried one. */
export interface LedgerPayment {
  payer: Address;
  payee: Address;
  /** In the currency's smallest unit (see `currency.decimals`). */
  amount: bigint;
  /** The memo of a `transferWithMemo`, and its hash; null for a plain transfer. */
  memo: string | null;
  memoHash: Hex | null;
  /** The two signed balances right after the payment. */
  payerBalanceAfter: bigint;
  payeeBalanceAfter: bigint;
  /**
   * Part of a payment across two circles: "out" (the payer paid the other circle's commons) or "in" (this commons
   * paid the payee); null for a payment inside the circle.
   */
  across: "out" | "in" | null;
  /** For a payment across: the other circle's currency, and (for "out") the payee there. */
  otherCurrency: Address | null;
  acrossTo: Address | null;
  at: bigint;
  block: bigint;
  transactionHash: Hash;
  logIndex: number;
}

export interface ListLedgerPaymentsReturnType {
  /** The circle's currency (its units: `decimals`, `symbol`), or null if it has none: then no payments. */
  currency: LedgerCurrency | null;
  /** In chain order. */
  payments: LedgerPayment[];
}

interface PaymentRow {
  payer: string;
  payee: string;
  amount: string;
  memo: string | null;
  memoHash: Hex | null;
  payerBalanceAfter: string;
  payeeBalanceAfter: string;
  across: "out" | "in" | null;
  otherCurrency: string | null;
  acrossTo: string | null;
  timestamp: string;
  blockNumber: string;
  transactionHash: Hash;
  logIndex: number;
}

/**
 * Every payment in a circle's mutual-credit currency, from the ledger, in chain order: who paid whom how much, the
 * memo, both balances after it, and whether it was one side of a payment across two circles. Zero and self transfers
 * move no balance and are not payments.
 *
 * @example
 * const { currency, payments } = await listLedgerPayments({ url }, { circle });
 * for (const p of payments) console.log(`${p.payer} paid ${p.payee} ${formatAmount(p.amount, currency!)}: ${p.memo ?? ""}`);
 */
export async function listLedgerPayments(
  ledger: LedgerClient,
  parameters: ListLedgerPaymentsParameters,
): Promise<ListLedgerPaymentsReturnType> {
  const { currency, rows } = await listCurrencyRows<PaymentRow>(ledger, parameters.circle, "creditPayments", {
    filterType: "creditPaymentFilter",
    // The id (`<tx hash>-<log index>`) pages stably; chain order is restored below.
    orderBy: "id",
    selection:
      "payer payee amount memo memoHash payerBalanceAfter payeeBalanceAfter across otherCurrency acrossTo timestamp blockNumber transactionHash logIndex",
  });
  const payments = rows.map((r) => ({
    payer: addr(r.payer),
    payee: addr(r.payee),
    amount: big(r.amount),
    memo: r.memo,
    memoHash: r.memoHash,
    payerBalanceAfter: big(r.payerBalanceAfter),
    payeeBalanceAfter: big(r.payeeBalanceAfter),
    across: r.across,
    otherCurrency: r.otherCurrency === null ? null : addr(r.otherCurrency),
    acrossTo: r.acrossTo === null ? null : addr(r.acrossTo),
    at: big(r.timestamp),
    block: big(r.blockNumber),
    transactionHash: r.transactionHash,
    logIndex: r.logIndex,
  }));
  payments.sort((a, b) => (a.block === b.block ? a.logIndex - b.logIndex : a.block < b.block ? -1 : 1));
  return { currency, payments };
}
