/**
 * `npx hardhat credit limits (--circle <address> | --currency <address>) [--account <address>]` shows an account's
 * limits; with `--credit 150` and/or `--saturation 300|unlimited` it proposes setting them (a decision of the
 * circle; the one not given keeps its current value). `[--description <text>] [--factory <address>]
 * [--from <address>] [--json]`
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { getAddress, type Address } from "viem";

import { prepareSetLimits } from "../../client/actions/credit/prepareSetLimits.js";
import { readCreditAccount } from "../../client/actions/credit/readCreditAccount.js";
import { formatLimit } from "../../client/credit.js";
import { formatAmount } from "../../client/units.js";
import { connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { propose } from "../../client/actions/proposal/propose.js";
import { nextSteps, proposalMade, type ProposalMade } from "../circle/shared.js";
import { parseLimit, resolveCurrency, type CurrencyArgs } from "./currency.js";

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
  | (Units & ProposalMade & { action: "proposed"; creditLimit: bigint; saturationLimit: bigint });

/** Shows an account's limits, or proposes new ones. */
export async function creditLimits(c: Connection, args: LimitsArgs): Promise<LimitsResult> {
  const account = args.account
    ? requireAddress("account", args.account)
    : getAddress(c.wallet(args.from).account.address);
  const currency = await resolveCurrency(c, args);
  const units: Units = { currency: currency.address, symbol: currency.symbol, decimals: currency.decimals, account };
  const creditLimit = args.credit === undefined ? undefined : parseLimit("credit", args.credit, currency.decimals);
  const saturationLimit =
    args.saturation === undefined ? undefined : parseLimit("saturation", args.saturation, currency.decimals);

  if (creditLimit === undefined && saturationLimit === undefined) {
    const read = await readCreditAccount(c.publicClient, { currency: currency.address, account });
    const { isHolder: holder, signedBalance: balance, canPay, canReceive } = read;
    const limits = { creditLimit: read.creditLimit, saturationLimit: read.saturationLimit };
    return { ...units, action: "shown", holder, balance, ...limits, canPay, canReceive };
  }

  const wallet = c.wallet(args.from);
  const prepared = await prepareSetLimits(c.publicClient, {
    currency: currency.address,
    account,
    ...(creditLimit === undefined ? {} : { creditLimit }),
    ...(saturationLimit === undefined ? {} : { saturationLimit }),
  });
  const description = args.description ?? prepared.description;
  const decision = proposalMade(await propose(wallet, { ...prepared, description }));
  const limits = { creditLimit: prepared.creditLimit, saturationLimit: prepared.saturationLimit };
  return { ...units, ...decision, action: "proposed", ...limits };
}

function describe(r: LimitsResult): string {
  if (r.action === "proposed") {
    return `${r.proposer} proposed limits for ${r.account} in ${r.symbol} (credit ${formatLimit(r.creditLimit, r)}, saturation ${formatLimit(r.saturationLimit, r)}): ${nextSteps(r)}`;
  }
  return (
    `${r.account} in ${r.symbol}: balance ${formatAmount(r.balance, r)}; credit limit ${formatLimit(r.creditLimit, r)}, ` +
    `saturation limit ${formatLimit(r.saturationLimit, r)}; can pay ${formatLimit(r.canPay, r)} more and receive ` +
    `${formatLimit(r.canReceive, r)} more.${r.holder ? "" : " It may not hold this currency: only members and accounts the circle admits can."}`
  );
}

export default async function limits(args: LimitsArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await creditLimits(await connect(hre), args);
    report(args.json, describe(r), { ...r });
  });
}
