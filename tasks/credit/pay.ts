/**
 * `npx hardhat credit pay (--circle <address> | --currency <address>) --to <address> --amount 12.5
 *   [--memo "bike repair"] [--factory <address>] [--from <address>] [--json]`
 *
 * Pays in a circle's mutual credit: the payer's balance goes down (below zero, within their credit limit), the
 * payee's up. Amounts are in the currency's own decimals. A memo goes on the reciprocity ledger's event.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address } from "viem";

import { payInCredit as pay, type PayInCreditReturnType } from "../../client/actions/credit/payInCredit.js";
import { formatAmount } from "../../client/units.js";
import { connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { parseTokenAmount, resolveCurrency, type CurrencyArgs } from "./currency.js";

export interface PayArgs extends CurrencyArgs {
  to?: string;
  amount?: string;
  memo?: string;
  from?: string;
  json: boolean;
}

/** The payment, with the currency it was made in. */
export type PayResult = { currency: Address; symbol: string; decimals: number } & PayInCreditReturnType;

/**
 * Pays `--amount` to `--to` in the currency (the client's `payInCredit`). A payment beyond a credit or saturation
 * limit is refused, in the currency's units, before anything is sent.
 */
export async function payInCredit(c: Connection, args: PayArgs): Promise<PayResult> {
  const to = requireAddress("to", args.to);
  const wallet = c.wallet(args.from);
  const { address: currency, symbol, decimals } = await resolveCurrency(c, args);
  const amount = parseTokenAmount("amount", args.amount, decimals);
  const memo = args.memo === undefined || args.memo === "" ? {} : { memo: args.memo };
  const paid = await pay(wallet, { currency, to, amount, ...memo });
  return { currency, symbol, decimals, ...paid };
}

export default async function payTask(args: PayArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await payInCredit(await connect(hre), args);
    report(
      args.json,
      `${r.payer} paid ${r.to} ${formatAmount(r.amount, r)}${r.memo ? ` for "${r.memo}"` : ""}. Balances now: ${r.payer} ${formatAmount(r.payerBalance, r)}, ${r.to} ${formatAmount(r.payeeBalance, r)}. Transaction ${r.transaction}.`,
      { ...r },
    );
  });
}
