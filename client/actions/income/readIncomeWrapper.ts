import { getAddress, type Address, type Chain, type Client, type Transport } from "viem";
import { getCode, readContract } from "viem/actions";

import { incomeWrappersAbi } from "../../abis.js";
import { InvalidParameterError } from "../../errors.js";
import { INCOME_WRAPPER_FLAVOURS, tokenIdOf, type IncomeWrapperFlavour } from "../../income.js";

export interface ReadIncomeWrapperParameters {
  /** The hub whose tokens are wrapped, and its wrapper factory. */
  hub: Address;
  wrappers: Address;
  /** Whose token: its owner's address. */
  tokenOf: Address;
  flavour: IncomeWrapperFlavour;
}

export interface ReadIncomeWrapperReturnType {
  /** Where the wrapper of that token and flavour is, or will be once created (a predictable address). */
  wrapper: Address;
  /** Whether it has been created. */
  exists: boolean;
}

/**
 * The ERC-20 wrapper of a person's income token in one flavour, and whether it exists yet. Throws an
 * InvalidParameterError if `wrappers` is not a wrapper factory of `hub`.
 *
 * @example
 * const { wrapper, exists } = await readIncomeWrapper(publicClient, { hub, wrappers, tokenOf: ana, flavour: "static" });
 */
export async function readIncomeWrapper<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ReadIncomeWrapperParameters,
): Promise<ReadIncomeWrapperReturnType> {
  const [hub, wrappers] = [getAddress(parameters.hub), getAddress(parameters.wrappers)];
  const read = { address: wrappers, abi: incomeWrappersAbi } as const;
  const wrapped = await readContract(client, { ...read, functionName: "hub" }).catch(() => {
    throw new InvalidParameterError("wrappers", `${wrappers} is not an income wrapper factory.`);
  });
  if (getAddress(wrapped) !== hub) {
    throw new InvalidParameterError(
      "wrappers",
      `The wrapper factory ${wrappers} wraps the tokens of hub ${getAddress(wrapped)}, not of ${hub}.`,
    );
  }
  const flavour = INCOME_WRAPPER_FLAVOURS.indexOf(parameters.flavour);
  const wrapper = await readContract(client, {
    ...read,
    functionName: "wrapperOf",
    args: [tokenIdOf(parameters.tokenOf), flavour],
  });
  return { wrapper, exists: (await getCode(client, { address: wrapper })) !== undefined };
}
