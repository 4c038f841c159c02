/**
 * What the indexer follows: the network, its RPC URL, the suite's addresses and the blocks they were deployed in, read
 * from the same Ignition deployment records the CLI reads (`deploy/deployments/<id>/`), so a testnet is never scanned
 * from block 0. Read by `ponder.config.ts` (and by `scripts/indexer.ts`, which sets the environment below).
 *
 * Environment:
 * - `COMMONWEAL_NETWORK`: a network of `hardhat.config.ts` (default `localhost`).
 * - The RPC URL: for `localhost`, `COMMONWEAL_RPC_URL` (default http://127.0.0.1:8545), as `npm run deploy:local`;
 *   for another network, `<NAME>_RPC_URL` (`SEPOLIA_RPC_URL`), the configuration variable its deployment uses.
 * - `COMMONWEAL_DEPLOYMENT_ID`: the deployment record (default `chain-<COMMONWEAL_CHAIN_ID>`, the chain id defaulting to
 *   the network's own: 31337 for a local node). The chain id indexed is the record's own (its journal's).
 * - `COMMONWEAL_START_BLOCK`: where to start when the addresses ship without a journal (public networks).
 * - `COMMONWEAL_RPC_FANOUT`: give Ponder the RPC URL this many times (default 1), differing by a query string
 *   (`?fanout=2`, …). Ponder rate-limits each URL on its own, starting at 20 requests a second and rising slowly, so a
 *   long history on a local node (one block request per block with events) syncs about this many times faster.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { DEPLOYED, readDeployment, type DeploymentAddresses } from "../client/node.js";

/** The folder of Ignition's deployment records in this repository. */
export const DEPLOYMENTS_FOLDER = fileURLToPath(new URL("../deploy/deployments", import.meta.url));

/** The chain id of the networks `hardhat.config.ts` names, when the record does not say it. */
const NETWORK_CHAIN_IDS: Readonly<Record<string, number>> = { localhost: 31337, sepolia: 11155111 };

export interface IndexedDeployment {
  /** The network's name in `hardhat.config.ts`; also the chain's name in Ponder's config and in `/status`. */
  network: string;
  chainId: number;
  rpcUrl: string;
  /** What Ponder is given: `rpcUrl`, and with `COMMONWEAL_RPC_FANOUT` its copies (see above). */
  rpcUrls: string[];
  deploymentId: string;
  addresses: DeploymentAddresses;
  /** The block each of the suite's deployed contracts was created in (children start with their factory). */
  startBlocks: Readonly<Record<keyof typeof DEPLOYED, number>>;
}

/** The RPC URL of `network`, from the variable its deployment reads. */
export function rpcUrlOf(network: string, env: NodeJS.ProcessEnv = process.env): string {
  if (network === "localhost") return env.COMMONWEAL_RPC_URL || "http://127.0.0.1:8545";
  const variable = `${network.toUpperCase()}_RPC_URL`;
  const url = env[variable];
  if (!url) throw new Error(`Set ${variable} to the RPC URL of ${network} (the variable its deployment uses).`);
  return url;
}

interface JournalLine {
  type: string;
  chainId?: number;
  futureId?: string;
  receipt?: { blockNumber: number };
}

/** Ignition's journal of a deployment: its chain id and the block each future's transaction was confirmed in. */
function readJournal(folder: string, deploymentId: string) {
  const file = join(folder, deploymentId, "journal.jsonl");
  if (!existsSync(file)) return undefined;
  let chainId: number | undefined;
  const blocks = new Map<string, number>();
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const entry = JSON.parse(line) as JournalLine;
    if (entry.type === "DEPLOYMENT_INITIALIZE" && entry.chainId !== undefined) chainId = entry.chainId;
    if (entry.type === "TRANSACTION_CONFIRM" && entry.futureId && entry.receipt) {
      blocks.set(entry.futureId, entry.receipt.blockNumber);
    }
  }
  return { chainId, blocks, file };
}

/** The deployment the indexer follows, from the environment (see the top of this file). */
export function resolveDeployment(env: NodeJS.ProcessEnv = process.env): IndexedDeployment {
  const network = env.COMMONWEAL_NETWORK || "localhost";
  const rpcUrl = rpcUrlOf(network, env);
  const expectedChainId = env.COMMONWEAL_CHAIN_ID ? Number(env.COMMONWEAL_CHAIN_ID) : NETWORK_CHAIN_IDS[network];
  const namedId = env.COMMONWEAL_DEPLOYMENT_ID || undefined;
  if (namedId === undefined && expectedChainId === undefined) {
    throw new Error(`Name the chain of ${network}: set COMMONWEAL_CHAIN_ID (or COMMONWEAL_DEPLOYMENT_ID).`);
  }
  const deploymentId = namedId ?? `chain-${expectedChainId}`;
  const journal = readJournal(DEPLOYMENTS_FOLDER, deploymentId);
  const chainId = journal?.chainId ?? expectedChainId;
  if (chainId === undefined) throw new Error(`The deployment record ${deploymentId} names no chain id.`);
  if (expectedChainId !== undefined && chainId !== expectedChainId) {
    throw new Error(`The deployment record ${deploymentId} is of chain ${chainId}, not ${expectedChainId}.`);
  }
  const addresses = readDeployment(chainId, { folder: DEPLOYMENTS_FOLDER, deploymentId: namedId });

  const fallback = env.COMMONWEAL_START_BLOCK ? Number(env.COMMONWEAL_START_BLOCK) : undefined;
  const startBlocks = {} as Record<keyof typeof DEPLOYED, number>;
  for (const [key, futureId] of Object.entries(DEPLOYED) as [keyof typeof DEPLOYED, string][]) {
    const block = journal?.blocks.get(futureId) ?? fallback;
    if (block === undefined) {
      throw new Error(
        `No block is known for ${futureId} on chain ${chainId}: ` +
          (journal
            ? `the journal ${journal.file} has no confirmed transaction for it`
            : `no journal for ${deploymentId}`) +
          `. Set COMMONWEAL_START_BLOCK to the block the suite was deployed in.`,
      );
    }
    startBlocks[key] = block;
  }
  return {
    network,
    chainId,
    rpcUrl,
    rpcUrls: fanOut(rpcUrl, env.COMMONWEAL_RPC_FANOUT),
    deploymentId,
    addresses,
    startBlocks,
  };
}

/** `url` `count` times (1 if unset), each copy after the first with `fanout=<i>` added to its query string. */
export function fanOut(url: string, count: string | undefined): string[] {
  const n = count === undefined || count === "" ? 1 : Number(count);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    throw new Error(`COMMONWEAL_RPC_FANOUT is "${count}": set it to a whole number from 1 to 64.`);
  }
  return Array.from({ length: n }, (_, i) => {
    if (i === 0) return url;
    const copy = new URL(url);
    copy.searchParams.set("fanout", String(i + 1));
    return copy.toString();
  });
}
