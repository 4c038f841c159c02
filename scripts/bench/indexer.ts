// Indexer benchmark: how fast the ledger (Ponder, indexer/) syncs a long generated history, on PGlite and on
// PostgreSQL, and how long the client's ledger reads take over it. A `hardhat node` is started on a free port, the
// suite deployed with `npm run deploy:local`, and a history generated with the suite's own contracts: CIRCLES circles
// of six founders, each with its mutual-credit currency (created by the circle: impersonated, as its decision would
// make the call), a few proposals each, every founder registered in the income hub trusting three others; then
// BLOCKS blocks, each mined alone with `evm_mine` (automine off), each holding PAYMENTS_PER_BLOCK `transferWithMemo`
// payments from distinct members (a `Transfer` and a `Memo` event each). The ledger is then started from nothing
// (`npm run indexer`, a fresh store) and timed until its `/status` block reaches the node's head (caught up: `/ready`
// is not), once per database; the reads are timed on each, RUNS times.
import { cpus, loadavg, totalmem } from "node:os";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

import {
  createPublicClient,
  createWalletClient,
  encodeFunctionData,
  http,
  keccak256,
  stringToHex,
  toEventSelector,
  type Address,
  type Hex,
} from "viem";
import { hardhat as hardhatChain } from "viem/chains";

import { creditFactoryAbi, incomeHubAbi, mutualCreditAbi } from "../../client/abis.js";
import {
  createCircle,
  grantMandateCall,
  listLedgerProposals,
  propose,
  readLedgerExport,
  readRulesWithOverrides,
  readTrustGraphFromLedger,
  type LedgerClient,
} from "../../client/index.js";
import { readScorecard } from "../../client/actions/ledger/readScorecard.js";
import { readDeployment } from "../../client/node.js";
import { deployLocal } from "../../e2e/cli.js";
import { ledgerStore, startLedger, startPostgres, type LedgerDatabase } from "../../e2e/ledgerHarness.js";
import { rpc, startHardhatNode, type RunningNode } from "../../e2e/nodes.js";
import { median } from "./cli.js";

/**
 * The generated history: blocks of payments, and how many in each. `COMMONWEAL_BENCH_BLOCKS` sets the length;
 * `BENCH_QUICK=1` (CI, which keeps the benchmark runnable and throws its figures away) makes it 500 blocks, every
 * step still run.
 */
export const BLOCKS = Number(process.env.COMMONWEAL_BENCH_BLOCKS || (process.env.BENCH_QUICK === "1" ? 500 : 5_000));
export const PAYMENTS_PER_BLOCK = 5;
const CIRCLES = 3;
const PROPOSALS_PER_CIRCLE = 4;
/** How many copies of the node's URL Ponder is given (`--rpc-fanout`): each is rate-limited on its own. */
export const RPC_FANOUT = 16;
/** Runs of each read (median and p95 reported); 3 with `BENCH_QUICK=1`. */
export const RUNS = process.env.BENCH_QUICK === "1" ? 3 : 9;

const DEPLOYMENTS = fileURLToPath(new URL("../../deploy/deployments", import.meta.url));

/**
 * The reads timed over the generated history, one line each: `circle` is the first circle (with a third of the
 * payments). To time another read, add a line.
 */
const READS: { name: string; read: (ledger: LedgerClient, circle: Address, hub: Address) => Promise<unknown> }[] = [
  { name: "readLedgerExport (one circle)", read: (l, circle) => readLedgerExport(l, { circle }) },
  { name: "listLedgerProposals (one circle)", read: (l, circle) => listLedgerProposals(l, { circle }) },
  { name: "readTrustGraphFromLedger", read: (l, _, hub) => readTrustGraphFromLedger(l, { hub }) },
  { name: "readScorecard (one circle)", read: (l, circle) => readScorecard(l, { circle }) },
];

export interface StepTime {
  step: string;
  ms: number;
}

export interface SyncResult {
  database: LedgerDatabase;
  /** From starting `npm run indexer` to its first `/status` answer with a block, to `/ready`, and to caught up. */
  firstStatusMs: number;
  readyMs: number;
  caughtUpMs: number;
  /** Ponder's own figure for fetching the backfill's JSON-RPC data (blocks and logs), if it printed one. */
  fetchMs: number | undefined;
  reads: { name: string; ms: number[] }[];
}

export interface IndexerBench {
  blocks: number;
  /** The node's head when the history was done, and the first block of the generated payments. */
  head: bigint;
  firstPaymentBlock: bigint;
  /** Every event of the suite's contracts the indexer follows, counted with `eth_getLogs` over the payment blocks. */
  paymentEvents: number;
  /** Every log in the chain from the deployment on (setup included). */
  allEvents: number;
  steps: StepTime[];
  syncs: SyncResult[];
  machine: { cores: number; model: string; memoryGiB: number; load: [number, number] };
}

/** Times `step`, prints it, and records it. */
async function timedStep<T>(steps: StepTime[], step: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  const ms = performance.now() - started;
  steps.push({ step, ms });
  console.log(`  indexer bench: ${step}: ${(ms / 1000).toFixed(1)} s`);
  return result;
}

/** JSON-RPC requests in one HTTP batch (the node answers them together). */
async function rpcBatch(url: string, calls: { method: string; params: unknown[] }[]) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(calls.map((c, id) => ({ jsonrpc: "2.0", id, ...c }))),
  });
  const answers = (await response.json()) as { error?: { message: string } }[];
  const failed = answers.find((a) => a.error);
  if (failed) throw new Error(`JSON-RPC batch: ${failed.error!.message}`);
}

export async function benchIndexer(): Promise<IndexerBench> {
  const steps: StepTime[] = [];
  const load0 = loadavg()[0]!;
  const deploymentId = `bench-indexer-${process.pid}`;
  const node = await startHardhatNode();
  try {
    return await benchOn(node, deploymentId, steps, load0);
  } finally {
    await node.stop();
    rmSync(`${DEPLOYMENTS}/${deploymentId}`, { recursive: true, force: true });
  }
}

async function benchOn(node: RunningNode, deploymentId: string, steps: StepTime[], load0: number) {
  const client = createPublicClient({ chain: hardhatChain, transport: http(node.url) });
  await timedStep(steps, "deploy the suite (npm run deploy:local)", async () => {
    const deployed = await deployLocal(node, deploymentId);
    if (deployed.code !== 0) throw new Error(`deploy:local failed:\n${deployed.stdout}${deployed.stderr}`);
  });
  const addresses = readDeployment(31337, { folder: DEPLOYMENTS, deploymentId });
  const accounts = await rpc<Address[]>(node.url, "eth_accounts");
  if (accounts.length < CIRCLES * 6) throw new Error(`The node has ${accounts.length} accounts; need ${CIRCLES * 6}.`);
  const wallet = (account: Address) => createWalletClient({ account, chain: hardhatChain, transport: http(node.url) });

  // --- Setup (automine): circles, currencies, proposals, income registrations and trust ---
  const circles: { circle: Address; currency: Address; members: Address[] }[] = [];
  await timedStep(steps, `set up ${CIRCLES} circles with currencies, proposals, trust`, async () => {
    const { rules, mandateRules } = await readRulesWithOverrides(client, { registry: addresses.registry });
    for (let c = 0; c < CIRCLES; c++) {
      const members = accounts.slice(c * 6, c * 6 + 6);
      const signers = members.map(wallet);
      const { circle, mandates } = await createCircle(signers[0]!, {
        registry: addresses.registry,
        rules,
        mandateRules,
        founding: { name: `Bench circle ${c + 1}`, founders: members, charterHash: keccak256(stringToHex(`c${c}`)) },
        signers,
      });
      await rpc(node.url, "hardhat_impersonateAccount", [circle]);
      await rpc(node.url, "hardhat_setBalance", [circle, "0x56BC75E2D63100000"]);
      const asCircle = createWalletClient({ account: circle, chain: hardhatChain, transport: http(node.url) });
      await client.waitForTransactionReceipt({
        hash: await asCircle.writeContract({
          address: addresses.creditFactory,
          abi: creditFactoryAbi,
          functionName: "createCurrency",
          args: [`Bench hours ${c + 1}`, `BH${c + 1}`, 2, 10n ** 15n, 10n ** 15n],
        }),
      });
      await rpc(node.url, "hardhat_stopImpersonatingAccount", [circle]);
      const currency = await client.readContract({
        address: addresses.creditFactory,
        abi: creditFactoryAbi,
        functionName: "currencyOf",
        args: [circle],
      });
      for (let p = 0; p < PROPOSALS_PER_CIRCLE; p++) {
        const proposer = members[p]!;
        const grant = await grantMandateCall(client, {
          mandates,
          holder: members[(p + 1) % 6]!,
          proposer,
          role: `steward ${p + 1}`,
          duration: 30 * 86_400,
        });
        await propose(signers[p]!, { circle, calls: [grant.call], description: `${grant.description} (${c}/${p})` });
      }
      circles.push({ circle, currency, members });
    }
    const people = accounts.slice(0, CIRCLES * 6);
    const expiry = (await client.getBlock()).timestamp + 30n * 86_400n;
    for (const person of people) {
      await client.waitForTransactionReceipt({
        hash: await wallet(person).writeContract({
          address: addresses.incomeHub,
          abi: incomeHubAbi,
          functionName: "register",
          args: ["0x0000000000000000000000000000000000000000"],
        }),
      });
    }
    for (const [i, person] of people.entries()) {
      for (const k of [1, 2, 3]) {
        await client.waitForTransactionReceipt({
          hash: await wallet(person).writeContract({
            address: addresses.incomeHub,
            abi: incomeHubAbi,
            functionName: "trust",
            args: [people[(i + k) % people.length]!, expiry],
          }),
        });
      }
    }
  });

  // --- The payments: BLOCKS blocks, one evm_mine each, PAYMENTS_PER_BLOCK payments from distinct members ---
  // viem caches the block number for seconds: ask the node each time.
  const firstPaymentBlock = (await client.getBlockNumber({ cacheTime: 0 })) + 1n;
  await timedStep(
    steps,
    `generate ${BLOCKS} blocks of ${PAYMENTS_PER_BLOCK} payments with memos (evm_mine each)`,
    async () => {
      await rpc(node.url, "evm_setAutomine", [false]);
      for (let b = 0; b < BLOCKS; b++) {
        const sends = Array.from({ length: PAYMENTS_PER_BLOCK }, (_, j) => {
          // Payment k: circle k mod 3, payer the (k div 3 mod 6)th member: distinct senders within a block.
          const k = b * PAYMENTS_PER_BLOCK + j;
          const { currency, members } = circles[k % CIRCLES]!;
          const payer = Math.floor(k / CIRCLES) % 6;
          const payee = (payer + 1 + (k % 5)) % 6;
          const memo = `bench ${k}`;
          const data = encodeFunctionData({
            abi: mutualCreditAbi,
            functionName: "transferWithMemo",
            args: [members[payee]!, BigInt(1 + (k % 9)), keccak256(stringToHex(memo)), memo],
          });
          return {
            method: "eth_sendTransaction",
            params: [{ from: members[payer]!, to: currency, data, gas: "0x40000" as Hex }],
          };
        });
        await rpcBatch(node.url, sends);
        await rpc(node.url, "evm_mine");
      }
      await rpc(node.url, "evm_setAutomine", [true]);
    },
  );
  const head = await client.getBlockNumber({ cacheTime: 0 });

  // Count what was made: every Transfer and Memo of the currencies over the payment blocks (a reverted payment
  // would be missing here), and every log since the deployment.
  const logsOf = async (params: Record<string, unknown>) =>
    (await rpc<unknown[]>(node.url, "eth_getLogs", [params])).length;
  const range = { fromBlock: `0x${firstPaymentBlock.toString(16)}`, toBlock: `0x${head.toString(16)}` };
  const currencies = circles.map((c) => c.currency);
  const transfers = await logsOf({
    ...range,
    address: currencies,
    topics: [toEventSelector("Transfer(address,address,uint256)")],
  });
  const paymentEvents = await logsOf({ ...range, address: currencies });
  if (transfers !== BLOCKS * PAYMENTS_PER_BLOCK) {
    throw new Error(`${transfers} payments made of ${BLOCKS * PAYMENTS_PER_BLOCK}: some reverted.`);
  }
  const allEvents = await logsOf({ fromBlock: "0x0", toBlock: `0x${head.toString(16)}` });
  console.log(`  indexer bench: ${paymentEvents} payment events in blocks ${firstPaymentBlock}–${head}`);

  // --- Sync from nothing to caught up, then the reads: PGlite, then PostgreSQL ---
  const syncs: SyncResult[] = [];
  const postgres = await startPostgres();
  try {
    for (const database of ["pglite", "postgres"] as const) {
      const store = await ledgerStore(database, database === "postgres" ? postgres : undefined);
      const started = performance.now();
      const ledger = await startLedger({ node, deploymentId, store, rpcFanout: RPC_FANOUT });
      try {
        let firstStatusMs: number | undefined;
        let readyMs: number | undefined;
        for (;;) {
          if (ledger.process.exitCode !== null) throw new Error(`The ledger exited:\n${ledger.output()}`);
          const block = await ledger.indexedBlock();
          if (block !== undefined && firstStatusMs === undefined) firstStatusMs = performance.now() - started;
          if (readyMs === undefined && block !== undefined) {
            const ready = await fetch(`${ledger.api}/ready`).catch(() => undefined);
            if (ready?.status === 200) readyMs = performance.now() - started;
          }
          if ((block ?? -1) >= Number(head)) break;
          if (performance.now() - started > 600_000) throw new Error(`No catch-up in 10 min:\n${ledger.output()}`);
          await new Promise((r) => setTimeout(r, 100));
        }
        const caughtUpMs = performance.now() - started;
        steps.push({ step: `sync on ${database} (start to caught up)`, ms: caughtUpMs });
        console.log(`  indexer bench: sync on ${database}: ${(caughtUpMs / 1000).toFixed(1)} s`);
        const reads = await timedStep(steps, `reads on ${database} (${RUNS} runs each)`, async () => {
          const out: { name: string; ms: number[] }[] = READS.map((r) => ({ name: r.name, ms: [] }));
          // Interleaved, so that a slow moment of the machine does not fall on one read alone.
          for (let run = 0; run < RUNS; run++) {
            for (const [i, { read }] of READS.entries()) {
              const t = performance.now();
              await read({ url: ledger.api }, circles[0]!.circle, addresses.incomeHub);
              out[i]!.ms.push(performance.now() - t);
            }
          }
          return out;
        });
        syncs.push({
          database,
          firstStatusMs: firstStatusMs ?? caughtUpMs,
          readyMs: readyMs ?? caughtUpMs,
          caughtUpMs,
          fetchMs: ponderFigure(ledger.output(), "Finished fetching backfill JSON-RPC data"),
          reads,
        });
      } finally {
        await ledger.stop();
        await store.dispose();
      }
    }
  } finally {
    await postgres.stop();
  }
  return {
    blocks: BLOCKS,
    head,
    firstPaymentBlock,
    paymentEvents,
    allEvents,
    steps,
    syncs,
    machine: {
      cores: cpus().length,
      model: cpus()[0]?.model ?? "unknown",
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      load: [load0, loadavg()[0]!] as [number, number],
    },
  };
}

/** The duration Ponder printed after `message` ("… (10s)", "(850ms)") in its log, in milliseconds. */
function ponderFigure(log: string, message: string): number | undefined {
  // eslint-disable-next-line no-control-regex
  const plain = log.replace(/\x1b\[[0-9;]*m/g, "");
  const line = plain.split("\n").find((l) => l.includes(message));
  const found = line && /\((\d+(?:\.\d+)?)(ms|s|m)\)\s*$/.exec(line);
  if (!found) return undefined;
  return Number(found[1]) * { ms: 1, s: 1000, m: 60_000 }[found[2] as "ms" | "s" | "m"];
}

/** The nearest-rank percentile `p` (0–100) of `values`. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const n = (count: number | bigint) => count.toLocaleString("en-US");
const msText = (ms: number) => `${ms.toFixed(0)} ms`;

export function indexerReport(b: IndexerBench): string {
  const blocks = Number(b.head);
  const syncRows = b.syncs.map(
    (x) =>
      `| ${x.database === "pglite" ? "PGlite" : "PostgreSQL"} | ${s(x.firstStatusMs)} | ` +
      `${x.fetchMs === undefined ? "—" : s(x.fetchMs)} | ${s(x.readyMs)} | ${s(x.caughtUpMs)} | ` +
      `${n(Math.round(b.allEvents / (x.caughtUpMs / 1000)))} | ${n(Math.round(blocks / (x.caughtUpMs / 1000)))} |`,
  );
  const names = b.syncs[0]?.reads.map((r) => r.name) ?? [];
  const readRows = names.map(
    (name) =>
      `| ${name} | ` +
      b.syncs
        .map((x) => {
          const ms = x.reads.find((r) => r.name === name)!.ms;
          return `${msText(median(ms))} | ${msText(percentile(ms, 95))}`;
        })
        .join(" | ") +
      " |",
  );
  const dbHeads = b.syncs.map((x) => (x.database === "pglite" ? "PGlite" : "PostgreSQL"));
  return `## Indexer

The ledger (\`npm run indexer\`: Ponder 0.17) syncing a generated history from nothing, measured by \`npm run bench\`
against a \`hardhat node\` on this machine (${b.machine.cores} cores, ${b.machine.model}, ${b.machine.memoryGiB} GiB; load
average ${b.machine.load[0].toFixed(1)} before and ${b.machine.load[1].toFixed(1)} after, which these clock figures include).

The history, made with the suite's own contracts deployed by \`npm run deploy:local\`: ${CIRCLES} circles of six founders,
each with its mutual-credit currency, ${PROPOSALS_PER_CIRCLE} proposals each, 18 people registered in the income hub, each
trusting three others; then ${n(b.blocks)} blocks mined one at a time (\`evm_mine\`, automine off), each with
${PAYMENTS_PER_BLOCK} \`transferWithMemo\` payments from different members across the circles (a \`Transfer\` and a \`Memo\` event
each): ${n(b.paymentEvents)} payment events in blocks ${n(b.firstPaymentBlock)}–${n(b.head)}, ${n(b.allEvents)} events in the chain in all
(deployment and setup included). Ponder is given the node's URL ${RPC_FANOUT} times (\`--rpc-fanout ${RPC_FANOUT}\`): it
rate-limits each URL on its own from 20 requests a second, and fetches each block that has events.

Sync is timed from starting \`npm run indexer\` on an empty store to the first \`/status\` that reports a block at
or past the node's head (caught up). It includes Ponder's start-up (connecting, creating its tables), shown by the
first \`/status\` with a block; "fetching" is the time Ponder itself reports for fetching the backfill's blocks and
logs over JSON-RPC; \`/ready\` answers when the backfill is indexed, which is not caught up: Ponder then indexes the
last blocks (those not yet final by its rules) one at a time as live blocks. Events per second and blocks per
second are over the whole time to caught up (all events of the chain, all blocks from the deployment).

| database | first /status | fetching (Ponder's figure) | /ready | caught up | events/s | blocks/s |
|---|---:|---:|---:|---:|---:|---:|
${syncRows.join("\n")}

The client's ledger reads over the same history, each timed ${RUNS} times on each database (interleaved), through
GraphQL: median and p95 (nearest rank). The first circle holds a third of the payments
(${n(Math.round((b.blocks * PAYMENTS_PER_BLOCK) / CIRCLES))}), which its export reads in pages of 1,000.

| read | ${dbHeads.map((d) => `${d} median | ${d} p95`).join(" | ")} |
|---|${dbHeads.map(() => "---:|---:").join("|")}|
${readRows.join("\n")}

Steps of this benchmark: ${b.steps.map((x) => `${x.step} ${s(x.ms)}`).join("; ")}.
`;
}
