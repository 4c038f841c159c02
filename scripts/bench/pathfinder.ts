// Pathfinder benchmark: how long `findPaymentFlow` takes on a seeded trust graph of 1,000 people and 10,000 trust
// edges. Pure TypeScript, no chain and no Hardhat: the pathfinder runs in the wallet, before anything is sent.
import {
  PathfinderError,
  findPaymentFlow,
  flowHops,
  maxFlow,
  type Address,
  type Holdings,
  type TrustGraph,
} from "../../client/pathfinder.js";
import { mulberry32 } from "../../test/utils/random.js";

const PEOPLE = 1_000;
const TRUSTS_EACH = 10; // 1,000 people × 10 = 10,000 trust edges
const RUNS = 5;
const SEED = 0xc1dc1e5;
const UNIT = 10n ** 18n;

/**
 * A seeded basic-income economy: everyone trusts `TRUSTS_EACH` others at random, holds 1–100 of their own token, and
 * about half the time holds 1–50 of the token of each person they trust (what they were paid in earlier).
 */
function economy(random: () => number): { people: Address[]; graph: TrustGraph; holdings: Holdings; edges: number } {
  const word = () =>
    Math.floor(random() * 2 ** 32)
      .toString(16)
      .padStart(8, "0");
  const people = Array.from({ length: PEOPLE }, () => `0x${word()}${word()}${word()}${word()}${word()}` as Address);
  const graph = new Map<Address, Set<Address>>();
  const holdings = new Map<Address, Map<Address, bigint>>();
  let edges = 0;
  for (const person of people) {
    const trusted = new Set<Address>();
    while (trusted.size < TRUSTS_EACH) {
      const other = people[Math.floor(random() * PEOPLE)]!;
      if (other !== person) trusted.add(other);
    }
    edges += trusted.size;
    graph.set(person, trusted);
    const held = new Map<Address, bigint>([[person, BigInt(1 + Math.floor(random() * 100)) * UNIT]]);
    for (const other of trusted) if (random() < 0.5) held.set(other, BigInt(1 + Math.floor(random() * 50)) * UNIT);
    holdings.set(person, held);
  }
  return { people, graph, holdings, edges };
}

/**
 * Times `findPaymentFlow` (median of 5 runs) for a seeded payer and receiver who does not trust the payer, so the
 * payment has to swap along paths of trust. The amount is the most they can pay in one transaction: the maximum flow,
 * halved until it fits the contract's 64 edges.
 */
export async function benchPathfinder(): Promise<{
  people: number;
  trustEdges: number;
  milliseconds: number;
  hops: number;
  amount: bigint;
}> {
  const random = mulberry32(SEED);
  const { people, graph, holdings, edges } = economy(random);

  let payer: Address, receiver: Address, available: bigint;
  do {
    payer = people[Math.floor(random() * PEOPLE)]!;
    receiver = people[Math.floor(random() * PEOPLE)]!;
    available = payer === receiver || graph.get(receiver)!.has(payer) ? 0n : maxFlow(graph, holdings, payer, receiver);
  } while (available === 0n);

  let amount = available;
  for (;;) {
    try {
      findPaymentFlow(graph, holdings, payer, receiver, amount);
      break;
    } catch (error) {
      if (!(error instanceof PathfinderError) || error.code !== "too-many-edges" || amount === 1n) throw error;
      amount /= 2n;
    }
  }

  const times: number[] = [];
  let hops = 0;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const flow = findPaymentFlow(graph, holdings, payer, receiver, amount);
    times.push(performance.now() - start);
    hops = flowHops(flow);
  }
  times.sort((a, b) => a - b);
  const milliseconds = Math.round(times[Math.floor(RUNS / 2)]! * 10) / 10;
  return { people: people.length, trustEdges: edges, milliseconds, hops, amount };
}
