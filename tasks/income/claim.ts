/**
 * `npx hardhat income claim [--hub <address>] [--from <address>] [--json]`
 *
 * Mints the signer's income since their last claim: 1 token per completed hour, at most the last 14 days.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { getAddress, parseEventLogs, type Address, type Hex } from "viem";

import { incomeHubAbi } from "../../client/abis.js";
import { CliError, connect, report, runTask, send, type Connection } from "../cli.js";
import { hubOf, idOf, isoDate, tokens } from "./hub.js";

export interface ClaimArgs {
  hub?: string;
  from?: string;
  json: boolean;
}

export interface ClaimResult {
  hub: Address;
  person: Address;
  /** What was minted, in today's units. */
  minted: bigint;
  /** The span it was earned in, ISO dates. */
  earnedFrom: string;
  earnedTo: string;
  /** The person's balance of their own token afterwards. */
  balance: bigint;
  transaction: Hex;
}

/** Claims the signer's income. Refusals (not registered, stopped) are sentences. */
export async function claimIncome(c: Connection, args: ClaimArgs): Promise<ClaimResult> {
  const wallet = c.wallet(args.from);
  const hub = await hubOf(c, args.hub);
  const person = getAddress(wallet.account.address);
  const { request } = await c.publicClient.simulateContract({
    address: hub,
    abi: incomeHubAbi,
    functionName: "claim",
    account: wallet.account,
  });
  const { hash: transaction, receipt } = await send(c, wallet, request);
  const [claimed] = parseEventLogs({ abi: incomeHubAbi, logs: receipt.logs, eventName: "IncomeClaimed" });
  if (!claimed) throw new CliError(`Transaction ${transaction} claimed nothing.`);
  const balance = await c.publicClient.readContract({
    address: hub,
    abi: incomeHubAbi,
    functionName: "balanceOf",
    args: [person, idOf(person)],
  });
  return {
    hub,
    person,
    minted: claimed.args.amount,
    earnedFrom: isoDate(claimed.args.from),
    earnedTo: isoDate(claimed.args.to),
    balance,
    transaction,
  };
}

export default async function claim(args: ClaimArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await claimIncome(await connect(hre), args);
    report(
      args.json,
      r.minted === 0n
        ? `Nothing to claim yet for ${r.person}: income accrues per completed hour (last claimed at ${r.earnedFrom}). They hold ${tokens(r.balance)} of their own token. Transaction ${r.transaction}.`
        : `${r.person} claimed ${tokens(r.minted)} of their own token, earned from ${r.earnedFrom} to ${r.earnedTo}; they now hold ${tokens(r.balance)}. Transaction ${r.transaction}.`,
      { ...r },
    );
  });
}
