/**
 * `npx hardhat circle audit-missed --circle <address> --id <auditId> [--from …] [--json]`: records, after its
 * period, an audit its auditors did not both publish (anyone may).
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { connect, report, runTask } from "../cli.js";
import { auditMissed, describeMissed, type AuditMissedArgs } from "./audits.js";

export default async function auditMissedTask(args: AuditMissedArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await auditMissed(await connect(hre), args);
    report(args.json, describeMissed(r), { ...r });
  });
}
