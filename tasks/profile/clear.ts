/**
 * `npx hardhat profile clear [--profiles <address>] [--from <address>] [--json]`
 *
 * Clears the signer's own display name and profile URI: faces show their bare address again.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address, Hex } from "viem";

import { clearProfile as clear } from "../../client/actions/profile/clearProfile.js";
import { connect, report, runTask, type Connection } from "../cli.js";
import { profilesOf } from "./common.js";

export interface ClearArgs {
  profiles?: string;
  from?: string;
  json: boolean;
}

export interface ClearResult {
  profiles: Address;
  account: Address;
  transaction: Hex;
}

/** Clears the signer's profile (the client's clearProfile). */
export async function clearProfile(c: Connection, args: ClearArgs): Promise<ClearResult> {
  const wallet = c.wallet(args.from);
  const profiles = await profilesOf(c, args.profiles);
  return { profiles, ...(await clear(wallet, { profiles })) };
}

export default async function clearTask(args: ClearArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await clearProfile(await connect(hre), args);
    report(
      args.json,
      `Your profile is cleared: ${r.account} has no name or profile URI now. Transaction ${r.transaction}.`,
      { ...r },
    );
  });
}
