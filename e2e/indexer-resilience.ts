/**
 * The ledger under stress, on PGlite and on a real PostgreSQL server (started here with scripts/postgres.sh and stopped
 * afterwards; if it cannot start the suite fails, it never skips), the two ledgers side by side on one hardhat node:
 * - stopped mid-sync, by SIGTERM and then by SIGKILL, and started again on the same store, it loses and duplicates
 *   nothing: every governance log `eth_getLogs` finds is one row, and every row is a log of the chain;
 * - a reorg on the node (`evm_snapshot`, events and a circle founded, `evm_revert`, another history mined one block at
 *   a time) is repaired as a reader sees it: through GraphQL and through SQL over HTTP, not only in the tables.
 *
 * The history is long enough (about 160 blocks, each with events; Ponder fetches some 15 blocks a second and commits
 * a range every 2 s or so) that each ledger is still syncing when it is stopped. Run with
 * `npx hardhat test mocha e2e/indexer-resilience.ts` (about 100 s, most of it Ponder starting and a dead process's
 * 25 s lock on its schema expiring).
 */
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { expect } from "chai";
import {
  createPublicClient,
  createWalletClient,
  getAddress,
  http,
  type Address,
  type Hex,
  type PublicClient,
} from "viem";
import { hardhat as hardhatChain } from "viem/chains";

import { createCircle, readRulesWithOverrides, requestAdmission } from "../client/index.js";
import { readDeployment } from "../client/node.js";
import { deployLocal } from "./cli.js";
import {
  expectLedgerMatchesChain,
  ledgerStore,
  startLedger,
  startPostgres,
  type Ledger,
  type LedgerDatabase,
  type LedgerStore,
  type PostgresServer,
} from "./ledgerHarness.js";
import { rpc, startHardhatNode, type RunningNode } from "./nodes.js";

const DEPLOYMENTS = fileURLToPath(new URL("../deploy/deployments", import.meta.url));

/** Circles founded in the history, and rounds of admission requests made and withdrawn by ten outsiders. */
const CIRCLES = 3;
const ROUNDS = 8;

describe("the ledger through restarts and reorgs", function () {
  this.timeout(600_000);
  let node: RunningNode;
  let client: PublicClient;
  let registry: Address;
  let deployedAt: bigint;
  const circles: Address[] = [];
  const deploymentId = `e2e-resilience-${process.pid}`;

  const wallet = (account: Address) => createWalletClient({ account, chain: hardhatChain, transport: http(node.url) });
  type Wallet = ReturnType<typeof wallet>;
  let accounts: Wallet[];

  async function found(name: string, founders: Wallet[]): Promise<Address> {
    const { rules, mandateRules } = await readRulesWithOverrides(client, { registry });
    const { circle } = await createCircle(founders[0]!, {
      registry,
      rules,
      mandateRules,
      founding: { name, founders: founders.map((w) => w.account.address), charterHash: `0x${"c4".repeat(32)}` },
      signers: founders,
    });
    return circle;
  }

  /** Each of `people` asks to join `circle` (or withdraws), all at once: one block per transaction. */
  async function ask(people: Wallet[], circle: Address, withdraw = false): Promise<Hex[]> {
    const done = await Promise.all(people.map((p) => requestAdmission(p, { circle, registry, withdraw })));
    return done.map((d) => d.transaction);
  }

  before(async function () {
    const started = Date.now();
    node = await startHardhatNode();
    // cacheTime 0: viem would otherwise answer getBlockNumber from a cache for 4 s, and the head moves on every request.
    client = createPublicClient({ chain: hardhatChain, transport: http(node.url), cacheTime: 0 });
    const deployed = await deployLocal(node, deploymentId);
    expect(deployed.code, deployed.stdout + deployed.stderr).to.equal(0);
    ({ registry } = readDeployment(31337, { folder: DEPLOYMENTS, deploymentId }));
    deployedAt = await client.getBlockNumber();
    accounts = (await rpc<Address[]>(node.url, "eth_accounts")).map((a) => wallet(getAddress(a)));

    // The history: circles founded (children the ledger finds by the factory pattern), then outsiders asking to join
    // and taking it back, round after round, each request in a block of its own.
    for (let i = 0; i < CIRCLES; i++) circles.push(await found(`Circle ${i}`, accounts.slice(i, i + 6)));
    const outsiders = accounts.slice(10, 20);
    for (let round = 0; round < ROUNDS; round++) {
      const circle = circles[round % CIRCLES]!;
      await ask(outsiders, circle);
      await ask(outsiders, circle, true);
    }
    const head = await client.getBlockNumber();
    console.log(`      history: ${head - deployedAt} blocks after the deployment, in ${Date.now() - started} ms`);
  });

  after(async function () {
    await node?.stop();
    rmSync(`${DEPLOYMENTS}/${deploymentId}`, { recursive: true, force: true });
  });

  /** One ledger per database, run side by side on the same node (their lock waits and RPC-bound syncs overlap). */
  interface Variant {
    kind: LedgerDatabase;
    store: LedgerStore;
    ledger?: Ledger;
  }
  let server: PostgresServer | undefined;
  const variants: Variant[] = [];

  before(async function () {
    server = await startPostgres(); // throws, with the server's log, if it cannot start: never skipped
    for (const kind of ["pglite", "postgres"] as const) variants.push({ kind, store: await ledgerStore(kind, server) });
  });

  after(async function () {
    for (const v of variants) {
      await v.ledger?.stop();
      await v.store.dispose();
    }
    await server?.stop();
  });

  /** Runs `scenario` on every database at once; fails with each database's failure, named. */
  async function onEach(scenario: (v: Variant) => Promise<void>) {
    const results = await Promise.allSettled(variants.map(scenario));
    const failures = results.flatMap((r, i) =>
      r.status === "rejected" ? [`${variants[i]!.kind}: ${(r.reason as Error).stack ?? String(r.reason)}`] : [],
    );
    if (failures.length > 0) throw new Error(failures.join("\n\n"));
  }

  /** Stops `v.ledger` with `signal` once it has indexed past `after` but not up to `head`; returns its block. */
  async function interrupt(v: Variant, signal: "SIGKILL" | "SIGTERM", after: bigint, head: bigint): Promise<number> {
    const ledger = v.ledger!;
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (ledger.process.exitCode !== null) throw new Error(`The ledger exited:\n${ledger.output()}`);
      const block = await ledger.indexedBlock();
      if (block !== undefined && block > after && block < head) {
        await ledger.stop(signal);
        return block;
      }
      if (block !== undefined && block >= head) {
        throw new Error(`The ledger synced to ${block} before it could be stopped: lengthen the history`);
      }
      if (Date.now() > deadline) throw new Error(`The ledger did not progress past ${after}:\n${ledger.output()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it("loses and duplicates nothing when stopped mid-sync (SIGTERM, then SIGKILL) and started again", async function () {
    const head = await client.getBlockNumber();
    await onEach(async (v) => {
      const times: string[] = [];
      let t = Date.now();
      const lap = (what: string) => {
        times.push(`${what} ${((Date.now() - t) / 1000).toFixed(1)} s`);
        t = Date.now();
      };
      v.ledger = await startLedger({ node, deploymentId, store: v.store });
      const termAt = await interrupt(v, "SIGTERM", deployedAt, head);
      lap(`SIGTERM at block ${termAt}`);
      // Same store, same schema: Ponder resumes from its checkpoint and RPC cache.
      v.ledger = await startLedger({ node, deploymentId, store: v.store });
      const killedAt = await interrupt(v, "SIGKILL", BigInt(termAt), head);
      expect(v.ledger.output()).to.match(/crash recovery/i);
      expect(v.ledger.output(), "the store it says it uses").to.include(
        v.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : "PGlite in",
      );
      lap(`restarted, SIGKILL at ${killedAt}`);
      // After a SIGKILL, Ponder waits for the dead process's lock on the schema to expire (up to 25 s).
      v.ledger = await startLedger({ node, deploymentId, store: v.store });
      await v.ledger.waitFor(head);
      lap(`restarted, caught up with ${head}`);

      const { logs, counted } = await expectLedgerMatchesChain(client, v.ledger, registry, head);
      expect(logs, counted.join(" ")).to.be.greaterThan(CIRCLES * 20 + ROUNDS * 20);
      // Derived rows are whole too: each circle once, with its six founders.
      const { circleOrCouncils } = await v.ledger.graphql<{
        circleOrCouncils: { items: { circle: string; memberCount: number }[] };
      }>(`{ circleOrCouncils(limit: 100) { items { circle memberCount } } }`);
      const ours = circleOrCouncils.items.filter((c) => circles.some((a) => a.toLowerCase() === c.circle));
      expect(ours.map((c) => c.memberCount)).to.deep.equal(circles.map(() => 6));
      console.log(`      ${v.kind}: ${times.join(", ")}; ${logs} logs checked`);
    });
  });

  it("repairs a reorg, as read through GraphQL and SQL", async function () {
    if (variants.some((v) => !v.ledger || v.ledger.process.exitCode !== null)) this.skip(); // the restart test failed
    const start = Date.now();
    const base = await client.getBlockNumber();
    const snapshot = await rpc<Hex>(node.url, "evm_snapshot");

    // The part the reorg removes: five outsiders ask to join the first circle, and a circle is founded.
    const doomed = (await ask(accounts.slice(10, 15), circles[0]!)).sort();
    const doomedCircle = (await found("Doomed", accounts.slice(12, 18))).toLowerCase();
    const oldHead = await client.getBlockNumber();

    type Requests = {
      admissionRequesteds: { items: { transactionHash: Hex }[] };
      circleOrCouncil: { name: string } | null;
    };
    const requestsQuery = `{
      admissionRequesteds(where: { blockNumber_gt: "${base}" }, limit: 100) { items { transactionHash } }
      circleOrCouncil(circle: "${doomedCircle}") { name }
    }`;
    const sqlRequests = "select transaction_hash as tx from admission_requested where block_number > $1";
    const sqlCircle = "select name from circles_and_councils where circle = $1";
    const hashes = (rows: { tx: Hex }[]) => rows.map((r) => r.tx).sort();

    await onEach(async ({ ledger }) => {
      await ledger!.waitFor(oldHead);
      const read = await ledger!.graphql<Requests>(requestsQuery);
      expect(read.admissionRequesteds.items.map((r) => r.transactionHash).sort()).to.deep.equal(doomed);
      expect(read.circleOrCouncil).to.deep.equal({ name: "Doomed" });
      expect(hashes(await ledger!.sql(sqlRequests, [Number(base)]))).to.deep.equal(doomed);
      expect(await ledger!.sql(sqlCircle, [doomedCircle])).to.deep.equal([{ name: "Doomed" }]);
    });

    // The reorg: back to the snapshot, then another history, longer than the one it replaces, mined block by block.
    expect(await rpc<boolean>(node.url, "evm_revert", [snapshot])).to.equal(true);
    const replacing = (await ask(accounts.slice(15, 20), circles[1]!)).sort();
    while ((await client.getBlockNumber()) <= oldHead + 1n) await rpc(node.url, "evm_mine");
    const newHead = await client.getBlockNumber();

    await onEach(async ({ kind, ledger }) => {
      await ledger!.waitFor(newHead);
      // GraphQL: the removed requests and circle are gone, the new requests are there.
      const read = await ledger!.graphql<Requests>(requestsQuery);
      const graphqlHashes = read.admissionRequesteds.items.map((r) => r.transactionHash).sort();
      expect(graphqlHashes, "GraphQL after the reorg").to.deep.equal(replacing);
      expect(read.circleOrCouncil, "the reverted circle through GraphQL").to.equal(null);
      // SQL over HTTP, with query texts the API has not answered before.
      const sqlHashes = hashes(await ledger!.sql(`${sqlRequests} limit $2`, [Number(base), 1000]));
      expect(sqlHashes, "SQL after the reorg").to.deep.equal(replacing);
      expect(await ledger!.sql(`${sqlCircle} limit 1`, [doomedCircle]), "the circle through SQL").to.deep.equal([]);
      // The texts sent before the reorg again, as a @ponder/client reader polling the ledger would: Ponder 0.17.7
      // drops its live-query triggers while it reverts rows, so a table the reorg only deleted from is not marked
      // changed and the API answers such a text from its cache. Reported, not failed: a reader must vary the text.
      const again = await ledger!.sql(sqlCircle, [doomedCircle]);
      if (again.length > 0)
        console.log(`      ${kind}: a repeated /sql query text still answers from before the reorg`);

      // And the whole ledger against the new chain.
      await expectLedgerMatchesChain(client, ledger!, registry, newHead, 1);
    });
    console.log(`      reorg of ${oldHead - base} blocks repaired in ${((Date.now() - start) / 1000).toFixed(1)} s`);
  });
});
