import type { Address, Chain, Client, Transport } from "viem";
import { getBlock, getBlockNumber, readContract } from "viem/actions";

import { getContractEventsPaged } from "../../pagedEvents.js";
import { incomeHubAbi } from "../../abis.js";
import { tokenOwnerOf } from "../../income.js";
import { PathfinderIndex } from "../../pathfinder.js";

export interface SyncPathfinderIndexParameters {
  hub: Address;
  /** The index to bring up to date; without one, a new index of the hub (its day zero read from the chain). */
  index?: PathfinderIndex;
  /** The first block to read the hub's events from (default 0; the block after the last sync to follow the chain). */
  fromBlock?: bigint;
  /** The last block to read (default: the latest). */
  toBlock?: bigint;
}

export interface SyncPathfinderIndexReturnType {
  index: PathfinderIndex;
  /** The block the index is now up to date with, and its timestamp (the index's time). */
  block: bigint;
  timestamp: bigint;
  /** How many `Trust` events and transfers (single or within a batch) were applied. */
  trustChanges: number;
  transfers: number;
}

/**
 * Brings a {@link PathfinderIndex} up to date with the hub: applies its `Trust`, `TransferSingle` and `TransferBatch`
 * events from `fromBlock` to `toBlock` in chain order, each transfer booked on its block's day as the hub books it,
 * then moves the index's clock to the last block (demurrage and trust expiry need no event). Called again with
 * `fromBlock: block + 1`, it follows the chain; the index's balances then equal the hub's `balanceOf` to the wei.
 *
 * @example
 * let { index, block } = await syncPathfinderIndex(publicClient, { hub });
 * ({ block } = await syncPathfinderIndex(publicClient, { hub, index, fromBlock: block + 1n }));
 * const flow = index.findPaymentFlow(ana, dan, parseEther("25"));
 */
export async function syncPathfinderIndex<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: SyncPathfinderIndexParameters,
): Promise<SyncPathfinderIndexReturnType> {
  const { hub, fromBlock = 0n } = parameters;
  const toBlock = parameters.toBlock ?? (await getBlockNumber(client, { cacheTime: 0 }));
  const index =
    parameters.index ??
    new PathfinderIndex({
      dayZero: await readContract(client, { address: hub, abi: incomeHubAbi, functionName: "dayZero" }),
    });
  const last = await getBlock(client, { blockNumber: toBlock });
  if (fromBlock > toBlock) {
    index.setTime(last.timestamp);
    return { index, block: toBlock, timestamp: last.timestamp, trustChanges: 0, transfers: 0 };
  }

  const events = { address: hub, abi: incomeHubAbi, fromBlock, toBlock } as const;
  const [trustLogs, singles, batches] = await Promise.all([
    getContractEventsPaged(client, { ...events, eventName: "Trust" }),
    getContractEventsPaged(client, { ...events, eventName: "TransferSingle" }),
    getContractEventsPaged(client, { ...events, eventName: "TransferBatch" }),
  ]);
  const logs = [...trustLogs, ...singles, ...batches].sort((a, b) =>
    a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1,
  );

  // Each block's timestamp, read once: a transfer is booked on its block's day.
  const times = new Map<bigint, bigint>([[toBlock, last.timestamp]]);
  const blocks = [...new Set(logs.map((log) => log.blockNumber))].filter((n) => !times.has(n));
  const read = await Promise.all(blocks.map((blockNumber) => getBlock(client, { blockNumber })));
  read.forEach((block, i) => times.set(blocks[i]!, block.timestamp));

  let trustChanges = 0;
  let transfers = 0;
  for (const log of logs) {
    const timestamp = times.get(log.blockNumber)!;
    index.setTime(timestamp);
    if (log.eventName === "Trust") {
      const { truster, trustee, expiry } = log.args;
      if (truster && trustee && expiry !== undefined) index.setTrust(truster, trustee, expiry);
      trustChanges++;
    } else if (log.eventName === "TransferSingle") {
      const { from, to, id, value } = log.args;
      if (from && to && id !== undefined && value !== undefined) {
        index.transfer(from, to, tokenOwnerOf(id), value, timestamp);
        transfers++;
      }
    } else {
      const { from, to, ids = [], values = [] } = log.args;
      if (!from || !to) continue;
      ids.forEach((id, i) => index.transfer(from, to, tokenOwnerOf(id), values[i]!, timestamp));
      transfers += ids.length;
    }
  }
  index.setTime(last.timestamp);
  return { index, block: toBlock, timestamp: last.timestamp, trustChanges, transfers };
}
