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
 * For a graph that is searched more than once, keep a {@link PathfinderIndex} (client/pathfinder/pathfinderIndex.ts):
 * built once, updated by trust and balance changes, and searched without re-reading the graph. The functions here
 * that take a graph build a fresh index for one search.
 *
 * @example
 * const flow = findPaymentFlow(trust, holdings, ana, dan, 25n);
 * const problems = checkPaymentFlow(flow, trust, holdings, ana, dan); // [] when the contract will accept it
 * await hub.payAlongTrust(flow.vertices, flow.edges, dan, flow.amount);
 */
import {
  ADDRESS,
  MAX_AMOUNT,
  MAX_EDGE_AMOUNT,
  MAX_FLOW_EDGES,
  MAX_VERTICES,
  PathfinderError,
  checkedAccount,
  checkedEdges,
  paymentFlowFromTransfers,
  type Address,
  type Holdings,
  type PathfinderOptions,
  type PaymentFlow,
  type Transfer,
  type TrustGraph,
} from "./pathfinder/core.js";
import { PathfinderIndex } from "./pathfinder/pathfinderIndex.js";

export {
  DEFAULT_MAX_HOPS,
  MAX_FLOW_EDGES,
  PathfinderError,
  type Address,
  type FlowEdge,
  type Holdings,
  type PathfinderErrorCode,
  type PathfinderOptions,
  type PaymentFlow,
  type Transfer,
  type TrustGraph,
} from "./pathfinder/core.js";
export {
  PathfinderIndex,
  type PathfinderIndexOptions,
  type PathfinderIndexStats,
} from "./pathfinder/pathfinderIndex.js";

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
  return PathfinderIndex.from(graph, holdings).maxFlow(from, to, options);
}

/**
 * Finds a flow that pays `amount` from `from` to `to` along paths of trust, ready for `payAlongTrust`, building an
 * index of the graph for this one search ({@link PathfinderIndex.findPaymentFlow} on a kept index is the same search).
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
  return PathfinderIndex.from(graph, holdings).findPaymentFlow(from, to, amount, options);
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
  const maxEdges = checkedEdges(options.maxEdges);
  const from = checkedAccount(payer, "payer");
  return paymentFlowFromTransfers(
    transfers,
    from,
    checkedAccount(receiver, "receiver"),
    amount,
    maxEdges,
    (edges) => `The flow takes ${edges} transfers, more than the ${maxEdges} one payment may have.`,
  );
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

/** A {@link PaymentFlow} as JSON carries it (the pathfinder service's answer): every amount a decimal string of wei. */
export interface PaymentFlowJson {
  vertices: string[];
  edges: { from: number; to: number; token: number; amount: string }[];
  amount: string;
}

/**
 * A flow in JSON form, amounts as decimal strings of wei (bigints have no JSON form).
 *
 * @example
 * JSON.stringify(paymentFlowToJson(flow)); // {"vertices":["0x…"],"edges":[{"from":0,"to":1,"token":0,"amount":"25000000000000000000"}],"amount":"25000000000000000000"}
 */
export function paymentFlowToJson(flow: PaymentFlow): PaymentFlowJson {
  return {
    vertices: [...flow.vertices],
    edges: flow.edges.map((e) => ({ from: e.from, to: e.to, token: e.token, amount: e.amount.toString() })),
    amount: flow.amount.toString(),
  };
}

/**
 * Reads back a flow from its JSON form (e.g. the pathfinder service's answer), ready for `payAlongTrust`. Throws a
 * {@link PathfinderError} if it is not one; run {@link checkPaymentFlow} before trusting it.
 *
 * @example
 * const flow = paymentFlowFromJson(await (await fetch(`${service}/flow`, { method: "POST", body })).json());
 * await payAlongTrust(walletClient, { hub, to: dan, amount: flow.amount, flow });
 */
export function paymentFlowFromJson(json: unknown): PaymentFlow {
  const bad = (what: string): never => {
    throw new PathfinderError("invalid-input", `This is not a payment flow: ${what}.`);
  };
  const wei = (value: unknown, what: string): bigint =>
    typeof value === "string" && /^[0-9]+$/.test(value) ? BigInt(value) : bad(`${what} is not a decimal string of wei`);
  const index = (value: unknown, what: string): number =>
    Number.isInteger(value) && (value as number) >= 0 ? (value as number) : bad(`${what} is not an index`);
  const flow = json as Partial<PaymentFlowJson> | null;
  if (!flow || !Array.isArray(flow.vertices) || !Array.isArray(flow.edges)) bad("it has no vertices and edges");
  const vertices = flow!.vertices!.map((v, i) =>
    typeof v === "string" && ADDRESS.test(v) ? (v.toLowerCase() as Address) : bad(`vertices[${i}] is not an address`),
  );
  const edges = flow!.edges!.map((e, i) => ({
    from: index(e?.from, `edges[${i}].from`),
    to: index(e?.to, `edges[${i}].to`),
    token: index(e?.token, `edges[${i}].token`),
    amount: wei(e?.amount, `edges[${i}].amount`),
  }));
  return { vertices, edges, amount: wei(flow!.amount, "amount") };
}
