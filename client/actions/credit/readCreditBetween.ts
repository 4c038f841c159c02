import { getAddress, type Address, type Chain, type Client, type Transport } from "viem";
import { readContract } from "viem/actions";

import { mutualCreditAbi } from "../../abis.js";

export interface ReadCreditBetweenParameters {
  currency: Address;
  account: Address;
  other: Address;
}

export interface ReadCreditBetweenReturnType {
  other: Address;
  /** What `account` gave `other`, and `other` gave `account`, ever. */
  givenTo: bigint;
  receivedFrom: bigint;
}

/**
 * What two accounts of a currency have given each other in all: the reciprocity ledger between them, kept through
 * jubilees.
 *
 * @example
 * const { givenTo, receivedFrom } = await readCreditBetween(publicClient, { currency, account: ana, other: ben });
 */
export async function readCreditBetween<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ReadCreditBetweenParameters,
): Promise<ReadCreditBetweenReturnType> {
  const [account, other] = [getAddress(parameters.account), getAddress(parameters.other)];
  const read = { address: parameters.currency, abi: mutualCreditAbi, functionName: "givenTo" } as const;
  const [givenTo, receivedFrom] = await Promise.all([
    readContract(client, { ...read, args: [account, other] }),
    readContract(client, { ...read, args: [other, account] }),
  ]);
  return { other, givenTo, receivedFrom };
}
