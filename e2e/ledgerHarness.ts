/**
 * The ledger (indexer/, `npm run indexer`) in the end-to-end suite: where it stores (PGlite files, or a throwaway
 * PostgreSQL server), starting and stopping it as a person would, waiting until it has reached a block, reading it
 * through its two APIs (GraphQL at /graphql, SQL over HTTP at /sql/db, what @ponder/client sends), and checking every
 * governance event on the chain against its rows.
 *
 * `COMMONWEAL_LEDGER_DB=postgres` makes `ledgerStore()` (the store a suite uses unless it asks for one) a PostgreSQL
 * server started by `scripts/postgres.sh`; otherwise PGlite. A server that cannot start fails the suite: it never
 * falls back to PGlite.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

import { expect } from "chai";
import {
  createWalletClient,
  getAddress,
  http,
  type Abi,
  type AbiEvent,
  type Address,
  type Hex,
  type PublicClient,
} from "viem";
import { hardhat as hardhatChain } from "viem/chains";

import {
  circleAbi,
  circleMembershipAbi,
  circleRegistryAbi,
  circleRitualsAbi,
  councilSeatsAbi,
  creditFactoryAbi,
  demurragedIncomeTokenAbi,
  incomeHubAbi,
  incomeWrappersAbi,
  mandateBadgesAbi,
  mandatesAbi,
  mutualCreditAbi,
  profilesAbi,
  type DeploymentAddresses,
} from "../client/index.js";
import { freePort, rpc, type RunningNode } from "./nodes.js";

const run = promisify(execFile);

// --- Where the ledger stores --------------------------------------------------------------------------------------

export type LedgerDatabase = "pglite" | "postgres";

/** The database the suites' ledgers use by default: `COMMONWEAL_LEDGER_DB` (`pglite`, the default, or `postgres`). */
export function ledgerDatabase(): LedgerDatabase {
  const kind = process.env.COMMONWEAL_LEDGER_DB || "pglite";
  if (kind !== "pglite" && kind !== "postgres") {
    throw new Error(`COMMONWEAL_LEDGER_DB is "${kind}": set it to "pglite" or "postgres".`);
  }
  return kind;
}

/** A PostgreSQL server of its own (scripts/postgres.sh), on 127.0.0.1. */
export interface PostgresServer {
  /** The URL of its database `ponder`. */
  url: string;
  /** A new, empty database on this server, and its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** Starts a throwaway PostgreSQL server; throws with the server's own words if it cannot start. */
export async function startPostgres(): Promise<PostgresServer> {
  let stdout: string;
  try {
    ({ stdout } = await run("bash", ["scripts/postgres.sh", "start"]));
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    throw new Error(`PostgreSQL did not start (scripts/postgres.sh start): ${stderr || message}`);
  }
  const url = /^DATABASE_URL=(.+)$/m.exec(stdout)?.[1];
  const dir = /^POSTGRES_DIR=(.+)$/m.exec(stdout)?.[1];
  if (!url || !dir) throw new Error(`scripts/postgres.sh start printed no DATABASE_URL:\n${stdout}`);
  let stopped = false;
  const stopNow = () => {
    if (!stopped) execFile("bash", ["scripts/postgres.sh", "stop", dir]);
  };
  // An interrupted run does not leave the server behind.
  process.once("exit", stopNow);
  return {
    url,
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a plain database name: ${name}`);
      await run("psql", [url, "-qAt", "-c", `create database ${name}`]);
      return url.replace(/\/ponder$/, `/${name}`);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      process.off("exit", stopNow);
      await run("bash", ["scripts/postgres.sh", "stop", dir]);
    },
  };
}

/** Where one ledger keeps its tables and its RPC cache: a PGlite folder, or a database of its own on a server. */
export interface LedgerStore {
  kind: LedgerDatabase;
  /** For PGlite: the folder `npm run indexer --data` takes. */
  dataDir: string;
  /** For PostgreSQL: the DATABASE_URL. */
  databaseUrl?: string;
  /** Removes the folder; stops the server if this store started it. */
  dispose(): Promise<void>;
}

let databases = 0;

/**
 * A fresh store for a ledger following a new chain (Ponder's RPC cache is keyed by chain id only, so a new local node
 * must never meet an old node's cache). For PostgreSQL, on `server` if given (a new database on it), else on a server
 * started here and stopped by `dispose()`.
 */
export async function ledgerStore(kind = ledgerDatabase(), server?: PostgresServer): Promise<LedgerStore> {
  const dataDir = mkdtempSync(join(tmpdir(), "commonweal-ledger-"));
  if (kind === "pglite") {
    return { kind, dataDir, dispose: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const own = server === undefined;
  const host = server ?? (await startPostgres());
  const databaseUrl = await host.createDatabase(`ledger_${process.pid}_${++databases}`);
  return {
    kind,
    dataDir,
    databaseUrl,
    async dispose() {
      rmSync(dataDir, { recursive: true, force: true });
      if (own) await host.stop();
    },
  };
}

// --- The ledger process ---------------------------------------------------------------------------------------------

/** A ledger's HTTP face: what reading it needs, whoever started it. */
export interface LedgerReads {
  /** http://127.0.0.1:<port> */
  api: string;
  /** The block Ponder has indexed up to (its checkpoint, `/status`), or undefined before it has one. */
  indexedBlock(): Promise<number | undefined>;
  /** Waits until the ledger has indexed `block` (and so everything before it). */
  waitFor(block: bigint | number, timeoutMs?: number): Promise<void>;
  graphql<T>(query: string): Promise<T>;
  /** A read-only SQL query through /sql/db, as @ponder/client sends it; rows as objects with the columns' names. */
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
}

/** A ledger this process started (`startLedger`). */
export interface Ledger extends LedgerReads {
  process: ChildProcess;
  /** Everything it printed. */
  output(): string;
  /** Ends it: SIGTERM to `npm run indexer`'s script (which passes it on), or SIGKILL to the whole process group. */
  stop(signal?: "SIGTERM" | "SIGKILL"): Promise<void>;
}

export interface StartLedgerParameters {
  node: RunningNode;
  deploymentId: string;
  store: LedgerStore;
  /** The database schema (default: the script's, named after indexer/'s files). */
  schema?: string;
  /** Give Ponder the node's URL this many times (`--rpc-fanout`): a long history syncs faster. */
  rpcFanout?: number;
  /** The port to serve on (default: a free one). */
  port?: number;
}

/** `npm run indexer` (scripts/indexer.ts) against `node`, in its own process group, on a free port. */
export async function startLedger({
  node,
  deploymentId,
  store,
  schema,
  rpcFanout,
  port: wanted,
}: StartLedgerParameters): Promise<Ledger> {
  const port = wanted ?? (await freePort());
  const args = ["scripts/indexer.ts", "--port", String(port), "--data", store.dataDir];
  if (schema) args.push("--schema", schema);
  if (rpcFanout) args.push("--rpc-fanout", String(rpcFanout));
  const child = spawn("node_modules/.bin/tsx", args, {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      COMMONWEAL_RPC_URL: node.url,
      COMMONWEAL_DEPLOYMENT_ID: deploymentId,
      DATABASE_URL: store.databaseUrl ?? "",
      FORCE_COLOR: "0",
    },
  });
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  // Even if the test run itself is interrupted, Ponder does not outlive it.
  const killOnExit = () => killGroup("SIGKILL");
  process.once("exit", killOnExit);
  void exited.then(() => process.off("exit", killOnExit));

  const ledger: Ledger = {
    ...ledgerAt(`http://127.0.0.1:${port}`, {
      exited: () => (child.exitCode === null ? undefined : `The ledger exited (${child.exitCode}):\n${log}`),
      output: () => log,
    }),
    process: child,
    output: () => log,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) {
        if (signal === "SIGKILL") killGroup("SIGKILL");
        else child.kill("SIGTERM");
        const late = setTimeout(() => killGroup("SIGKILL"), 15_000);
        await exited;
        clearTimeout(late);
      }
      // The script is gone; so must be whatever it started (Ponder) before its store is reused.
      for (let i = 0; i < 100; i++) {
        try {
          process.kill(-child.pid!, 0);
        } catch {
          return;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      killGroup("SIGKILL");
    },
  };
  return ledger;
}

/**
 * The ledger serving at `api`, read over HTTP: one this process started, or one another process runs (a shared demo
 * stack, e2e/demoStack.ts). For one it started: `exited()` says why waiting is pointless (the process is gone), and
 * `output()` what it printed, for a timeout's message.
 */
export function ledgerAt(
  api: string,
  owner: { exited?: () => string | undefined; output?: () => string } = {},
): LedgerReads {
  const ledger: LedgerReads = {
    api,
    async indexedBlock() {
      try {
        const status = (await (await fetch(`${api}/status`)).json()) as Record<string, { block?: { number: number } }>;
        return status.localhost?.block?.number;
      } catch {
        return undefined; // not listening yet
      }
    },
    async waitFor(block, timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const exited = owner.exited?.();
        if (exited !== undefined) throw new Error(exited);
        if (((await ledger.indexedBlock()) ?? -1) >= Number(block)) return;
        if (Date.now() > deadline) {
          throw new Error(
            `The ledger at ${api} did not reach block ${block} in ${timeoutMs} ms:\n${owner.output?.() ?? ""}`,
          );
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    async graphql<T>(query: string) {
      const response = await fetch(`${api}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
      if (body.errors) throw new Error(`${query}: ${body.errors.map((e) => e.message).join("; ")}`);
      return body.data as T;
    },
    async sql<T>(query: string, params: unknown[] = []) {
      // superjson's wire form of { sql, params } (plain JSON values need no superjson metadata).
      const encoded = encodeURIComponent(JSON.stringify({ json: { sql: query, params } }));
      const response = await fetch(`${api}/sql/db?sql=${encoded}`);
      if (!response.ok) throw new Error(`/sql/db ${response.status} for ${query}: ${await response.text()}`);
      return ((await response.json()) as { rows: T[] }).rows;
    },
  };
  return ledger;
}

/**
 * A ledger that lies, for planting a mismatch: an HTTP proxy in front of `ledger` that forwards every request and
 * passes each answer through `rewrite(requestBody, answerText)`. Its store cannot be edited while the indexer runs, and
 * any change on chain emits events it would see, so the lie is told on the way out. `close()` stops the proxy.
 */
export async function startLyingLedger(
  ledger: Pick<Ledger, "api">,
  rewrite: (body: string, text: string) => string,
): Promise<{ url: string; close(): Promise<void> }> {
  const proxy = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      void (async () => {
        const forwarded = await fetch(`${ledger.api}${request.url}`, {
          method: request.method,
          headers: body ? { "content-type": "application/json" } : {},
          body: body || undefined,
        });
        const text = rewrite(body, await forwarded.text());
        response.writeHead(forwarded.status, { "content-type": "application/json" }).end(text);
      })();
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => proxy.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => proxy.close(() => resolve())),
  };
}

// --- Every governance event, on the chain and in the ledger ----------------------------------------------------

/** The GraphQL plural of an event table (Ponder names it after the schema's export, plus `s`). */
export function governanceTableOf(kind: "membership" | "badges" | "other", event: string): string {
  const exceptions: Record<string, string> = {
    Initialized: "initializeds",
    EIP712DomainChanged: "eip712DomainChangeds",
  };
  if (exceptions[event]) return exceptions[event];
  const tokenEvents = ["Transfer", "Approval", "ApprovalForAll", "Locked", "Unlocked"];
  if (tokenEvents.includes(event)) return `${kind === "badges" ? "badge" : "membershipToken"}${event}s`;
  return `${event.charAt(0).toLowerCase() + event.slice(1)}s`;
}

/** The SQL name of a GraphQL event table: `membershipTokenTransfers` → `membership_token_transfer`. */
export function sqlTableOf(graphqlName: string): string {
  return graphqlName.replace(/s$/, "").replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export interface GovernanceContract {
  name: string;
  abi: Abi;
  addresses: Address[];
  kind: "membership" | "badges" | "other";
}

/** The registry and every part of every circle and council it created up to `head`, as the config names them. */
export async function governanceContracts(
  client: PublicClient,
  registry: Address,
  head: bigint,
): Promise<GovernanceContract[]> {
  const range = { address: registry, abi: circleRegistryAbi, fromBlock: 0n, toBlock: head } as const;
  const circles = await client.getContractEvents({ ...range, eventName: "CircleCreated" });
  const councils = await client.getContractEvents({ ...range, eventName: "CouncilCreated" });
  const parts = [...circles, ...councils].map((log) => log.args.parts!);
  return [
    { name: "CircleRegistry", abi: circleRegistryAbi, addresses: [registry], kind: "other" },
    { name: "Circle", abi: circleAbi, addresses: parts.map((p) => p.circle), kind: "other" },
    {
      name: "CircleMembership",
      abi: circleMembershipAbi,
      addresses: circles.map((l) => l.args.parts!.membership),
      kind: "membership",
    },
    {
      name: "CouncilSeats",
      abi: councilSeatsAbi,
      addresses: councils.map((l) => l.args.parts!.membership),
      kind: "membership",
    },
    { name: "CircleRituals", abi: circleRitualsAbi, addresses: parts.map((p) => p.rituals), kind: "other" },
    { name: "Mandates", abi: mandatesAbi, addresses: parts.map((p) => p.mandates), kind: "other" },
    { name: "MandateBadges", abi: mandateBadgesAbi, addresses: parts.map((p) => p.badges), kind: "badges" },
  ];
}

export interface LedgerComparison {
  /** Governance logs on the chain up to the head. */
  logs: number;
  /** `Contract:Event=count` of each kind that occurred. */
  counted: string[];
}

/**
 * Checks the ledger against the chain up to `head`, which it must have indexed: for every event of every governance
 * contract, the rows of its table (GraphQL `totalCount`) number the logs `eth_getLogs` finds; and through SQL, the
 * rows of all those tables together are exactly the chain's logs, each once (by transaction hash and log index: a log
 * indexed twice, under any id, or a row of a log the chain no longer has, fails).
 *
 * `nonce` varies the SQL text between calls (see TOOLCHAIN.md: with PGlite, a repeated query text after a reorg was
 * answered from @ponder/client's cache).
 */
export async function expectLedgerMatchesChain(
  client: PublicClient,
  ledger: LedgerReads,
  registry: Address,
  head: bigint,
  nonce = 0,
): Promise<LedgerComparison> {
  const contracts = await governanceContracts(client, registry, head);
  const all = contracts.flatMap((c) => c.addresses.map((a) => a.toLowerCase()));
  const onChain = new Map<string, number>();
  const tables = new Set<string>();
  const counted: string[] = [];
  let logs = 0;
  for (const { name, abi, addresses, kind } of contracts) {
    if (addresses.length === 0) continue;
    for (const event of abi.filter((item): item is AbiEvent => item.type === "event")) {
      const found = await client.getLogs({ address: addresses, event, fromBlock: 0n, toBlock: head });
      const table = governanceTableOf(kind, event.name);
      tables.add(table);
      const list = addresses.map((a) => `"${a.toLowerCase()}"`).join(",");
      const rows = await ledger.graphql<Record<string, { totalCount: number }>>(
        `{ ${table}(where: { contract_in: [${list}] }, limit: 1) { totalCount } }`,
      );
      expect(rows[table]!.totalCount, `${name}:${event.name} (${table}) rows against eth_getLogs`).to.equal(
        found.length,
      );
      for (const log of found) onChain.set(`${log.transactionHash}:${log.logIndex}`, 0);
      logs += found.length;
      if (found.length > 0) counted.push(`${name}:${event.name}=${found.length}`);
    }
  }
  expect(onChain.size, "distinct logs on the chain").to.equal(logs);

  const extra: string[] = [];
  for (const table of tables) {
    // Rows whose contract is one of the suite's governance contracts (the money side's tables are not read here).
    const rows = await ledger.sql<{ tx: Hex; i: number; contract: string }>(
      `select transaction_hash as tx, log_index as i, contract from ${sqlTableOf(table)} where block_number <= $1 limit $2`,
      [Number(head), 1_000_000 + nonce],
    );
    for (const row of rows) {
      if (!all.includes(row.contract.toLowerCase())) continue;
      const key = `${row.tx}:${row.i}`;
      const seen = onChain.get(key);
      if (seen === undefined) extra.push(`${table} ${key}`);
      else onChain.set(key, seen + 1);
    }
  }
  expect(extra, "rows of logs the chain does not have").to.deep.equal([]);
  const missing = [...onChain].filter(([, n]) => n === 0).map(([key]) => key);
  const twice = [...onChain].filter(([, n]) => n > 1).map(([key, n]) => `${key}×${n}`);
  expect(missing, "logs with no row").to.deep.equal([]);
  expect(twice, "logs with more than one row").to.deep.equal([]);
  return { logs, counted };
}

// --- Every money event, on the chain and in the ledger ---------------------------------------------------------

/** Every money event kind: the contract (as Ponder names it), its ABI, and the schema export holding its rows. */
export const MONEY_EVENTS: readonly { contract: string; abi: Abi; event: string; table: string }[] = [
  { contract: "CreditFactory", abi: creditFactoryAbi, event: "CurrencyCreated", table: "creditCurrencyCreated" },
  ...(
    [
      ["Transfer", "creditTransfer"],
      ["Memo", "creditMemo"],
      ["Approval", "creditApproval"],
      ["LimitsSet", "creditLimitsSet"],
      ["DefaultLimitsSet", "creditDefaultLimitsSet"],
      ["AccountAdmitted", "creditAccountAdmitted"],
      ["BalanceMovedToCommons", "creditBalanceMovedToCommons"],
      ["BalanceCleared", "creditBalanceCleared"],
      ["DepartedDebtKept", "creditDepartedDebtKept"],
      ["ClearingClaimsKept", "creditClearingClaimsKept"],
      ["Jubilee", "creditJubilee"],
      ["ClearingLineOpened", "creditClearingLineOpened"],
      ["ClearingLineClosed", "creditClearingLineClosed"],
      ["PaidAcross", "creditPaidAcross"],
      ["ClearedIn", "creditClearedIn"],
      ["Initialized", "creditInitialized"],
      ["EIP712DomainChanged", "creditEip712DomainChanged"],
    ] as const
  ).map(([event, table]) => ({ contract: "MutualCredit", abi: mutualCreditAbi, event, table })),
  ...(
    [
      ["PersonRegistered", "incomePersonRegistered"],
      ["VouchOffered", "incomeVouchOffered"],
      ["CircleRegistered", "incomeCircleRegistered"],
      ["Trust", "incomeTrust"],
      ["IncomeClaimed", "incomeClaim"],
      ["IncomeStopped", "incomeStopped"],
      ["PaidAlongTrust", "pathPayment"],
      ["GroupMinted", "incomeGroupMinted"],
      ["GroupRedeemed", "incomeGroupRedeemed"],
      ["TransferSingle", "incomeTransferSingle"],
      ["TransferBatch", "incomeTransferBatch"],
      ["ApprovalForAll", "incomeApprovalForAll"],
      ["URI", "incomeUri"],
    ] as const
  ).map(([event, table]) => ({ contract: "IncomeHub", abi: incomeHubAbi, event, table })),
  { contract: "IncomeWrappers", abi: incomeWrappersAbi, event: "WrapperCreated", table: "wrapperCreated" },
  ...(
    [
      ["Transfer", "wrapperTransfer"],
      ["Approval", "wrapperApproval"],
      ["Wrapped", "wrapperWrapped"],
      ["Unwrapped", "wrapperUnwrapped"],
      ["Initialized", "wrapperInitialized"],
    ] as const
  ).map(([event, table]) => ({ contract: "IncomeWrapper", abi: demurragedIncomeTokenAbi, event, table })),
];

/** Every people event kind (display names), counted with the money kinds by expectMoneyLedgerMatchesChain. */
export const PEOPLE_EVENTS: readonly { contract: string; abi: Abi; event: string; table: string }[] = [
  { contract: "Profiles", abi: profilesAbi, event: "ProfileSet", table: "profileSet" },
];

/** The GraphQL field of a table export: Ponder's plural is the export name plus "s". */
const plural = (table: string) => `${table}s`;

/**
 * Counts every money event kind (MONEY_EVENTS), and every people event kind (PEOPLE_EVENTS: the Profiles registry's),
 * with `eth_getLogs` over the suite's money contracts, every child the factories created and the Profiles registry,
 * against its table's rows (GraphQL `totalCount`), up to the latest block (the ledger must have reached it). Returns
 * each disagreement in words and the count of each kind (`Contract:Event`).
 */
export async function expectMoneyLedgerMatchesChain(
  client: PublicClient,
  ledger: Pick<Ledger, "graphql">,
  addresses: DeploymentAddresses,
): Promise<{ mismatches: string[]; counts: Map<string, number> }> {
  const children = async (address: Address, abi: Abi, eventName: string, arg: string) =>
    (await client.getContractEvents({ address, abi, eventName, fromBlock: 0n })).map(
      (l) => (l.args as Record<string, Address>)[arg]!,
    );
  const addressesOf: Record<string, Address[]> = {
    CreditFactory: [addresses.creditFactory],
    MutualCredit: await children(addresses.creditFactory, creditFactoryAbi, "CurrencyCreated", "currency"),
    IncomeHub: [addresses.incomeHub],
    IncomeWrappers: [addresses.incomeWrappers],
    IncomeWrapper: await children(addresses.incomeWrappers, incomeWrappersAbi, "WrapperCreated", "wrapper"),
    Profiles: [addresses.profiles],
  };
  const kinds = [...MONEY_EVENTS, ...PEOPLE_EVENTS];
  const rows = await ledger.graphql<Record<string, { totalCount: number }>>(
    `{ ${kinds.map((e) => `${plural(e.table)} { totalCount }`).join(" ")} }`,
  );
  const mismatches: string[] = [];
  const counts = new Map<string, number>();
  for (const { contract, abi, event, table } of kinds) {
    // eth_getLogs with no address at all would match every contract: no children, no logs.
    const emitters = addressesOf[contract]!;
    const item = abi.find((i): i is AbiEvent => i.type === "event" && i.name === event)!;
    const logs = emitters.length === 0 ? [] : await client.getLogs({ address: emitters, event: item, fromBlock: 0n });
    const count = rows[plural(table)]!.totalCount;
    if (count !== logs.length) mismatches.push(`${contract}:${event}: ${logs.length} logs, ${count} rows in ${table}`);
    counts.set(`${contract}:${event}`, logs.length);
  }
  return { mismatches, counts };
}

/** A wallet of one of the node's own accounts, signing through the node. */
export type StoryWallet = ReturnType<typeof storyWallet>;

function storyWallet(node: RunningNode, account: Address) {
  return createWalletClient({ account, chain: hardhatChain, transport: http(node.url) });
}

/**
 * The people of the ledger's stories: the node's first seven accounts (checksummed) and their wallets, named as in
 * the demo, Ana to Gus; the first six are the founders.
 */
export async function storyPeople(node: RunningNode) {
  const accounts = (await rpc<Address[]>(node.url, "eth_accounts")).map((a) => getAddress(a));
  if (accounts.length < 7) throw new Error(`The node has ${accounts.length} accounts; the stories need 7.`);
  const [ana, ben, cai, dee, eli, fay, gus] = accounts.slice(0, 7).map((a) => storyWallet(node, a)) as [
    StoryWallet,
    StoryWallet,
    StoryWallet,
    StoryWallet,
    StoryWallet,
    StoryWallet,
    StoryWallet,
  ];
  return { accounts, ana, ben, cai, dee, eli, fay, gus, founders: [ana, ben, cai, dee, eli, fay] };
}
