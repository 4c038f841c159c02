/**
 * The thresholds a circle's sovereignty scorecards are read against (`ICircleRituals.ScorecardThresholds`): each
 * field's range, its default while the circle never set them, and what it means. The circle sets them by a decision
 * (`setScorecardThresholds` on its rituals, through a proposal); the contract refuses a field out of its range.
 */

/** The thresholds, in the order of the Solidity struct. Basis points: 10000 = 100%. */
export interface ScorecardThresholds {
  maxTopMandateShareBps: number;
  maxTopProposerShareBps: number;
  minParticipationBps: number;
  /** The heard average times 100 on the 1-5 temperature scale: 100 to 500. */
  minHeardAverageCenti: number;
  maxOneSidedPairShareBps: number;
}

/** One threshold: its position in the struct, range, default and meaning. */
export interface ScorecardThresholdField {
  name: keyof ScorecardThresholds;
  min: number;
  max: number;
  default: number;
  description: string;
}

/** Every threshold in the struct's order (the contract's `CircleRitualsInvalidThreshold(field, …)` indexes this). */
export const SCORECARD_THRESHOLD_FIELDS = [
  {
    name: "maxTopMandateShareBps",
    min: 1,
    max: 10_000,
    default: 5_000,
    description: "the most of a period's mandate-time one member may hold (rotation), in basis points",
  },
  {
    name: "maxTopProposerShareBps",
    min: 1,
    max: 10_000,
    default: 5_000,
    description: "the most of a period's proposals one member may make (voice), in basis points",
  },
  {
    name: "minParticipationBps",
    min: 1,
    max: 10_000,
    default: 5_000,
    description:
      "the least share of the electorate voting on a period's closed votes, on average (voice), in basis points",
  },
  {
    name: "minHeardAverageCenti",
    min: 100,
    max: 500,
    default: 300,
    description: "the least average temperature reading, times 100 on the 1-5 scale (300 = 3.00)",
  },
  {
    name: "maxOneSidedPairShareBps",
    min: 1,
    max: 10_000,
    default: 5_000,
    description: "the most of a period's trading pairs that may pay one way only (reciprocity), in basis points",
  },
] as const satisfies readonly ScorecardThresholdField[];

/** The thresholds while a circle never set them (the contract's defaults). */
export const SCORECARD_THRESHOLD_DEFAULTS: Readonly<ScorecardThresholds> = Object.freeze(
  Object.fromEntries(SCORECARD_THRESHOLD_FIELDS.map((f) => [f.name, f.default])) as unknown as ScorecardThresholds,
);

/** Why `value` cannot be threshold `field` (its position), or null if it can. */
export function scorecardThresholdProblem(field: number, value: number): string | null {
  const spec: ScorecardThresholdField | undefined = SCORECARD_THRESHOLD_FIELDS[field];
  if (!spec) return `There is no scorecard threshold ${field}`;
  if (Number.isInteger(value) && value >= spec.min && value <= spec.max) return null;
  return `${spec.name} is ${spec.min} to ${spec.max} (${spec.description}); got ${value}`;
}
