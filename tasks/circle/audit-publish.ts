/**
 * `npx hardhat circle audit-publish --circle <address> --id <auditId> --file <report> | --hash 0x… --uri <uri>
 * [--from …] [--json]`: an auditor publishes their report within the period; their mandate completes.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { connect, report, runTask } from "../cli.js";
import { auditPublish, describePublish, type AuditPublishArgs } from "./audits.js";

export default async function auditPublishTask(args: AuditPublishArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await auditPublish(await connect(hre), args);
    report(args.json, describePublish(r), { ...r });
  });
}
