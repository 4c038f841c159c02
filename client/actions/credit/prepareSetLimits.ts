import { getAddress, type Address, type Chain, type Client, type Transport } from "viem";
import { readContract } from "viem/actions";

import { mutualCreditAbi } from "../../abis.js";
import { decisionCall, type ProposalCall } from "../../proposals.js";
import { formatLimit } from "../../credit.js";
import { readCurrency } from "./readCurrency.js";

export interface PrepareSetLimitsParameters {
  currency: Address;
  account: Address;
  /** The new credit limit (how far below zero), in the smallest unit; default: unchanged. */
  creditLimit?: bigint;
  /** The new saturation limit (how far above zero; `maxUint256` for none); default: unchanged. */
  saturationLimit?: bigint;
}

export interface PrepareSetLimitsReturnType {
  /** The circle whose decision it is. */
  circle: Address;
  account: Address;
  creditLimit: bigint;
  saturationLimit: bigint;
  calls: ProposalCall[];
  /** A description for the proposal, with the limits in the currency's units. */
  description: string;
}

/**
 * The decision that sets an account's limits in a currency (the one not given keeps its current value), checked as
 * the circle would make it now: a refusal is a DecisionWouldFailError, its amounts in the currency's units. Sends
 * nothing: propose the calls in the currency's circle.
 *
 * @example
 * const { circle, calls, description } = await prepareSetLimits(publicClient, { currency, account: ben, creditLimit: 150_00n });
 */
export async function prepareSetLimits<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: PrepareSetLimitsParameters,
): Promise<PrepareSetLimitsReturnType> {
  const account = getAddress(parameters.account);
  const currency = await readCurrency(client, parameters);
  const read = { address: currency.address, abi: mutualCreditAbi } as const;
  const [credit, saturation] = await readContract(client, { ...read, functionName: "limitsOf", args: [account] });
  const limits = [parameters.creditLimit ?? credit, parameters.saturationLimit ?? saturation] as const;
  const call = await decisionCall(client, {
    ...read,
    circle: currency.circle,
    functionName: "setLimits",
    args: [account, ...limits],
    units: currency,
  });
  return {
    circle: currency.circle,
    account,
    creditLimit: limits[0],
    saturationLimit: limits[1],
    calls: [call],
    description: `Set the limits of ${account} in ${currency.symbol}: credit ${formatLimit(limits[0], currency)}, saturation ${formatLimit(limits[1], currency)}`,
  };
}
