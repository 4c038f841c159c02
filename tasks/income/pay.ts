/** `npx hardhat income pay --to <address> --amount 25 [--from <address>] [--hub <address>] [--json]` */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { formatUnits, type Account, type Chain, type PublicClient, type Transport, type WalletClient } from "viem";

import { readDeployment } from "../../client/deployments.js";
import { payAlongTrustRequest, planPayment } from "../../client/income.js";
import { flowHops, type Address } from "../../client/pathfinder.js";
import { CliError, parseAmount, report, requireAddress, runTask } from "../cli.js";

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

type Wallet = WalletClient<Transport, Chain, Account>;

/**
 * Plans the payment with the pathfinder, checks it by simulation, and sends it. Every input is checked before
 * anything is sent; a refusal throws with a readable sentence.
 */
export async function payAlongTrust(
  publicClient: PublicClient,
  wallets: readonly Wallet[],
  args: PayArgs,
): Promise<PayResult> {
  const to = requireAddress("to", args.to);
  const amount = parseAmount("amount", args.amount);
  const from = args.from === undefined ? undefined : requireAddress("from", args.from);
  const wallet = from ? wallets.find((w) => w.account.address.toLowerCase() === from.toLowerCase()) : wallets[0];
  if (!wallet) throw new CliError(`--from ${from} is not one of this network's accounts.`);
  const chainId = await publicClient.getChainId();
  const hub = args.hub ? requireAddress("hub", args.hub) : readDeployment(chainId).incomeHub;
  if (!(await publicClient.getCode({ address: hub }))) {
    throw new CliError(`There is no income hub at ${hub} on chain ${chainId}.`);
  }
  const payer = wallet.account.address;
  const flow = await planPayment(publicClient, hub, payer, to, amount);
  const request = payAlongTrustRequest(hub, flow, to);
  await publicClient.simulateContract({ ...request, account: wallet.account });
  const transaction = await wallet.writeContract(request);
  const receipt = await publicClient.waitForTransactionReceipt({ hash: transaction });
  if (receipt.status !== "success") throw new CliError(`The payment ${transaction} reverted.`);
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
  await runTask(async () => {
    const { viem } = await hre.network.connect();
    const result = await payAlongTrust(await viem.getPublicClient(), await viem.getWalletClients(), args);
    report(
      args.json,
      `${result.payer} paid ${result.to} ${formatUnits(result.amount, 18)} along trust: ${result.transfers} transfer(s) over paths of up to ${result.hops} hop(s), in transaction ${result.transaction}.`,
      { ...result },
    );
  });
}
