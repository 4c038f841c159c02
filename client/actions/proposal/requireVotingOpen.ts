import type { Address, Chain, Client, Transport } from "viem";

import { VotingNotOpenError } from "../../proposals.js";
import { readSchedule } from "./readSchedule.js";
import { readTally, type ReadTallyReturnType } from "./readTally.js";

export interface RequireVotingOpenParameters {
  circle: Address;
  proposalId: bigint;
}

/** The proposal's state and tally, read on the way. */
export type RequireVotingOpenReturnType = ReadTallyReturnType;

/**
 * Refuses, with a {@link VotingNotOpenError} naming the time it opens, a vote on a proposal whose voting has not
 * opened yet (the contract would only say it is pending), and with a ProposalRefError one that does not exist. A
 * proposal past its vote is left to the contract's own sentence. Every way of voting checks this first: castVote,
 * castVoteBySignature, and a delegate voting for their circle in a council.
 *
 * @example
 * await requireVotingOpen(publicClient, { circle, proposalId }); // throws before voting opens
 */
export async function requireVotingOpen<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: RequireVotingOpenParameters,
): Promise<RequireVotingOpenReturnType> {
  const read = await readTally(client, parameters);
  if (read.stateName === "Pending") {
    const { votingOpensAt } = await readSchedule(client, parameters);
    throw new VotingNotOpenError(parameters.proposalId, votingOpensAt);
  }
  return read;
}
