import { getAddress, type Address, type Chain, type Client, type Transport } from "viem";
import { readContract } from "viem/actions";

import { mutualCreditAbi } from "../../abis.js";
import { MAX_CREDIT_VALUE } from "../../credit.js";

export interface ReadCreditAccountParameters {
  currency: Address;
  account: Address;
}

export interface ReadCreditAccountReturnType {
  account: Address;
  /** The signed balance: below zero is credit used. */
  signedBalance: bigint;
  /** How far below zero it may go, and how far above. */
  creditLimit: bigint;
  saturationLimit: bigint;
  /** What it has given and received in all, ever (the reciprocity ledger). */
  given: bigint;
  received: bigint;
  /** Whether it may hold the currency (a member, an account the circle admits, the circle's commons). */
  isHolder: boolean;
  /** How much more it can pay, and receive, within its limits ({@link MAX_CREDIT_VALUE} when unlimited). */
  canPay: bigint;
  canReceive: bigint;
}

/**
 * An account of a currency: its signed balance, its limits, what it has given and received, whether it may hold the
 * currency, and what it can still pay and receive.
 *
 * @example
 * const { signedBalance, canPay } = await readCreditAccount(publicClient, { currency, account: ana });
 */
export async function readCreditAccount<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ReadCreditAccountParameters,
): Promise<ReadCreditAccountReturnType> {
  const account = getAddress(parameters.account);
  const read = { address: parameters.currency, abi: mutualCreditAbi } as const;
  const [signedBalance, [creditLimit, saturationLimit], [given, received], isHolder] = await Promise.all([
    readContract(client, { ...read, functionName: "signedBalanceOf", args: [account] }),
    readContract(client, { ...read, functionName: "limitsOf", args: [account] }),
    readContract(client, { ...read, functionName: "totals", args: [account] }),
    readContract(client, { ...read, functionName: "isHolder", args: [account] }),
  ]);
  const room = (n: bigint) => (n > 0n ? n : 0n);
  const canPay = room(signedBalance + creditLimit);
  const canReceive = saturationLimit >= MAX_CREDIT_VALUE ? MAX_CREDIT_VALUE : room(saturationLimit - signedBalance);
  return { account, signedBalance, creditLimit, saturationLimit, given, received, isHolder, canPay, canReceive };
}
