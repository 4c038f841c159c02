/**
 * `npx hardhat income balance [--account <address>] [--all] [--hub <address>] [--from <address>] [--json]`
 *
 * An account's basic income: its own token today (after demurrage) and in static units (which do not decay), what
 * a claim would mint now, and with `--all` every other token it holds (read from the hub's events).
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { getAddress } from "viem";

import { readIncomeAccount, type ReadIncomeAccountReturnType } from "../../client/actions/income/readIncomeAccount.js";
import { formatTokens } from "../../client/units.js";
import { connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { hubOf } from "./hub.js";

export interface BalanceArgs {
  account?: string;
  all: boolean;
  hub?: string;
  from?: string;
  json: boolean;
}

export type BalanceResult = ReadIncomeAccountReturnType;

/** Reads an account's income balances (the client's `readIncomeAccount`). Sends nothing. */
export async function incomeBalance(c: Connection, args: BalanceArgs): Promise<BalanceResult> {
  const account = args.account
    ? requireAddress("account", args.account)
    : getAddress(c.wallet(args.from).account.address);
  const hub = await hubOf(c, args.hub);
  return readIncomeAccount(c.publicClient, { hub, account, all: args.all });
}

/** The balance in tokens, as people read it. */
export function describeBalance(r: BalanceResult): string {
  const lines = [
    `${r.account} is ${r.registered} at the income hub ${r.hub}${r.stopped ? " (income stopped for good)" : ""}.`,
    `  own token: ${formatTokens(r.balance)} today (${formatTokens(r.staticBalance)} in static units); a claim now would mint ${formatTokens(r.claimable)}`,
  ];
  for (const o of r.others ?? []) {
    lines.push(`  token of ${o.tokenOf}: ${formatTokens(o.balance)} today (${formatTokens(o.staticBalance)} static)`);
  }
  return lines.join("\n");
}

export default async function balance(args: BalanceArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await incomeBalance(await connect(hre), args);
    report(args.json, describeBalance(r), { ...r });
  });
}
