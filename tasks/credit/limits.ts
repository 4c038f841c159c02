/**
 * `npx hardhat credit limits (--circle <address> | --currency <address>) [--account <address>]` shows an account's
 * limits; with `--credit 150` and/or `--saturation 300|unlimited` it proposes setting them (a decision of the
 * circle; the one not given keeps its current value). `[--description <text>] [--factory <address>]
 * [--from <address>] [--json]`
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { encodeFunctionData, getAddress, type Address } from "viem";

import { mutualCreditAbi } from "../../client/abis.js";
import { connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { nextSteps, proposeDecision, wouldFail, type ProposedDecision } from "../mandate/decision.js";
import {
  MAX_VALUE,
  formatAmount,
  formatLimit,
  parseLimit,
  resolveCurrency,
  type Currency,
  type CurrencyArgs,
} from "./currency.js";

export interface LimitsArgs extends CurrencyArgs {
  account?: string;
  credit?: string;
  saturation?: string;
  description?: string;
  from?: string;
  json: boolean;
}

interface Units {
  currency: Address;
  symbol: string;
  decimals: number;
  account: Address;
}

export type LimitsResult =
  | (Units & {
      action: "shown";
      /** Whether the account may hold this currency (a member, or admitted by the circle). */
      holder: boolean;
      balance: bigint;
      creditLimit: bigint;
      saturationLimit: bigint;
      /** How much more it can pay, and receive, within its limits. */
      canPay: bigint;
      canReceive: bigint;
    })
  | (Units & ProposedDecision & { action: "proposed"; creditLimit: bigint; saturationLimit: bigint });

/** Shows an account's limits, or proposes new ones. */
export async function creditLimits(c: Connection, args: LimitsArgs): Promise<LimitsResult> {
  const account = args.account
    ? requireAddress("account", args.account)
    : getAddress(c.wallet(args.from).account.address);
  const currency = await resolveCurrency(c, args);
  const read = { address: currency.address, abi: mutualCreditAbi } as const;
  const units: Units = { currency: currency.address, symbol: currency.symbol, decimals: currency.decimals, account };
  const propose = args.credit !== undefined || args.saturation !== undefined;
  const newCredit = args.credit === undefined ? undefined : parseLimit("credit", args.credit, currency.decimals);
  const newSaturation =
    args.saturation === undefined ? undefined : parseLimit("saturation", args.saturation, currency.decimals);
  const [creditLimit, saturationLimit] = await c.publicClient.readContract({
    ...read,
    functionName: "limitsOf",
    args: [account],
  });

  if (!propose) {
    const [balance, holder] = await Promise.all([
      c.publicClient.readContract({ ...read, functionName: "signedBalanceOf", args: [account] }),
      c.publicClient.readContract({ ...read, functionName: "isHolder", args: [account] }),
    ]);
    const canPay = balance + creditLimit > 0n ? balance + creditLimit : 0n;
    const canReceive =
      saturationLimit >= MAX_VALUE ? MAX_VALUE : saturationLimit - balance > 0n ? saturationLimit - balance : 0n;
    return { ...units, action: "shown", holder, balance, creditLimit, saturationLimit, canPay, canReceive };
  }

  const wallet = c.wallet(args.from);
  const limits = [newCredit ?? creditLimit, newSaturation ?? saturationLimit] as const;
  await c.publicClient
    .simulateContract({ ...read, functionName: "setLimits", args: [account, ...limits], account: currency.circle })
    .catch((error: unknown) => {
      throw wouldFail(error);
    });
  const description =
    args.description ??
    `Set the limits of ${account} in ${currency.symbol}: credit ${formatLimit(limits[0], currency)}, saturation ${formatLimit(limits[1], currency)}`;
  const data = encodeFunctionData({ abi: mutualCreditAbi, functionName: "setLimits", args: [account, ...limits] });
  const decision = await proposeDecision(c, currency.circle, wallet, [{ target: currency.address, data }], description);
  return { ...units, ...decision, action: "proposed", creditLimit: limits[0], saturationLimit: limits[1] };
}

function describe(r: LimitsResult, currency: Pick<Currency, "decimals" | "symbol">): string {
  if (r.action === "proposed") {
    return `${r.proposer} proposed limits for ${r.account} in ${r.symbol}: credit ${formatLimit(r.creditLimit, currency)}, saturation ${formatLimit(r.saturationLimit, currency)}. ${nextSteps(r)}`;
  }
  return (
    `${r.account} in ${r.symbol}: balance ${formatAmount(r.balance, currency)}; credit limit ${formatLimit(r.creditLimit, currency)}, ` +
    `saturation limit ${formatLimit(r.saturationLimit, currency)}; can pay ${formatLimit(r.canPay, currency)} more and receive ` +
    `${formatLimit(r.canReceive, currency)} more.${r.holder ? "" : " It may not hold this currency: only members and accounts the circle admits can."}`
  );
}

export default async function limits(args: LimitsArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await creditLimits(await connect(hre), args);
    report(args.json, describe(r, r), { ...r });
  });
}
