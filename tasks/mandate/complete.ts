/**
 * `npx hardhat mandate complete --circle <address> --id 1 [--hand-back] [--from <address>] [--registry <address>]
 *   [--json]`
 *
 * The holder marks the task done (the mandate ends with it), or with `--hand-back` gives the mandate back undone.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address, Hex } from "viem";

import { complete } from "../../client/actions/mandate/complete.js";
import { handBack } from "../../client/actions/mandate/handBack.js";
import { connect, report, runTask, type Connection } from "../cli.js";
import { circleOf, parseId } from "./common.js";

export interface CompleteArgs {
  circle?: string;
  id?: string;
  handBack: boolean;
  from?: string;
  registry?: string;
  json: boolean;
}

export interface CompleteResult {
  circle: Address;
  mandateId: bigint;
  role: string;
  holder: Address;
  /** "completed" or "handed back". */
  ended: "completed" | "handed back";
  transaction: Hex;
}

/** Ends mandate `--id` as its holder: completed, or handed back. Refusals (not the holder, ended) are sentences. */
export async function completeMandate(c: Connection, args: CompleteArgs): Promise<CompleteResult> {
  const mandateId = parseId("id", args.id);
  const wallet = c.wallet(args.from);
  const { circle, mandates } = await circleOf(c, args);
  const r = await (args.handBack ? handBack : complete)(wallet, { mandates, mandateId });
  return { circle, ...r, ended: args.handBack ? "handed back" : "completed" };
}

export default async function completeTask(args: CompleteArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await completeMandate(await connect(hre), args);
    report(
      args.json,
      `${r.holder} ${r.ended} mandate ${r.mandateId} ("${r.role}") of circle ${r.circle}: it has ended, and the role is open again. Transaction ${r.transaction}.`,
      { ...r },
    );
  });
}
