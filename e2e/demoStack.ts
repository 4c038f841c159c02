/**
 * The demo story on a real stack, as a person would run it: a `hardhat node`, the suite deployed with
 * `npm run deploy:local`, the ledger (`npm run indexer`) following from the first block, then
 * `npm run demo -- --network localhost`, and the ledger caught up with the node. Shared by the ledger's demo suite
 * (e2e/demoLedger.ts), the browser tests' global setup (app/tests/global-setup.ts) and `npm run app`.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { createPublicClient, http, type PublicClient } from "viem";
import { hardhat as hardhatChain } from "viem/chains";

import type { DeploymentAddresses } from "../client/index.js";
import { readDeployment } from "../client/node.js";
import { deployEnv, deployLocal } from "./cli.js";
import { ledgerStore, startLedger, type Ledger, type LedgerStore } from "./ledgerHarness.js";
import { startHardhatNode, type RunningNode } from "./nodes.js";

/** This repository's Ignition records. */
export const DEPLOYMENTS = fileURLToPath(new URL("../deploy/deployments", import.meta.url));

/** `npm run demo -- --network localhost` against `node`, with the deployment `deploymentId`; its output. */
export async function runDemo(node: RunningNode, deploymentId: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", "demo", "--", "--network", "localhost"], {
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
  ledger: Ledger;
  store: LedgerStore;
  client: PublicClient;
  deploymentId: string;
  addresses: DeploymentAddresses;
  /** What the demo printed. */
  story: string;
  /** Stops the ledger and the node, and removes the store and the deployment record. */
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
    await ledger.waitFor(await client.getBlockNumber(), 180_000);
    return { node, ledger, store, client, deploymentId, addresses, story, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
