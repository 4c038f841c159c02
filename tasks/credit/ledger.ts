/**
 * `npx hardhat credit ledger (--circle <address> | --currency <address>) [--account <address>] [--with <address>]
 *   [--factory <address>] [--from <address>] [--json]`
 *
 * An account's place on the reciprocity ledger: its signed balance, what it has given and received in all, and
 * with `--with`, what it and that account have given each other.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { getAddress, type Address } from "viem";

import { mutualCreditAbi } from "../../client/abis.js";
import { connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { formatAmount, resolveCurrency, type CurrencyArgs } from "./currency.js";

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
  with?: { other: Address; givenTo: bigint; receivedFrom: bigint };
}

/** Reads an account's ledger. Sends nothing. */
export async function creditLedger(c: Connection, args: LedgerArgs): Promise<LedgerResult> {
  const account = args.account
    ? requireAddress("account", args.account)
    : getAddress(c.wallet(args.from).account.address);
  const other = args.with === undefined ? undefined : requireAddress("with", args.with);
  const currency = await resolveCurrency(c, args);
  const read = { address: currency.address, abi: mutualCreditAbi } as const;
  const [balance, [given, received]] = await Promise.all([
    c.publicClient.readContract({ ...read, functionName: "signedBalanceOf", args: [account] }),
    c.publicClient.readContract({ ...read, functionName: "totals", args: [account] }),
  ]);
  const result: LedgerResult = {
    currency: currency.address,
    symbol: currency.symbol,
    decimals: currency.decimals,
    account,
    balance,
    given,
    received,
  };
  if (other) {
    const [givenTo, receivedFrom] = await Promise.all([
      c.publicClient.readContract({ ...read, functionName: "givenTo", args: [account, other] }),
      c.publicClient.readContract({ ...read, functionName: "givenTo", args: [other, account] }),
    ]);
    result.with = { other, givenTo, receivedFrom };
  }
  return result;
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
