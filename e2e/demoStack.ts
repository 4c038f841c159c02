/**
 * The demo story on a real stack, as a person would run it: a `hardhat node`, the suite deployed with
 * `npm run deploy:local`, the ledger (`npm run indexer`) following from the first block, then
 * `npm run demo -- --network localhost`, and the ledger caught up with the node. Shared by the ledger's demo suite
 * (e2e/demoLedger.ts), the browser tests' global setup (app/tests/global-setup.ts) and `npm run app`.
 *
 * One stack can serve several suites: `COMMONWEAL_DEMO_STACK` names a file where a running stack describes itself
 * (e2e/serveDemoStack.ts writes it; .ci/run starts one for e2e/demoLedger.ts and the browser tests, which spares the
 * run a second node, deployment, ledger and demo story). `demoStack()` then reads that stack instead of starting one.
 * Unset, every suite starts its own, as when run alone.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { createPublicClient, http, type PublicClient } from "viem";
import { hardhat as hardhatChain } from "viem/chains";

import type { DeploymentAddresses } from "../client/index.js";
import { readDeployment } from "../client/node.js";
import { deployEnv, deployLocal } from "./cli.js";
import {
  ledgerAt,
  ledgerStore,
  startLedger,
  type Ledger,
  type LedgerReads,
  type LedgerStore,
} from "./ledgerHarness.js";
import { startHardhatNode, type RunningNode } from "./nodes.js";

/** This repository's Ignition records. */
export const DEPLOYMENTS = fileURLToPath(new URL("../deploy/deployments", import.meta.url));

/** `npm run demo -- --network localhost --no-compile` against `node`, with the deployment `deploymentId`; its output. */
export async function runDemo(node: RunningNode, deploymentId: string): Promise<string> {
  return new Promise((resolve, reject) => {
    // --no-compile, as `npm run deploy:local` has: the story runs on the build the suite was just deployed from, and
    // rewrites nothing in the repository (a build with nothing to compile still rewrites typechain-types/, which
    // another command running beside this one, such as tsc, may be reading).
    const child = spawn("npm", ["run", "--silent", "demo", "--", "--network", "localhost", "--no-compile"], {
      cwd: process.cwd(),
      stdio: ["ignore", "pipe", "pipe"],
      env: deployEnv(node, deploymentId),
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`npm run demo exited with ${code}:\n${out}`)),
    );
  });
}

/** `npm run deploy:local` against `node` as `deploymentId`, failing with everything it printed; the addresses. */
export async function deploySuite(node: RunningNode, deploymentId: string): Promise<DeploymentAddresses> {
  const deployed = await deployLocal(node, deploymentId);
  if (deployed.code !== 0) {
    throw new Error(`npm run deploy:local exited with ${deployed.code}:\n${deployed.stdout}${deployed.stderr}`);
  }
  return readDeployment(node.chainId, { folder: DEPLOYMENTS, deploymentId });
}

export interface DemoStack {
  node: RunningNode;
  ledger: LedgerReads;
  client: PublicClient;
  deploymentId: string;
  addresses: DeploymentAddresses;
  /** What the demo printed. */
  story: string;
  /** The node's head when the story was told and the ledger had caught up with it. */
  head: bigint;
  /**
   * Stops the ledger and the node, and removes the store and the deployment record; for a shared stack
   * (`COMMONWEAL_DEMO_STACK`), nothing: the process that started it stops it.
   */
  stop(): Promise<void>;
}

export interface StartDemoStackParameters {
  /** The deployment record's id (removed by `stop()`). */
  deploymentId: string;
  /** Called before each step, for a progress line. */
  onStep?: (step: string) => void;
}

/** A fresh node with the suite deployed, the ledger following, and the demo story told on it; the ledger caught up. */
export async function startDemoStack({ deploymentId, onStep }: StartDemoStackParameters): Promise<DemoStack> {
  const parts: { node?: RunningNode; ledger?: Ledger; store?: LedgerStore } = {};
  const stop = async () => {
    await parts.ledger?.stop();
    await parts.node?.stop();
    rmSync(`${DEPLOYMENTS}/${deploymentId}`, { recursive: true, force: true });
    await parts.store?.dispose();
  };
  try {
    onStep?.("starting a hardhat node");
    const store = (parts.store = await ledgerStore());
    const node = (parts.node = await startHardhatNode());
    const client = createPublicClient({ chain: { ...hardhatChain, id: node.chainId }, transport: http(node.url) });
    onStep?.("deploying the suite (npm run deploy:local)");
    const addresses = await deploySuite(node, deploymentId);
    onStep?.("starting the ledger (npm run indexer)");
    // The ledger runs before the story starts: it follows the demo block by block, as it happens.
    const ledger = (parts.ledger = await startLedger({ node, deploymentId, store }));
    await ledger.waitFor(await client.getBlockNumber());
    onStep?.("telling the demo story (npm run demo -- --network localhost)");
    const story = await runDemo(node, deploymentId);
    const head = await client.getBlockNumber({ cacheTime: 0 });
    await ledger.waitFor(head, 180_000);
    return { node, ledger, client, deploymentId, addresses, story, head, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The environment variable naming a shared stack's description (a file of `SharedDemoStack` as JSON). */
export const SHARED_DEMO_STACK = "COMMONWEAL_DEMO_STACK";

/** What a shared stack writes about itself. */
export interface SharedDemoStack {
  rpcUrl: string;
  chainId: number;
  ledgerUrl: string;
  deploymentId: string;
  addresses: DeploymentAddresses;
  story: string;
  /** `DemoStack.head`, as a decimal string. */
  head: string;
}

/** `stack` as a shared stack describes itself. */
export function describeDemoStack(stack: DemoStack): SharedDemoStack {
  const { node, ledger, deploymentId, addresses, story, head } = stack;
  return {
    rpcUrl: node.url,
    chainId: node.chainId,
    ledgerUrl: ledger.api,
    deploymentId,
    addresses,
    story,
    head: `${head}`,
  };
}

/**
 * The shared stack `COMMONWEAL_DEMO_STACK` names (waiting up to `timeoutMs` for it to finish starting), or a fresh
 * stack when the variable is unset. A shared stack's `stop()` leaves it running.
 */
export async function demoStack(parameters: StartDemoStackParameters, timeoutMs = 600_000): Promise<DemoStack> {
  const file = process.env[SHARED_DEMO_STACK];
  if (!file) return startDemoStack(parameters);
  parameters.onStep?.(`using the shared demo stack described in ${file} (${SHARED_DEMO_STACK})`);
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > deadline)
      throw new Error(`${SHARED_DEMO_STACK}=${file}: no stack described itself there in time.`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const shared = JSON.parse(readFileSync(file, "utf8")) as SharedDemoStack | { error: string };
  if ("error" in shared) throw new Error(`The shared demo stack (${file}) did not start: ${shared.error}`);
  const node: RunningNode = {
    name: "the shared demo stack's node",
    url: shared.rpcUrl,
    chainId: shared.chainId,
    output: () => "",
    stop: async () => {},
  };
  const client = createPublicClient({ chain: { ...hardhatChain, id: node.chainId }, transport: http(node.url) });
  return {
    node,
    ledger: ledgerAt(shared.ledgerUrl),
    client,
    deploymentId: shared.deploymentId,
    addresses: shared.addresses,
    story: shared.story,
    head: BigInt(shared.head),
    stop: async () => {},
  };
}
