/**
 * A circle's mutual-credit currency from an app, with viem: find it, read an account (signed balance, limits,
 * reciprocity totals) and build payments for `simulateContract` / `writeContract`.
 *
 * Balances are signed and sum to zero across the circle: a member may go below zero down to their credit limit, and
 * above it up to their saturation limit. `balanceOf` (ERC-20) shows only the positive part; read `signedBalance`.
 *
 * @example
 * const currency = await currencyOf(publicClient, creditFactory, circle);
 * const ana = await readCreditAccount(publicClient, currency!, anaAddress);
 * await walletClient.writeContract(creditPayRequest(currency!, ben, 20n, "bike repair"));
 */
import { keccak256, stringToBytes, zeroAddress, type Chain, type Client, type Hex, type Transport } from "viem";
import { readContract } from "viem/actions";

import { creditFactoryAbi, mutualCreditAbi } from "./abis.js";
import type { WriteRequest } from "./circles.js";
import type { Address } from "./pathfinder.js";

/** The currency a circle created through the factory, or undefined if it has none yet. */
export async function currencyOf<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  creditFactory: Address,
  circle: Address,
): Promise<Address | undefined> {
  const currency = await readContract(client, {
    address: creditFactory,
    abi: creditFactoryAbi,
    functionName: "currencyOf",
    args: [circle],
  });
  return currency === zeroAddress ? undefined : currency;
}

/** A currency's name, symbol, decimals, circle, and outstanding credit (the sum of positive balances). */
export async function readCurrency<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  currency: Address,
) {
  const read = { address: currency, abi: mutualCreditAbi } as const;
  const [name, symbol, decimals, circle, outstanding] = await Promise.all([
    readContract(client, { ...read, functionName: "name" }),
    readContract(client, { ...read, functionName: "symbol" }),
    readContract(client, { ...read, functionName: "decimals" }),
    readContract(client, { ...read, functionName: "circle" }),
    readContract(client, { ...read, functionName: "totalSupply" }),
  ]);
  return { address: currency, name, symbol, decimals, circle, outstanding };
}

/** What {@link readCurrency} returns. */
export type ReadCurrencyReturnType = Awaited<ReturnType<typeof readCurrency>>;

/**
 * An account of a currency: its signed balance, how far below zero (`creditLimit`) and above zero
 * (`saturationLimit`) it may go, what it has given and received in total, and whether it may hold the currency
 * (members, admitted accounts and the circle's commons).
 *
 * @example
 * const { signedBalance, creditLimit } = await readCreditAccount(publicClient, currency, ana);
 * const canSpend = signedBalance + creditLimit;
 */
export async function readCreditAccount<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  currency: Address,
  account: Address,
) {
  const read = { address: currency, abi: mutualCreditAbi } as const;
  const [signedBalance, [creditLimit, saturationLimit], [given, received], isHolder] = await Promise.all([
    readContract(client, { ...read, functionName: "signedBalanceOf", args: [account] }),
    readContract(client, { ...read, functionName: "limitsOf", args: [account] }),
    readContract(client, { ...read, functionName: "totals", args: [account] }),
    readContract(client, { ...read, functionName: "isHolder", args: [account] }),
  ]);
  return { account, signedBalance, creditLimit, saturationLimit, given, received, isHolder };
}

/** What {@link readCreditAccount} returns. */
export type ReadCreditAccountReturnType = Awaited<ReturnType<typeof readCreditAccount>>;

/** A payment's memo: its text, and the hash the `Memo` event is indexed by (default: keccak256 of the text). */
export type CreditMemo = string | { text: string; hash: Hex };

/**
 * A payment in a circle's currency: `transfer`, or `transferWithMemo` when a memo is given. The payer is the
 * account that sends it; it fails with `MutualCreditLimitExceeded` or `MutualCreditSaturationExceeded` (see
 * `describeRevert`) if it would take either side past its limits.
 *
 * @example
 * const { request } = await publicClient.simulateContract({ account, ...creditPayRequest(currency, ben, 20n) });
 * await walletClient.writeContract(request);
 */
export function creditPayRequest(
  currency: Address,
  to: Address,
  amount: bigint,
): WriteRequest<typeof mutualCreditAbi, "transfer">;
export function creditPayRequest(
  currency: Address,
  to: Address,
  amount: bigint,
  memo: CreditMemo,
): WriteRequest<typeof mutualCreditAbi, "transferWithMemo">;
export function creditPayRequest(
  currency: Address,
  to: Address,
  amount: bigint,
  memo?: CreditMemo,
): WriteRequest<typeof mutualCreditAbi, "transfer" | "transferWithMemo"> {
  if (memo === undefined) {
    return { address: currency, abi: mutualCreditAbi, functionName: "transfer", args: [to, amount] } as const;
  }
  const { text, hash } = typeof memo === "string" ? { text: memo, hash: keccak256(stringToBytes(memo)) } : memo;
  return {
    address: currency,
    abi: mutualCreditAbi,
    functionName: "transferWithMemo",
    args: [to, amount, hash, text],
  } as const;
}

/**
 * A payment to a member of another circle over an open clearing line (`payAcross`): the payer pays the other
 * circle's commons here, and that commons pays `to` in `otherCurrency`, in one transaction.
 */
export function payAcrossRequest(
  currency: Address,
  otherCurrency: Address,
  to: Address,
  amount: bigint,
): WriteRequest<typeof mutualCreditAbi, "payAcross"> {
  return {
    address: currency,
    abi: mutualCreditAbi,
    functionName: "payAcross",
    args: [otherCurrency, to, amount],
  } as const;
}
