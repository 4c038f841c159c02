/**
 * What every Commonweal task shares: checking input before anything is sent, printing for people or for scripts
 * (`--json`), and failing with one readable sentence and a non-zero exit code.
 */
import { fileURLToPath } from "node:url";

import type { HttpNetworkConfig } from "hardhat/types/config";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import {
  createPublicClient,
  createWalletClient,
  defineChain,
  getAddress,
  http,
  isAddress,
  parseUnits,
  type Account,
  type Address,
  type Chain,
  type PublicClient,
  type Transport,
  type WalletClient,
} from "viem";

import { readDeployment } from "../client/deployments.js";
import { toJson } from "../client/json.js";
import { CommonwealError, NoContractError, NotABodyError, decodeRevert, errorSentence } from "../client/errors.js";

/** A mistake in the input, or a refusal explained in a sentence: printed without a stack trace. */
export class CliError extends Error {
  override name = "CliError";
}

/** `value` as a checksummed address, or a CliError naming the option. */
export function requireAddress(option: string, value: string | undefined): Address {
  if (value === undefined || value === "") throw new CliError(`--${option} is required: give an address (0x…).`);
  if (!isAddress(value, { strict: false }))
    throw new CliError(`--${option} "${value}" is not an address (0x and 40 hex digits).`);
  // Mixed case is an EIP-55 checksum, which catches a mistyped digit: a wrong one is refused. One case throughout
  // carries no checksum and is taken as written.
  if (hasWrongChecksum(value)) {
    throw new CliError(
      `--${option} ${value} has a wrong checksum (its mixed upper and lower case does not match EIP-55): check it for a mistyped character, or write it all in lower case.`,
    );
  }
  return getAddress(value);
}

/** Whether a well-formed address is in mixed case (an EIP-55 checksum) that does not match: a mistyped character. */
export function hasWrongChecksum(address: string): boolean {
  const hex = address.slice(2);
  const mixed = hex !== hex.toLowerCase() && hex !== hex.toUpperCase();
  return mixed && getAddress(address) !== address;
}

/** A decimal token amount (e.g. "25" or "0.5") in the smallest unit, or a CliError. */
export function parseAmount(option: string, value: string | undefined, decimals = 18): bigint {
  if (value === undefined || value === "")
    throw new CliError(`--${option} is required: give an amount such as 25 or 0.5.`);
  if (!new RegExp(`^\\d+(\\.\\d{1,${decimals}})?$`).test(value)) {
    throw new CliError(
      `--${option} "${value}" is not an amount: use digits, and at most ${decimals} decimals (e.g. 25 or 0.5).`,
    );
  }
  const amount = parseUnits(value, decimals);
  if (amount === 0n) throw new CliError(`--${option} must be more than zero.`);
  return amount;
}

/**
 * The network the running task connected to (set by {@link connect}). The commands a sentence suggests name it, so a
 * pasted "Next: …" reaches the same node; a refusal on the in-process network says that it starts empty.
 */
let ranOn: { name: string; inProcess: boolean } | undefined;

/**
 * Records the network a task runs on (`connect` calls it; `type` is the Hardhat network config's type); with no
 * arguments, forgets it (a task core called with its own Connection, as the tests do).
 */
export function noteNetwork(name?: string, type?: string): void {
  ranOn = name === undefined ? undefined : { name, inProcess: type === "edr-simulated" };
}

/** `text` with every suggested `npx hardhat …` command naming the network the task ran on (none for the default). */
export function withNetwork(text: string): string {
  if (!ranOn || ranOn.name === "default") return text;
  return text.replace(/npx hardhat (?!--network)/g, `npx hardhat --network ${ranOn.name} `);
}

/** Prints `result` as JSON (bigints as strings) with --json, else the human sentence. */
export function report(json: boolean, human: string, result: Record<string, unknown>): void {
  if (json) {
    console.log(toJson(result, 2));
  } else {
    console.log(withNetwork(human));
  }
}

/**
 * Runs a task's body: any failure becomes one sentence and exit code 1; nothing else is printed. With `--json`
 * (`json` true) the failure is JSON on stdout, as a result would be: `{ "error": sentence }`, plus `errorName` and
 * `args` when a contract refused with a custom error, so a script can branch on the name rather than the words.
 */
export async function runTask(json: boolean, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (json) console.log(toJson(errorJson(error), 2));
    else console.error(`Error: ${explain(error)}`);
    process.exitCode = 1;
  } finally {
    // One task per process on the command line; in a test process the next task connects anew.
    noteNetwork();
  }
}

/** What `--json` prints for a failure: the sentence, and the contract's custom error if there is one. */
export interface ErrorJson {
  error: string;
  errorName?: string;
  args?: readonly unknown[];
}

/** The JSON form of a failure (see runTask). */
export function errorJson(error: unknown): ErrorJson {
  const decoded = error instanceof CliError ? undefined : decodeRevert(error);
  return decoded
    ? { error: explain(error), errorName: decoded.errorName, args: decoded.args }
    : { error: explain(error) };
}

/** The readable sentence for a failure: our own errors, a contract's custom error, or the library's message. */
export function explain(error: unknown): string {
  if (ranOn?.inProcess && error instanceof NoContractError) {
    return (
      `${error.message} This ran on Hardhat's in-process network, which starts empty for every command: to reach ` +
      `the node you deployed to, add --network localhost (or that network's name).`
    );
  }
  if (error instanceof CliError || error instanceof CommonwealError) return withNetwork(error.message);
  return errorSentence(error);
}

/** A wallet that can sign: one of the network's configured accounts. */
export type Wallet = WalletClient<Transport, Chain, Account>;

/** This project's Ignition records, found from the repository's root whatever the current folder. */
const DEPLOYMENTS = fileURLToPath(new URL("../deploy/deployments", import.meta.url));

/** What a task needs of the network: viem clients, the chain id, the deployment record, and a signer. */
export interface Connection {
  publicClient: PublicClient;
  wallets: readonly Wallet[];
  chainId: number;
  /** The addresses recorded for this chain; throws a DeploymentRecordError saying how to deploy if there are none. */
  deployment(): ReturnType<typeof readDeployment>;
  /** The account `--from` names (an address), or the first account. */
  wallet(from: string | undefined): Wallet;
}

/** Connects to the network the task runs on (`--network`). */
export async function connect(hre: HardhatRuntimeEnvironment): Promise<Connection> {
  const name = hre.globalOptions.network ?? "default";
  const config = hre.config.networks[name];
  if (config?.type === "http" && config.accounts === "remote" && !shapesTransactions(config)) {
    noteNetwork(name, config.type);
    return connectOverHttp(name, config);
  }
  const { viem, networkName, networkConfig } = await hre.network.getOrCreate();
  noteNetwork(networkName, networkConfig.type);
  const publicClient = await viem.getPublicClient();
  return connection(publicClient, await viem.getWalletClients(), await publicClient.getChainId());
}

/** Whether the network's configuration asks Hardhat to change transactions on their way (gas, price, sender). */
function shapesTransactions(config: HttpNetworkConfig): boolean {
  return config.gas !== "auto" || config.gasPrice !== "auto" || config.gasMultiplier !== 1 || config.from !== undefined;
}

/**
 * A node over HTTP that signs for its own accounts (a local node: `accounts: "remote"`), reached with plain viem.
 * The same requests as through Hardhat's network, minus its start-up: creating a Hardhat connection runs every
 * plugin's connection hook (the toolbox's ethers, chai matchers, Ignition, verify, network helpers: ~150 ethers
 * modules) and hardhat-viem's chain lookup, which loads every chain viem knows. That was most of a call's second.
 */
async function connectOverHttp(name: string, config: HttpNetworkConfig): Promise<Connection> {
  const url = await config.url.getUrl();
  const transportFor = (retryCount?: number) =>
    http(url, { fetchOptions: { headers: config.httpHeaders }, timeout: config.timeout, retryCount });
  const probe = transportFor(0);
  let chainId: number, accounts: Address[], clientVersion: string;
  try {
    [chainId, accounts, clientVersion] = await Promise.all([
      createPublicClient({ transport: probe }).getChainId(),
      createWalletClient({ transport: probe }).getAddresses(),
      createPublicClient({ transport: probe })
        .request({ method: "web3_clientVersion" })
        .catch(() => ""),
    ]);
  } catch {
    throw new CliError(
      `No node answers at ${url} (network "${name}"): start one (npx hardhat node, or anvil) or point COMMONWEAL_RPC_URL at it.`,
    );
  }
  if (config.chainId !== undefined && config.chainId !== chainId) {
    throw new CliError(
      `The node at ${url} is chain ${chainId}, but network "${name}" is configured as chain ${config.chainId}.`,
    );
  }
  const chain = defineChain({
    id: chainId,
    name,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [url] } },
  });
  // A development node (Hardhat's, anvil) mines at once and is on this machine: poll for receipts every 50 ms and do
  // not retry, as hardhat-viem does there. Other nodes keep viem's defaults.
  const development = /hardhat|anvil/i.test(clientVersion);
  const transport = development ? probe : transportFor(undefined);
  const options = development ? { pollingInterval: 50, cacheTime: 0 } : {};
  const publicClient = createPublicClient({ chain, transport, ...options });
  const wallets = accounts.map((account) =>
    createWalletClient({ chain, transport, account: getAddress(account), ...options }),
  );
  return connection(publicClient, wallets, chainId);
}

/** A Connection from clients you already have (tests, scripts). */
export function connection(publicClient: PublicClient, wallets: readonly Wallet[], chainId: number): Connection {
  return {
    publicClient,
    wallets,
    chainId,
    // COMMONWEAL_DEPLOYMENT_ID selects a deployment made with `ignition deploy --deployment-id <id>`.
    deployment: () =>
      readDeployment(chainId, { folder: DEPLOYMENTS, deploymentId: process.env.COMMONWEAL_DEPLOYMENT_ID || undefined }),
    wallet(from) {
      if (from === undefined) {
        const first = wallets[0];
        if (!first) throw new CliError("This network has no accounts to sign with.");
        return first;
      }
      const address = requireAddress("from", from);
      const found = wallets.find((w) => w.account.address.toLowerCase() === address.toLowerCase());
      if (!found) throw new CliError(`--from ${address} is not one of this network's accounts.`);
      return found;
    },
  };
}

/** Fails unless there is contract code at `address` (a wrong address, or the wrong network). */
export async function requireContract(c: Connection, what: string, address: Address): Promise<void> {
  if (!(await c.publicClient.getCode({ address }))) {
    throw new NoContractError(what, address, c.chainId);
  }
}
