/**
 * `npx hardhat income wrap --amount 25 [--flavour demurraged|static] [--token <owner address>] [--unwrap]
 *   [--hub <address>] [--wrappers <address>] [--from <address>] [--json]`
 *
 * Wraps basic-income tokens as an ERC-20, for wallets and exchanges: creates the token's wrapper if there is none
 * yet, then sends the hub tokens to it. `--unwrap` burns ERC-20 tokens and gets the hub tokens back.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { unwrapIncome, type UnwrapIncomeReturnType } from "../../client/actions/income/unwrapIncome.js";
import { wrapIncome as wrap, type WrapIncomeReturnType } from "../../client/actions/income/wrapIncome.js";
import { INCOME_WRAPPER_FLAVOURS, type IncomeWrapperFlavour } from "../../client/income.js";
import { formatTokens } from "../../client/units.js";
import { CliError, connect, parseAmount, report, requireAddress, runTask, type Connection } from "../cli.js";
import { hubOf, wrappersOf } from "./hub.js";

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

/** What was wrapped (creating the wrapper or not), or unwrapped. */
export type WrapResult =
  ({ action: "wrapped" } & WrapIncomeReturnType) | ({ action: "unwrapped"; created: false } & UnwrapIncomeReturnType);

function parseFlavour(value: string | undefined): IncomeWrapperFlavour {
  const flavour = (value ?? "demurraged").trim().toLowerCase();
  if (!(INCOME_WRAPPER_FLAVOURS as readonly string[]).includes(flavour)) {
    throw new CliError(
      `--flavour "${value}" is not a flavour: use demurraged (decays like the hub) or static (does not).`,
    );
  }
  return flavour as IncomeWrapperFlavour;
}

/** Wraps or unwraps (the client's `wrapIncome` / `unwrapIncome`, which check the balance before sending). */
export async function wrapIncome(c: Connection, args: WrapArgs): Promise<WrapResult> {
  const amount = parseAmount("amount", args.amount);
  const flavour = parseFlavour(args.flavour);
  const tokenOf = args.token === undefined ? {} : { tokenOf: requireAddress("token", args.token) };
  const wallet = c.wallet(args.from);
  const hub = await hubOf(c, args.hub);
  const wrappers = await wrappersOf(c, args.wrappers);
  const parameters = { hub, wrappers, amount, flavour, ...tokenOf };
  if (args.unwrap) return { action: "unwrapped", created: false, ...(await unwrapIncome(wallet, parameters)) };
  return { action: "wrapped", ...(await wrap(wallet, parameters)) };
}

export default async function wrapTask(args: WrapArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await wrapIncome(await connect(hre), args);
    const what = `the ${r.flavour} ERC-20 of ${r.tokenOf}'s token (${r.wrapper}${r.created ? ", created now" : ""})`;
    report(
      args.json,
      r.action === "wrapped"
        ? `${r.account} wrapped ${formatTokens(r.hubAmount)} of the hub into ${formatTokens(r.erc20Amount)} of ${what}. Transaction ${r.transaction}.`
        : `${r.account} unwrapped ${formatTokens(r.erc20Amount)} of ${what} into ${formatTokens(r.hubAmount)} of the hub. Transaction ${r.transaction}.`,
      { ...r },
    );
  });
}
