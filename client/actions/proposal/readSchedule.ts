import type { Address, Chain, Client, Transport } from "viem";
import { readContract } from "viem/actions";

import { circleAbi } from "../../abis.js";

export interface ReadScheduleParameters {
  circle: Address;
  proposalId: bigint;
}

export interface ReadScheduleReturnType {
  /** When voting opens (after the circle's notice), in seconds since the epoch. */
  votingOpensAt: bigint;
  /** When voting closes, in seconds since the epoch. */
  deadline: bigint;
}

/**
 * When voting on a proposal opens and its deadline, in seconds since the epoch (the circles' clock is timestamps).
 * Both read zero for an unknown id.
 *
 * @example
 * const { votingOpensAt, deadline } = await readSchedule(publicClient, { circle, proposalId });
 */
export async function readSchedule<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ReadScheduleParameters,
): Promise<ReadScheduleReturnType> {
  const read = { address: parameters.circle, abi: circleAbi, args: [parameters.proposalId] } as const;
  const [votingOpensAt, deadline] = await Promise.all([
    readContract(client, { ...read, functionName: "proposalVotingOpensAt" }),
    readContract(client, { ...read, functionName: "proposalDeadline" }),
  ]);
  return { votingOpensAt, deadline };
}
