import type { Address } from "viem";

import { addr, big, listAll, type LedgerClient } from "../../ledger.js";
import type { TrustGraph } from "../../pathfinder.js";
import { readLedgerStatus } from "./readLedgerStatus.js";

export interface ReadTrustGraphFromLedgerParameters {
  /** Only this hub's trust (default: every hub the indexer follows; a deployment has one). */
  hub?: Address;
  /**
   * The time (seconds) at which trust must still be live: an edge counts while its expiry is after it. Default: the
   * timestamp of the latest block the ledger has indexed, so the graph is the ledger's as of that block.
   */
  at?: bigint;
  /** Only the edges from or to one of these accounts (default: every edge); readTrustGraphAround walks with it. */
  touching?: readonly Address[];
}

/** One live trust: `truster` trusts `trustee` until `expiry` (seconds). */
export interface LedgerTrustEdge {
  truster: Address;
  trustee: Address;
  expiry: bigint;
}

export interface ReadTrustGraphFromLedgerReturnType {
  /** Who trusts whom at `at`: truster → trustees (lower-case addresses, as the pathfinder keys them). */
  graph: TrustGraph;
  /** The time the graph is for. */
  at: bigint;
  /** The latest block the ledger had indexed when asked (0 before its first). */
  block: bigint;
  /** How many live trust edges the graph has. */
  edges: number;
  /** The same edges with their expiry (checksummed addresses), by truster. */
  list: LedgerTrustEdge[];
}

const lower = (a: string) => a.toLowerCase() as Address;

/**
 * The income hub's trust graph read from the public ledger (the indexer's `trust_edge` table, through its GraphQL
 * API) instead of scanning the chain's logs: every trust whose expiry is after `at`. The graph has the shape the
 * pathfinder takes; holdings still come from the chain (balances decay daily), e.g. from `readIncomeGraph`. Throws a
 * LedgerUnavailableError if nothing answers, a LedgerQueryError if the ledger refuses the query.
 *
 * @example
 * const { graph } = await readTrustGraphFromLedger({ url: "http://127.0.0.1:42069" }, { hub });
 * const flow = findPaymentFlow(graph, holdings, ana, dan, parseEther("25"));
 */
export async function readTrustGraphFromLedger(
  ledger: LedgerClient,
  parameters: ReadTrustGraphFromLedgerParameters = {},
): Promise<ReadTrustGraphFromLedgerReturnType> {
  const { hub } = parameters;
  const status = await readLedgerStatus(ledger);
  const at = parameters.at ?? (status.timestamp > 0n ? status.timestamp : BigInt(Math.floor(Date.now() / 1000)));
  const where: Record<string, unknown> = { expiry_gt: at.toString() };
  if (hub) where.hub = lower(hub);
  if (parameters.touching) {
    const accounts = parameters.touching.map(lower);
    where.OR = [{ truster_in: accounts }, { trustee_in: accounts }];
  }
  const rows = await listAll<{ truster: string; trustee: string; expiry: string }>(ledger, "trustEdges", {
    filterType: "trustEdgeFilter",
    where,
    orderBy: "truster",
    selection: "truster trustee expiry",
  });
  const graph = new Map<Address, Set<Address>>();
  for (const { truster, trustee } of rows) {
    const from = lower(truster);
    if (!graph.has(from)) graph.set(from, new Set());
    graph.get(from)!.add(lower(trustee));
  }
  const list = rows.map((r) => ({ truster: addr(r.truster), trustee: addr(r.trustee), expiry: big(r.expiry) }));
  return { graph, at, block: status.block, edges: rows.length, list };
}
