// `npm run indexer [-- --network <name>] [--port <port>] [--schema <name>] [--data <folder>] [--rpc-fanout <n>]`: the ledger (Ponder, indexer/) following
// the suite deployed on a running node. Default: the local node (COMMONWEAL_RPC_URL, else http://127.0.0.1:8545) with
// the deployment `npm run deploy:local` recorded, stored in PGlite files under indexer/.data/. Another network of
// hardhat.config.ts reads its RPC URL from <NAME>_RPC_URL (SEPOLIA_RPC_URL) and, with DATABASE_URL, stores in
// PostgreSQL: `DATABASE_URL=postgres://… SEPOLIA_RPC_URL=… npm run indexer -- --network sepolia`.
//
// A restarted local node is a new chain with the same chain id, and Ponder's RPC cache is keyed by chain id only: the
// PGlite folder is named after the chain's genesis block hash, so a new chain starts from a fresh folder instead of
// the old chain's cached logs. The database schema is named after a hash of indexer/ (config, tables, handlers):
// Ponder's `start` refuses a schema an earlier version of the app wrote, so a changed indexer gets a fresh one.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { createPublicClient, http } from "viem";

import { resolveDeployment, rpcUrlOf } from "../indexer/deployment.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const app = join(root, "indexer");

const { values: options } = parseArgs({
  options: {
    network: { type: "string", default: process.env.COMMONWEAL_NETWORK || "localhost" },
    port: { type: "string", default: "42069" },
    schema: { type: "string" },
    // Where the PGlite folders go (one per chain); default indexer/.data.
    data: { type: "string" },
    // How many times to give Ponder the RPC URL (COMMONWEAL_RPC_FANOUT, see indexer/deployment.ts).
    "rpc-fanout": { type: "string" },
  },
});
const network = options.network;

/** A short hash of the indexer's own files: a new version of the app gets its own database schema. */
function appHash(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith(".") || name === "generated") continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".ts")) hash.update(relative(app, path)).update(readFileSync(path));
    }
  };
  walk(app);
  return hash.digest("hex").slice(0, 10);
}

const env: NodeJS.ProcessEnv = { ...process.env, COMMONWEAL_NETWORK: network };
if (options["rpc-fanout"] !== undefined) env.COMMONWEAL_RPC_FANOUT = options["rpc-fanout"];
const url = rpcUrlOf(network, env);
const client = createPublicClient({ transport: http(url, { retryCount: 0 }) });
let chainId: number;
let genesis: string;
try {
  chainId = await client.getChainId();
  genesis = (await client.getBlock({ blockNumber: 0n })).hash;
} catch (error) {
  console.error(
    `No node answers at ${url} (${(error as { shortMessage?: string }).shortMessage ?? (error as Error).message}).` +
      (network === "localhost"
        ? " Start one (npx hardhat node) and deploy the suite (npm run deploy:local), or set COMMONWEAL_RPC_URL."
        : ` Check ${network.toUpperCase()}_RPC_URL.`),
  );
  process.exit(1);
}
env.COMMONWEAL_CHAIN_ID = String(chainId);

const deployment = resolveDeployment(env);
const registryCode = await client.getCode({ address: deployment.addresses.registry });
if (registryCode === undefined) {
  console.error(
    `The deployment record ${deployment.deploymentId} names a registry at ${deployment.addresses.registry}, but chain ` +
      `${chainId} at ${url} has no code there: the node was restarted since. Deploy again (npm run deploy:local).`,
  );
  process.exit(1);
}

// One folder per chain (its genesis block): the PGlite files, and the note of a rebuilt schema (see below).
const chainFolder = join(options.data ?? join(app, ".data"), `${network}-${chainId}-${genesis.slice(2, 14)}`);
let store: string;
if (env.DATABASE_URL) {
  store = "PostgreSQL (DATABASE_URL)";
} else {
  env.COMMONWEAL_INDEXER_DATA = chainFolder;
  store = `PGlite in ${relative(root, env.COMMONWEAL_INDEXER_DATA)}`;
}

// A rebuild moves the ledger to a fresh schema (`<schema>_r<n>`), noted in the chain's folder so that later starts use
// it too. Ponder's crash recovery can fail on rows a crash (SIGKILL, power loss) left half-flushed: it then exits on a
// primary-key conflict while replaying (ponder-sh/ponder#2296). The ledger is derived data, so it is rebuilt from the
// chain instead (the RPC cache, shared by schemas, makes that quick) and loses and duplicates nothing.
const rebuildNote = join(chainFolder, `${options.schema ?? "ledger"}.rebuilds`);
const rebuilds = (): number => (existsSync(rebuildNote) ? Number(readFileSync(rebuildNote, "utf8").trim()) || 0 : 0);
const baseSchema = options.schema ?? `ledger_${appHash()}`;
const schemaOf = (n: number) => (n === 0 ? baseSchema : `${baseSchema}_r${n}`);
const schema = schemaOf(rebuilds());

console.log(
  `The ledger follows ${network} (chain ${chainId}, ${url}) from block ${deployment.startBlocks.registry} ` +
    `(deployment ${deployment.deploymentId}); ${store}, schema ${schema}. ` +
    `SQL over HTTP at http://127.0.0.1:${options.port}/sql, GraphQL at /graphql, progress at /status.`,
);

/** Starts Ponder on `schemaName`; resolves with its exit, and whether it died replaying after a crash recovery. */
function runPonder(schemaName: string): Promise<{ code: number; failedRecovery: boolean }> {
  const ponder = spawn(
    join(root, "node_modules/.bin/ponder"),
    ["--root", app, "start", "--schema", schemaName, "-p", options.port!, "-H", "127.0.0.1"],
    // In indexer/: Ponder writes generated/schema.graphql under the current folder, whatever --root says.
    { stdio: ["inherit", "pipe", "pipe"], env, cwd: app },
  );
  let recovering = false;
  let conflict = false;
  const watch = (chunk: Buffer, out: NodeJS.WriteStream) => {
    const text = chunk.toString();
    if (text.includes("Detected crash recovery")) recovering = true;
    if (recovering && /UniqueConstraintError|Primary key conflict/.test(text)) conflict = true;
    out.write(chunk);
  };
  ponder.stdout.on("data", (chunk: Buffer) => watch(chunk, process.stdout));
  ponder.stderr.on("data", (chunk: Buffer) => watch(chunk, process.stderr));
  const forward = (signal: NodeJS.Signals) => ponder.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  return new Promise((resolve) =>
    ponder.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve({ code: code ?? (signal ? 1 : 0), failedRecovery: conflict });
    }),
  );
}

let current = schema;
for (;;) {
  const { code, failedRecovery } = await runPonder(current);
  if (!failedRecovery) process.exit(code);
  const next = rebuilds() + 1;
  mkdirSync(chainFolder, { recursive: true });
  writeFileSync(rebuildNote, `${next}\n`);
  current = schemaOf(next);
  console.error(
    `The ledger's crash recovery failed on rows the crash left behind (a known Ponder issue, ponder-sh/ponder#2296): ` +
      `rebuilding it from the chain in a fresh schema, ${current}.`,
  );
}
