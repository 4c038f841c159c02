import { getAddress, type Address, type Hash } from "viem";
import { readContract } from "viem/actions";

import { mutualCreditAbi } from "../../abis.js";
import { creditMemo, type CreditMemo } from "../../credit.js";
import { refusalInUnits, withSuiteErrors } from "../../errors.js";
import { submit, type SigningClient } from "../submit.js";

export interface PayInCreditParameters {
  currency: Address;
  /** Who receives the payment. */
  to: Address;
  /** How much, in the currency's smallest unit. */
  amount: bigint;
  /** What the payment is for: recorded on the reciprocity ledger's `Memo` event (`transferWithMemo`). */
  memo?: CreditMemo;
}

export interface PayInCreditReturnType {
  payer: Address;
  to: Address;
  amount: bigint;
  /** The memo's text, if there was one. */
  memo?: string;
  /** The signed balances of payer and payee after the payment. */
  payerBalance: bigint;
  payeeBalance: bigint;
  transaction: Hash;
}

const creditCallAbi = withSuiteErrors(mutualCreditAbi);

/**
 * Pays `amount` to `to` in a circle's currency from the client's account: the payer's balance goes down (below zero,
 * within their credit limit), the payee's up. A payment beyond either side's limits is refused, before anything is
 * sent, with a ContractRefusalError whose sentence gives the amounts in the currency's own units ("-100.01 HRS").
 *
 * @example
 * const { payerBalance } = await payInCredit(walletClient, { currency, to: ben, amount: 20_00n, memo: "bike repair" });
 */
export async function payInCredit(
  client: SigningClient,
  parameters: PayInCreditParameters,
): Promise<PayInCreditReturnType> {
  const { currency, amount } = parameters;
  const to = getAddress(parameters.to);
  const payer = getAddress(client.account.address);
  const memo = parameters.memo === undefined ? undefined : creditMemo(parameters.memo);
  const call = { address: currency, abi: creditCallAbi } as const;
  const sent = memo
    ? submit(client, { ...call, functionName: "transferWithMemo", args: [to, amount, memo.hash, memo.text] })
    : submit(client, { ...call, functionName: "transfer", args: [to, amount] });
  const { hash: transaction } = await sent.catch(async (error: unknown) => {
    // The limit errors carry raw integers: say them in the currency's units.
    const read = { address: currency, abi: mutualCreditAbi } as const;
    const [decimals, symbol] = await Promise.all([
      readContract(client, { ...read, functionName: "decimals" }),
      readContract(client, { ...read, functionName: "symbol" }),
    ]).catch(() => [undefined, undefined] as const);
    throw decimals === undefined ? error : refusalInUnits(error, { decimals, symbol });
  });
  const balance = (account: Address) =>
    readContract(client, { address: currency, abi: mutualCreditAbi, functionName: "signedBalanceOf", args: [account] });
  const [payerBalance, payeeBalance] = await Promise.all([balance(payer), balance(to)]);
  return { payer, to, amount, ...(memo ? { memo: memo.text } : {}), payerBalance, payeeBalance, transaction };
}
