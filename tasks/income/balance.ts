/**
 * `npx hardhat income balance [--account <address>] [--all] [--hub <address>] [--from <address>] [--json]`
 *
 * An account's basic income: its own token today (after demurrage) and in static units (which do not decay), what
 * a claim would mint now, and with `--all` every other token it holds (read from the hub's events).
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { getAddress, type Address } from "viem";

import { incomeHubAbi } from "../../client/abis.js";
import { readIncomeGraph } from "../../client/income.js";
import { connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { AVATAR_KINDS, hubOf, idOf, tokens } from "./hub.js";

export interface BalanceArgs {
  account?: string;
  all: boolean;
  hub?: string;
  from?: string;
  json: boolean;
}

export interface BalanceResult {
  hub: Address;
  account: Address;
  /** "not registered", "a person" or "a circle". */
  registered: (typeof AVATAR_KINDS)[number];
  stopped: boolean;
  /** The account's own token: today's balance, the same in static units, and what a claim would mint now. */
  balance: bigint;
  staticBalance: bigint;
  claimable: bigint;
  /** With `--all`: other people's tokens it holds. */
  others?: { tokenOf: Address; balance: bigint; staticBalance: bigint }[];
}

/** Reads an account's income balances. Sends nothing. */
export async function incomeBalance(c: Connection, args: BalanceArgs): Promise<BalanceResult> {
  const account = args.account
    ? requireAddress("account", args.account)
    : getAddress(c.wallet(args.from).account.address);
  const hub = await hubOf(c, args.hub);
  const read = { address: hub, abi: incomeHubAbi } as const;
  const [kind, stopped, balance, staticBalance, [claimable]] = await Promise.all([
    c.publicClient.readContract({ ...read, functionName: "avatarKind", args: [account] }),
    c.publicClient.readContract({ ...read, functionName: "stopped", args: [account] }),
    c.publicClient.readContract({ ...read, functionName: "balanceOf", args: [account, idOf(account)] }),
    c.publicClient.readContract({ ...read, functionName: "staticBalanceOf", args: [account, idOf(account)] }),
    c.publicClient.readContract({ ...read, functionName: "claimable", args: [account] }),
  ]);
  const result: BalanceResult = {
    hub,
    account,
    registered: AVATAR_KINDS[kind] ?? AVATAR_KINDS[0],
    stopped,
    balance,
    staticBalance,
    claimable,
  };
  if (args.all) {
    const { holdings } = await readIncomeGraph(c.publicClient, hub);
    const held = [...(holdings.get(account.toLowerCase() as Address) ?? new Map<Address, bigint>())].filter(
      ([owner]) => owner !== account.toLowerCase(),
    );
    result.others = await Promise.all(
      held.map(async ([owner, amount]) => ({
        tokenOf: getAddress(owner),
        balance: amount,
        staticBalance: await c.publicClient.readContract({
          ...read,
          functionName: "staticBalanceOf",
          args: [account, idOf(owner)],
        }),
      })),
    );
  }
  return result;
}

function describe(r: BalanceResult): string {
  const lines = [
    `${r.account} is ${r.registered} at the income hub ${r.hub}${r.stopped ? " (income stopped for good)" : ""}.`,
    `  own token: ${tokens(r.balance)} today (${tokens(r.staticBalance)} in static units); a claim now would mint ${tokens(r.claimable)}`,
  ];
  for (const o of r.others ?? []) {
    lines.push(`  token of ${o.tokenOf}: ${tokens(o.balance)} today (${tokens(o.staticBalance)} static)`);
  }
  return lines.join("\n");
}

export default async function balance(args: BalanceArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await incomeBalance(await connect(hre), args);
    report(args.json, describe(r), { ...r });
  });
}
