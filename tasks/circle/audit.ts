/**
 * `npx hardhat circle audit --circle <address> [--id <auditId>] [--offset n] [--limit n] [--json]`: a circle's
 * pair-link audits, newest first, with the audit period running now; or one audit.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { connect, report, runTask } from "../cli.js";
import { describeShow, showAudits, type AuditShowArgs } from "./audits.js";

export default async function audit(args: AuditShowArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await showAudits(await connect(hre), args);
    report(args.json, describeShow(r), { ...r });
  });
}
