import type { Address, Chain, Client, Transport } from "viem";
import { readContract } from "viem/actions";

import { mutualCreditAbi } from "../../abis.js";
import { decisionCall, type ProposalCall } from "../../proposals.js";
import { readCurrency } from "./readCurrency.js";

export interface PrepareJubileeParameters {
  currency: Address;
}

export interface PrepareJubileeReturnType {
  /** The circle whose decision it is. */
  circle: Address;
  symbol: string;
  /** Accounts with a non-zero balance today: what the jubilee would clear if executed now. */
  accountsWithBalance: number;
  calls: ProposalCall[];
  description: string;
}

/**
 * The decision that resets every balance of a currency to zero at once (a jubilee; the reciprocity ledger keeps its
 * history), checked as the circle would make it now: a refusal is a DecisionWouldFailError. Sends nothing: propose
 * the calls in the currency's circle.
 *
 * @example
 * const { circle, calls, description } = await prepareJubilee(publicClient, { currency });
 */
export async function prepareJubilee<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: PrepareJubileeParameters,
): Promise<PrepareJubileeReturnType> {
  const currency = await readCurrency(client, parameters);
  const read = { address: currency.address, abi: mutualCreditAbi } as const;
  const call = await decisionCall(client, {
    ...read,
    circle: currency.circle,
    functionName: "jubilee",
    units: currency,
  });
  const accounts = await readContract(client, { ...read, functionName: "accountsWithBalance" });
  return {
    circle: currency.circle,
    symbol: currency.symbol,
    accountsWithBalance: accounts.length,
    calls: [call],
    description: `Jubilee: reset every balance of ${currency.name} (${currency.symbol}) to zero`,
  };
}
