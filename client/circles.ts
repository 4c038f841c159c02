/**
 * Circles from an app, with viem: read a circle and list the registry's circles. Every read goes through viem's
 * `readContract` with the `as const` ABIs, so results are typed from the contracts without the Hardhat runtime.
 * Proposals (list, read, propose, vote, execute) are the actions in `actions/proposal/`.
 *
 * @example
 * const circles = await listCircles(publicClient, registry);
 * const circle = await readCircle(publicClient, circles[0]!);
 * console.log(circle.name, circle.members, circle.rules.quorumPercent);
 */
import {
  BaseError,
  ContractFunctionZeroDataError,
  type Abi,
  type Chain,
  type Client,
  type ContractFunctionArgs,
  type ContractFunctionName,
  type Transport,
} from "viem";
import { readContract } from "viem/actions";

import { circleAbi, circleMembershipAbi, circleRegistryAbi, circleRitualsAbi, mandatesAbi } from "./abis.js";
import type { Address } from "./pathfinder.js";
import { CommonwealError } from "./errors.js";

/**
 * A state-changing contract call ready for viem's `simulateContract` or `writeContract` (add `account`, `value`, gas
 * options as needed). The arguments are typed from the `as const` ABI.
 */
export interface WriteRequest<
  abi extends Abi,
  functionName extends ContractFunctionName<abi, "nonpayable" | "payable">,
> {
  readonly address: Address;
  readonly abi: abi;
  readonly functionName: functionName;
  readonly args: ContractFunctionArgs<abi, "nonpayable" | "payable", functionName>;
}

/** The most entries `registry.circles(offset, limit)` returns at once (the registry's `MAX_PAGE_SIZE`). */
export const MAX_PAGE_SIZE = 100n;

/** Thrown when an address does not answer as a circle. */
export class NotACircleError extends CommonwealError {
  override readonly name = "NotACircleError";
  constructor(readonly address: Address) {
    super(
      `${address} is not a circle on this chain (no contract answered there): check the address and the network, or find the circles with listCircles.`,
    );
  }
}

// --- Reading --------------------------------------------------------------------------------------------------------

/**
 * Everything a circle shows about itself: name, parts, members, rules, charter, reset epoch and role modules.
 * The circles expose no proposal count; listProposals rebuilds the proposals from the circle's events.
 *
 * Throws a {@link NotACircleError} if nothing answers at `circle`.
 *
 * @example
 * const { name, members, charter, charterLapsed } = await readCircle(publicClient, circle);
 */
export async function readCircle<chain extends Chain | undefined>(client: Client<Transport, chain>, circle: Address) {
  const read = { address: circle, abi: circleAbi } as const;
  const parts = await Promise.all([
    readContract(client, { ...read, functionName: "name" }),
    readContract(client, { ...read, functionName: "membership" }),
    readContract(client, { ...read, functionName: "rituals" }),
    readContract(client, { ...read, functionName: "mandates" }),
    readContract(client, { ...read, functionName: "rules" }),
    readContract(client, { ...read, functionName: "charter" }),
    readContract(client, { ...read, functionName: "charterLapsed" }),
    readContract(client, { ...read, functionName: "dissolved" }),
    readContract(client, { ...read, functionName: "resetEpoch" }),
  ]).catch((error: unknown) => {
    if (error instanceof BaseError && error.walk((cause) => cause instanceof ContractFunctionZeroDataError)) {
      throw new NotACircleError(circle);
    }
    throw error;
  });
  const [name, membership, rituals, mandates, rules, charter, charterLapsed, dissolved, resetEpoch] = parts;
  // Role modules are kept by the circle's rituals.
  const roleModules = await readContract(client, {
    address: rituals,
    abi: circleRitualsAbi,
    functionName: "roleModules",
  });
  const [members, memberCount, maxMembers, badges] = await Promise.all([
    readContract(client, { address: membership, abi: circleMembershipAbi, functionName: "members" }),
    readContract(client, { address: membership, abi: circleMembershipAbi, functionName: "memberCount" }),
    readContract(client, { address: membership, abi: circleMembershipAbi, functionName: "maxMembers" }),
    readContract(client, { address: mandates, abi: mandatesAbi, functionName: "badges" }),
  ]);
  return {
    address: circle,
    name,
    /** The circle's parts: membership token, rituals (temperature check, hard reset), mandates and their badges. */
    membership,
    rituals,
    mandates,
    badges,
    members,
    memberCount,
    maxMembers,
    rules,
    charter,
    charterLapsed,
    dissolved,
    /** How many hard resets the circle has had; proposals of earlier epochs read as Canceled. */
    resetEpoch,
    roleModules,
  };
}

/** What {@link readCircle} returns. */
export type ReadCircleReturnType = Awaited<ReturnType<typeof readCircle>>;

/**
 * One page of the registry's circles (and councils), oldest first. `limit` is at most {@link MAX_PAGE_SIZE}; the
 * page is shorter at the end, and empty past it. The total is `registry.circleCount()`.
 *
 * @example
 * const first = await listCircles(publicClient, registry); // the first 100
 */
export async function listCircles<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  registry: Address,
  offset = 0n,
  limit = MAX_PAGE_SIZE,
) {
  return readContract(client, {
    address: registry,
    abi: circleRegistryAbi,
    functionName: "circles",
    args: [offset, limit],
  });
}
