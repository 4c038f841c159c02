/**
 * `npx hardhat circle thresholds --circle <address> [--json]` shows the thresholds the circle's scorecards are read
 * against; with any of `--max-top-mandate-share-bps`, `--max-top-proposer-share-bps`, `--min-participation-bps`,
 * `--min-heard-average-centi`, `--max-one-sided-pair-share-bps` it proposes changing them (a decision of the circle;
 * the others keep their value) `[--description "…"] [--from <address>]`.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address } from "viem";

import { prepareSetScorecardThresholds } from "../../client/actions/circle/prepareSetScorecardThresholds.js";
import {
  readScorecardThresholds,
  type ReadScorecardThresholdsReturnType,
} from "../../client/actions/circle/readScorecardThresholds.js";
import { propose } from "../../client/actions/proposal/propose.js";
import { SCORECARD_THRESHOLD_FIELDS, type ScorecardThresholds } from "../../client/scorecardThresholds.js";
import { CliError, connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { nextSteps, parseWhole, proposalMade, registryOf, type ProposalMade } from "./shared.js";

export type ThresholdArgs = { [name in keyof ScorecardThresholds]?: string };

export interface ThresholdsArgs extends ThresholdArgs {
  circle?: string;
  description?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

export interface ThresholdsResult extends ReadScorecardThresholdsReturnType {
  /** The proposal made, when thresholds were given. */
  proposed: (ProposalMade & { thresholds: ScorecardThresholds }) | null;
}

/** `maxTopMandateShareBps` as the option a person types: `--max-top-mandate-share-bps`. */
const optionName = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Reads the thresholds; with threshold options, the signer (a member) proposes the change. */
export async function circleThresholds(c: Connection, args: ThresholdsArgs): Promise<ThresholdsResult> {
  const changes: Partial<ScorecardThresholds> = {};
  for (const f of SCORECARD_THRESHOLD_FIELDS) {
    const value = args[f.name];
    if (value === undefined || value === "") continue;
    const example = `${f.default}`;
    changes[f.name] = Number(
      parseWhole(optionName(f.name), value, { min: BigInt(f.min), max: BigInt(f.max), example }),
    );
  }
  const proposing = Object.keys(changes).length > 0;
  if (!proposing && (args.description || args.from)) {
    throw new CliError("--description and --from go with a proposal: give the thresholds to change too.");
  }
  const wallet = proposing ? c.wallet(args.from) : undefined;
  const circle: Address = requireAddress("circle", args.circle);
  const registry = registryOf(c, args.registry);
  const read = await readScorecardThresholds(c.publicClient, { circle, registry });
  if (!wallet) return { ...read, proposed: null };
  const prepared = await prepareSetScorecardThresholds(c.publicClient, {
    circle,
    registry,
    thresholds: changes,
    description: args.description,
  });
  const made = proposalMade(await propose(wallet, prepared));
  return { ...read, proposed: { ...made, thresholds: prepared.thresholds } };
}

/** One line per threshold: "  maxTopMandateShareBps  5000  the most of …". */
export function describeThresholds(thresholds: ScorecardThresholds): string {
  const width = Math.max(...SCORECARD_THRESHOLD_FIELDS.map((f) => f.name.length));
  return SCORECARD_THRESHOLD_FIELDS.map(
    (f) => `  ${f.name.padEnd(width)}  ${String(thresholds[f.name]).padStart(5)}  ${f.description}`,
  ).join("\n");
}

export function describeCircleThresholds(r: ThresholdsResult): string {
  const whose = r.defaults ? "the defaults (the circle has not decided otherwise)" : "the circle's decision";
  const now = `Scorecard thresholds of ${r.circle}, ${whose}:\n${describeThresholds(r.thresholds)}`;
  if (!r.proposed) return now;
  return (
    `${now}\n${r.proposed.proposer} proposed "${r.proposed.description}", which would make them:\n` +
    `${describeThresholds(r.proposed.thresholds)}\n${nextSteps(r.proposed)}`
  );
}

export default async function thresholdsTask(args: ThresholdsArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const result = await circleThresholds(await connect(hre), args);
    report(args.json, describeCircleThresholds(result), { ...result });
  });
}
