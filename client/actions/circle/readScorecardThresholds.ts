/**
 * The thresholds a circle's sovereignty scorecards are read against, read from its rituals: the circle's decision,
 * or the defaults while it never made one.
 */
import type { Address, Chain, Client, Transport } from "viem";
import { readContract } from "viem/actions";

import { circleRitualsAbi } from "../../abis.js";
import {
  SCORECARD_THRESHOLD_DEFAULTS,
  SCORECARD_THRESHOLD_FIELDS,
  type ScorecardThresholds,
} from "../../scorecardThresholds.js";
import { resolveBody } from "./resolveBody.js";

export interface ReadScorecardThresholdsParameters {
  /** The circle or council. */
  circle: Address;
  registry: Address;
  /** The block to read at (default: the latest). */
  blockNumber?: bigint;
}

export interface ReadScorecardThresholdsReturnType {
  circle: Address;
  /** Its rituals, whose `setScorecardThresholds` a decision calls to change them. */
  rituals: Address;
  thresholds: ScorecardThresholds;
  /**
   * Whether they equal the defaults: the circle never set them (or set the very same values). The contract keeps no
   * separate flag; the ledger's `scorecard_thresholds_set` table tells whether a decision was ever made.
   */
  defaults: boolean;
}

/**
 * A circle's scorecard thresholds.
 *
 * @example
 * const { thresholds, defaults } = await readScorecardThresholds(publicClient, { circle, registry });
 */
export async function readScorecardThresholds<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ReadScorecardThresholdsParameters,
): Promise<ReadScorecardThresholdsReturnType> {
  const body = await resolveBody(client, { address: parameters.circle, registry: parameters.registry });
  const read = await readContract(client, {
    address: body.rituals,
    abi: circleRitualsAbi,
    functionName: "scorecardThresholds",
    ...(parameters.blockNumber === undefined ? {} : { blockNumber: parameters.blockNumber }),
  });
  const thresholds = Object.fromEntries(
    SCORECARD_THRESHOLD_FIELDS.map((f) => [f.name, Number(read[f.name])]),
  ) as unknown as ScorecardThresholds;
  const defaults = SCORECARD_THRESHOLD_FIELDS.every((f) => thresholds[f.name] === SCORECARD_THRESHOLD_DEFAULTS[f.name]);
  return { circle: body.circle, rituals: body.rituals, thresholds, defaults };
}
