/**
 * `npx hardhat income trust --person <address> (--for 52w | --until 2026-12-31 | --revoke) [--hub <address>]
 *   [--from <address>] [--json]`
 *
 * Accepts a person's token (1:1 for anything you hold) for a while (`--for`, a duration such as 90m, 8d or 2w) or
 * until a date, or withdraws that trust.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address, Hex } from "viem";

import { setTrust as trust } from "../../client/actions/income/setTrust.js";
import { isoTime } from "../../client/time.js";
import { connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { hubOf, parseTrustTerm } from "./hub.js";

export interface TrustArgs {
  person?: string;
  for?: string;
  until?: string;
  revoke: boolean;
  hub?: string;
  from?: string;
  json: boolean;
}

export interface TrustResult {
  hub: Address;
  truster: Address;
  trustee: Address;
  /** When the trust ends (unix seconds; 0 when withdrawn), and as an ISO date (null when withdrawn). */
  expiry: bigint;
  trustedUntil: string | null;
  transaction: Hex;
}

/** Trusts `--person` for `--for` or until `--until`, or withdraws the trust with `--revoke` (the client's `setTrust`). */
export async function setTrust(c: Connection, args: TrustArgs): Promise<TrustResult> {
  const trustee = requireAddress("person", args.person);
  const term = parseTrustTerm(args);
  const wallet = c.wallet(args.from);
  const hub = await hubOf(c, args.hub);
  const r = await trust(wallet, { hub, trustee, ...term });
  return { hub, ...r, trustedUntil: r.expiry === 0n ? null : isoTime(r.expiry) };
}

export default async function trustTask(args: TrustArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await setTrust(await connect(hre), args);
    report(
      args.json,
      r.trustedUntil
        ? `${r.truster} trusts ${r.trustee} until ${r.trustedUntil}: they accept ${r.trustee}'s token 1:1. Transaction ${r.transaction}.`
        : `${r.truster} no longer trusts ${r.trustee}. Transaction ${r.transaction}.`,
      { ...r },
    );
  });
}
