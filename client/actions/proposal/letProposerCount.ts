import type { Address, Chain, Client, Transport } from "viem";
import { getBlock, readContract } from "viem/actions";

import { circleAbi, circleMembershipAbi } from "../../abis.js";
import { passSecond } from "../chain/passSecond.js";

export interface LetProposerCountParameters {
  /** The circle (or council) to propose in. */
  circle: Address;
  /** Who proposes: a member of the circle, or, in a council, the seated circle whose delegate acts. */
  proposer: Address;
}

export interface LetProposerCountReturnType {
  /** What was done, in a sentence for the face to show; undefined if nothing was needed. */
  note?: string;
}

/**
 * Has the chain move past the second in which `proposer` became a member (or took its seat), if it has not yet. A
 * circle, and a council alike (the same governor, with the seats as its membership), counts a proposer's vote as of
 * a second before the proposal (`getVotes(proposer, clock() - 1)`, the Governor's threshold check, with the ERC-6372
 * clock in timestamps), and a call is simulated in the latest block: a member admitted (or founded, or seated) in the
 * latest block's second does not count yet. A live network moves on by itself, so this waits for its next block; a
 * local node (a Hardhat node or anvil, told by its client, never by chain id) may idle forever, so this mines one
 * block there. Not a member at all, or already counted: nothing to do (the proposal's simulation says the rest).
 *
 * @example
 * const { note } = await letProposerCount(walletClient, { circle, proposer: walletClient.account.address });
 */
export async function letProposerCount<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: LetProposerCountParameters,
): Promise<LetProposerCountReturnType> {
  const { circle, proposer } = parameters;
  const [membership, latest] = await Promise.all([
    readContract(client, { address: circle, abi: circleAbi, functionName: "membership" }),
    getBlock(client),
  ]);
  const at = { blockNumber: latest.number } as const;
  const [now, aSecondAgo] = await Promise.all([
    readContract(client, {
      address: membership,
      abi: circleMembershipAbi,
      functionName: "getVotes",
      args: [proposer],
      ...at,
    }),
    readContract(client, {
      address: circle,
      abi: circleAbi,
      functionName: "getVotes",
      args: [proposer, latest.timestamp - 1n],
      ...at,
    }),
  ]);
  if (now === 0n || aSecondAgo > 0n) return {};
  return passSecond(client, {
    second: latest.timestamp,
    why: `so that ${proposer}, a member only since block ${latest.number}, counts as one a second before the proposal, as the circle requires`,
  });
}
