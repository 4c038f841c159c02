/**
 * Has the chain make a block later than a given second. The circles count time in block timestamps, and a call is
 * simulated in the latest block: a proposer who joined in the latest block's second, or a vote on a proposal whose
 * voting opens in that very second, is one block early. A live network moves on by itself, so this waits for its next
 * block; a local node (a Hardhat node or anvil, told by its client, never by chain id) may idle forever, so this
 * mines one block there, in the next second. Either way it says what it did, for the face to show.
 *
 * @example
 * const { note } = await passSecond(walletClient, { second: latest.timestamp, why: "so that Gus counts as a member" });
 */
import type { Chain, Client, Transport } from "viem";
import { getBlock } from "viem/actions";

import { nodeKind } from "../../chain.js";
import { NoNewBlockError } from "../../proposals.js";

export interface PassSecondParameters {
  /** The second (unix time) the chain must be past: the latest block's, typically. */
  second: bigint;
  /** Why, as the end of a sentence ("so that …"): the note and a refusal say it. */
  why: string;
  /** How long to wait for a live network's next block before refusing (default 180 s). */
  timeoutMs?: number;
}

export interface PassSecondReturnType {
  /** What was done, in a sentence; undefined when the chain was already past `second`. */
  note?: string;
}

type RawRequest = (args: { method: string; params?: unknown[] }) => Promise<unknown>;

/**
 * Mines one block after `second` on a local node, or waits for one on a live network; refuses with a NoNewBlockError
 * when a live network makes none in time.
 */
export async function passSecond<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: PassSecondParameters,
): Promise<PassSecondReturnType> {
  const { second, why, timeoutMs = 180_000 } = parameters;
  const latest = await getBlock(client);
  if (latest.timestamp > second) return {};
  const kind = await nodeKind(client);
  if (kind.local) {
    const request = client.request as unknown as RawRequest;
    // The node's own next second, if it tells it; a node that would reuse the latest second (anvil may) is given the
    // following one, the least the clock can move.
    const pending = await getBlock(client, { blockTag: "pending" }).catch(() => undefined);
    if (!pending || pending.timestamp <= second) {
      await request({ method: "evm_setNextBlockTimestamp", params: [Number(second) + 1] });
    }
    await request({ method: "evm_mine", params: [] });
    return { note: `Mined one block on the local node (${kind.clientVersion}) ${why}.` };
  }
  const started = Date.now();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, client.pollingInterval));
    const head = await getBlock(client);
    if (head.timestamp > second) return { note: `Waited for block ${head.number} ${why}.` };
    if (Date.now() - started > timeoutMs) {
      throw new NoNewBlockError(
        `The network made no block after ${second} (unix time) in ${timeoutMs / 1000} s, and one is needed ${why}: try again once it has.`,
      );
    }
  }
}
