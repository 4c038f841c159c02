/**
 * The app's runtime configuration, as config.json holds it: which chain, where its node and its ledger answer, and
 * the suite's addresses by chain id. No DOM here: `npm run app` (Node) writes what the app (config.ts) reads.
 */
import { getAddress, isAddress, type Address } from "viem";

import { DEPLOYED, knownDeployments, type DeploymentAddresses } from "../../client/networks.js";

/** config.json, as written beside the app. */
export interface AppConfig {
  /** The chain the app reads and a wallet must be on. */
  chainId: number;
  /** A name for the chain, shown to people (default "Chain <id>"). */
  chainName?: string;
  /** The node's JSON-RPC URL, for reads (a wallet sends through its own node). */
  rpcUrl: string;
  /** The ledger's base URL (`npm run indexer`; its GraphQL API at /graphql). */
  ledgerUrl: string;
  /** The suite's addresses by chain id; the client's known public deployments fill in a missing chain. */
  deployments?: Record<string, Partial<Record<keyof typeof DEPLOYED, string>>>;
}

/** The configuration, checked, with the addresses of its chain resolved. */
export interface ResolvedConfig extends AppConfig {
  addresses: DeploymentAddresses;
}

/** The configuration is missing or wrong: the app shows this sentence instead of its pages. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** The example the error page shows. */
export const CONFIG_EXAMPLE: AppConfig = {
  chainId: 31337,
  rpcUrl: "http://127.0.0.1:8545",
  ledgerUrl: "http://127.0.0.1:42069",
  deployments: {
    "31337": { registry: "0x…", creditFactory: "0x…", incomeHub: "0x…", incomeWrappers: "0x…", profiles: "0x…" },
  },
};

/** Checks a configuration and resolves its chain's addresses; a ConfigError names what is wrong. */
export function resolveConfig(raw: unknown, source: string): ResolvedConfig {
  if (typeof raw !== "object" || raw === null) throw new ConfigError(`${source} is not a JSON object.`);
  const config = raw as Partial<AppConfig>;
  if (!Number.isSafeInteger(config.chainId) || (config.chainId ?? 0) <= 0) {
    throw new ConfigError(`${source} needs "chainId", a positive whole number.`);
  }
  for (const key of ["rpcUrl", "ledgerUrl"] as const) {
    if (typeof config[key] !== "string" || !/^https?:\/\//.test(config[key])) {
      throw new ConfigError(`${source} needs "${key}", an http(s) URL.`);
    }
  }
  const chainId = config.chainId!;
  const listed = config.deployments?.[String(chainId)];
  const known = knownDeployments[chainId];
  const addresses = {} as Record<keyof typeof DEPLOYED, Address>;
  for (const name of Object.keys(DEPLOYED) as (keyof typeof DEPLOYED)[]) {
    const value = listed?.[name] ?? known?.[name];
    if (!value || !isAddress(value)) {
      throw new ConfigError(
        `${source} has no address of the ${name} for chain ${chainId}: add "deployments": { "${chainId}": { "${name}": "0x…", … } }.`,
      );
    }
    addresses[name] = getAddress(value);
  }
  return { ...(config as AppConfig), addresses };
}
