/** `npx hardhat income pay --to <address> --amount 25 [--from <address>] [--hub <address>] [--json]` */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { payAlongTrust as pay, type PayAlongTrustReturnType } from "../../client/actions/income/payAlongTrust.js";
import { formatTokens } from "../../client/units.js";
import { connect, parseAmount, report, requireAddress, requireContract, runTask, type Connection } from "../cli.js";

export interface PayArgs {
  to?: string;
  amount?: string;
  from?: string;
  hub?: string;
  json: boolean;
}

/** What a payment did. */
export type PayResult = PayAlongTrustReturnType;

/**
 * Pays along trust with the client's `payAlongTrust` (the pathfinder plans, the hub checks and moves). Every input is
 * checked before anything is sent; a refusal throws with a readable sentence, amounts in tokens.
 */
export async function payAlongTrust(c: Connection, args: PayArgs): Promise<PayResult> {
  const to = requireAddress("to", args.to);
  const amount = parseAmount("amount", args.amount);
  const wallet = c.wallet(args.from);
  const hub = args.hub ? requireAddress("hub", args.hub) : c.deployment().incomeHub;
  await requireContract(c, "income hub", hub);
  return pay(wallet, { hub, to, amount });
}

export default async function payTask(args: PayArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await payAlongTrust(await connect(hre), args);
    report(
      args.json,
      `${r.payer} paid ${r.to} ${formatTokens(r.amount)} along trust: ${r.transfers} transfer(s) over paths of up to ${r.hops} hop(s), in transaction ${r.transaction}.`,
      { ...r },
    );
  });
}
