/** Finds a council of a registry and its parts, refusing in a sentence a circle or an address that is neither. */
import type { Address, Chain, Client, Transport } from "viem";

import { resolveBody, type ResolveBodyReturnType } from "../circle/resolveBody.js";

export interface ResolveCouncilParameters {
  council: Address;
  registry: Address;
}

/** The council and its parts; `membership` is its seats (CouncilSeats). */
export type ResolveCouncilReturnType = ResolveBodyReturnType;

/**
 * The council at `council` and its parts. Throws the errors of `resolveBody`, and a `WrongBodyKindError` for a circle.
 *
 * @example
 * const { membership: seats } = await resolveCouncil(publicClient, { council, registry });
 */
export async function resolveCouncil<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ResolveCouncilParameters,
): Promise<ResolveCouncilReturnType> {
  return resolveBody(client, {
    address: parameters.council,
    registry: parameters.registry,
    kind: "council",
    hint: "councils are founded with npx hardhat council create.",
  });
}
