/** One page of a registry's circles and councils, oldest first, each with its name, kind and size. */
import type { Address, Chain, Client, Transport } from "viem";
import { readContract } from "viem/actions";

import { circleAbi, circleMembershipAbi, circleRegistryAbi } from "../../abis.js";
import { InvalidParameterError, type NoContractError } from "../../errors.js";
import { requireRegistry } from "./resolveBody.js";

/** The most entries `registry.circles(offset, limit)` returns at once (the registry's `MAX_PAGE_SIZE`). */
export const MAX_PAGE_SIZE = 100n;

/** Refuses an offset below 0 or a limit outside 1 to {@link MAX_PAGE_SIZE} (every paged view of the registry). */
export function checkPage(offset: bigint, limit: bigint): void {
  if (offset < 0n) throw new InvalidParameterError("offset", `The offset must be 0 or more; got ${offset}.`);
  if (limit < 1n || limit > MAX_PAGE_SIZE) {
    throw new InvalidParameterError("limit", `The limit must be between 1 and ${MAX_PAGE_SIZE}; got ${limit}.`);
  }
}

export interface ListCirclesParameters {
  registry: Address;
  /** How many to skip (default 0). */
  offset?: bigint;
  /** How many at most, 1 to {@link MAX_PAGE_SIZE} (default {@link MAX_PAGE_SIZE}). */
  limit?: bigint;
}

/** A page of the registry: its circles and councils from `offset`, and how many it has in all. */
export interface ListCirclesReturnType {
  registry: Address;
  /** How many circles and councils the registry has (`registry.circleCount()`). */
  total: bigint;
  offset: bigint;
  circles: { address: Address; name: string; council: boolean; memberCount: bigint }[];
}

/**
 * One page of the registry's circles (and councils), oldest first. The page is shorter at the end, and empty past
 * it. Throws a {@link NoContractError} if nothing answers at `registry`, an {@link InvalidParameterError} for a
 * limit out of range.
 *
 * @example
 * const { total, circles } = await listCircles(publicClient, { registry }); // the first 100
 * const next = await listCircles(publicClient, { registry, offset: 100n });
 */
export async function listCircles<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ListCirclesParameters,
): Promise<ListCirclesReturnType> {
  const { registry, offset = 0n, limit = MAX_PAGE_SIZE } = parameters;
  checkPage(offset, limit);
  await requireRegistry(client, registry);
  const on = { address: registry, abi: circleRegistryAbi } as const;
  const [total, page] = await Promise.all([
    readContract(client, { ...on, functionName: "circleCount" }),
    readContract(client, { ...on, functionName: "circles", args: [offset, limit] }),
  ]);
  const circles = await Promise.all(
    page.map(async (address) => {
      const [name, council, membership] = await Promise.all([
        readContract(client, { address, abi: circleAbi, functionName: "name" }),
        readContract(client, { ...on, functionName: "isCouncil", args: [address] }),
        readContract(client, { address, abi: circleAbi, functionName: "membership" }),
      ]);
      const memberCount = await readContract(client, {
        address: membership,
        abi: circleMembershipAbi,
        functionName: "memberCount",
      });
      return { address, name, council, memberCount };
    }),
  );
  return { registry, total, offset, circles };
}
