import { getAddress, type Address, type Hash } from "viem";
import { getBlock, readContract } from "viem/actions";

import { circleAbi, circleMembershipAbi } from "../../abis.js";
import { nodeKind } from "../../chain.js";
import { withSuiteErrors } from "../../errors.js";
import { NoNewBlockError, proposalOperations, type ProposalCall } from "../../proposals.js";
import { submit, type SigningClient } from "../submit.js";
import { readSchedule, type ReadScheduleReturnType } from "./readSchedule.js";

export interface ProposeParameters {
  /** The circle (or council) to propose in. */
  circle: Address;
  /** The calls the circle makes if the proposal passes, in order. */
  calls: readonly ProposalCall[];
  /** What the proposal is for, in words; with the calls it makes the proposal's id. */
  description: string;
}

export interface ProposeReturnType {
  circle: Address;
  proposalId: bigint;
  /** The client's account, a member of the circle. */
  proposer: Address;
  description: string;
  /** When voting opens and closes, in seconds since the epoch. */
  schedule: ReadScheduleReturnType;
  transaction: Hash;
  /**
   * Set when the proposer had become a member in the latest block, so that the chain had to move on first (see
   * {@link propose}): says what was done, for the face to show.
   */
  note?: string;
}

/** How long propose waits on a live network for the next block, before giving up with a sentence. */
const NEXT_BLOCK_TIMEOUT_MS = 180_000;

type RawRequest = (args: { method: string; params?: unknown[] }) => Promise<unknown>;

/**
 * Has the chain move past the second in which `proposer` became a member, if it has not yet. A circle counts a
 * proposer's vote as of a second before the proposal (`getVotes(proposer, clock() - 1)`, the Governor's threshold
 * check, with the ERC-6372 clock in timestamps), and a call is simulated in the latest block: a member admitted (or
 * founded) in the latest block's second does not count yet. A live network moves on by itself, so this waits for its
 * next block; a local node (a Hardhat node or anvil, told by its client, never by chain id) may idle forever, so this
 * mines one block there. Returns a sentence saying what was done, or undefined if nothing was needed.
 */
async function letProposerCount(client: SigningClient, circle: Address, proposer: Address) {
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
  // Not a member at all (the simulation refuses with the circle's sentence), or already counted: nothing to do.
  if (now === 0n || aSecondAgo > 0n) return undefined;
  const why = `so that ${proposer}, a member only since block ${latest.number}, counts as one a second before the proposal, as the circle requires`;
  const kind = await nodeKind(client);
  if (kind.local) {
    const request = client.request as unknown as RawRequest;
    // The node's own next second, if it tells it; a node that would reuse the latest second (anvil may) is given the
    // following one, the least the clock can move.
    const pending = await getBlock(client, { blockTag: "pending" }).catch(() => undefined);
    if (!pending || pending.timestamp <= latest.timestamp) {
      await request({ method: "evm_setNextBlockTimestamp", params: [Number(latest.timestamp) + 1] });
    }
    await request({ method: "evm_mine", params: [] });
    return `Mined one block on the local node (${kind.clientVersion}) ${why}.`;
  }
  const started = Date.now();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, client.pollingInterval));
    const head = await getBlock(client);
    if (head.timestamp > latest.timestamp) return `Waited for block ${head.number} ${why}.`;
    if (Date.now() - started > NEXT_BLOCK_TIMEOUT_MS) {
      throw new NoNewBlockError(
        `${proposer} became a member in block ${latest.number}, and a proposer counts only from the next block's second; the network made no new block in ${NEXT_BLOCK_TIMEOUT_MS / 1000} s: propose again once it has.`,
      );
    }
  }
}

/**
 * Proposes `calls` in a circle from the client's account (a member), after a simulation that refuses with the
 * contract's sentence, and returns the proposal's id and when voting opens and closes. Right after a circle is
 * founded or its proposer admitted, the chain must first move past that second (see the `note`): on a local node
 * this mines one block, on a live network it waits for the next.
 *
 * @example
 * const { proposalId, schedule } = await propose(walletClient, {
 *   circle,
 *   calls: [proposalCall(membership, { abi: circleMembershipAbi, functionName: "admit", args: [gus] })],
 *   description: "Admit Gus",
 * });
 */
export async function propose(client: SigningClient, parameters: ProposeParameters): Promise<ProposeReturnType> {
  const { circle, calls, description } = parameters;
  const proposer = getAddress(client.account.address);
  const note = await letProposerCount(client, circle, proposer);
  const [targets, values, calldatas] = proposalOperations(calls);
  const { result: proposalId, hash } = await submit(client, {
    address: circle,
    abi: withSuiteErrors(circleAbi),
    functionName: "propose",
    args: [targets, values, calldatas, description],
  });
  const schedule = await readSchedule(client, { circle, proposalId });
  return { circle, proposalId, proposer, description, schedule, transaction: hash, ...(note ? { note } : {}) };
}
