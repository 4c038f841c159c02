/**
 * `npx hardhat circle listening-session --circle <address> --id <auditId> --date <ISO date> [--propose]
 * [--description …] [--from …] [--json]`: an auditor records that the listening session on their published audit was
 * held; with --propose, a member proposes the circle's decision recording it.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { connect, report, runTask } from "../cli.js";
import { describeSession, listeningSession, type ListeningSessionArgs } from "./audits.js";

export default async function listeningSessionTask(
  args: ListeningSessionArgs,
  hre: HardhatRuntimeEnvironment,
): Promise<void> {
  await runTask(args.json, async () => {
    const r = await listeningSession(await connect(hre), args);
    report(args.json, describeSession(r), { ...r });
  });
}
