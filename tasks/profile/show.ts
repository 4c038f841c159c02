/**
 * `npx hardhat profile show [--account <address>] [--profiles <address>] [--json]`
 *
 * An account's display name, profile URI and when it set them (default: the first of the network's accounts), and its
 * ENS name where the network has ENS. Read only.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address } from "viem";

import { readProfile } from "../../client/actions/profile/readProfile.js";
import { displayName, printableName } from "../../client/names.js";
import { isoTime } from "../../client/time.js";
import { CliError, connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { profilesOf } from "./common.js";

export interface ShowArgs {
  account?: string;
  profiles?: string;
  json: boolean;
}

export interface ShowResult {
  profiles: Address;
  account: Address;
  /** As stored ("" for none). */
  name: string;
  uri: string;
  /** ISO 8601 UTC, or "never". */
  updatedAt: string;
  ensName?: string;
  /** How faces show the account: "Ana (0xAbC1…89Ef)", or the bare address. */
  display: string;
}

/** Reads an account's profile (the client's readProfile). */
export async function showProfile(c: Connection, args: ShowArgs): Promise<ShowResult> {
  let account: Address;
  if (args.account !== undefined) account = requireAddress("account", args.account);
  else {
    const first = c.wallets[0];
    if (!first) throw new CliError("--account is required: this network has no accounts of its own to show.");
    account = first.account.address;
  }
  const profiles = await profilesOf(c, args.profiles);
  const p = await readProfile(c.publicClient, { profiles, account });
  return {
    profiles,
    account: p.account,
    name: p.name,
    uri: p.uri,
    updatedAt: isoTime(p.updatedAt),
    ...(p.ensName ? { ensName: p.ensName } : {}),
    display: displayName(p.account, new Map([[p.account, p]])),
  };
}

/** The profile as lines for people. */
export function describeProfile(r: ShowResult): string {
  if (r.name === "" && r.ensName === undefined) {
    return `${r.account} has no profile: set yours with npx hardhat profile set --name <name>.`;
  }
  return [
    r.display,
    `  account ${r.account}`,
    ...(r.name ? [`  name "${printableName(r.name)}", set ${r.updatedAt}`] : []),
    ...(r.uri ? [`  profile ${printableName(r.uri)}`] : []),
    ...(r.ensName ? [`  ENS ${printableName(r.ensName)}`] : []),
    `  Names are not unique and prove nothing: go by the address.`,
  ].join("\n");
}

export default async function showTask(args: ShowArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await showProfile(await connect(hre), args);
    report(args.json, describeProfile(r), { ...r });
  });
}
