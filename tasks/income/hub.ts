/**
 * What the basic-income tasks share: finding the hub and the wrapper factory from the options, and reading how long
 * trust lasts (`--for 52w`, `--until 2026-12-31`).
 */
import type { Address } from "viem";

import { readIncomeHub } from "../../client/actions/income/readIncomeHub.js";
import { parseDuration } from "../../client/chain.js";
import type { TrustTerm } from "../../client/actions/income/setTrust.js";
import { CliError, requireAddress, requireContract, type Connection } from "../cli.js";

/** The income hub: `--hub`, or this network's deployment record; refused if there is no hub there. */
export async function hubOf(c: Connection, hub: string | undefined): Promise<Address> {
  const address = hub ? requireAddress("hub", hub) : c.deployment().incomeHub;
  await requireContract(c, "income hub", address);
  return (await readIncomeHub(c.publicClient, { hub: address })).hub;
}

/** The wrapper factory: `--wrappers`, or this network's deployment record; refused if there is no contract there. */
export async function wrappersOf(c: Connection, wrappers: string | undefined): Promise<Address> {
  const address = wrappers ? requireAddress("wrappers", wrappers) : c.deployment().incomeWrappers;
  await requireContract(c, "income wrapper factory", address);
  return address;
}

/** `--for`: how long trust lasts from now, a duration with units (90m, 8d, 2w, 1d12h), at most 10 years. */
export function parseTrustDuration(value: string): number {
  return parseDuration(value, { label: "--for" });
}

/** `--until`: an ISO date (UTC unless it says otherwise) as unix seconds. The client checks it is in the future. */
export function parseUntil(value: string): bigint {
  const ms = /^\d{4}-\d\d-\d\d/.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) {
    throw new CliError(
      `--until "${value}" is not a date: give an ISO date such as 2026-12-31 or 2026-12-31T12:00:00Z.`,
    );
  }
  return BigInt(Math.floor(ms / 1000));
}

/** How long trust lasts, from exactly one of `--for`, `--until` and `--revoke`. */
export function parseTrustTerm(args: { for?: string; until?: string; revoke: boolean }): TrustTerm {
  const given = [args.for !== undefined, args.until !== undefined, args.revoke].filter(Boolean).length;
  if (given !== 1) throw new CliError("Say how long, once: --for 52w, --until 2026-12-31, or --revoke.");
  if (args.revoke) return { revoke: true };
  if (args.until !== undefined) return { until: parseUntil(args.until) };
  return { duration: parseTrustDuration(args.for!) };
}
