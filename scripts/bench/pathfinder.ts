// Pathfinder benchmark: the kept index (`PathfinderIndex`) on seeded trust graphs of 1,000, 10,000 and 100,000 people
// with 10 trust edges each: how long the index takes to build, how long a payment's flow takes to find on it (median
// and 95th percentile), how much memory a process holding only the index uses, and whether the amounts found after a
// run of payments equal what a freshly built index finds. Pure TypeScript, no chain and no Hardhat.
//
// Run alone: `npx tsx scripts/bench/pathfinder.ts [people…]` prints the table; `pathfinderReport()` returns the section
// BENCHMARKS.md carries.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

import {
  PathfinderError,
  PathfinderIndex,
  flowHops,
  type Address,
  type Holdings,
  type PaymentFlow,
  type TrustGraph,
} from "../../client/pathfinder.js";
import { mulberry32 } from "../../test/utils/random.js";

const TRUSTS_EACH = 10;
const SEED = 0xc1dc1e5;
const UNIT = 10n ** 18n;
const PAYMENTS = 101;
const SIZES = [1_000, 10_000, 100_000];

/**
 * A seeded basic-income economy: everyone trusts `TRUSTS_EACH` others at random, holds 1–100 of their own token, and
 * about half the time holds 1–50 of the token of each person they trust (what they were paid in earlier).
 */
export function economy(size: number, seed = SEED): { people: Address[]; graph: TrustGraph; holdings: Holdings } {
  const random = mulberry32(seed);
  const word = () =>
    Math.floor(random() * 2 ** 32)
      .toString(16)
      .padStart(8, "0");
  const people = Array.from({ length: size }, () => `0x${word()}${word()}${word()}${word()}${word()}` as Address);
  const graph = new Map<Address, Set<Address>>();
  const holdings = new Map<Address, Map<Address, bigint>>();
  for (const person of people) {
    const trusted = new Set<Address>();
    while (trusted.size < Math.min(TRUSTS_EACH, size - 1)) {
      const other = people[Math.floor(random() * size)]!;
      if (other !== person) trusted.add(other);
    }
    graph.set(person, trusted);
    const held = new Map<Address, bigint>([[person, BigInt(1 + Math.floor(random() * 100)) * UNIT]]);
    for (const other of trusted) if (random() < 0.5) held.set(other, BigInt(1 + Math.floor(random() * 50)) * UNIT);
    holdings.set(person, held);
  }
  return { people, graph, holdings };
}

/** One size's figures. */
export interface PathfinderBenchRow {
  people: number;
  trustEdges: number;
  buildMilliseconds: number;
  /** The processor time of the build (on a busy machine, wall-clock time also counts other processes' turns). */
  buildCpuMilliseconds: number;
  medianMilliseconds: number;
  p95Milliseconds: number;
  /** Payments found (the rest could not be paid in full: the time to say so counts too). */
  paid: number;
  payments: number;
  /** The longest chain of transfers among the flows found, and the most edges. */
  hops: number;
  edges: number;
  /** Resident memory of a process holding only the index, in MB (undefined when not measured). */
  residentMegabytes: number | undefined;
  /** Whether, after the payments were applied to the index, a fresh build found the same amounts. */
  sameAsRebuild: boolean;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** Applies a flow to the index the way the hub's `TransferSingle` events would report it. */
function applyFlow(index: PathfinderIndex, flow: PaymentFlow): void {
  for (const edge of flow.edges) {
    const [from, to, token] = [flow.vertices[edge.from]!, flow.vertices[edge.to]!, flow.vertices[edge.token]!];
    index.transfer(from, to, token, edge.amount);
  }
}

/**
 * Builds the index for `size` people and times `PAYMENTS` seeded payments of 1–20 tokens to people who do not trust
 * the payer (so the payment swaps along paths of trust), applying each one found to the index. Then a fresh index is
 * built from the state the updates reached, and the first payments are asked of both again: the amounts must agree.
 */
export function benchSize(size: number, options: { memory?: boolean } = {}): PathfinderBenchRow {
  const { people, graph, holdings } = economy(size);
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const [started, startedCpu] = [performance.now(), cpu()];
  const index = PathfinderIndex.from(graph, holdings);
  const buildMilliseconds = performance.now() - started;
  const buildCpuMilliseconds = cpu() - startedCpu;

  const random = mulberry32(SEED ^ size);
  const pick = () => people[Math.floor(random() * people.length)]!;
  const times: number[] = [];
  const asked: { payer: Address; receiver: Address; amount: bigint }[] = [];
  let paid = 0;
  let hops = 0;
  let edges = 0;
  while (times.length < PAYMENTS) {
    const payer = pick();
    const receiver = pick();
    if (payer === receiver || graph.get(receiver)!.has(payer)) continue;
    const amount = BigInt(1 + Math.floor(random() * 20)) * UNIT;
    asked.push({ payer, receiver, amount });
    const start = performance.now();
    try {
      const flow = index.findPaymentFlow(payer, receiver, amount);
      times.push(performance.now() - start);
      paid++;
      hops = Math.max(hops, flowHops(flow));
      edges = Math.max(edges, flow.edges.length);
      applyFlow(index, flow);
    } catch (error) {
      if (!(error instanceof PathfinderError)) throw error;
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);

  const { graph: now, holdings: held } = index.snapshot();
  const fresh = PathfinderIndex.from(now, held);
  const sameAsRebuild = asked
    .slice(0, 20)
    .every(
      ({ payer, receiver }) =>
        index.maxFlow(payer, receiver, { maxHops: 4 }) === fresh.maxFlow(payer, receiver, { maxHops: 4 }),
    );

  return {
    people: size,
    trustEdges: index.stats().trustEdges,
    buildMilliseconds: round(buildMilliseconds),
    buildCpuMilliseconds: round(buildCpuMilliseconds),
    medianMilliseconds: round(times[Math.floor(times.length / 2)]!),
    p95Milliseconds: round(times[Math.floor(times.length * 0.95)]!),
    paid,
    payments: times.length,
    hops,
    edges,
    residentMegabytes: options.memory === false ? undefined : residentMegabytes(size),
    sameAsRebuild,
  };
}

/**
 * Resident memory, in MB, of a child process that builds the index for `size` people, lets go of the maps it was
 * built from, collects garbage and reports its RSS: what a wallet or the `npm run pathfinder` service holding the index
 * uses.
 */
function residentMegabytes(size: number): number {
  const child = spawnSync(
    process.execPath,
    ["--import", "tsx", "--expose-gc", fileURLToPath(import.meta.url), "--hold", String(size)],
    {
      encoding: "utf8",
    },
  );
  const match = /rss (\d+)/.exec(child.stdout);
  if (!match) throw new Error(`the memory probe failed: ${child.stderr || child.stdout}`);
  return Math.round(Number(match[1]) / 2 ** 20);
}

/** The table of every size, as Markdown. */
export function pathfinderTable(rows: readonly PathfinderBenchRow[]): string {
  const lines = [
    "| people | trust edges | index build (processor time) | flow, median | flow, p95 | resident memory | paid | longest chain, most edges | same as a fresh build |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---|",
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.people.toLocaleString("en")} | ${r.trustEdges.toLocaleString("en")} | ${r.buildMilliseconds} ms (${r.buildCpuMilliseconds} ms) | ${r.medianMilliseconds} ms | ${r.p95Milliseconds} ms | ${r.residentMegabytes ?? "–"} MB | ${r.paid}/${r.payments} | ${r.hops} hops, ${r.edges} edges | ${r.sameAsRebuild ? "yes" : "NO"} |`,
    );
  }
  return lines.join("\n");
}

/**
 * The Pathfinder section of BENCHMARKS.md: the table at 1k, 10k and 100k people, with what it measures and the goals.
 *
 * @example
 * const section = pathfinderReport(); // "## Pathfinder\n\n…"
 */
export function pathfinderReport(sizes: readonly number[] = SIZES): string {
  const rows = sizes.map((size) => benchSize(size));
  return `## Pathfinder

The TypeScript pathfinder keeps an index of the trust graph and balances (\`PathfinderIndex\`, client/pathfinder/):
built once, updated by trust and balance changes, and searched for one payment at a time. On seeded graphs of 10
trust edges per person, each person holding their own token and about half of their trusted people's, ${PAYMENTS}
payments of 1–20 tokens between random people who do not trust each other were found one after the other, each one
applied to the index as the hub's transfers would report it; then a fresh index was built from the state those
updates reached, and the maximum flows of the first 20 pairs were compared. Wall-clock figures on this machine, unlike
the gas above; resident memory is that of a separate process holding only the index. Goals: 100,000 people built in
≤ 3 s, a flow in ≤ 100 ms (median) and ≤ 300 ms (95th percentile), ≤ 500 MB; 10,000 people ≤ 10 ms (median).

${pathfinderTable(rows)}
`;
}

// --- Run as a script ----------------------------------------------------------------------------------------------

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const hold = process.argv.indexOf("--hold");
  if (hold >= 0) {
    // The memory probe: only the index stays reachable.
    let maps: ReturnType<typeof economy> | undefined = economy(Number(process.argv[hold + 1]));
    const index = PathfinderIndex.from(maps.graph, maps.holdings);
    maps = undefined;
    const gc = (globalThis as { gc?: () => void }).gc;
    for (let i = 0; i < 3; i++) gc?.();
    console.log(`rss ${process.memoryUsage().rss} people ${index.stats().people}`);
  } else {
    const sizes = process.argv.slice(2).map(Number);
    const noMemory = process.env.PATHFINDER_BENCH_MEMORY === "0";
    const rows = (sizes.length > 0 ? sizes : SIZES).map((size) => benchSize(size, { memory: !noMemory }));
    console.log(pathfinderTable(rows));
  }
}
