import type { Address, Chain, Client, Hex, Transport } from "viem";
import { readContract } from "viem/actions";

import { circleAbi } from "../../abis.js";
import {
  DuplicateProposalError,
  descriptionHash,
  proposalId,
  proposalOperations,
  type ProposalCall,
} from "../../proposals.js";

export interface RequireNewProposalParameters {
  /** The circle (or council) to propose in. */
  circle: Address;
  calls: readonly ProposalCall[];
  description: string;
}

/** The proposal as the circle names it: its id, and what `execute` and `cancel` take. */
export interface RequireNewProposalReturnType {
  proposalId: bigint;
  targets: Address[];
  values: bigint[];
  calldatas: Hex[];
  descriptionHash: Hex;
}

/**
 * Refuses, with a {@link DuplicateProposalError} naming the proposal already made, a proposal whose calls and
 * description are those of one the circle has (the Governor would give it the same id and refuse it with no more than
 * its state); otherwise returns the id it will have and the operations `execute` takes. Every way of proposing checks
 * this first: propose, and a delegate's proposal in a council.
 *
 * @example
 * const { proposalId, descriptionHash } = await requireNewProposal(publicClient, { circle, calls, description });
 */
export async function requireNewProposal<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: RequireNewProposalParameters,
): Promise<RequireNewProposalReturnType> {
  const { circle, calls, description } = parameters;
  const id = proposalId({ calls, description });
  const snapshot = await readContract(client, {
    address: circle,
    abi: circleAbi,
    functionName: "proposalSnapshot",
    args: [id],
  });
  if (snapshot !== 0n) throw new DuplicateProposalError(id);
  const [targets, values, calldatas] = proposalOperations(calls);
  return { proposalId: id, targets, values, calldatas, descriptionHash: descriptionHash(description) };
}
