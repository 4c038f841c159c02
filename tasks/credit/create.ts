/**
 * `npx hardhat credit create --circle <address> --name "Elm hours" --symbol HRS [--decimals 2] --credit 100
 *   [--saturation 200|unlimited] [--description <text>] [--factory <address>] [--from <address>] [--json]`
 *
 * A circle creates its currency by decision: one proposal has the factory create it (at an address known in
 * advance) and registers it as a role module of the circle, so departures move balances to the commons.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import {
  prepareCreateCurrency,
  type PrepareCreateCurrencyReturnType,
} from "../../client/actions/credit/prepareCreateCurrency.js";
import { CliError, connect, report, runTask, type Connection } from "../cli.js";
import { propose } from "../../client/actions/proposal/propose.js";
import { nextSteps, proposalMade, type ProposalMade } from "../circle/shared.js";
import { circleAndPredictedCurrency, parseLimit } from "./currency.js";

export interface CreateArgs {
  circle?: string;
  name?: string;
  symbol?: string;
  decimals?: string;
  credit?: string;
  saturation?: string;
  description?: string;
  factory?: string;
  from?: string;
  json: boolean;
}

/** The proposal made, and the currency it creates (at `currency`, once executed). */
export type CreateResult = ProposalMade & Omit<PrepareCreateCurrencyReturnType, "circle" | "calls" | "description">;

/** The decimals: a whole number from 0 to 18. */
function parseDecimals(value: string | undefined): number {
  if (value === undefined || value === "") return 18;
  if (!/^\d+$/.test(value) || Number(value) > 18) {
    throw new CliError(`--decimals "${value}" is not a number of decimals: use a whole number from 0 to 18 (e.g. 2).`);
  }
  return Number(value);
}

/**
 * Proposes creating the circle's currency and registering it as a role module, in one decision (the client's
 * `prepareCreateCurrency` checks it first). Refused before anything is sent if the input is malformed, the circle has
 * a currency already or has no room for another module.
 */
export async function proposeCurrency(c: Connection, args: CreateArgs): Promise<CreateResult> {
  const name = args.name?.trim();
  if (!name) throw new CliError('--name is required: name the currency, such as "Elm hours".');
  const symbol = args.symbol?.trim();
  if (!symbol) throw new CliError("--symbol is required: a short symbol, such as HRS.");
  const decimals = parseDecimals(args.decimals);
  const defaultCredit = parseLimit("credit", args.credit, decimals);
  const defaultSaturation =
    args.saturation === undefined ? undefined : parseLimit("saturation", args.saturation, decimals);
  const wallet = c.wallet(args.from);
  const { factory, circle } = await circleAndPredictedCurrency(c, args);
  const prepared = await prepareCreateCurrency(c.publicClient, {
    factory,
    circle,
    name,
    symbol,
    decimals,
    defaultCredit,
    ...(defaultSaturation === undefined ? {} : { defaultSaturation }),
  });
  const { calls, description, circle: _, ...currency } = prepared;
  const decision = proposalMade(await propose(wallet, { circle, calls, description: args.description ?? description }));
  return { ...decision, ...currency };
}

export default async function create(args: CreateArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await proposeCurrency(await connect(hre), args);
    report(
      args.json,
      `${r.proposer} proposed that circle ${r.circle} create its currency "${r.name}" (${r.symbol}), to live at ${r.currency}: ${nextSteps(r)}`,
      { ...r },
    );
  });
}
