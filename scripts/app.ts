// `npm run app [-- --port <port>]`: the web app on a local chain in one command. Starts what is missing and stops
// only what it started (Ctrl-C or SIGTERM):
// - a node: the one answering at COMMONWEAL_RPC_URL (default http://127.0.0.1:8545), else a `hardhat node` there;
// - the suite: the deployment record the CLI reads (chain-<id>, or COMMONWEAL_DEPLOYMENT_ID) if the chain has its
//   registry, else `npm run deploy:local`;
// - the demo story as seed data, only on a fresh node (nothing mined yet), so the pages have something to show;
// - the ledger: the one answering at COMMONWEAL_LEDGER_URL (default http://127.0.0.1:42069), else `npm run indexer`
//   there, storing in a throwaway folder;
// then serves the app with Vite's dev server, its config.json (chain id, RPC URL, ledger URL, addresses) served from
// memory beside index.html, and prints the URL.
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";

import { createPublicClient, http } from "viem";
import { createServer, type Plugin } from "vite";

import { DeploymentRecordError } from "../client/deployments.js";
import { readDeployment } from "../client/node.js";
import { DEPLOYMENTS, deploySuite, runDemo } from "../e2e/demoStack.js";
import { ledgerStore, startLedger, type Ledger, type LedgerStore } from "../e2e/ledgerHarness.js";
import { rpc, startHardhatNode, type RunningNode } from "../e2e/nodes.js";
import type { AppConfig } from "../app/src/appConfig.js";

const { values: options } = parseArgs({ options: { port: { type: "string", default: "5173" } } });
const rpcUrl = process.env.COMMONWEAL_RPC_URL || "http://127.0.0.1:8545";
const ledgerUrl = (process.env.COMMONWEAL_LEDGER_URL || "http://127.0.0.1:42069").replace(/\/+$/, "");
const say = (line: string) => console.log(`[app] ${line}`);

const started: { node?: RunningNode; ledger?: Ledger; store?: LedgerStore; close?: () => Promise<void> } = {};
let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  say("stopping what this command started …");
  await started.close?.();
  await started.ledger?.stop();
  await started.node?.stop();
  await started.store?.dispose();
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

async function answers(url: string, method: string): Promise<boolean> {
  try {
    await rpc(url, method);
    return true;
  } catch {
    return false;
  }
}

try {
  // --- The node ---
  let node: RunningNode;
  let fresh: boolean;
  if (await answers(rpcUrl, "eth_chainId")) {
    const chainId = Number(await rpc<string>(rpcUrl, "eth_chainId"));
    fresh = Number(await rpc<string>(rpcUrl, "eth_blockNumber")) === 0;
    node = { name: "node", url: rpcUrl, chainId, output: () => "", stop: async () => {} };
    say(`using the node at ${rpcUrl} (chain ${chainId}${fresh ? ", nothing mined yet" : ""})`);
  } else {
    const port = Number(new URL(rpcUrl).port || 8545);
    say(`starting a hardhat node on 127.0.0.1:${port} …`);
    node = started.node = await startHardhatNode(port);
    fresh = true;
  }
  const client = createPublicClient({ transport: http(node.url) });

  // --- The suite ---
  const deploymentId = process.env.COMMONWEAL_DEPLOYMENT_ID || `chain-${node.chainId}`;
  let addresses;
  try {
    addresses = readDeployment(node.chainId, { folder: DEPLOYMENTS, deploymentId });
    if ((await client.getCode({ address: addresses.registry })) === undefined) {
      // The record describes a chain that is gone (a restarted node): Ignition would resume from it, so it goes.
      say(`the record ${deploymentId} names no contract on this chain (a restarted node): deploying afresh`);
      rmSync(`${DEPLOYMENTS}/${deploymentId}`, { recursive: true, force: true });
      addresses = undefined;
    } else {
      say(`using the deployment ${deploymentId}: registry at ${addresses.registry}`);
    }
  } catch (error) {
    if (!(error instanceof DeploymentRecordError)) throw error;
  }
  if (!addresses) {
    say("deploying the suite (npm run deploy:local) …");
    addresses = await deploySuite(node, deploymentId);
    say(`deployed: registry at ${addresses.registry}`);
  }

  // --- The ledger ---
  let ledgerApi = ledgerUrl;
  let ledgerRunning = false;
  try {
    ledgerRunning = (await fetch(`${ledgerUrl}/status`)).ok;
  } catch {
    // nothing there
  }
  if (ledgerRunning) {
    say(`using the ledger at ${ledgerUrl}`);
  } else {
    say(`starting the ledger (npm run indexer) on ${ledgerUrl} …`);
    started.store = await ledgerStore("pglite");
    started.ledger = await startLedger({
      node,
      deploymentId,
      store: started.store,
      port: Number(new URL(ledgerUrl).port),
    });
    ledgerApi = started.ledger.api;
    await started.ledger.waitFor(await client.getBlockNumber());
  }

  // --- The demo story, on a fresh node only ---
  if (fresh) {
    say("telling the demo story as seed data (npm run demo -- --network localhost) …");
    await runDemo(node, deploymentId);
    say("the demo story is on the chain");
  }

  // --- The app ---
  const config: AppConfig = {
    chainId: node.chainId,
    chainName: "Local node",
    rpcUrl: node.url,
    ledgerUrl: ledgerApi,
    deployments: { [String(node.chainId)]: addresses },
  };
  const serveConfig: Plugin = {
    name: "commonweal-config",
    configureServer(server) {
      server.middlewares.use("/config.json", (_request, response) => {
        response.setHeader("content-type", "application/json");
        response.end(JSON.stringify(config, null, 2));
      });
    },
  };
  const server = await createServer({
    configFile: new URL("../app/vite.config.ts", import.meta.url).pathname,
    plugins: [serveConfig],
    server: { port: Number(options.port), strictPort: true },
  });
  await server.listen();
  started.close = () => server.close();
  console.log();
  say(`the app: http://127.0.0.1:${server.config.server.port}/  (Ctrl-C stops what this command started)`);
} catch (error) {
  console.error(`[app] ${(error as Error).message}`);
  await stop(1);
}
