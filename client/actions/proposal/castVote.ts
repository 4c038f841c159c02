import { getAddress, type Address, type Hash } from "viem";

import { circleAbi } from "../../abis.js";
import { withSuiteErrors } from "../../errors.js";
import { SUPPORT_NAMES, type ProposalStateName, type Support, type SupportName, type Tally } from "../../proposals.js";
import { submit, type SigningClient } from "../submit.js";
import { readTally } from "./readTally.js";
import { requireVotingOpen } from "./requireVotingOpen.js";

export interface CastVoteParameters {
  circle: Address;
  proposalId: bigint;
  /** 0 against, 1 for, 2 abstain (see Support). */
  support: Support;
  /** Why, in words: recorded with the vote (`castVoteWithReason`) and shown by readProposal. */
  reason?: string;
}

export interface CastVoteReturnType {
  circle: Address;
  proposalId: bigint;
  voter: Address;
  support: SupportName;
  /** The votes counted after this one, and the proposal's state. */
  tally: Tally;
  state: ProposalStateName;
  transaction: Hash;
  /** What was done to reach the opening second first, if anything (see requireVotingOpen). */
  note?: string;
}

/**
 * The client's account, a member, votes on a proposal (one member, one vote), with a reason if given. Refused with a
 * VotingNotOpenError naming the opening time while the proposal waits for its voting to open; the contract's own
 * refusals (a second vote, someone outside the electorate) come back as their sentences from the simulation.
 *
 * @example
 * const { tally } = await castVote(walletClient, { circle, proposalId, support: Support.For, reason: "Fair pay" });
 */
export async function castVote(client: SigningClient, parameters: CastVoteParameters): Promise<CastVoteReturnType> {
  const { circle, proposalId, support, reason } = parameters;
  const { note } = await requireVotingOpen(client, { circle, proposalId });
  const on = { address: circle, abi: withSuiteErrors(circleAbi) } as const;
  const { hash } = reason
    ? await submit(client, { ...on, functionName: "castVoteWithReason", args: [proposalId, support, reason] })
    : await submit(client, { ...on, functionName: "castVote", args: [proposalId, support] });
  const { tally, stateName } = await readTally(client, { circle, proposalId });
  return {
    circle,
    proposalId,
    voter: getAddress(client.account.address),
    support: SUPPORT_NAMES[support],
    tally,
    state: stateName,
    transaction: hash,
    ...(note ? { note } : {}),
  };
}
