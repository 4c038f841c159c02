/**
 * A delegate casts their circle's vote in a council, through the delegate mandate
 * (`mandates.act(mandateId, council, 0, castVote(…))`): the council counts the circle's vote.
 */
import { encodeFunctionData, getAddress, type Address, type Hash } from "viem";

import { circleAbi } from "../../abis.js";
import { SUPPORT_NAMES, type ProposalStateName, type Support, type SupportName, type Tally } from "../../proposals.js";
import { act } from "../mandate/act.js";
import { readTally } from "../proposal/readTally.js";
import { requireVotingOpen } from "../proposal/requireVotingOpen.js";
import type { SigningClient } from "../submit.js";
import { readDelegation, type ReadDelegationReturnType } from "./readDelegation.js";

export interface CastCouncilVoteParameters {
  council: Address;
  /** The registry the council must belong to (a circle or a stranger is refused with a sentence). */
  registry: Address;
  /** The delegate's circle, whose vote this is (default: the first seated circle whose delegate they are). */
  circle?: Address;
  proposalId: bigint;
  /** 0 against, 1 for, 2 abstain (see Support). */
  support: Support;
  /** Why, in words (`castVoteWithReason`, which the delegate mandate allows too). */
  reason?: string;
}

/** The vote cast, the delegation it was cast through, and the tally after it. */
export interface CastCouncilVoteReturnType extends ReadDelegationReturnType {
  proposalId: bigint;
  support: SupportName;
  /** The votes counted after this one, and the proposal's state. */
  tally: Tally;
  state: ProposalStateName;
  transaction: Hash;
  /** What was done to reach the opening second first, if anything (see requireVotingOpen). */
  note?: string;
}

/**
 * The client's account, a delegate, casts their circle's vote on a council's proposal. Refused with a sentence if
 * they hold no live delegate mandate there (NoDelegationError), with a VotingNotOpenError naming the opening time while
 * the proposal waits, and with the council's own sentence from the simulation (a second vote, a seat that does not
 * count).
 *
 * @example
 * const { tally } = await castCouncilVote(benWallet, { council, registry, proposalId, support: Support.For });
 */
export async function castCouncilVote(
  client: SigningClient,
  parameters: CastCouncilVoteParameters,
): Promise<CastCouncilVoteReturnType> {
  const { council, registry, circle, proposalId, support, reason } = parameters;
  const delegation = await readDelegation(client, {
    council,
    registry,
    delegate: getAddress(client.account.address),
    ...(circle ? { circle } : {}),
  });
  const { note } = await requireVotingOpen(client, { circle: delegation.council, proposalId });
  const data = reason
    ? encodeFunctionData({ abi: circleAbi, functionName: "castVoteWithReason", args: [proposalId, support, reason] })
    : encodeFunctionData({ abi: circleAbi, functionName: "castVote", args: [proposalId, support] });
  const { transaction } = await act(client, {
    mandates: delegation.mandates,
    mandateId: delegation.mandateId,
    target: delegation.council,
    data,
  });
  const { tally, stateName } = await readTally(client, { circle: delegation.council, proposalId });
  return {
    ...delegation,
    proposalId,
    support: SUPPORT_NAMES[support],
    tally,
    state: stateName,
    transaction,
    ...(note ? { note } : {}),
  };
}
