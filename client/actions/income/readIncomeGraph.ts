import type { Address, Chain, Client, Transport } from "viem";
import { getBlock, readContract } from "viem/actions";

import { getContractEventsPaged } from "../../pagedEvents.js";
import { incomeHubAbi } from "../../abis.js";
import { tokenOwnerOf } from "../../income.js";
import type { Holdings, TrustGraph } from "../../pathfinder.js";

export interface ReadIncomeGraphParameters {
  hub: Address;
  /** The first block to read the hub's events from (default 0: its whole history). */
  fromBlock?: bigint;
}

export interface ReadIncomeGraphReturnType {
  /** Who trusts whom, today: truster → trustees (lower-case addresses, as the pathfinder keys them). */
  graph: TrustGraph;
  /** Every non-zero balance today: holder → token owner → amount (in the hub's smallest unit). */
  holdings: Holdings;
}

const lower = (a: string) => a.toLowerCase() as Address;

/**
 * The hub's trust graph (trust that has not expired by the latest block) and every non-zero balance, rebuilt from
 * its `Trust` and `TransferSingle`/`TransferBatch` events and read back with `balanceOf` (balances decay daily, so
 * events alone cannot say what is held today). What the pathfinder needs to plan a payment along trust.
 *
 * @example
 * const { graph, holdings } = await readIncomeGraph(publicClient, { hub });
 * const flow = findPaymentFlow(graph, holdings, ana, dan, parseEther("25"));
 */
export async function readIncomeGraph<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ReadIncomeGraphParameters,
): Promise<ReadIncomeGraphReturnType> {
  const { hub, fromBlock = 0n } = parameters;
  // The latest block first: the events and the expiry check are then of one snapshot.
  const block = await getBlock(client);
  const events = { address: hub, abi: incomeHubAbi, fromBlock, toBlock: block.number } as const;
  const [trustLogs, singles, batches] = await Promise.all([
    getContractEventsPaged(client, { ...events, eventName: "Trust" }),
    getContractEventsPaged(client, { ...events, eventName: "TransferSingle" }),
    getContractEventsPaged(client, { ...events, eventName: "TransferBatch" }),
  ]);

  // The last Trust event of a pair is its current state; logs come in chain order.
  const expiries = new Map<string, { truster: Address; trustee: Address; expiry: bigint }>();
  for (const log of trustLogs) {
    const { truster, trustee, expiry } = log.args;
    if (!truster || !trustee || expiry === undefined) continue;
    expiries.set(`${lower(truster)}:${lower(trustee)}`, { truster: lower(truster), trustee: lower(trustee), expiry });
  }
  const graph = new Map<Address, Set<Address>>();
  for (const { truster, trustee, expiry } of expiries.values()) {
    if (expiry <= block.timestamp) continue;
    if (!graph.has(truster)) graph.set(truster, new Set());
    graph.get(truster)!.add(trustee);
  }

  // Every (holder, id) that ever received tokens; what they hold now is read from the chain.
  const pairs = new Map<string, { holder: Address; id: bigint }>();
  const note = (holder: string | undefined, id: bigint | undefined) => {
    if (!holder || id === undefined || BigInt(holder) === 0n) return;
    pairs.set(`${lower(holder)}:${id}`, { holder: lower(holder), id });
  };
  for (const log of singles) note(log.args.to, log.args.id);
  for (const log of batches) for (const id of log.args.ids ?? []) note(log.args.to, id);
  const balances = await Promise.all(
    [...pairs.values()].map(({ holder, id }) =>
      readContract(client, { address: hub, abi: incomeHubAbi, functionName: "balanceOf", args: [holder, id] }),
    ),
  );
  const holdings = new Map<Address, Map<Address, bigint>>();
  [...pairs.values()].forEach(({ holder, id }, i) => {
    const balance = balances[i]!;
    if (balance === 0n) return;
    if (!holdings.has(holder)) holdings.set(holder, new Map());
    holdings.get(holder)!.set(tokenOwnerOf(id), balance);
  });
  return { graph, holdings };
}
