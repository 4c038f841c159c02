import { zeroAddress, type Address } from "viem";

import { addr, big, filterAddress, listAll, type LedgerClient } from "../../ledger.js";
import { readLedgerCircle } from "./readLedgerCircle.js";

export interface ListTemperatureReadingsParameters {
  /** The circle (or council). */
  circle: Address;
}

/** One member's power temperature reading for a period. */
export interface LedgerTemperatureReading {
  period: bigint;
  member: Address;
  /** How heard the member felt (the scale the circle's rituals use). */
  heard: number;
  /** The member they named as dominant, or null for none. */
  dominant: Address | null;
  at: bigint;
  block: bigint;
}

/** A member named dominant by a majority, sitting out of roles until `until`. */
export interface LedgerCooldown {
  member: Address;
  period: bigint;
  until: bigint;
  at: bigint;
  block: bigint;
}

export interface ListTemperatureReadingsReturnType {
  readings: LedgerTemperatureReading[];
  cooldowns: LedgerCooldown[];
}

interface LogRow {
  blockNumber: string;
  timestamp: string;
}

/**
 * A circle's power temperature from the ledger: every reading (how heard each member felt, whom they named
 * dominant) and every cooldown it led to, in order.
 *
 * @example
 * const { readings } = await listTemperatureReadings({ url }, { circle });
 */
export async function listTemperatureReadings(
  ledger: LedgerClient,
  parameters: ListTemperatureReadingsParameters,
): Promise<ListTemperatureReadingsReturnType> {
  const { rituals } = await readLedgerCircle(ledger, parameters);
  const where = { contract: filterAddress(rituals) };
  const [readings, cooldowns] = await Promise.all([
    listAll<LogRow & { period: string; member: string; heard: number; dominant: string }>(
      ledger,
      "temperatureRecordeds",
      {
        filterType: "temperatureRecordedFilter",
        where,
        orderBy: "id",
        selection: "blockNumber timestamp period member heard dominant",
      },
    ),
    listAll<LogRow & { period: string; member: string; until: string }>(ledger, "memberCooledDowns", {
      filterType: "memberCooledDownFilter",
      where,
      orderBy: "id",
      selection: "blockNumber timestamp member period until",
    }),
  ]);
  return {
    readings: readings.map((r) => ({
      period: big(r.period),
      member: addr(r.member),
      heard: r.heard,
      dominant: r.dominant === zeroAddress ? null : addr(r.dominant),
      at: big(r.timestamp),
      block: big(r.blockNumber),
    })),
    cooldowns: cooldowns.map((c) => ({
      member: addr(c.member),
      period: big(c.period),
      until: big(c.until),
      at: big(c.timestamp),
      block: big(c.blockNumber),
    })),
  };
}
