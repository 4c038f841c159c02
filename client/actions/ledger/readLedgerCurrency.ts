import type { Address } from "viem";

import { addr, big, filterAddress, listAll, type LedgerClient } from "../../ledger.js";

export interface ReadLedgerCurrencyParameters {
  /** The circle (or council) whose currency to read. */
  circle: Address;
}

/**
 * A circle's mutual-credit currency as the ledger holds it. It carries `decimals` and `symbol`, so it is itself the
 * units to print its amounts in: `formatAmount(payment.amount, currency)` (client/units.ts) writes "10 LHR".
 */
export interface LedgerCurrency {
  currency: Address;
  circle: Address;
  name: string;
  symbol: string;
  decimals: number;
  /** The limits of accounts without their own, in the currency's smallest unit. */
  defaultCreditLimit: bigint;
  defaultSaturationLimit: bigint;
  /** Payments that moved a balance (not zero or self transfers), and their sum. */
  payments: number;
  volume: bigint;
  /** Jubilees declared so far. */
  jubilees: number;
  createdAt: bigint;
  createdAtBlock: bigint;
}

/** The circle's currency, or null if it has none (yet). */
export type ReadLedgerCurrencyReturnType = LedgerCurrency | null;

interface CurrencyRow {
  address: string;
  circle: string;
  name: string;
  symbol: string;
  decimals: number;
  defaultCreditLimit: string;
  defaultSaturationLimit: string;
  payments: number;
  volume: string;
  jubilees: number;
  createdAt: string;
  createdAtBlock: string;
}

/**
 * The mutual-credit currency a circle runs (a circle creates at most one, through the CreditFactory), from the
 * ledger: its name, symbol and decimals, default limits, and its running totals. Null for a circle without one.
 *
 * @example
 * const currency = await readLedgerCurrency({ url }, { circle });
 * if (currency) console.log(`${currency.name}: ${formatAmount(currency.volume, currency)} paid in ${currency.payments} payments`);
 */
export async function readLedgerCurrency(
  ledger: LedgerClient,
  parameters: ReadLedgerCurrencyParameters,
): Promise<ReadLedgerCurrencyReturnType> {
  const [row] = await listAll<CurrencyRow>(ledger, "currencys", {
    filterType: "currencyFilter",
    where: { circle: filterAddress(parameters.circle) },
    orderBy: "createdAtBlock",
    selection:
      "address circle name symbol decimals defaultCreditLimit defaultSaturationLimit payments volume jubilees createdAt createdAtBlock",
  });
  if (!row) return null;
  return {
    currency: addr(row.address),
    circle: addr(row.circle),
    name: row.name,
    symbol: row.symbol,
    decimals: row.decimals,
    defaultCreditLimit: big(row.defaultCreditLimit),
    defaultSaturationLimit: big(row.defaultSaturationLimit),
    payments: row.payments,
    volume: big(row.volume),
    jubilees: row.jubilees,
    createdAt: big(row.createdAt),
    createdAtBlock: big(row.createdAtBlock),
  };
}

/**
 * Every row of one of the currency tables (`creditAccounts`, `creditPayments`, …) for the circle's currency, with the
 * currency itself (its units); no rows for a circle without one. The money list actions share it.
 */
export async function listCurrencyRows<Row>(
  ledger: LedgerClient,
  circle: Address,
  field: string,
  options: { filterType: string; orderBy: string; selection: string },
): Promise<{ currency: LedgerCurrency | null; rows: Row[] }> {
  const currency = await readLedgerCurrency(ledger, { circle });
  if (!currency) return { currency, rows: [] };
  const rows = await listAll<Row>(ledger, field, { ...options, where: { currency: filterAddress(currency.currency) } });
  return { currency, rows };
}
