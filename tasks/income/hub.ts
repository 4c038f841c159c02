/** What the basic-income tasks share: finding the hub and the wrapper factory, and reading durations and dates. */
import { formatUnits, type Address } from "viem";

import { incomeHubAbi, incomeWrappersAbi } from "../../client/abis.js";
import { CliError, requireAddress, requireContract, type Connection } from "../cli.js";

/** `IIncomeHub.AvatarKind`, in words. */
export const AVATAR_KINDS = ["not registered", "a person", "a circle"] as const;

/** A hub amount (18 decimals) for people: "25.5". */
export const tokens = (amount: bigint): string => formatUnits(amount, 18);

/** A unix time in seconds as ISO 8601 UTC (whole seconds). */
export const isoDate = (seconds: bigint | number): string =>
  new Date(Number(seconds) * 1000).toISOString().replace(/\.000Z$/, "Z");

/** The token id of a person (or group): their address as a number. */
export const idOf = (account: Address): bigint => BigInt(account);

/** The income hub: `--hub`, or this network's deployment record; refused if there is no hub there. */
export async function hubOf(c: Connection, hub: string | undefined): Promise<Address> {
  const address = hub ? requireAddress("hub", hub) : c.deployment().incomeHub;
  await requireContract(c, "income hub", address);
  await c.publicClient.readContract({ address, abi: incomeHubAbi, functionName: "invitationCost" }).catch(() => {
    throw new CliError(`${address} is not an income hub.`);
  });
  return address;
}

/** The wrapper factory of `hub`: `--wrappers`, or this network's deployment record. */
export async function wrappersOf(c: Connection, hub: Address, wrappers: string | undefined): Promise<Address> {
  const address = wrappers ? requireAddress("wrappers", wrappers) : c.deployment().incomeWrappers;
  await requireContract(c, "income wrapper factory", address);
  const wrapped = await c.publicClient
    .readContract({ address, abi: incomeWrappersAbi, functionName: "hub" })
    .catch(() => {
      throw new CliError(`${address} is not an income wrapper factory.`);
    });
  if (wrapped.toLowerCase() !== hub.toLowerCase()) {
    throw new CliError(`The wrapper factory ${address} wraps the tokens of hub ${wrapped}, not of ${hub}.`);
  }
  return address;
}

const DAY = 86_400n;

/**
 * When trust given now should end: `--days` from the latest block, or `--until` (an ISO date, UTC unless it says
 * otherwise), which must be in the future.
 */
export function trustExpiry(args: { days?: string; until?: string }, now: bigint): bigint {
  if (args.days !== undefined && args.until !== undefined)
    throw new CliError("Give either --days or --until, not both.");
  if (args.until !== undefined) {
    const ms = /^\d{4}-\d\d-\d\d/.test(args.until) ? Date.parse(args.until) : NaN;
    if (Number.isNaN(ms)) {
      throw new CliError(
        `--until "${args.until}" is not a date: give an ISO date such as 2026-12-31 or 2026-12-31T12:00:00Z.`,
      );
    }
    const expiry = BigInt(Math.floor(ms / 1000));
    if (expiry <= now)
      throw new CliError(`--until ${args.until} is not in the future (the chain's time is ${isoDate(now)}).`);
    return expiry;
  }
  const days = args.days ?? "";
  if (!/^\d+(\.\d+)?$/.test(days) || Number(days) <= 0) {
    throw new CliError(`--days "${days}" is not a number of days: give a number above zero, such as 365.`);
  }
  return now + BigInt(Math.round(Number(days) * Number(DAY)));
}
