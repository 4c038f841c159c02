import { getAddress, type Address, type Chain, type Client, type Transport } from "viem";
import { getCode, readContract } from "viem/actions";

import { creditFactoryAbi } from "../../abis.js";
import { InvalidParameterError } from "../../errors.js";

export interface ReadCurrencyAddressParameters {
  /** The credit factory. */
  factory: Address;
  /** The circle (or council) whose currency it is. */
  circle: Address;
}

export interface ReadCurrencyAddressReturnType {
  factory: Address;
  /** The registry whose circles the factory makes currencies for. */
  registry: Address;
  circle: Address;
  /** Where the circle's currency is, or will be once created: the factory deploys it at a predictable address. */
  currency: Address;
  /** Whether it has been created. */
  exists: boolean;
}

/**
 * Where a circle's currency is, and whether it exists yet: the factory creates each circle's currency at an address
 * known in advance, so a decision can register it as a role module in the same proposal that creates it. Throws an
 * InvalidParameterError if `factory` is not a credit factory.
 *
 * @example
 * const { currency, exists } = await readCurrencyAddress(publicClient, { factory, circle });
 */
export async function readCurrencyAddress<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ReadCurrencyAddressParameters,
): Promise<ReadCurrencyAddressReturnType> {
  const factory = getAddress(parameters.factory);
  const circle = getAddress(parameters.circle);
  const read = { address: factory, abi: creditFactoryAbi } as const;
  const [registry, currency] = await Promise.all([
    readContract(client, { ...read, functionName: "registry" }),
    readContract(client, { ...read, functionName: "currencyOf", args: [circle] }),
  ]).catch(() => {
    throw new InvalidParameterError("factory", `${factory} is not a credit factory (it has no registry).`);
  });
  const exists = (await getCode(client, { address: currency })) !== undefined;
  return { factory, registry: getAddress(registry), circle, currency: getAddress(currency), exists };
}
