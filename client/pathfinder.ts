/**
 * Path payments for the basic-income hub: an ERC-1155 where each person's token id is their address.
 *
 * A person accepts, in a path payment, only the tokens of people they trust, and always their own token. To pay a
 * receiver who does not accept the payer's tokens, the payment swaps along paths of trust: the payer gives Bea a
 * token Bea accepts, Bea gives Cal one of her tokens Cal accepts, and so on, until the receiver gets tokens they
 * accept. Every intermediate person ends with as much as they started with, only in different tokens.
 *
 * This module finds such a flow (a maximum flow, stopped at the amount asked for), turns it into the edge list the
 * contract's `payAlongTrust(vertices, edges, to, amount)` takes, and checks a flow against every rule the contract
 * enforces. It is plain TypeScript with no dependencies, so it runs in a browser or in Node.
 *
 * @example
 * const flow = findPaymentFlow(trust, holdings, ana, dan, 25n);
 * const problems = checkPaymentFlow(flow, trust, holdings, ana, dan); // [] when the contract will accept it
 * await hub.payAlongTrust(flow.vertices, flow.edges, dan, flow.amount);
 */
import { CommonwealError } from "./errors.js";

/** A 20-byte account address. The pathfinder compares addresses case-insensitively and returns them lowercase. */
export type Address = `0x${string}`;

/**
 * Who trusts whom: for each truster, the set of trustees whose tokens the truster accepts in path payments.
 * Everyone also accepts their own token, whether or not it is listed.
 */
export type TrustGraph = ReadonlyMap<Address, ReadonlySet<Address>>;

/** What everyone holds: for each holder, token owner (the token id) → balance. */
export type Holdings = ReadonlyMap<Address, ReadonlyMap<Address, bigint>>;

/**
 * One transfer of a path payment, as the contract takes it: `amount` of token `vertices[token]` moves from
 * `vertices[from]` to `vertices[to]`. Indices are uint16 and amounts uint192 on chain.
 */
export interface FlowEdge {
  from: number;
  to: number;
  token: number;
  amount: bigint;
}

/** A path payment ready for `payAlongTrust(vertices, edges, to, amount)`. */
export interface PaymentFlow {
  /** Every account the payment touches (senders, receivers and token owners), strictly ascending. */
  vertices: Address[];
  /** The transfers, in an order in which every sender already holds what it sends. */
  edges: FlowEdge[];
  /** What the receiver gets and the payer gives, net. */
  amount: bigint;
}

/** One transfer named by addresses rather than indices: the form flows take before they are packed for the chain. */
export interface Transfer {
  from: Address;
  to: Address;
  token: Address;
  amount: bigint;
}

/** Options of {@link findPaymentFlow} and {@link maxFlow}. */
export interface PathfinderOptions {
  /**
   * The most hops (transfers in a row) an augmenting path may take; default {@link DEFAULT_MAX_HOPS}. Shorter paths
   * mean fewer edges and less gas. The search only ever augments along paths of at most this many hops; a later path
   * may reroute part of an earlier one, so in rare cases a chain of the final flow can be a little longer.
   */
  maxHops?: number;
  /** The most edges the flow may have; default {@link MAX_FLOW_EDGES}, the contract's cap. */
  maxEdges?: number;
  /** How to name an account in error messages, e.g. from an address book; by default the address itself. */
  name?: (account: Address) => string;
  /**
   * How to write an amount in error messages, e.g. in whole tokens (`formatTokens`); by default the integer itself,
   * in the smallest unit, as the flow carries it.
   */
  format?: (amount: bigint) => string;
}

/** The contract's cap on the number of edges of one payment. */
export const MAX_FLOW_EDGES = 64;
/** The default bound on the hops of an augmenting path. */
export const DEFAULT_MAX_HOPS = 8;
/** Edge amounts are uint192 on chain. */
const MAX_EDGE_AMOUNT = (1n << 192n) - 1n;
/** Payment amounts are uint256 on chain. */
const MAX_AMOUNT = (1n << 256n) - 1n;
/** Edge indices are uint16 on chain. */
const MAX_VERTICES = 1 << 16;
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** Why the pathfinder could not produce a flow. */
export type PathfinderErrorCode = "insufficient-flow" | "too-many-edges" | "invalid-input";

/**
 * Thrown when no payment flow can be produced. `code` says why; for `insufficient-flow`, `available` is the most the
 * payer can pay the receiver and `requested` the amount asked for; for `too-many-edges`, `edges` is how many the flow
 * needs and `maxEdges` the cap.
 */
export class PathfinderError extends CommonwealError {
  override readonly name = "PathfinderError";
  readonly code: PathfinderErrorCode;
  readonly available?: bigint;
  readonly requested?: bigint;
  readonly edges?: number;
  readonly maxEdges?: number;

  constructor(
    code: PathfinderErrorCode,
    message: string,
    details: { available?: bigint; requested?: bigint; edges?: number; maxEdges?: number } = {},
  ) {
    super(message);
    this.code = code;
    if (details.available !== undefined) this.available = details.available;
    if (details.requested !== undefined) this.requested = details.requested;
    if (details.edges !== undefined) this.edges = details.edges;
    if (details.maxEdges !== undefined) this.maxEdges = details.maxEdges;
  }
}

/**
 * The most `from` can pay `to` along paths of trust of at most `options.maxHops` hops (default 8, the same bound
 * {@link findPaymentFlow} uses, so asking it for exactly this amount succeeds unless the flow needs too many edges).
 */
export function maxFlow(
  graph: TrustGraph,
  holdings: Holdings,
  from: Address,
  to: Address,
  options: Pick<PathfinderOptions, "maxHops"> = {},
): bigint {
  const maxHops = hopsOption(options.maxHops);
  return solve(buildIndex(graph, holdings), account(from, "payer"), account(to, "receiver"), undefined, maxHops).value;
}

/**
 * Finds a flow that pays `amount` from `from` to `to` along paths of trust, ready for `payAlongTrust`.
 *
 * Throws a {@link PathfinderError} when `from` can pay `to` less than `amount` (the message gives both numbers) or
 * when the flow needs more than `options.maxEdges` edges (default 64, the contract's cap).
 */
export function findPaymentFlow(
  graph: TrustGraph,
  holdings: Holdings,
  from: Address,
  to: Address,
  amount: bigint,
  options: PathfinderOptions = {},
): PaymentFlow {
  const maxHops = hopsOption(options.maxHops);
  const maxEdges = edgesOption(options.maxEdges);
  const name = options.name ?? ((a: Address) => a);
  const format = options.format ?? String;
  const payer = account(from, "payer");
  const receiver = account(to, "receiver");
  if (amount <= 0n || amount > MAX_AMOUNT) {
    throw new PathfinderError("invalid-input", `The amount must be between 1 and 2^256 - 1, not ${amount}.`);
  }

  const { value, transfers } = solve(buildIndex(graph, holdings), payer, receiver, amount, maxHops);
  if (value < amount) {
    throw new PathfinderError(
      "insufficient-flow",
      `${name(payer)} can pay ${name(receiver)} at most ${format(value)}, not ${format(amount)} (along paths of trust of at most ${maxHops} hops).`,
      { available: value, requested: amount },
    );
  }

  const ordered = orderTransfers(transfers, payer);
  if (ordered.length > maxEdges) {
    throw new PathfinderError(
      "too-many-edges",
      `Paying ${format(amount)} from ${name(payer)} to ${name(receiver)} takes ${ordered.length} transfers, more than the ${maxEdges} one payment may have: pay it in smaller parts.`,
      { edges: ordered.length, maxEdges },
    );
  }
  return packFlow(ordered, payer, receiver, amount);
}

/**
 * Turns transfers named by address into a contract flow: sums duplicates, cancels opposite transfers and every other
 * cycle (they move nothing net), orders the rest so every sender already holds what it sends, and indexes them into
 * ascending vertices. Useful for flows computed elsewhere; it does not check that they balance, so run
 * {@link checkPaymentFlow} on the result. Throws a {@link PathfinderError} past `maxEdges` edges.
 */
export function toPaymentFlow(
  transfers: readonly Transfer[],
  payer: Address,
  receiver: Address,
  amount: bigint,
  options: Pick<PathfinderOptions, "maxEdges"> = {},
): PaymentFlow {
  const maxEdges = edgesOption(options.maxEdges);
  const from = account(payer, "payer");
  const ordered = orderTransfers(transfers, from);
  if (ordered.length > maxEdges) {
    throw new PathfinderError(
      "too-many-edges",
      `The flow takes ${ordered.length} transfers, more than the ${maxEdges} one payment may have.`,
      { edges: ordered.length, maxEdges },
    );
  }
  return packFlow(ordered, from, account(receiver, "receiver"), amount);
}

/**
 * The most edges on any chain of transfers of a flow: 1 for a direct payment, n for a chain of n hops. Throws a
 * {@link PathfinderError} if the flow has a cycle (the pathfinder never returns one).
 */
export function flowHops(flow: PaymentFlow): number {
  const out: number[][] = flow.vertices.map(() => []);
  for (const edge of flow.edges) out[edge.from]?.push(edge.to);
  // Longest path in a DAG by memoised depth-first search; `onPath` catches cycles.
  const longest = new Map<number, number>();
  const onPath = new Set<number>();
  const visit = (v: number): number => {
    const known = longest.get(v);
    if (known !== undefined) return known;
    if (onPath.has(v)) throw new PathfinderError("invalid-input", `The flow has a cycle through ${flow.vertices[v]}.`);
    onPath.add(v);
    let best = 0;
    for (const w of out[v] ?? []) best = Math.max(best, 1 + visit(w));
    onPath.delete(v);
    longest.set(v, best);
    return best;
  };
  let hops = 0;
  for (let v = 0; v < flow.vertices.length; v++) hops = Math.max(hops, visit(v));
  return hops;
}

/**
 * Checks a flow against every rule `payAlongTrust` enforces, independently of how it was found. Returns the problems
 * found, as sentences; an empty list means the contract will accept the flow (given these trust and balances).
 *
 * The rules: vertices are valid addresses, strictly ascending and unique; at most 64 edges; every index points into
 * `vertices`; edge amounts fit in uint192; no edge sends to its own sender; every receiving vertex trusts the token's
 * owner or is the owner; edge by edge in order, every sender holds what it sends (counting what earlier edges gave
 * it); every vertex but the payer and the receiver nets zero, the payer nets `-amount` and the receiver `+amount`.
 */
export function checkPaymentFlow(
  flow: PaymentFlow,
  graph: TrustGraph,
  holdings: Holdings,
  payer: Address,
  to: Address,
): string[] {
  const problems: string[] = [];
  const { vertices, edges, amount } = flow;
  const payerKey = payer.toLowerCase();
  const receiverKey = to.toLowerCase();

  if (payerKey === receiverKey) problems.push(`The payer and the receiver are the same account, ${payer}.`);
  if (amount < 0n || amount > MAX_AMOUNT) problems.push(`The amount ${amount} is not a uint256.`);
  if (edges.length > MAX_FLOW_EDGES) {
    problems.push(`The flow has ${edges.length} edges, more than the contract's cap of ${MAX_FLOW_EDGES}.`);
  }
  if (vertices.length > MAX_VERTICES)
    problems.push(`The flow has ${vertices.length} vertices, more than uint16 indexes.`);

  // Vertices: valid addresses, strictly ascending as numbers (which also makes them unique).
  const keys = vertices.map((v) => v.toLowerCase());
  vertices.forEach((vertex, i) => {
    if (!ADDRESS.test(vertex)) problems.push(`vertices[${i}] (${vertex}) is not an address.`);
    else if (i > 0 && ADDRESS.test(vertices[i - 1]!) && BigInt(vertex) <= BigInt(vertices[i - 1]!)) {
      problems.push(`vertices[${i}] (${vertex}) is not above vertices[${i - 1}] (${vertices[i - 1]}).`);
    }
  });

  // Trust and balances, keyed by lowercase address, copied so the edge-by-edge replay can change balances.
  const trusts = new Map<string, Set<string>>();
  for (const [truster, trustees] of graph) {
    const set = trusts.get(truster.toLowerCase()) ?? new Set<string>();
    for (const trustee of trustees) set.add(trustee.toLowerCase());
    trusts.set(truster.toLowerCase(), set);
  }
  const balances = new Map<string, Map<string, bigint>>();
  const balanceOf = (holder: string): Map<string, bigint> => {
    let held = balances.get(holder);
    if (!held) balances.set(holder, (held = new Map()));
    return held;
  };
  for (const [holder, held] of holdings) {
    const copy = balanceOf(holder.toLowerCase());
    for (const [token, balance] of held) copy.set(token.toLowerCase(), (copy.get(token.toLowerCase()) ?? 0n) + balance);
  }

  // Replay the edges in order, as the contract does.
  const net = vertices.map(() => 0n);
  const inRange = (i: number) => Number.isInteger(i) && i >= 0 && i < vertices.length && i < MAX_VERTICES;
  edges.forEach((edge, i) => {
    const label = `edges[${i}]`;
    if (!inRange(edge.from) || !inRange(edge.to) || !inRange(edge.token)) {
      problems.push(`${label} has an index outside vertices (from ${edge.from}, to ${edge.to}, token ${edge.token}).`);
      return;
    }
    if (edge.amount < 0n || edge.amount > MAX_EDGE_AMOUNT) {
      problems.push(`${label} moves ${edge.amount}, which is not a uint192.`);
      return;
    }
    const from = keys[edge.from]!;
    const to = keys[edge.to]!;
    const token = keys[edge.token]!;
    if (edge.from === edge.to) problems.push(`${label} sends from ${from} to itself.`);
    if (to !== token && !trusts.get(to)?.has(token)) {
      problems.push(`${label}: ${to} does not trust ${token}, so does not accept its token.`);
    }
    const held = balanceOf(from).get(token) ?? 0n;
    if (held < edge.amount) {
      problems.push(`${label}: ${from} holds ${held} of ${token}, less than the ${edge.amount} it sends.`);
    }
    balanceOf(from).set(token, held - edge.amount);
    balanceOf(to).set(token, (balanceOf(to).get(token) ?? 0n) + edge.amount);
    net[edge.from]! -= edge.amount;
    net[edge.to]! += edge.amount;
  });

  // Nets: the payer gives `amount`, the receiver gets it, everyone else breaks even.
  keys.forEach((key, i) => {
    const expected = key === payerKey ? -amount : key === receiverKey ? amount : 0n;
    if (net[i] !== expected) problems.push(`${vertices[i]} nets ${net[i]}, not ${expected}.`);
  });
  if (amount !== 0n && !keys.includes(payerKey)) problems.push(`The payer ${payer} is not among the vertices.`);
  if (amount !== 0n && !keys.includes(receiverKey)) problems.push(`The receiver ${to} is not among the vertices.`);
  return problems;
}

// --- Inputs -------------------------------------------------------------------------------------------------------

function account(address: Address, role: string): Address {
  if (!ADDRESS.test(address)) throw new PathfinderError("invalid-input", `The ${role} ${address} is not an address.`);
  return address.toLowerCase() as Address;
}

function hopsOption(maxHops: number = DEFAULT_MAX_HOPS): number {
  if (!Number.isInteger(maxHops) || maxHops < 1) {
    throw new PathfinderError("invalid-input", `maxHops must be a positive integer, not ${maxHops}.`);
  }
  return maxHops;
}

function edgesOption(maxEdges: number = MAX_FLOW_EDGES): number {
  if (!(maxEdges >= 1)) throw new PathfinderError("invalid-input", `maxEdges must be at least 1, not ${maxEdges}.`);
  return maxEdges;
}

/** Trust and holdings re-keyed by lowercase address, in both directions the search walks them. */
interface Index {
  /** Token owner → everyone else who accepts the token (who trusts its owner). */
  acceptors: Map<Address, Address[]>;
  /** Person → the other people whose tokens they accept (whom they trust). */
  trusted: Map<Address, Address[]>;
  /** Holder → tokens held with a positive balance, the holder's own token first. */
  balances: Map<Address, { token: Address; balance: bigint }[]>;
  /** Token owner → everyone holding a positive balance of the token, the owner included. */
  holders: Map<Address, { holder: Address; balance: bigint }[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function buildIndex(graph: TrustGraph, holdings: Holdings): Index {
  const acceptors = new Map<Address, Address[]>();
  const trusted = new Map<Address, Address[]>();
  for (const [truster, trustees] of graph) {
    const from = truster.toLowerCase() as Address;
    for (const trustee of trustees) {
      const owner = trustee.toLowerCase() as Address;
      if (owner === from) continue; // everyone accepts their own token anyway
      push(acceptors, owner, from);
      push(trusted, from, owner);
    }
  }
  // Summed per lowercase address first, in case a map spells one address two ways.
  const merged = new Map<Address, Map<Address, bigint>>();
  for (const [holder, held] of holdings) {
    const key = holder.toLowerCase() as Address;
    let sums = merged.get(key);
    if (!sums) merged.set(key, (sums = new Map()));
    for (const [token, balance] of held) {
      const t = token.toLowerCase() as Address;
      sums.set(t, (sums.get(t) ?? 0n) + balance);
    }
  }
  const balances: Index["balances"] = new Map();
  const holders: Index["holders"] = new Map();
  for (const [holder, sums] of merged) {
    const list: { token: Address; balance: bigint }[] = [];
    for (const [token, balance] of sums) {
      if (balance <= 0n) continue;
      list.push({ token, balance });
      push(holders, token, { holder, balance });
    }
    // Own token first: a payer then pays with its own token when the receiver accepts it (one edge, no swaps).
    list.sort((a, b) => Number(b.token === holder) - Number(a.token === holder));
    balances.set(holder, list);
  }
  return { acceptors, trusted, balances, holders };
}

/**
 * Breadth-first hop distances from one person, grown one layer at a time as the search widens, so a payment that
 * short paths can carry never looks at the rest of the graph.
 */
class Layers {
  /** Person → hops from the start; exact once set. */
  readonly distance = new Map<Address, number>();
  /** Everyone reached so far, in order of distance. */
  readonly reached: Address[] = [];
  /** Calls `visit` with everyone one hop on from `person`. */
  private readonly neighbours: (person: Address, visit: (other: Address) => void) => void;
  private frontier: Address[];
  private depth = 0;

  constructor(start: Address, neighbours: (person: Address, visit: (other: Address) => void) => void) {
    this.neighbours = neighbours;
    this.frontier = [start];
    this.distance.set(start, 0);
    this.reached.push(start);
  }

  /** Whether everyone reachable has been reached. */
  get complete(): boolean {
    return this.frontier.length === 0;
  }

  /** The distance of the farthest person reached so far. */
  get farthest(): number {
    return this.distance.get(this.reached[this.reached.length - 1]!)!;
  }

  /** Makes sure everyone within `depth` hops has their distance. */
  grow(depth: number): void {
    while (this.depth < depth && this.frontier.length > 0) {
      const next: Address[] = [];
      const hops = this.depth + 1;
      const visit = (other: Address) => {
        if (this.distance.has(other)) return;
        this.distance.set(other, hops);
        this.reached.push(other);
        next.push(other);
      };
      for (const person of this.frontier) this.neighbours(person, visit);
      this.frontier = next;
      this.depth = hops;
    }
  }
}

// --- Maximum flow -------------------------------------------------------------------------------------------------

/**
 * A flow network with residual capacities. Edge `e` and its reverse `e ^ 1` are stored side by side, so pushing
 * along one frees capacity on the other.
 */
class FlowNetwork {
  /** Node → ids of the edges leaving it (including reverse edges). */
  readonly adjacency: number[][] = [];
  /** Edge → the node it enters. */
  readonly target: number[] = [];
  /** Edge → what can still be pushed along it. */
  readonly residual: bigint[] = [];
  /** Edge → its capacity, to read the flow back as `capacity - residual`. */
  readonly capacity: bigint[] = [];

  addNode(): number {
    return this.adjacency.push([]) - 1;
  }

  addEdge(from: number, to: number, capacity: bigint): number {
    const id = this.target.length;
    this.target.push(to, from);
    this.residual.push(capacity, 0n);
    this.capacity.push(capacity, 0n);
    this.adjacency[from]!.push(id);
    this.adjacency[to]!.push(id + 1);
    return id;
  }

  flowOn(edge: number): bigint {
    return this.capacity[edge]! - this.residual[edge]!;
  }

  /**
   * Dinic's algorithm: each phase finds the shortest augmenting paths by breadth-first search and saturates them, so
   * short paths (few hops, few edges, little gas) are used before long ones. Stops at `limit` or when the sink is
   * more than `maxLevel` steps away. O(V²E) in theory; a handful of phases on trust graphs in practice.
   */
  maxFlow(source: number, sink: number, limit: bigint, maxLevel: number): bigint {
    const size = this.adjacency.length;
    const level = new Int32Array(size);
    const nextEdge = new Int32Array(size);
    const queue = new Int32Array(size);
    let total = 0n;

    const buildLevels = (): boolean => {
      level.fill(-1);
      level[source] = 0;
      queue[0] = source;
      for (let head = 0, tail = 1; head < tail; head++) {
        const v = queue[head]!;
        // Nothing past the sink's level, or past the hop bound, can be on a shortest path to the sink.
        if (level[v]! >= maxLevel || (level[sink]! >= 0 && level[v]! >= level[sink]!)) continue;
        for (const e of this.adjacency[v]!) {
          const w = this.target[e]!;
          if (level[w] === -1 && this.residual[e]! > 0n) {
            level[w] = level[v]! + 1;
            queue[tail++] = w;
          }
        }
      }
      return level[sink]! >= 0;
    };

    // Pushes up to `want` along one shortest path; `nextEdge` skips edges already found dead in this phase.
    const augment = (v: number, want: bigint): bigint => {
      if (v === sink) return want;
      const edges = this.adjacency[v]!;
      for (; nextEdge[v]! < edges.length; nextEdge[v]!++) {
        const e = edges[nextEdge[v]!]!;
        const w = this.target[e]!;
        const room = this.residual[e]!;
        if (room <= 0n || level[w] !== level[v]! + 1) continue;
        const pushed = augment(w, want < room ? want : room);
        if (pushed > 0n) {
          this.residual[e]! -= pushed;
          this.residual[e ^ 1]! += pushed;
          return pushed;
        }
      }
      return 0n;
    };

    while (total < limit && buildLevels()) {
      nextEdge.fill(0);
      for (let pushed = augment(source, limit - total); pushed > 0n; pushed = augment(source, limit - total)) {
        total += pushed;
        if (total >= limit) break;
      }
    }
    return total;
  }
}

/**
 * Builds the flow network between payer and receiver and runs the maximum flow, up to `limit` (no limit: as much as
 * the payer can pay).
 *
 * Node splitting: every person u is a node, and every balance b of token t that u holds is a node (u,t) between u and
 * everyone who accepts t. The edge u → (u,t) has capacity b, so however many people could take t from u, together
 * they take at most b: one balance is never counted twice. The edges (u,t) → v carry the same b (no tighter bound).
 *
 * The network widens one hop at a time. With bound k it holds exactly the transfers u → v that lie on some path of at
 * most k hops (hops from the payer to u, plus one, plus hops from v to the receiver, is at most k), and the flow is
 * augmented along paths of at most k hops. Only when that cannot carry `limit` does the bound grow, up to `maxHops`:
 * a typical payment never looks past a few dozen people, and long detours are only used when short paths run dry.
 * The flow found so far stays valid as the network grows, so each round continues from the last. Nothing flows into
 * the payer or out of the receiver.
 */
function solve(
  index: Index,
  payer: Address,
  receiver: Address,
  limit: bigint | undefined,
  maxHops: number,
): { value: bigint; transfers: Transfer[] } {
  if (payer === receiver) {
    throw new PathfinderError("invalid-input", `The payer and the receiver are the same account, ${payer}.`);
  }
  const { acceptors, trusted, balances, holders } = index;
  const none: never[] = [];

  // No flow beats what the payer holds or what the receiver could possibly take in: stop there, not after a search of
  // the whole neighbourhood that cannot find more.
  let cap = (balances.get(payer) ?? none).reduce((sum, h) => sum + h.balance, 0n);
  let intake = 0n;
  for (const token of [receiver, ...(trusted.get(receiver) ?? none)]) {
    for (const { holder, balance } of holders.get(token) ?? none) if (holder !== receiver) intake += balance;
  }
  if (intake < cap) cap = intake;
  const target = limit !== undefined && limit < cap ? limit : cap;

  // Hops from the payer: u pays v if u holds a token v accepts (v owns it or trusts its owner). The receiver passes
  // nothing on.
  const fromPayer = new Layers(payer, (u, visit) => {
    if (u === receiver) return;
    for (const { token } of balances.get(u) ?? none) {
      visit(token);
      for (const v of acceptors.get(token) ?? none) visit(v);
    }
  });
  // Hops to the receiver, walking the same relation backwards. Nobody pays the payer.
  const toReceiver = new Layers(receiver, (v, visit) => {
    if (v === payer) return;
    for (const { holder } of holders.get(v) ?? none) visit(holder);
    for (const token of trusted.get(v) ?? none) for (const { holder } of holders.get(token) ?? none) visit(holder);
  });

  const net = new FlowNetwork();
  const node = new Map<Address, number>();
  const personNode = (a: Address): number => {
    let n = node.get(a);
    if (n === undefined) node.set(a, (n = net.addNode()));
    return n;
  };
  const source = personNode(payer);
  const sink = personNode(receiver);
  // Per person, once first looked at: the transfers they could make that are not in the network yet, as (index into
  // their balances, taker), and the node of each balance (-1 until needed).
  const pending = new Map<Address, { holding: number; taker: Address }[]>();
  const holdingNodes = new Map<Address, number[]>();
  const edges: { edge: number; from: Address; to: Address; token: Address }[] = [];
  let value = 0n;

  for (let bound = 1; bound <= maxHops && value < target; bound++) {
    fromPayer.grow(bound); // to see whether the receiver is within `bound` hops
    toReceiver.grow(bound - 1); // enough to tell which transfers lie on a path of `bound` hops
    const shortest = fromPayer.distance.get(receiver);
    if (shortest === undefined || shortest > bound) continue;

    for (const u of fromPayer.reached) {
      const du = fromPayer.distance.get(u)!;
      if (du >= bound) break; // `reached` is in order of distance
      if (u === receiver) continue;
      // Someone more than `bound` hops from end to end carries no transfer on a path that short.
      const back = toReceiver.distance.get(u);
      if (u !== payer && (back === undefined || du + back > bound)) continue;

      const held = balances.get(u) ?? none;
      let candidates = pending.get(u);
      let nodes = holdingNodes.get(u);
      if (!candidates || !nodes) {
        candidates = [];
        held.forEach(({ token }, holding) => {
          for (const taker of [token, ...(acceptors.get(token) ?? none)]) {
            if (taker !== u && taker !== payer) candidates!.push({ holding, taker });
          }
        });
        nodes = held.map(() => -1);
        holdingNodes.set(u, nodes);
      }
      // Add the transfers whose shortest path through them is now in reach; keep those that may be later.
      const later: { holding: number; taker: Address }[] = [];
      for (const candidate of candidates) {
        const dv = toReceiver.distance.get(candidate.taker);
        if (dv === undefined || du + 1 + dv > bound) {
          if (dv === undefined || du + 1 + dv <= maxHops) later.push(candidate);
          continue;
        }
        const { holding, taker } = candidate;
        const { token, balance } = held[holding]!;
        if (nodes[holding] === -1) {
          nodes[holding] = net.addNode();
          net.addEdge(personNode(u), nodes[holding], balance);
        }
        edges.push({ edge: net.addEdge(nodes[holding]!, personNode(taker), balance), from: u, to: taker, token });
      }
      pending.set(u, later);
    }
    // Each hop is two steps in the split network: person → holding → person. Once no path can be longer than the
    // bound, the network is whole and widening it one hop at a time would only repeat the same search: allow the
    // longest augmenting paths at once (this matters only for a large `maxHops`).
    const whole = fromPayer.complete && toReceiver.complete && bound >= fromPayer.farthest + 1 + toReceiver.farthest;
    value += net.maxFlow(source, sink, target - value, 2 * (whole ? maxHops : bound));
    if (whole) break;
  }

  const transfers: Transfer[] = [];
  for (const { edge, from, to, token } of edges) {
    const amount = net.flowOn(edge);
    if (amount > 0n) transfers.push({ from, to, token, amount });
  }
  return { value, transfers };
}

// --- From a flow to contract edges --------------------------------------------------------------------------------

/**
 * Sums duplicate transfers, cancels cycles, and orders what is left so that every sender comes after everyone who
 * pays it. The payer never needs anything before it sends, so it goes first.
 */
function orderTransfers(transfers: readonly Transfer[], payer: Address): Transfer[] {
  const merged = new Map<string, Transfer>();
  for (const t of transfers) {
    const from = t.from.toLowerCase() as Address;
    const to = t.to.toLowerCase() as Address;
    const token = t.token.toLowerCase() as Address;
    const key = `${from}>${to}:${token}`;
    const known = merged.get(key);
    if (known) known.amount += t.amount;
    else merged.set(key, { from, to, token, amount: t.amount });
  }
  const live = cancelCycles([...merged.values()].filter((t) => t.amount > 0n));

  // Kahn's algorithm over people: a sender is ready once every transfer into it is placed.
  const incoming = new Map<Address, number>();
  const outgoing = new Map<Address, Transfer[]>();
  for (const t of live) {
    incoming.set(t.to, (incoming.get(t.to) ?? 0) + 1);
    let list = outgoing.get(t.from);
    if (!list) outgoing.set(t.from, (list = []));
    list.push(t);
  }
  const ready = [...outgoing.keys()].filter((v) => !incoming.has(v));
  ready.sort((a, b) => Number(b === payer) - Number(a === payer));
  const ordered: Transfer[] = [];
  for (let head = 0; head < ready.length; head++) {
    for (const t of outgoing.get(ready[head]!) ?? []) {
      ordered.push(t);
      const left = incoming.get(t.to)! - 1;
      incoming.set(t.to, left);
      if (left === 0) ready.push(t.to);
    }
  }
  if (ordered.length !== live.length) throw new Error("pathfinder: a cycle survived cancellation"); // a bug if seen
  return ordered;
}

/**
 * Removes every cycle of transfers between people (whatever the tokens): a cycle moves nothing net, so lowering every
 * transfer on it by its smallest amount keeps every net, needs no more trust, and spends no more of any balance. An
 * opposite pair (u pays v, v pays u) is a cycle of two. Each round deletes at least one transfer, so this ends.
 */
function cancelCycles(transfers: Transfer[]): Transfer[] {
  let live = transfers.map((t) => ({ ...t }));
  for (let cycle = findCycle(live); cycle; cycle = findCycle(live)) {
    const least = cycle.reduce((min, t) => (t.amount < min ? t.amount : min), cycle[0]!.amount);
    for (const t of cycle) t.amount -= least;
    live = live.filter((t) => t.amount > 0n);
  }
  return live;
}

/** Depth-first search for a cycle of transfers; returns the transfers on one, or undefined if there is none. */
function findCycle(transfers: readonly Transfer[]): Transfer[] | undefined {
  const out = new Map<Address, Transfer[]>();
  for (const t of transfers) {
    let list = out.get(t.from);
    if (!list) out.set(t.from, (list = []));
    list.push(t);
  }
  const done = new Set<Address>();
  for (const root of out.keys()) {
    if (done.has(root)) continue;
    // Iterative, so a long chain cannot overflow the stack. `path[i]` is the transfer into `stack[i + 1]`.
    const depth = new Map<Address, number>([[root, 0]]);
    const stack: { v: Address; next: number }[] = [{ v: root, next: 0 }];
    const path: Transfer[] = [];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const edges = out.get(top.v) ?? [];
      if (top.next < edges.length) {
        const t = edges[top.next++]!;
        const onStack = depth.get(t.to);
        if (onStack !== undefined) return [...path.slice(onStack), t];
        if (!done.has(t.to)) {
          depth.set(t.to, stack.length);
          path.push(t);
          stack.push({ v: t.to, next: 0 });
        }
      } else {
        done.add(top.v);
        depth.delete(top.v);
        stack.pop();
        path.pop();
      }
    }
  }
  return undefined;
}

/** Indexes ordered transfers into ascending vertices: the exact arguments of `payAlongTrust`. */
function packFlow(ordered: readonly Transfer[], payer: Address, receiver: Address, amount: bigint): PaymentFlow {
  const accounts = new Set<Address>([payer, receiver]);
  for (const t of ordered) accounts.add(t.from).add(t.to).add(t.token);
  // The contract compares addresses as numbers; lowercase hex of one length sorts the same, but say what we mean.
  const vertices = [...accounts].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  if (vertices.length > MAX_VERTICES) {
    throw new PathfinderError(
      "too-many-edges",
      `The flow touches ${vertices.length} accounts, more than uint16 indexes.`,
    );
  }
  const position = new Map(vertices.map((v, i) => [v, i]));
  const edges = ordered.map((t): FlowEdge => {
    if (t.amount > MAX_EDGE_AMOUNT) {
      throw new PathfinderError("invalid-input", `A transfer of ${t.amount} does not fit the contract's uint192.`);
    }
    return { from: position.get(t.from)!, to: position.get(t.to)!, token: position.get(t.token)!, amount: t.amount };
  });
  return { vertices, edges, amount };
}
