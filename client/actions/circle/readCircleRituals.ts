/**
 * The rituals a circle's page shows: who facilitates now (since when, until when, whether the next draw can be
 * requested), the hard-reset round running, and how heard the members felt, period by period.
 */
import { zeroAddress, type Address, type Chain, type Client, type Transport } from "viem";
import { getBlock, readContract } from "viem/actions";

import { circleAbi, circleRitualsAbi, mandatesAbi } from "../../abis.js";
import { InvalidParameterError } from "../../errors.js";
import type { LedgerClient } from "../../ledger.js";
import { FACILITATOR_ROLE_ID } from "../../scorecard.js";
import { isoTime } from "../../time.js";
import { listTemperatureReadings, type LedgerTemperatureReading } from "../ledger/listTemperatureReadings.js";
import { listPendingDraws } from "../mandate/listPendingDraws.js";
import { readDraw } from "../mandate/readDraw.js";
import { readMandate } from "../mandate/readMandate.js";
import { readTemperature } from "./readTemperature.js";
import { resolveBody } from "./resolveBody.js";

/** The most periods read from the chain when no ledger is given (one read each). */
export const MAX_CHAIN_PERIODS = 52;

export interface ReadCircleRitualsParameters {
  /** The circle or council. */
  circle: Address;
  registry: Address;
  /**
   * The ledger: with it, the temperature series holds every period with readings (from the ledger's readings);
   * without it, the last `periods` ended periods are read from the chain's aggregates.
   */
  ledger?: LedgerClient;
  /** Without a ledger: how many ended periods to read, 1 to {@link MAX_CHAIN_PERIODS} (default 12). */
  periods?: number;
}

/** The rotating facilitator. */
export interface Facilitation {
  /** Whether the circle has one (its mandate rules' facilitation period is not zero). */
  enabled: boolean;
  /** A facilitator's term, in seconds. */
  period: number;
  /** The live facilitator, or null. */
  holder: Address | null;
  mandateId: bigint | null;
  since: bigint | null;
  sinceIso: string | null;
  until: bigint | null;
  untilIso: string | null;
  /** Who facilitated last (left out of the next draw while anyone else is eligible); null if nobody yet. */
  lastFacilitator: Address | null;
  /** A facilitator draw waiting for its randomness, or null. */
  pendingDraw: { drawId: bigint; ticket: bigint; poolSize: number } | null;
  /** Whether anyone may request the next draw now: facilitation on, no live facilitator, no draw pending. */
  canRequestDraw: boolean;
}

/** The hard-reset round as the rituals hold it. */
export interface ResetRound {
  round: bigint;
  signals: bigint;
  /** Distinct members whose signals within the round reset the circle. */
  threshold: number;
  endsAt: bigint;
  endsAtIso: string;
  /** Whether the round is running: signalled, and not past its end. */
  open: boolean;
  /** How many hard resets the circle has had. */
  epoch: bigint;
}

/** One decision period's temperature. */
export interface TemperaturePoint {
  period: bigint;
  readings: number;
  /** The mean reading to two decimals, or null with no readings. */
  average: number | null;
  /** From the ledger only: the first and last reading's time; null from the chain. */
  firstAt: bigint | null;
  lastAt: bigint | null;
}

export interface ReadCircleRitualsReturnType {
  circle: Address;
  at: bigint;
  /** The decision period running now. */
  currentPeriod: bigint;
  facilitation: Facilitation;
  reset: ResetRound;
  /** Oldest period first. */
  temperature: TemperaturePoint[];
  /** Where the series came from. */
  temperatureSource: "ledger" | "chain";
}

/**
 * The ledger's readings grouped by period, oldest first: count and mean (to two decimals, as readTemperature writes
 * it), with the first and last reading's time.
 */
export function temperatureByPeriod(readings: readonly LedgerTemperatureReading[]): TemperaturePoint[] {
  const byPeriod = new Map<bigint, LedgerTemperatureReading[]>();
  for (const r of readings) byPeriod.set(r.period, [...(byPeriod.get(r.period) ?? []), r]);
  return [...byPeriod]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([period, list]) => {
      const times = list.map((r) => r.at).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const sum = list.reduce((n, r) => n + r.heard, 0);
      return {
        period,
        readings: list.length,
        average: Math.round((sum / list.length) * 100) / 100,
        firstAt: times[0]!,
        lastAt: times.at(-1)!,
      };
    });
}

/**
 * A circle's rituals for its page, from the chain at its latest block: the facilitator (holderOf the facilitator
 * role, its mandate's times, the last facilitator, a pending facilitator draw), the reset round (`resetRound()` with
 * the rules' threshold), and the temperature series (see `ledger`). Refuses an address that is not a body of
 * `registry`, and a `periods` out of range with an InvalidParameterError.
 *
 * @example
 * const { facilitation, reset, temperature } = await readCircleRituals(publicClient, { circle, registry, ledger });
 * if (facilitation.canRequestDraw) await requestFacilitatorDraw(walletClient, { mandates });
 */
export async function readCircleRituals<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ReadCircleRitualsParameters,
): Promise<ReadCircleRitualsReturnType> {
  const periods = parameters.periods ?? 12;
  if (!Number.isInteger(periods) || periods < 1 || periods > MAX_CHAIN_PERIODS) {
    throw new InvalidParameterError(
      "periods",
      `The periods must be a whole number from 1 to ${MAX_CHAIN_PERIODS}; got ${periods}.`,
    );
  }
  const body = await resolveBody(client, { address: parameters.circle, registry: parameters.registry });
  const mandates = { address: body.mandates, abi: mandatesAbi } as const;
  const rituals = { address: body.rituals, abi: circleRitualsAbi } as const;
  const [block, rules, [holder, mandateId], last, pending, [round, signals, endsAt], circleRules, epoch, current] =
    await Promise.all([
      getBlock(client),
      readContract(client, { ...mandates, functionName: "rules" }),
      readContract(client, { ...mandates, functionName: "holderOf", args: [FACILITATOR_ROLE_ID] }),
      readContract(client, { ...mandates, functionName: "lastFacilitator" }),
      listPendingDraws(client, { mandates: body.mandates }),
      readContract(client, { ...rituals, functionName: "resetRound" }),
      readContract(client, { address: body.circle, abi: circleAbi, functionName: "rules" }),
      readContract(client, { address: body.circle, abi: circleAbi, functionName: "resetEpoch" }),
      readContract(client, { ...rituals, functionName: "currentPeriod" }),
    ]);
  const at = block.timestamp;
  const drawn = await Promise.all(pending.map((d) => readDraw(client, { mandates: body.mandates, drawId: d.id })));
  const facilitatorDraw = pending.find((_, i) => drawn[i]!.role === "facilitator");
  const live = holder === zeroAddress ? null : await readMandate(client, { mandates: body.mandates, id: mandateId });
  const enabled = rules.facilitationPeriod > 0;
  const facilitation: Facilitation = {
    enabled,
    period: rules.facilitationPeriod,
    holder: live ? live.holder : null,
    mandateId: live ? live.id : null,
    since: live ? BigInt(live.grantedAt) : null,
    sinceIso: live ? isoTime(live.grantedAt) : null,
    until: live ? BigInt(live.expiresAt) : null,
    untilIso: live ? isoTime(live.expiresAt) : null,
    lastFacilitator: last === zeroAddress ? null : last,
    pendingDraw: facilitatorDraw
      ? { drawId: facilitatorDraw.id, ticket: facilitatorDraw.ticket, poolSize: facilitatorDraw.poolSize }
      : null,
    canRequestDraw: enabled && !live && !facilitatorDraw,
  };
  const reset: ResetRound = {
    round,
    signals,
    threshold: circleRules.resetThreshold,
    endsAt: BigInt(endsAt),
    endsAtIso: isoTime(endsAt),
    open: signals > 0n && BigInt(endsAt) > at,
    epoch,
  };
  let temperature: TemperaturePoint[];
  if (parameters.ledger) {
    const { readings } = await listTemperatureReadings(parameters.ledger, { circle: body.circle });
    temperature = temperatureByPeriod(readings);
  } else {
    const first = current > BigInt(periods) ? current - BigInt(periods) : 0n;
    const ids = Array.from({ length: Number(current - first) }, (_, i) => first + BigInt(i));
    const read = await Promise.all(
      ids.map((period) => readTemperature(client, { circle: body.circle, registry: parameters.registry, period })),
    );
    temperature = read.map(({ aggregate }) => ({
      period: aggregate!.period,
      readings: aggregate!.readings,
      average: aggregate!.average,
      firstAt: null,
      lastAt: null,
    }));
  }
  return {
    circle: body.circle,
    at,
    currentPeriod: current,
    facilitation,
    reset,
    temperature,
    temperatureSource: parameters.ledger ? "ledger" : "chain",
  };
}
