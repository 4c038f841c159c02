/**
 * `npx hardhat income claim [--hub <address>] [--from <address>] [--json]`
 *
 * Mints the signer's income since their last claim: 1 token per completed hour, at most the last 14 days.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address, Hex } from "viem";

import { claimIncome as claim } from "../../client/actions/income/claimIncome.js";
import { isoTime } from "../../client/time.js";
import { formatTokens } from "../../client/units.js";
import { connect, report, runTask, type Connection } from "../cli.js";
import { hubOf } from "./hub.js";

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

/** Claims the signer's income (the client's `claimIncome`). Refusals (not registered, stopped) are sentences. */
export async function claimIncome(c: Connection, args: ClaimArgs): Promise<ClaimResult> {
  const wallet = c.wallet(args.from);
  const hub = await hubOf(c, args.hub);
  const r = await claim(wallet, { hub });
  return { hub, ...r, earnedFrom: isoTime(r.earnedFrom), earnedTo: isoTime(r.earnedTo) };
}

export default async function claimTask(args: ClaimArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await claimIncome(await connect(hre), args);
    report(
      args.json,
      r.minted === 0n
        ? `Nothing to claim yet for ${r.person}: income accrues per completed hour (last claimed at ${r.earnedFrom}). They hold ${formatTokens(r.balance)} of their own. Transaction ${r.transaction}.`
        : `${r.person} claimed ${formatTokens(r.minted)} of their own, earned from ${r.earnedFrom} to ${r.earnedTo}; they now hold ${formatTokens(r.balance)}. Transaction ${r.transaction}.`,
      { ...r },
    );
  });
}
