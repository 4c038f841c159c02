/**
 * `npx hardhat credit jubilee (--circle <address> | --currency <address>) [--description <text>]
 *   [--factory <address>] [--from <address>] [--json]`
 *
 * Proposes a jubilee: a decision of the circle that resets every balance of its currency to zero at once. The
 * reciprocity ledger keeps its history.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address } from "viem";

import { prepareJubilee } from "../../client/actions/credit/prepareJubilee.js";
import { connect, report, runTask, type Connection } from "../cli.js";
import { propose } from "../../client/actions/proposal/propose.js";
import { nextSteps, proposalMade, type ProposalMade } from "../circle/shared.js";
import { resolveCurrency, type CurrencyArgs } from "./currency.js";

export interface JubileeArgs extends CurrencyArgs {
  description?: string;
  from?: string;
  json: boolean;
}

export interface JubileeResult extends ProposalMade {
  currency: Address;
  symbol: string;
  /** Accounts with a non-zero balance today: what the jubilee would clear if executed now. */
  accountsWithBalance: number;
}

/** Proposes `currency.jubilee()` as a decision of the currency's circle (checked first by `prepareJubilee`). */
export async function proposeJubilee(c: Connection, args: JubileeArgs): Promise<JubileeResult> {
  const wallet = c.wallet(args.from);
  const currency = await resolveCurrency(c, args);
  const prepared = await prepareJubilee(c.publicClient, { currency: currency.address });
  const description = args.description ?? prepared.description;
  const decision = proposalMade(await propose(wallet, { ...prepared, description }));
  const { symbol, accountsWithBalance } = prepared;
  return { ...decision, currency: currency.address, symbol, accountsWithBalance };
}

export default async function jubilee(args: JubileeArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await proposeJubilee(await connect(hre), args);
    report(
      args.json,
      `${r.proposer} proposed a jubilee of ${r.symbol} in circle ${r.circle}, which would clear the balances of ${r.accountsWithBalance} account(s) today: ${nextSteps(r)}`,
      { ...r },
    );
  });
}
