import type { Address } from "viem";

import { CommonwealError } from "../../errors.js";
import type { TrustGraph } from "../../pathfinder.js";

export interface ReadTrustGraphFromLedgerParameters {
  /** The indexer's address, e.g. `http://127.0.0.1:42069` (what `npm run indexer` serves). */
  indexer: string;
  /** Only this hub's trust (default: every hub the indexer follows; a deployment has one). */
  hub?: Address;
  /**
   * The time (seconds) at which trust must still be live: an edge counts while its expiry is after it. Default: the
   * timestamp of the latest block the indexer has indexed, so the graph is the ledger's as of that block.
   */
  at?: bigint;
  /** The `fetch` to use (default: the global one). */
  fetch?: typeof fetch;
}

export interface ReadTrustGraphFromLedgerReturnType {
  /** Who trusts whom at `at`: truster → trustees (lower-case addresses, as the pathfinder keys them). */
  graph: TrustGraph;
  /** The time the graph is for. */
  at: bigint;
  /** The latest block the indexer had indexed when asked (`undefined` if it has not started indexing). */
  block: bigint | undefined;
  /** How many live trust edges the graph has. */
  edges: number;
}

/** The indexer did not answer, or answered with an error. */
export class LedgerQueryError extends CommonwealError {
  override name = "LedgerQueryError";
  constructor(
    readonly indexer: string,
    readonly reason: string,
  ) {
    super(`The ledger's indexer at ${indexer} could not answer (${reason}). Is \`npm run indexer\` running there?`);
  }
}

/** Ponder's GraphQL page size limit. */
const PAGE = 1000;

interface TrustEdgesPage {
  trustEdges: {
    items: { truster: string; trustee: string }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

interface LedgerStatus {
  _meta: { status: Record<string, { block: { number: number; timestamp: number } } | null> | null };
}

const lower = (a: string) => a.toLowerCase() as Address;

/**
 * The income hub's trust graph read from the public ledger (the indexer's `trust_edge` table, through its GraphQL
 * API) instead of scanning the chain's logs: every trust whose expiry is after `at`. The graph has the shape the
 * pathfinder takes; holdings still come from the chain (balances decay daily), e.g. from `readIncomeGraph`.
 *
 * @example
 * const { graph } = await readTrustGraphFromLedger({ indexer: "http://127.0.0.1:42069" });
 * const flow = findPaymentFlow(graph, holdings, ana, dan, parseEther("25"));
 */
export async function readTrustGraphFromLedger(
  parameters: ReadTrustGraphFromLedgerParameters,
): Promise<ReadTrustGraphFromLedgerReturnType> {
  const { indexer, hub, fetch: fetchFn = fetch } = parameters;
  const endpoint = new URL("/graphql", indexer).toString();

  const query = async <T>(document: string, variables: Record<string, unknown> = {}): Promise<T> => {
    let response: Response;
    try {
      response = await fetchFn(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: document, variables }),
      });
    } catch (error) {
      throw new LedgerQueryError(indexer, error instanceof Error ? error.message : String(error));
    }
    const body = (await response.json().catch(() => undefined)) as
      { data?: T; errors?: { message: string }[] } | undefined;
    if (!response.ok || !body?.data || body.errors?.length) {
      const reason = body?.errors?.map((e) => e.message).join("; ") || `HTTP ${response.status}`;
      throw new LedgerQueryError(indexer, reason);
    }
    return body.data;
  };

  // The ledger's latest indexed block (one chain per indexer): the default "now" for expiries.
  const { _meta } = await query<LedgerStatus>("{ _meta { status } }");
  const latest = Object.values(_meta.status ?? {}).find((s) => s !== null)?.block;
  const at = parameters.at ?? BigInt(latest?.timestamp ?? Math.floor(Date.now() / 1000));

  const where: Record<string, unknown> = { expiry_gt: at.toString() };
  if (hub) where.hub = lower(hub);
  const graph = new Map<Address, Set<Address>>();
  let edges = 0;
  let after: string | null = null;
  do {
    const page: TrustEdgesPage = await query<TrustEdgesPage>(
      `query TrustGraph($where: trustEdgeFilter, $after: String) {
        trustEdges(where: $where, after: $after, limit: ${PAGE}) {
          items { truster trustee }
          pageInfo { hasNextPage endCursor }
        }
      }`,
      { where, after },
    );
    for (const { truster, trustee } of page.trustEdges.items) {
      const from = lower(truster);
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)!.add(lower(trustee));
      edges += 1;
    }
    after = page.trustEdges.pageInfo.hasNextPage ? page.trustEdges.pageInfo.endCursor : null;
  } while (after !== null);

  return { graph, at, block: latest ? BigInt(latest.number) : undefined, edges };
}
