/**
 * Builds a circle's (or council's) decision to set the thresholds its sovereignty scorecards are read against:
 * `rituals.setScorecardThresholds(thresholds)`. Fields not given keep their current value.
 */
import { encodeFunctionData, type Address, type Chain, type Client, type Transport } from "viem";

import { circleRitualsAbi } from "../../abis.js";
import { dryRunAs } from "../../dryRun.js";
import { InvalidParameterError } from "../../errors.js";
import type { PreparedProposal } from "../../proposals.js";
import {
  SCORECARD_THRESHOLD_FIELDS,
  scorecardThresholdProblem,
  type ScorecardThresholds,
} from "../../scorecardThresholds.js";
import { readScorecardThresholds } from "./readScorecardThresholds.js";

export interface PrepareSetScorecardThresholdsParameters {
  /** The circle or council. */
  circle: Address;
  registry: Address;
  /** The thresholds to change; the others keep their current value (the defaults while never set). */
  thresholds: Partial<ScorecardThresholds>;
  /** The proposal's description (default: "Set the scorecard thresholds: <changes>"). */
  description?: string;
}

export interface PrepareSetScorecardThresholdsReturnType extends PreparedProposal {
  /** The thresholds now. */
  current: ScorecardThresholds;
  /** The thresholds the decision would set. */
  thresholds: ScorecardThresholds;
}

/**
 * The proposal that sets the scorecard thresholds, tried first as the circle would make it so an out-of-range value
 * is told now, before anyone votes.
 *
 * @example
 * const proposal = await prepareSetScorecardThresholds(publicClient, {
 *   circle, registry, thresholds: { maxTopMandateShareBps: 4000, minHeardAverageCenti: 350 },
 * });
 * await propose(anaWallet, { circle, calls: proposal.calls, description: proposal.description });
 */
export async function prepareSetScorecardThresholds<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: PrepareSetScorecardThresholdsParameters,
): Promise<PrepareSetScorecardThresholdsReturnType> {
  const changes = Object.entries(parameters.thresholds).filter(([, v]) => v !== undefined);
  if (changes.length === 0) {
    const names = SCORECARD_THRESHOLD_FIELDS.map((f) => f.name).join(", ");
    throw new InvalidParameterError("thresholds", `Say which thresholds to set: one or more of ${names}.`);
  }
  for (const [name, value] of changes) {
    const field = SCORECARD_THRESHOLD_FIELDS.findIndex((f) => f.name === name);
    const problem = field < 0 ? `There is no scorecard threshold ${name}` : scorecardThresholdProblem(field, value);
    if (problem) throw new InvalidParameterError("thresholds", `${problem}.`);
  }
  const read = await readScorecardThresholds(client, { circle: parameters.circle, registry: parameters.registry });
  const thresholds: ScorecardThresholds = { ...read.thresholds, ...Object.fromEntries(changes) };
  await dryRunAs(client, {
    address: read.rituals,
    abi: circleRitualsAbi,
    functionName: "setScorecardThresholds",
    args: [thresholds],
    account: read.circle,
  });
  const data = encodeFunctionData({
    abi: circleRitualsAbi,
    functionName: "setScorecardThresholds",
    args: [thresholds],
  });
  const said = changes.map(([name, value]) => `${name} ${value}`).join(", ");
  return {
    circle: read.circle,
    calls: [{ target: read.rituals, value: 0n, data }],
    description: parameters.description || `Set the scorecard thresholds: ${said}`,
    current: read.thresholds,
    thresholds,
  };
}
