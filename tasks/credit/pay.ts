/**
 * `npx hardhat credit pay (--circle <address> | --currency <address>) --to <address> --amount 12.5
 *   [--memo "bike repair"] [--factory <address>] [--from <address>] [--json]`
 *
 * Pays in a circle's mutual credit: the payer's balance goes down (below zero, within their credit limit), the
 * payee's up. Amounts are in the currency's own decimals. A memo goes on the reciprocity ledger's event.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { getAddress, keccak256, toBytes, type Address, type Hex } from "viem";

import { mutualCreditAbi } from "../../client/abis.js";
import { connect, report, requireAddress, runTask, send, type Connection } from "../cli.js";
import { creditRefusal, formatAmount, parseTokenAmount, resolveCurrency, type CurrencyArgs } from "./currency.js";

export interface PayArgs extends CurrencyArgs {
  to?: string;
  amount?: string;
  memo?: string;
  from?: string;
  json: boolean;
}

export interface PayResult {
  currency: Address;
  symbol: string;
  decimals: number;
  payer: Address;
  to: Address;
  amount: bigint;
  memo?: string;
  /** Signed balances after the payment. */
  payerBalance: bigint;
  payeeBalance: bigint;
  transaction: Hex;
}

/**
 * Pays `--amount` to `--to` in the currency, with `transferWithMemo` when there is a memo. A payment beyond a credit
 * or saturation limit is refused, in the currency's units, before anything is sent.
 */
export async function payInCredit(c: Connection, args: PayArgs): Promise<PayResult> {
  const to = requireAddress("to", args.to);
  const wallet = c.wallet(args.from);
  const currency = await resolveCurrency(c, args);
  const amount = parseTokenAmount("amount", args.amount, currency.decimals);
  const payer = getAddress(wallet.account.address);
  const base = { address: currency.address, abi: mutualCreditAbi, account: wallet.account } as const;
  const simulation =
    args.memo !== undefined && args.memo !== ""
      ? c.publicClient.simulateContract({
          ...base,
          functionName: "transferWithMemo",
          args: [to, amount, keccak256(toBytes(args.memo)), args.memo],
        })
      : c.publicClient.simulateContract({ ...base, functionName: "transfer", args: [to, amount] });
  const { request } = await simulation.catch((error: unknown) => {
    throw creditRefusal(error, currency);
  });
  const { hash: transaction } = await send(c, wallet, request);
  const balance = (account: Address) =>
    c.publicClient.readContract({
      address: currency.address,
      abi: mutualCreditAbi,
      functionName: "signedBalanceOf",
      args: [account],
    });
  const [payerBalance, payeeBalance] = await Promise.all([balance(payer), balance(to)]);
  return {
    currency: currency.address,
    symbol: currency.symbol,
    decimals: currency.decimals,
    payer,
    to,
    amount,
    ...(args.memo ? { memo: args.memo } : {}),
    payerBalance,
    payeeBalance,
    transaction,
  };
}

export default async function pay(args: PayArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await payInCredit(await connect(hre), args);
    report(
      args.json,
      `${r.payer} paid ${r.to} ${formatAmount(r.amount, r)}${r.memo ? ` for "${r.memo}"` : ""}. Balances now: ${r.payer} ${formatAmount(r.payerBalance, r)}, ${r.to} ${formatAmount(r.payeeBalance, r)}. Transaction ${r.transaction}.`,
      { ...r },
    );
  });
}
