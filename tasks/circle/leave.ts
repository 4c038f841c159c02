/** `npx hardhat circle leave --circle <address> [--from <address>] [--json]`: the signer leaves, at once. */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { leaveCircle as leave, type LeaveCircleReturnType } from "../../client/actions/circle/leaveCircle.js";
import { connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { registryOf } from "./shared.js";

export interface LeaveArgs {
  circle?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

export type LeaveResult = LeaveCircleReturnType;

/** The signer leaves the circle at once (the client's leaveCircle): no vote, no fee, no penalty. */
export async function leaveCircle(c: Connection, args: LeaveArgs): Promise<LeaveResult> {
  const wallet = c.wallet(args.from);
  const circle = requireAddress("circle", args.circle);
  return leave(wallet, { circle, registry: registryOf(c, args.registry) });
}

export default async function leaveTask(args: LeaveArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await leaveCircle(await connect(hre), args);
    report(
      args.json,
      `${r.member} left ${r.circle}; ${r.membersLeft} member(s) remain (transaction ${r.transaction}).`,
      { ...r },
    );
  });
}
