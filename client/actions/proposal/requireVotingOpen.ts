import type { Address, Chain, Client, Transport } from "viem";
import { getBlock } from "viem/actions";

import { VotingNotOpenError } from "../../proposals.js";
import { isoTime } from "../../time.js";
import { passSecond } from "../chain/passSecond.js";
import { readSchedule } from "./readSchedule.js";
import { readTally, type ReadTallyReturnType } from "./readTally.js";

export interface RequireVotingOpenParameters {
  circle: Address;
  proposalId: bigint;
}

/** The proposal's state and tally, read on the way, and what was done to reach its opening, if anything. */
export type RequireVotingOpenReturnType = ReadTallyReturnType & { note?: string };

/**
 * Refuses, with a {@link VotingNotOpenError} naming the time it opens, a vote on a proposal whose voting has not
 * opened yet (the contract would only say it is pending), and with a ProposalRefError one that does not exist. A
 * proposal past its vote is left to the contract's own sentence. Every way of voting checks this first: castVote,
 * castVoteBySignature, and a delegate voting for their circle in a council.
 *
 * Voting opens once the clock is past the opening second, and a vote is simulated in the latest block: when the
 * latest block sits exactly at the opening (as after `chain advance 1d` on a local node), the vote's own block would
 * be open, so the chain is moved one block on (mined on a local node, waited for on a live one; see passSecond and
 * the `note`) rather than refused.
 *
 * @example
 * await requireVotingOpen(publicClient, { circle, proposalId }); // throws before voting opens
 */
export async function requireVotingOpen<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: RequireVotingOpenParameters,
): Promise<RequireVotingOpenReturnType> {
  const read = await readTally(client, parameters);
  if (read.stateName !== "Pending") return read;
  const [{ votingOpensAt }, latest] = await Promise.all([readSchedule(client, parameters), getBlock(client)]);
  if (votingOpensAt > latest.timestamp) throw new VotingNotOpenError(parameters.proposalId, votingOpensAt);
  const { note } = await passSecond(client, {
    second: votingOpensAt,
    why: `so that voting on proposal ${parameters.proposalId}, which opens at ${isoTime(votingOpensAt)}, is open`,
  });
  return { ...(await readTally(client, parameters)), ...(note ? { note } : {}) };
}
