import { getAddress, recoverTypedDataAddress, type Address, type Hash } from "viem";
import { getChainId, readContract } from "viem/actions";

import { circleAbi } from "../../abis.js";
import { BALLOT_TYPES, ballotDomain } from "../../ballots.js";
import { withSuiteErrors } from "../../errors.js";
import { BallotError, SUPPORT_NAMES, type ProposalStateName, type SupportName, type Tally } from "../../proposals.js";
import { submit, type SigningClient } from "../submit.js";
import { readTally } from "./readTally.js";
import { requireVotingOpen } from "./requireVotingOpen.js";
import type { SignedBallot } from "./signBallot.js";

export interface CastVoteBySignatureParameters {
  /** A ballot as signBallot returns it. */
  ballot: SignedBallot;
}

export interface CastVoteBySignatureReturnType {
  circle: Address;
  proposalId: bigint;
  voter: Address;
  /** The client's account, which sent the ballot and paid for it. */
  relayer: Address;
  support: SupportName;
  tally: Tally;
  state: ProposalStateName;
  transaction: Hash;
  /** What was done to reach the opening second first, if anything (see requireVotingOpen). */
  note?: string;
}

/**
 * Submits a signed ballot (`castVoteBySig`) from the client's account: anyone may relay a member's ballot, paying the
 * gas for them. The ballot is checked first, each failure a BallotError in a sentence: this chain, the voter's next
 * nonce (a used ballot cannot count twice), and a signature that is the voter's; a ballot on a proposal whose voting
 * has not opened is refused with the opening time.
 *
 * @example
 * const { tally } = await castVoteBySignature(relayerClient, { ballot });
 */
export async function castVoteBySignature(
  client: SigningClient,
  parameters: CastVoteBySignatureParameters,
): Promise<CastVoteBySignatureReturnType> {
  const { circle, proposalId, support, voter, nonce: signedNonce, signature } = parameters.ballot;
  const chainId = await getChainId(client);
  if (parameters.ballot.chainId !== chainId) {
    throw new BallotError(
      `The ballot was signed for chain ${parameters.ballot.chainId}; this network is chain ${chainId}.`,
    );
  }
  const read = { address: circle, abi: circleAbi } as const;
  const [nonce, name] = await Promise.all([
    readContract(client, { ...read, functionName: "nonces", args: [voter] }),
    readContract(client, { ...read, functionName: "name" }),
  ]);
  if (nonce !== signedNonce) {
    throw new BallotError(
      `The ballot was signed with nonce ${signedNonce}, but ${voter}'s next is ${nonce}: it was already used, or another signed vote came first. Ask the voter to sign again.`,
    );
  }
  const signer = await recoverTypedDataAddress({
    domain: ballotDomain(name, BigInt(chainId), circle),
    types: BALLOT_TYPES,
    primaryType: "Ballot",
    message: { proposalId, support, voter, nonce },
    signature,
  });
  if (signer !== getAddress(voter)) {
    throw new BallotError(`The signature is not ${voter}'s for this ballot (it recovers to ${signer}).`);
  }
  const { note } = await requireVotingOpen(client, { circle, proposalId });
  const { hash } = await submit(client, {
    address: circle,
    abi: withSuiteErrors(circleAbi),
    functionName: "castVoteBySig",
    args: [proposalId, support, voter, signature],
  });
  const { tally, stateName } = await readTally(client, { circle, proposalId });
  return {
    circle,
    proposalId,
    voter,
    relayer: getAddress(client.account.address),
    support: SUPPORT_NAMES[support],
    tally,
    state: stateName,
    transaction: hash,
    ...(note ? { note } : {}),
  };
}
