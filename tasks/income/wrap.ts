/**
 * `npx hardhat income wrap --amount 25 [--flavour demurraged|static] [--token <owner address>] [--unwrap]
 *   [--hub <address>] [--wrappers <address>] [--from <address>] [--json]`
 *
 * Wraps basic-income tokens as an ERC-20, for wallets and exchanges: creates the token's wrapper if there is none
 * yet, then sends the hub tokens to it. `--unwrap` burns ERC-20 tokens and gets the hub tokens back.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { getAddress, parseEventLogs, type Address, type Hex } from "viem";

import { demurragedIncomeTokenAbi, incomeHubAbi, incomeWrappersAbi } from "../../client/abis.js";
import { describeError } from "../../client/errors.js";
import {
  CliError,
  connect,
  explain,
  parseAmount,
  report,
  requireAddress,
  runTask,
  send,
  type Connection,
} from "../cli.js";
import { hubOf, idOf, tokens, wrappersOf } from "./hub.js";

export interface WrapArgs {
  amount?: string;
  flavour?: string;
  token?: string;
  unwrap: boolean;
  hub?: string;
  wrappers?: string;
  from?: string;
  json: boolean;
}

export const FLAVOURS = ["demurraged", "static"] as const;
export type Flavour = (typeof FLAVOURS)[number];

export interface WrapResult {
  action: "wrapped" | "unwrapped";
  account: Address;
  /** Whose token: its owner's address. */
  tokenOf: Address;
  flavour: Flavour;
  wrapper: Address;
  /** Whether this run created the wrapper. */
  created: boolean;
  /** Hub tokens in (wrapping) or out (unwrapping), and the ERC-20 tokens minted or burned for them. */
  hubAmount: bigint;
  erc20Amount: bigint;
  transaction: Hex;
}

/**
 * The ABI of either wrapper flavour for what the task calls: both are the same `IIncomeWrapper` and ERC-20 surface
 * (`unwrap`, `balanceOf`, `Wrapped`, `Unwrapped`, the ERC-20 errors), so one ABI serves both.
 */
const wrapperAbi = demurragedIncomeTokenAbi;
/** The hub's ABI plus a wrapper's errors, for a transfer the wrapper may refuse in its receiver hook. */
const hubToWrapperAbi = [...incomeHubAbi, ...wrapperAbi.filter((item) => item.type === "error")] as const;

function parseFlavour(value: string | undefined): Flavour {
  const flavour = (value ?? "demurraged").trim().toLowerCase();
  if (!(FLAVOURS as readonly string[]).includes(flavour)) {
    throw new CliError(
      `--flavour "${value}" is not a flavour: use demurraged (decays like the hub) or static (does not).`,
    );
  }
  return flavour as Flavour;
}

/** Wraps or unwraps. Every input and the balance are checked before anything is sent. */
export async function wrapIncome(c: Connection, args: WrapArgs): Promise<WrapResult> {
  const amount = parseAmount("amount", args.amount);
  const flavour = parseFlavour(args.flavour);
  const tokenOption = args.token === undefined ? undefined : requireAddress("token", args.token);
  const wallet = c.wallet(args.from);
  const account = getAddress(wallet.account.address);
  const tokenOf = tokenOption ?? account;
  const hub = await hubOf(c, args.hub);
  const wrappers = await wrappersOf(c, hub, args.wrappers);
  const id = idOf(tokenOf);
  const flavourIndex = FLAVOURS.indexOf(flavour);
  const wrapper = await c.publicClient.readContract({
    address: wrappers,
    abi: incomeWrappersAbi,
    functionName: "wrapperOf",
    args: [id, flavourIndex],
  });
  const exists = (await c.publicClient.getCode({ address: wrapper })) !== undefined;
  const base = { account, tokenOf, flavour, wrapper } as const;

  if (args.unwrap) {
    if (!exists)
      throw new CliError(`There is no ${flavour} wrapper of the token of ${tokenOf} yet: nothing to unwrap.`);
    const held = await c.publicClient.readContract({
      address: wrapper,
      abi: wrapperAbi,
      functionName: "balanceOf",
      args: [account],
    });
    if (held < amount)
      throw new CliError(describeError("ERC20InsufficientBalance", [account, tokens(held), tokens(amount)]));
    const { request } = await c.publicClient.simulateContract({
      address: wrapper,
      abi: wrapperAbi,
      functionName: "unwrap",
      args: [amount],
      account: wallet.account,
    });
    const { hash: transaction, receipt } = await send(c, wallet, request);
    const [unwrapped] = parseEventLogs({ abi: wrapperAbi, logs: receipt.logs, eventName: "Unwrapped" });
    return {
      ...base,
      action: "unwrapped",
      created: false,
      hubAmount: unwrapped?.args.hubAmount ?? 0n,
      erc20Amount: amount,
      transaction,
    };
  }

  const held = await c.publicClient.readContract({
    address: hub,
    abi: incomeHubAbi,
    functionName: "balanceOf",
    args: [account, id],
  });
  if (held < amount) {
    throw new CliError(describeError("IncomeHubInsufficientBalance", [account, id, tokens(held), tokens(amount)]));
  }
  if (!exists) {
    const { request } = await c.publicClient.simulateContract({
      address: wrappers,
      abi: incomeWrappersAbi,
      functionName: "createWrapper",
      args: [id, flavourIndex],
      account: wallet.account,
    });
    await send(c, wallet, request);
  }
  try {
    const { request } = await c.publicClient.simulateContract({
      address: hub,
      abi: hubToWrapperAbi,
      functionName: "safeTransferFrom",
      args: [account, wrapper, id, amount, "0x"],
      account: wallet.account,
    });
    const { hash: transaction, receipt } = await send(c, wallet, request);
    const [wrapped] = parseEventLogs({ abi: wrapperAbi, logs: receipt.logs, eventName: "Wrapped" });
    return {
      ...base,
      action: "wrapped",
      created: !exists,
      hubAmount: amount,
      erc20Amount: wrapped?.args.minted ?? 0n,
      transaction,
    };
  } catch (error) {
    // The wrapper is harmless on its own (anyone may create it, and it holds nothing), but say so.
    if (!exists)
      throw new CliError(`The wrapper was created at ${wrapper}, but wrapping was refused: ${explain(error)}`);
    throw error;
  }
}

export default async function wrap(args: WrapArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await wrapIncome(await connect(hre), args);
    const what = `the ${r.flavour} ERC-20 of ${r.tokenOf}'s token (${r.wrapper}${r.created ? ", created now" : ""})`;
    report(
      args.json,
      r.action === "wrapped"
        ? `${r.account} wrapped ${tokens(r.hubAmount)} hub tokens into ${tokens(r.erc20Amount)} of ${what}. Transaction ${r.transaction}.`
        : `${r.account} unwrapped ${tokens(r.erc20Amount)} of ${what} into ${tokens(r.hubAmount)} hub tokens. Transaction ${r.transaction}.`,
      { ...r },
    );
  });
}
