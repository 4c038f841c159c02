/**
 * The temperature check's aggregates: how heard the members felt over a decision period (readings 1 to 5), read from
 * the circle's rituals. Individual readings are not kept, only their count and sum.
 */
import type { Address, Chain, Client, Transport } from "viem";
import { readContract } from "viem/actions";

import { circleRitualsAbi } from "../../abis.js";
import { resolveBody } from "./resolveBody.js";

export interface ReadTemperatureParameters {
  /** The circle or council. */
  circle: Address;
  registry: Address;
  /** The decision period to read (default: the last one that ended). */
  period?: bigint;
}

/** A period's aggregates. */
export interface TemperatureAggregate {
  period: bigint;
  readings: number;
  heardSum: number;
  /** The mean reading to two decimals, or null with no readings. */
  average: number | null;
}

export interface ReadTemperatureReturnType {
  circle: Address;
  /** The decision period running now. */
  currentPeriod: bigint;
  /** The aggregates of the period read; null when no period has ended yet and none was asked for. */
  aggregate: TemperatureAggregate | null;
}

/**
 * A period's temperature aggregates (by default the last ended period's) and the period running now.
 *
 * @example
 * const { aggregate } = await readTemperature(publicClient, { circle, registry });
 */
export async function readTemperature<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ReadTemperatureParameters,
): Promise<ReadTemperatureReturnType> {
  const body = await resolveBody(client, { address: parameters.circle, registry: parameters.registry });
  const currentPeriod = await readContract(client, {
    address: body.rituals,
    abi: circleRitualsAbi,
    functionName: "currentPeriod",
  });
  const period = parameters.period ?? (currentPeriod === 0n ? undefined : currentPeriod - 1n);
  if (period === undefined) return { circle: body.circle, currentPeriod, aggregate: null };
  const { readings, heardSum } = await readContract(client, {
    address: body.rituals,
    abi: circleRitualsAbi,
    functionName: "temperature",
    args: [period],
  });
  const average = readings === 0 ? null : Math.round((heardSum / readings) * 100) / 100;
  return { circle: body.circle, currentPeriod, aggregate: { period, readings, heardSum, average } };
}
