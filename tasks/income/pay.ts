/** `npx hardhat income pay --to <address> --amount 25 [--from <address>] [--hub <address>] [--json]` */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { formatUnits } from "viem";

import { payAlongTrustRequest, planPayment } from "../../client/income.js";
import { flowHops, type Address } from "../../client/pathfinder.js";
import {
  connect,
  parseAmount,
  report,
  requireAddress,
  requireContract,
  runTask,
  send,
  type Connection,
} from "../cli.js";

export interface PayArgs {
  to?: string;
  amount?: string;
  from?: string;
  hub?: string;
  json: boolean;
}

/** What a payment did. */
export interface PayResult {
  payer: Address;
  to: Address;
  amount: bigint;
  transfers: number;
  hops: number;
  transaction: `0x${string}`;
  gasUsed: bigint;
}

/**
 * Plans the payment with the pathfinder, checks it by simulation, and sends it. Every input is checked before
 * anything is sent; a refusal throws with a readable sentence.
 */
export async function payAlongTrust(c: Connection, args: PayArgs): Promise<PayResult> {
  const to = requireAddress("to", args.to);
  const amount = parseAmount("amount", args.amount);
  const wallet = c.wallet(args.from);
  const hub = args.hub ? requireAddress("hub", args.hub) : c.deployment().incomeHub;
  await requireContract(c, "income hub", hub);
  const payer = wallet.account.address;
  const flow = await planPayment(c.publicClient, hub, payer, to, amount);
  const { request } = await c.publicClient.simulateContract({
    ...payAlongTrustRequest(hub, flow, to),
    account: wallet.account,
  });
  const { hash: transaction, receipt } = await send(c, wallet, request);
  return {
    payer,
    to,
    amount,
    transfers: flow.edges.length,
    hops: flowHops(flow),
    transaction,
    gasUsed: receipt.gasUsed,
  };
}

export default async function pay(args: PayArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const result = await payAlongTrust(await connect(hre), args);
    report(
      args.json,
      `${result.payer} paid ${result.to} ${formatUnits(result.amount, 18)} along trust: ${result.transfers} transfer(s) over paths of up to ${result.hops} hop(s), in transaction ${result.transaction}.`,
      { ...result },
    );
  });
}
