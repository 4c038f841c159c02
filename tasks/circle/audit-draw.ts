/**
 * `npx hardhat circle audit-draw --circle <address> [--complete <auditId>] [--from …] [--json]`: starts the running
 * period's pair-link audit (anyone, once per period), or completes the draw of its two auditors once its randomness
 * is out.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { connect, report, runTask } from "../cli.js";
import { auditDraw, describeDraw, type AuditDrawArgs } from "./audits.js";

export default async function auditDrawTask(args: AuditDrawArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await auditDraw(await connect(hre), args);
    report(args.json, describeDraw(r), { ...r });
  });
}
