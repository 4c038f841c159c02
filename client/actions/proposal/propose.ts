import { getAddress, type Address, type Hash } from "viem";

import { circleAbi } from "../../abis.js";
import { withSuiteErrors } from "../../errors.js";
import type { ProposalCall } from "../../proposals.js";
import { submit, type SigningClient } from "../submit.js";
import { letProposerCount } from "./letProposerCount.js";
import { readSchedule, type ReadScheduleReturnType } from "./readSchedule.js";
import { requireNewProposal, type RequireNewProposalReturnType } from "./requireNewProposal.js";

export interface ProposeParameters {
  /** The circle to propose in (a council's proposals are its delegates': proposeInCouncil). */
  circle: Address;
  /** The calls the circle makes if the proposal passes, in order. */
  calls: readonly ProposalCall[];
  /** What the proposal is for, in words; with the calls it makes the proposal's id. */
  description: string;
}

/** The proposal made: its id, what `execute` takes, and when voting opens and closes. */
export interface ProposeReturnType extends RequireNewProposalReturnType {
  circle: Address;
  /** The client's account, a member of the circle. */
  proposer: Address;
  description: string;
  /** When voting opens and closes, in seconds since the epoch. */
  schedule: ReadScheduleReturnType;
  transaction: Hash;
  /**
   * Set when the proposer had become a member in the latest block, so that the chain had to move on first (see
   * letProposerCount): says what was done, for the face to show.
   */
  note?: string;
}

/**
 * Proposes `calls` in a circle from the client's account (a member), after a simulation that refuses with the
 * contract's sentence, and returns the proposal's id, what `execute` takes, and when voting opens and closes. A
 * proposal the circle already has is refused before anything is sent (requireNewProposal). Right after a circle is
 * founded or its proposer admitted, the chain must first move past that second (see the `note`): on a local node
 * this mines one block, on a live network it waits for the next. A `prepare…` action's result is a ready
 * `ProposeParameters`.
 *
 * @example
 * const { proposalId, schedule } = await propose(walletClient, {
 *   circle,
 *   calls: [proposalCall(membership, { abi: circleMembershipAbi, functionName: "admit", args: [gus] })],
 *   description: "Admit Gus",
 * });
 * await propose(walletClient, await prepareAdmit(publicClient, { circle, registry, member: gus }));
 */
export async function propose(client: SigningClient, parameters: ProposeParameters): Promise<ProposeReturnType> {
  const { circle, calls, description } = parameters;
  const proposer = getAddress(client.account.address);
  const proposal = await requireNewProposal(client, { circle, calls, description });
  const { note } = await letProposerCount(client, { circle, proposer });
  const { targets, values, calldatas } = proposal;
  const { result: proposalId, hash } = await submit(client, {
    address: circle,
    abi: withSuiteErrors(circleAbi),
    functionName: "propose",
    args: [targets, values, calldatas, description],
  });
  const schedule = await readSchedule(client, { circle, proposalId });
  return {
    circle,
    ...proposal,
    proposalId,
    proposer,
    description,
    schedule,
    transaction: hash,
    ...(note ? { note } : {}),
  };
}
