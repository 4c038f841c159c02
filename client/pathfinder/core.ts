/**
 * What the pathfinder's parts share: the types of flows and options, the hub's caps, the pathfinder's error, checks
 * of inputs, and turning transfers into the edge list `payAlongTrust` takes. Public names are re-exported by
 * client/pathfinder.ts; the rest is internal to the pathfinder.
 */
import { CommonwealError } from "../errors.js";

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
export const MAX_EDGE_AMOUNT = (1n << 192n) - 1n;
/** Payment amounts are uint256 on chain. */
export const MAX_AMOUNT = (1n << 256n) - 1n;
/** Edge indices are uint16 on chain. */
export const MAX_VERTICES = 1 << 16;
export const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

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
// --- Inputs -------------------------------------------------------------------------------------------------------

export function checkedAccount(address: Address, role: string): Address {
  if (!ADDRESS.test(address)) throw new PathfinderError("invalid-input", `The ${role} ${address} is not an address.`);
  return address.toLowerCase() as Address;
}

export function checkedHops(maxHops: number = DEFAULT_MAX_HOPS): number {
  if (!Number.isInteger(maxHops) || maxHops < 1) {
    throw new PathfinderError("invalid-input", `maxHops must be a positive integer, not ${maxHops}.`);
  }
  return maxHops;
}

export function checkedEdges(maxEdges: number = MAX_FLOW_EDGES): number {
  if (!(maxEdges >= 1)) throw new PathfinderError("invalid-input", `maxEdges must be at least 1, not ${maxEdges}.`);
  return maxEdges;
}

/** Trust and holdings re-keyed by lowercase address, in both directions the search walks them. */
// --- From a flow to contract edges --------------------------------------------------------------------------------

/**
 * Sums duplicate transfers, cancels cycles, and orders what is left so that every sender comes after everyone who
 * pays it. The payer never needs anything before it sends, so it goes first.
 */
export function orderTransfers(transfers: readonly Transfer[], payer: Address): Transfer[] {
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
export function packFlow(ordered: readonly Transfer[], payer: Address, receiver: Address, amount: bigint): PaymentFlow {
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

/**
 * Orders transfers (see {@link orderTransfers}) and packs them for the contract, or throws a `too-many-edges`
 * {@link PathfinderError} with `message(edges)` when they need more than `maxEdges` edges.
 */
export function paymentFlowFromTransfers(
  transfers: readonly Transfer[],
  payer: Address,
  receiver: Address,
  amount: bigint,
  maxEdges: number,
  message: (edges: number) => string,
): PaymentFlow {
  const ordered = orderTransfers(transfers, payer);
  if (ordered.length > maxEdges) {
    throw new PathfinderError("too-many-edges", message(ordered.length), { edges: ordered.length, maxEdges });
  }
  return packFlow(ordered, payer, receiver, amount);
}
