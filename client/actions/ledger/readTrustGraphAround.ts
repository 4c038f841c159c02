/**
 * The trust graph around one person, for a page: who they trust, who trusts them, and so on out to a few steps, with
 * each trust's expiry, read from the ledger step by step (never the whole graph).
 */
import { getAddress, type Address } from "viem";

import { InvalidParameterError } from "../../errors.js";
import { addr, filterAddress, listAll, type LedgerClient } from "../../ledger.js";
import { isoTime } from "../../time.js";
import { readTrustGraphFromLedger } from "./readTrustGraphFromLedger.js";

/** The most steps out from the person: 3 already reaches most of a small hub. */
export const MAX_TRUST_DEPTH = 3;
/** The most accounts a graph holds by default, and at most: a page draws a few hundred nodes at best. */
export const DEFAULT_TRUST_NODES = 100;
export const MAX_TRUST_NODES = 500;

export interface ReadTrustGraphAroundParameters {
  person: Address;
  /** How many steps out, 1 to {@link MAX_TRUST_DEPTH} (default 1: whom they trust and who trusts them). */
  depth?: number;
  /** The most accounts in the graph, the person included, 1 to {@link MAX_TRUST_NODES} (default {@link DEFAULT_TRUST_NODES}). */
  maxNodes?: number;
  /** Only this hub's trust (default: every hub the indexer follows; a deployment has one). */
  hub?: Address;
  /** The time trust must still be live at (default: the ledger's latest block's timestamp). */
  at?: bigint;
}

/** An account in the graph: how many steps from the person, and what the hub registered it as. */
export interface TrustNode {
  account: Address;
  distance: number;
  /** "person" or "circle" as the hub registered it; null if the ledger has no registration for it. */
  kind: "person" | "circle" | null;
}

/** `truster` trusts `trustee` until `expiry`. */
export interface TrustEdge {
  truster: Address;
  trustee: Address;
  expiry: bigint;
  expiryIso: string;
}

export interface ReadTrustGraphAroundReturnType {
  person: Address;
  at: bigint;
  /** The latest block the ledger had indexed. */
  block: bigint;
  /** The bounds applied: the depth walked and the most nodes kept. */
  depth: number;
  maxNodes: number;
  /** Whether the node bound cut the walk short: accounts further out (or at the last step) were left out. */
  truncated: boolean;
  /** The person first (distance 0), then by distance, in the order found. */
  nodes: TrustNode[];
  /** Every live trust between two accounts of `nodes`, by truster then trustee. */
  edges: TrustEdge[];
  /** The person's own trust, for the page's lists: whom they trust and who trusts them. */
  trusts: TrustEdge[];
  trustedBy: TrustEdge[];
}

function bound(name: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new InvalidParameterError(name, `The ${name} must be a whole number from 1 to ${max}; got ${value}.`);
  }
  return value;
}

/**
 * The live trust around `person` from the ledger's trust edges, walked breadth first: step 1 reads the edges from or
 * to the person, each further step the edges touching the accounts found by the one before (one readTrustGraphFromLedger
 * per step), up to `depth` steps and `maxNodes` accounts; `truncated` says when the node bound left accounts out. An
 * InvalidParameterError for a depth or bound out of range.
 *
 * @example
 * const { nodes, edges, truncated } = await readTrustGraphAround({ url }, { person: ana, depth: 2 });
 */
export async function readTrustGraphAround(
  ledger: LedgerClient,
  parameters: ReadTrustGraphAroundParameters,
): Promise<ReadTrustGraphAroundReturnType> {
  const person = getAddress(parameters.person);
  const depth = bound("depth", parameters.depth ?? 1, MAX_TRUST_DEPTH);
  const maxNodes = bound("maxNodes", parameters.maxNodes ?? DEFAULT_TRUST_NODES, MAX_TRUST_NODES);
  const { hub } = parameters;
  const distance = new Map<string, number>([[person.toLowerCase(), 0]]);
  const order: Address[] = [person];
  const edges = new Map<string, TrustEdge>();
  let frontier: Address[] = [person];
  let at = parameters.at;
  let block = 0n;
  let truncated = false;
  for (let step = 1; step <= depth && frontier.length > 0; step++) {
    const read = await readTrustGraphFromLedger(ledger, { hub, at, touching: frontier });
    at = read.at;
    block = read.block;
    const next: Address[] = [];
    for (const e of read.list) {
      for (const account of [e.truster, e.trustee]) {
        if (distance.has(account.toLowerCase())) continue;
        if (order.length >= maxNodes) {
          truncated = true;
          continue;
        }
        distance.set(account.toLowerCase(), step);
        order.push(account);
        next.push(account);
      }
      if (distance.has(e.truster.toLowerCase()) && distance.has(e.trustee.toLowerCase())) {
        edges.set(`${e.truster}-${e.trustee}`, { ...e, expiryIso: isoTime(e.expiry) });
      }
    }
    frontier = next;
  }
  // Edges among the last step's accounts were not read by a step of their own: read them once, kept within the graph.
  if (frontier.length > 0 && at !== undefined) {
    const last = await readTrustGraphFromLedger(ledger, { hub, at, touching: frontier });
    for (const e of last.list) {
      if (distance.has(e.truster.toLowerCase()) && distance.has(e.trustee.toLowerCase())) {
        edges.set(`${e.truster}-${e.trustee}`, { ...e, expiryIso: isoTime(e.expiry) });
      }
    }
  }
  const kinds = await registrations(ledger, order, hub);
  const sorted = [...edges.values()].sort((a, b) =>
    `${a.truster}${a.trustee}`.toLowerCase().localeCompare(`${b.truster}${b.trustee}`.toLowerCase()),
  );
  const self = person.toLowerCase();
  return {
    person,
    at: at ?? 0n,
    block,
    depth,
    maxNodes,
    truncated,
    nodes: order.map((account) => ({
      account,
      distance: distance.get(account.toLowerCase())!,
      kind: kinds.get(account.toLowerCase()) ?? null,
    })),
    edges: sorted,
    trusts: sorted.filter((e) => e.truster.toLowerCase() === self),
    trustedBy: sorted.filter((e) => e.trustee.toLowerCase() === self),
  };
}

/** What the hub registered each account as, from the ledger's income accounts. */
async function registrations(
  ledger: LedgerClient,
  accounts: readonly Address[],
  hub: Address | undefined,
): Promise<Map<string, "person" | "circle">> {
  const where: Record<string, unknown> = { account_in: accounts.map(filterAddress) };
  if (hub) where.hub = filterAddress(hub);
  const rows = await listAll<{ account: string; kind: string }>(ledger, "incomeAccounts", {
    filterType: "incomeAccountFilter",
    where,
    orderBy: "account",
    selection: "account kind",
  });
  return new Map(
    rows.map((r) => [addr(r.account).toLowerCase(), r.kind === "circle" ? ("circle" as const) : ("person" as const)]),
  );
}
