/**
 * `npx hardhat income trust --person <address> (--days 365 | --until 2026-12-31 | --revoke) [--hub <address>]
 *   [--from <address>] [--json]`
 *
 * Accepts a person's token (1:1 for anything you hold) until a date, or withdraws that trust.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { getAddress, type Address, type Hex } from "viem";

import { incomeHubAbi } from "../../client/abis.js";
import { CliError, connect, report, requireAddress, runTask, send, type Connection } from "../cli.js";
import { hubOf, isoDate, trustExpiry } from "./hub.js";

export interface TrustArgs {
  person?: string;
  days?: string;
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

/** Trusts `--person` until `--days`/`--until`, or withdraws the trust with `--revoke`. */
export async function setTrust(c: Connection, args: TrustArgs): Promise<TrustResult> {
  const trustee = requireAddress("person", args.person);
  const given = [args.days !== undefined, args.until !== undefined, args.revoke].filter(Boolean).length;
  if (given !== 1) throw new CliError("Say how long, once: --days 365, --until 2026-12-31, or --revoke.");
  const wallet = c.wallet(args.from);
  const hub = await hubOf(c, args.hub);
  const expiry = args.revoke ? 0n : trustExpiry(args, (await c.publicClient.getBlock()).timestamp);
  const { request } = await c.publicClient.simulateContract({
    address: hub,
    abi: incomeHubAbi,
    functionName: "trust",
    args: [trustee, expiry],
    account: wallet.account,
  });
  const { hash: transaction } = await send(c, wallet, request);
  return {
    hub,
    truster: getAddress(wallet.account.address),
    trustee,
    expiry,
    trustedUntil: expiry === 0n ? null : isoDate(expiry),
    transaction,
  };
}

export default async function trust(args: TrustArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
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
