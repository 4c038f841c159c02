/**
 * `npx hardhat circle reversal --circle <address> --kind tool|meal|dispute|care|other --memo "…" [--from <address>]
 * [--json]`: the signer, a member, logs a dependency reversal for the sovereignty scorecard.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import {
  dependencyReversalKind,
  logDependencyReversal,
  type LogDependencyReversalReturnType,
} from "../../client/actions/circle/logDependencyReversal.js";
import { connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { registryOf, requireText } from "./shared.js";

export interface ReversalArgs {
  circle?: string;
  kind?: string;
  memo?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

export type ReversalResult = LogDependencyReversalReturnType;

/** Logs the signer's dependency reversal (the client's logDependencyReversal, which checks the kind and memo). */
export async function logReversal(c: Connection, args: ReversalArgs): Promise<ReversalResult> {
  const kind = dependencyReversalKind(requireText("kind", args.kind, "tool, meal, dispute, care or other (or 0 to 4)"));
  const memo = requireText("memo", args.memo, "say what happened, in up to 280 bytes");
  const wallet = c.wallet(args.from);
  const circle = requireAddress("circle", args.circle);
  return logDependencyReversal(wallet, { circle, registry: registryOf(c, args.registry), kind, memo });
}

export function describeReversal(r: ReversalResult): string {
  return (
    `${r.member} logged a dependency reversal (${r.kindName}) in ${r.circle}, period ${r.period}: "${r.memo}" ` +
    `(transaction ${r.transaction}). ${r.loggedThisPeriod} of ${r.cap} they may log this period.`
  );
}

export default async function reversalTask(args: ReversalArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const result = await logReversal(await connect(hre), args);
    report(args.json, describeReversal(result), { ...result });
  });
}
