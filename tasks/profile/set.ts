/**
 * `npx hardhat profile set --name <name> [--uri <uri>] [--profiles <address>] [--from <address>] [--json]`
 *
 * Sets the signer's own display name (and profile URI), which the CLI, the app and the ledger then show next to their
 * address. Names are not unique and prove nothing: anyone can take any name.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address, Hex } from "viem";

import { setProfile as set } from "../../client/actions/profile/setProfile.js";
import { displayName } from "../../client/names.js";
import { CliError, connect, report, runTask, type Connection } from "../cli.js";
import { profilesOf } from "./common.js";

export interface SetArgs {
  name?: string;
  uri?: string;
  profiles?: string;
  from?: string;
  json: boolean;
}

export interface SetResult {
  profiles: Address;
  account: Address;
  name: string;
  uri: string;
  /** How faces show the account now: "Ana (0xAbC1…89Ef)". */
  display: string;
  transaction: Hex;
}

/** Sets the signer's profile (the client's setProfile). The registry's refusals are sentences. */
export async function setProfile(c: Connection, args: SetArgs): Promise<SetResult> {
  if (args.name === undefined) {
    throw new CliError("--name is required: the name others see next to your address (to remove it: profile clear).");
  }
  const wallet = c.wallet(args.from);
  const profiles = await profilesOf(c, args.profiles);
  const r = await set(wallet, { profiles, name: args.name, ...(args.uri === undefined ? {} : { uri: args.uri }) });
  return { profiles, ...r, display: displayName(r.account, new Map([[r.account, { name: r.name }]])) };
}

export default async function setTask(args: SetArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await setProfile(await connect(hre), args);
    report(
      args.json,
      `Your profile is set: you show as ${r.display}${r.uri ? `, profile ${r.uri}` : ""}. Names are not unique: others always see yours with your address. Transaction ${r.transaction}.`,
      { ...r },
    );
  });
}
