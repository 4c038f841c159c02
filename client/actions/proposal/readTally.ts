import type { Address, Chain, Client, Transport } from "viem";
import { readContract } from "viem/actions";

import { circleAbi } from "../../abis.js";
import { PROPOSAL_STATES, ProposalRefError, type ProposalStateName, type Tally } from "../../proposals.js";

export interface ReadTallyParameters {
  circle: Address;
  proposalId: bigint;
}

export interface ReadTallyReturnType {
  /** The electorate's timepoint: the second before the proposal was made. */
  snapshot: bigint;
  stateName: ProposalStateName;
  tally: Tally;
}

/**
 * A proposal's state and the votes counted so far (for, against, abstain), read from the circle without its events.
 * Throws a {@link ProposalRefError} if the circle has no proposal `proposalId` (its electorate timepoint reads zero).
 *
 * @example
 * const { stateName, tally } = await readTally(publicClient, { circle, proposalId });
 */
export async function readTally<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ReadTallyParameters,
): Promise<ReadTallyReturnType> {
  const { circle, proposalId: id } = parameters;
  const read = { address: circle, abi: circleAbi } as const;
  const [snapshot, [against, inFavour, abstain]] = await Promise.all([
    readContract(client, { ...read, functionName: "proposalSnapshot", args: [id] }),
    readContract(client, { ...read, functionName: "proposalVotes", args: [id] }),
  ]);
  if (snapshot === 0n) throw new ProposalRefError(`${id}`, "none", `There is no proposal ${id} in ${circle}.`);
  const state = await readContract(client, { ...read, functionName: "state", args: [id] });
  return { snapshot, stateName: PROPOSAL_STATES[state] ?? "Pending", tally: { for: inFavour, against, abstain } };
}
