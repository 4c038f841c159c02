import { getAddress, type Address, type Hex } from "viem";
import { getChainId, readContract, signTypedData } from "viem/actions";

import { circleAbi, circleMembershipAbi } from "../../abis.js";
import { BALLOT_TYPES, ballotDomain } from "../../ballots.js";
import { BallotError, ProposalStateError, type Support } from "../../proposals.js";
import type { SigningClient } from "../submit.js";
import { readTally } from "./readTally.js";

export interface SignBallotParameters {
  circle: Address;
  proposalId: bigint;
  /** 0 against, 1 for, 2 abstain (see Support). */
  support: Support;
}

/** A signed EIP-712 ballot: what a voter hands to whoever relays it with castVoteBySignature. */
export interface SignedBallot {
  circle: Address;
  chainId: number;
  proposalId: bigint;
  support: Support;
  voter: Address;
  nonce: bigint;
  signature: Hex;
}

export type SignBallotReturnType = SignedBallot;

/**
 * The client's account, a member, signs a ballot (OpenZeppelin Governor's EIP-712 `Ballot`, with the voter's next
 * nonce) for anyone to relay with castVoteBySignature: the voter pays no gas. Nothing is sent. Refused with a
 * ProposalStateError once the proposal's vote is over, and with a BallotError if the account is not a member, since
 * such a ballot would not count.
 *
 * @example
 * const ballot = await signBallot(voterClient, { circle, proposalId, support: Support.For });
 * await castVoteBySignature(relayerClient, { ballot });
 */
export async function signBallot(
  client: SigningClient,
  parameters: SignBallotParameters,
): Promise<SignBallotReturnType> {
  const { circle, proposalId, support } = parameters;
  const voter = getAddress(client.account.address);
  const { stateName } = await readTally(client, { circle, proposalId });
  if (stateName !== "Pending" && stateName !== "Active") {
    throw new ProposalStateError(
      proposalId,
      stateName,
      `Proposal ${proposalId} is ${stateName.toLowerCase()}: a ballot for it would not count.`,
    );
  }
  const read = { address: circle, abi: circleAbi } as const;
  const [membership, nonce, name, chainId] = await Promise.all([
    readContract(client, { ...read, functionName: "membership" }),
    readContract(client, { ...read, functionName: "nonces", args: [voter] }),
    readContract(client, { ...read, functionName: "name" }),
    getChainId(client),
  ]);
  const member = await readContract(client, {
    address: membership,
    abi: circleMembershipAbi,
    functionName: "isMember",
    args: [voter],
  });
  if (!member) throw new BallotError(`${voter} is not a member of ${circle}, so their ballot would not count.`);
  const signature = await signTypedData(client, {
    account: client.account,
    domain: ballotDomain(name, BigInt(chainId), circle),
    types: BALLOT_TYPES,
    primaryType: "Ballot",
    message: { proposalId, support, voter, nonce },
  });
  return { circle, chainId, proposalId, support, voter, nonce, signature };
}
