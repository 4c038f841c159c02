/**
 * Everything a circle (or council) shows about itself, read in a few round trips: name, parts, members, rules and
 * mandate rules, charter, reset epoch, live mandates, role modules and the decision period running.
 */
import { BaseError, ContractFunctionZeroDataError, type Address, type Chain, type Client, type Transport } from "viem";
import { readContract } from "viem/actions";

import { circleAbi, circleMembershipAbi, circleRitualsAbi, mandatesAbi } from "../../abis.js";
import { NotACircleError } from "../../errors.js";

export interface ReadCircleParameters {
  /** The circle or council. */
  circle: Address;
}

/**
 * Everything a circle shows about itself. The circles expose no proposal count; `listProposals` rebuilds the
 * proposals from the circle's events. Throws a {@link NotACircleError} if nothing answers at `circle`.
 *
 * @example
 * const { name, members, charter, charterLapsed } = await readCircle(publicClient, { circle });
 */
export async function readCircle<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ReadCircleParameters,
) {
  const { circle } = parameters;
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
  const [roleModules, currentPeriod, members, memberCount, maxMembers, badges, mandateRules, liveMandates] =
    await Promise.all([
      // Role modules are kept by the circle's rituals.
      readContract(client, { address: rituals, abi: circleRitualsAbi, functionName: "roleModules" }),
      readContract(client, { address: rituals, abi: circleRitualsAbi, functionName: "currentPeriod" }),
      readContract(client, { address: membership, abi: circleMembershipAbi, functionName: "members" }),
      readContract(client, { address: membership, abi: circleMembershipAbi, functionName: "memberCount" }),
      readContract(client, { address: membership, abi: circleMembershipAbi, functionName: "maxMembers" }),
      readContract(client, { address: mandates, abi: mandatesAbi, functionName: "badges" }),
      readContract(client, { address: mandates, abi: mandatesAbi, functionName: "rules" }),
      readContract(client, { address: mandates, abi: mandatesAbi, functionName: "liveMandates" }),
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
    mandateRules,
    charter,
    charterLapsed,
    dissolved,
    /** How many hard resets the circle has had; proposals of earlier epochs read as Canceled. */
    resetEpoch,
    /** The ids of the mandates live now (granted, not ended, not expired). */
    liveMandates,
    roleModules,
    /** The decision period of the temperature check running now. */
    currentPeriod,
  };
}

/** What {@link readCircle} returns. */
export type ReadCircleReturnType = Awaited<ReturnType<typeof readCircle>>;
