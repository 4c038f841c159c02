/**
 * `npx hardhat credit ledger (--circle <address> | --currency <address>) [--account <address>] [--with <address>]
 *   [--factory <address>] [--from <address>] [--json]`
 *
 * An account's place on the reciprocity ledger: its signed balance, what it has given and received in all, and
 * with `--with`, what it and that account have given each other.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { getAddress, type Address } from "viem";

import { readCreditAccount } from "../../client/actions/credit/readCreditAccount.js";
import { readCreditBetween, type ReadCreditBetweenReturnType } from "../../client/actions/credit/readCreditBetween.js";
import { formatAmount } from "../../client/units.js";
import { connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { resolveCurrency, type CurrencyArgs } from "./currency.js";

export interface LedgerArgs extends CurrencyArgs {
  account?: string;
  with?: string;
  from?: string;
  json: boolean;
}

export interface LedgerResult {
  currency: Address;
  symbol: string;
  decimals: number;
  account: Address;
  balance: bigint;
  given: bigint;
  received: bigint;
  /** With `--with`: what the account gave the other, and the other gave the account, ever. */
  with?: ReadCreditBetweenReturnType;
}

/** Reads an account's ledger. Sends nothing. */
export async function creditLedger(c: Connection, args: LedgerArgs): Promise<LedgerResult> {
  const account = args.account
    ? requireAddress("account", args.account)
    : getAddress(c.wallet(args.from).account.address);
  const other = args.with === undefined ? undefined : requireAddress("with", args.with);
  const { address: currency, symbol, decimals } = await resolveCurrency(c, args);
  const [{ signedBalance: balance, given, received }, between] = await Promise.all([
    readCreditAccount(c.publicClient, { currency, account }),
    other ? readCreditBetween(c.publicClient, { currency, account, other }) : undefined,
  ]);
  return { currency, symbol, decimals, account, balance, given, received, ...(between ? { with: between } : {}) };
}

export default async function ledger(args: LedgerArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await creditLedger(await connect(hre), args);
    const withOther = r.with
      ? ` With ${r.with.other}: gave ${formatAmount(r.with.givenTo, r)}, received ${formatAmount(r.with.receivedFrom, r)}.`
      : "";
    report(
      args.json,
      `${r.account} in ${r.symbol}: balance ${formatAmount(r.balance, r)}; has given ${formatAmount(r.given, r)} and received ${formatAmount(r.received, r)} in all.${withOther}`,
      { ...r },
    );
  });
}
