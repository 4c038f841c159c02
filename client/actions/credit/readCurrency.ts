import { getAddress, type Address, type Chain, type Client, type Transport } from "viem";
import { readContract } from "viem/actions";

import { mutualCreditAbi } from "../../abis.js";
import { InvalidParameterError } from "../../errors.js";

export interface ReadCurrencyParameters {
  /** The currency. */
  currency: Address;
}

export interface ReadCurrencyReturnType {
  address: Address;
  name: string;
  symbol: string;
  /** Its decimals: write its amounts with them (see formatAmount). */
  decimals: number;
  /** The circle (or council) whose currency it is. */
  circle: Address;
  /** The outstanding credit: the sum of positive balances (its ERC-20 `totalSupply`). */
  outstanding: bigint;
}

/**
 * A currency's name, symbol, decimals, circle and outstanding credit. Throws an InvalidParameterError if `currency`
 * does not answer as a mutual-credit currency.
 *
 * @example
 * const { symbol, decimals } = await readCurrency(publicClient, { currency });
 */
export async function readCurrency<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ReadCurrencyParameters,
): Promise<ReadCurrencyReturnType> {
  const address = getAddress(parameters.currency);
  const read = { address, abi: mutualCreditAbi } as const;
  const [name, symbol, decimals, circle, outstanding] = await Promise.all([
    readContract(client, { ...read, functionName: "name" }),
    readContract(client, { ...read, functionName: "symbol" }),
    readContract(client, { ...read, functionName: "decimals" }),
    readContract(client, { ...read, functionName: "circle" }),
    readContract(client, { ...read, functionName: "totalSupply" }),
  ]).catch(() => {
    throw new InvalidParameterError("currency", `${address} is not a mutual-credit currency.`);
  });
  return { address, name, symbol, decimals, circle: getAddress(circle), outstanding };
}
