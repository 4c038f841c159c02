import { getAddress, type Address, type Chain, type Client, type Transport } from "viem";
import { readContract } from "viem/actions";

import { incomeHubAbi } from "../../abis.js";
import { InvalidParameterError } from "../../errors.js";

export interface ReadIncomeHubParameters {
  hub: Address;
}

export interface ReadIncomeHubReturnType {
  hub: Address;
  /** What an invitation (or a circle's vouch) burns of the inviter's own token, and what it gives the invitee. */
  invitationCost: bigint;
  welcomeBonus: bigint;
  /** When open registration ends (unix seconds): from then on, registering takes an inviter. */
  bootstrapEnd: bigint;
}

/**
 * An income hub's terms: what an invitation costs and gives, and when open registration ends. Throws an
 * InvalidParameterError if `hub` does not answer as an income hub, so every other action can trust the address.
 *
 * @example
 * const { invitationCost } = await readIncomeHub(publicClient, { hub });
 */
export async function readIncomeHub<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ReadIncomeHubParameters,
): Promise<ReadIncomeHubReturnType> {
  const hub = getAddress(parameters.hub);
  const read = { address: hub, abi: incomeHubAbi } as const;
  const [invitationCost, welcomeBonus, bootstrapEnd] = await Promise.all([
    readContract(client, { ...read, functionName: "invitationCost" }),
    readContract(client, { ...read, functionName: "welcomeBonus" }),
    readContract(client, { ...read, functionName: "bootstrapEnd" }),
  ]).catch(() => {
    throw new InvalidParameterError("hub", `${hub} is not an income hub.`);
  });
  return { hub, invitationCost, welcomeBonus, bootstrapEnd };
}
