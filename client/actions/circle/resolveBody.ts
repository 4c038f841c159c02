/**
 * Finds a circle or council of a registry and the contracts that make it up, refusing in a sentence an address that
 * is no body of that registry (or of the kind the caller needs). Every action that takes a circle or council by
 * address starts here, so a wrong address or network is told the same way everywhere.
 */
import type { Address, Chain, Client, Transport } from "viem";
import { getChainId, getCode, readContract } from "viem/actions";

import { circleAbi, circleRegistryAbi } from "../../abis.js";
import { NoContractError, NotABodyError, WrongBodyKindError } from "../../errors.js";

export interface ResolveBodyParameters {
  /** The circle or council. */
  address: Address;
  /** The registry it must belong to. */
  registry: Address;
  /** The kind the caller needs; another kind is refused with a {@link WrongBodyKindError}. */
  kind?: "circle" | "council";
  /** What to do instead when the body is of the other kind (the end of the refusal's sentence). */
  hint?: string;
}

/** A circle (or council) and the contracts that make it up. */
export interface ResolveBodyReturnType {
  circle: Address;
  membership: Address;
  rituals: Address;
  mandates: Address;
  /** True for a council (its members are circles), false for a circle of people. */
  council: boolean;
}

/**
 * The circle or council at `address` and its parts. Throws a {@link NoContractError} if nothing answers at
 * `registry`, a {@link NotABodyError} if `address` is neither a circle nor a council of it, and a
 * {@link WrongBodyKindError} if `kind` is given and the body is of the other kind.
 *
 * @example
 * const { membership, council } = await resolveBody(publicClient, { address: circle, registry });
 */
export async function resolveBody<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ResolveBodyParameters,
): Promise<ResolveBodyReturnType> {
  const { address, registry, kind, hint } = parameters;
  await requireRegistry(client, registry);
  const read = (functionName: "isCircle" | "isCouncil") =>
    readContract(client, { address: registry, abi: circleRegistryAbi, functionName, args: [address] });
  const [isCircle, isCouncil] = await Promise.all([read("isCircle"), read("isCouncil")]);
  if (!isCircle && !isCouncil) throw new NotABodyError(address, registry, await getChainId(client));
  if (kind === "circle" && isCouncil) throw new WrongBodyKindError(address, "circle", hint);
  if (kind === "council" && !isCouncil) throw new WrongBodyKindError(address, "council", hint);
  const part = (functionName: "membership" | "rituals" | "mandates") =>
    readContract(client, { address, abi: circleAbi, functionName });
  const [membership, rituals, mandates] = await Promise.all([part("membership"), part("rituals"), part("mandates")]);
  return { circle: address, membership, rituals, mandates, council: isCouncil };
}

/**
 * Refuses, with a {@link NoContractError}, a registry address where no contract answers (a wrong address, or the
 * wrong network), so that is said in a sentence rather than as an empty answer.
 */
export async function requireRegistry<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  registry: Address,
): Promise<void> {
  if (!(await getCode(client, { address: registry }))) {
    throw new NoContractError("circle registry", registry, await getChainId(client));
  }
}
