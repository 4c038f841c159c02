/**
 * `npx hardhat circle temperature --circle <address> --heard 1-5 [--dominant <address>] [--from <address>] [--json]`
 * records the signer's reading of the period that just ended; without --heard, shows a period's aggregates (the
 * last ended period, or --period <n>) and needs no signer.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address, Hex } from "viem";

import { readTemperature, type TemperatureAggregate } from "../../client/actions/circle/readTemperature.js";
import { recordTemperature } from "../../client/actions/circle/recordTemperature.js";
import { CliError, connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { iso, parseWhole, registryOf } from "./shared.js";

export interface TemperatureArgs {
  circle?: string;
  heard?: string;
  dominant?: string;
  period?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

/** A period's aggregates. */
export type Aggregate = TemperatureAggregate;

export interface TemperatureResult {
  circle: Address;
  /** The decision period running now. */
  currentPeriod: bigint;
  /** The aggregates of the period read or just recorded; null if no period has ended yet. */
  aggregate: Aggregate | null;
  /** The reading just recorded, in record mode. */
  recorded: {
    member: Address;
    heard: number;
    dominant: Address | null;
    /** Set when this naming made a majority: the member named sits out of roles until then. */
    cooledDown: { member: Address; until: string } | null;
    transaction: Hex;
  } | null;
}

/** Records the signer's reading (with --heard), or reads a period's aggregates (without). */
export async function temperature(c: Connection, args: TemperatureArgs): Promise<TemperatureResult> {
  const recording = args.heard !== undefined && args.heard !== "";
  const heard = recording ? Number(parseWhole("heard", args.heard, { min: 1n, max: 5n, example: "4" })) : 0;
  const dominant = args.dominant ? requireAddress("dominant", args.dominant) : undefined;
  if (!recording && dominant) throw new CliError("--dominant goes with a reading: give --heard 1-5 too.");
  if (recording && args.period) {
    throw new CliError("--period is for reading aggregates; a reading is always about the period that just ended.");
  }
  const period = args.period ? parseWhole("period", args.period, { example: "3" }) : undefined;
  const wallet = recording ? c.wallet(args.from) : undefined;
  const circle = requireAddress("circle", args.circle);
  const registry = registryOf(c, args.registry);
  if (!wallet) return { ...(await readTemperature(c.publicClient, { circle, registry, period })), recorded: null };
  const r = await recordTemperature(wallet, { circle, registry, heard, dominant });
  const { cooledDown } = r.recorded;
  return {
    ...r,
    recorded: { ...r.recorded, cooledDown: cooledDown && { member: cooledDown.member, until: iso(cooledDown.until) } },
  };
}

export function describeTemperature(r: TemperatureResult): string {
  const a = r.aggregate;
  const aggregate = a
    ? `Period ${a.period}: ${a.readings} reading(s)${a.average === null ? "" : `, ${a.average} of 5 on average (sum ${a.heardSum})`}.`
    : `No decision period of ${r.circle} has ended yet (period ${r.currentPeriod} is running): there is nothing to read.`;
  if (!r.recorded) return aggregate;
  const { member, heard, dominant, cooledDown, transaction } = r.recorded;
  const named = dominant ? `, naming ${dominant} dominant` : "";
  const cooled = cooledDown
    ? ` A majority has now named ${cooledDown.member}: they sit out of roles until ${cooledDown.until}.`
    : "";
  return `${member} recorded feeling heard ${heard} of 5${named} (transaction ${transaction}). ${aggregate}${cooled}`;
}

export default async function temperatureTask(args: TemperatureArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const result = await temperature(await connect(hre), args);
    report(args.json, describeTemperature(result), { ...result });
  });
}
