/**
 * What every Commonweal task shares: checking input before anything is sent, printing for people or for scripts
 * (`--json`), and failing with one readable sentence and a non-zero exit code.
 */
import { fileURLToPath } from "node:url";

import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import {
  getAddress,
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
import { CommonwealError, decodeRevert, describeRevert } from "../client/errors.js";

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

/** Prints `result` as JSON (bigints as strings) with --json, else the human sentence. */
export function report(json: boolean, human: string, result: Record<string, unknown>): void {
  if (json) {
    console.log(JSON.stringify(result, bigintsAsStrings, 2));
  } else {
    console.log(human);
  }
}

/** Makes bigints JSON strings: amounts and ids exceed a JSON number's precision. */
const bigintsAsStrings = (_: string, v: unknown) => (typeof v === "bigint" ? v.toString() : v);

/**
 * Runs a task's body: any failure becomes one sentence and exit code 1; nothing else is printed. With `--json`
 * (`json` true) the failure is JSON on stdout, as a result would be: `{ "error": sentence }`, plus `errorName` and
 * `args` when a contract refused with a custom error, so a script can branch on the name rather than the words.
 */
export async function runTask(json: boolean, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (json) console.log(JSON.stringify(errorJson(error), bigintsAsStrings, 2));
    else console.error(`Error: ${explain(error)}`);
    process.exitCode = 1;
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
  if (error instanceof CliError || error instanceof CommonwealError) return error.message;
  const revert = describeRevert(error);
  if (revert) return revert;
  if (error instanceof Error) return (error as { shortMessage?: string }).shortMessage ?? error.message;
  return String(error);
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
  const { viem } = await hre.network.getOrCreate();
  const publicClient = await viem.getPublicClient();
  return connection(publicClient, await viem.getWalletClients(), await publicClient.getChainId());
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
    throw new CliError(`There is no ${what} at ${address} on chain ${c.chainId}.`);
  }
}
