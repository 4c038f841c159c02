/**
 * `npx hardhat circle report-template --circle <address> --template <name or id> --hash 0x… [--uri ipfs://…]
 * [--description "…"] [--from <address>] [--json]`: proposes that the circle report back to the template it was
 * founded from (once per circle).
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Hex } from "viem";

import { prepareReportTemplateResult } from "../../client/actions/circle/prepareReportTemplateResult.js";
import { propose } from "../../client/actions/proposal/propose.js";
import { CliError, connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { templateId } from "./create.js";
import { nextSteps, parseBytes32, proposalMade, registryOf, type ProposalMade } from "./shared.js";

export interface ReportTemplateArgs {
  circle?: string;
  template?: string;
  hash?: string;
  uri?: string;
  description?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

export interface ReportTemplateResult extends ProposalMade {
  templateId: Hex;
  reportHash: Hex;
  uri: string;
}

/** Proposes the circle's report to its template (checked as the circle would send it now, before proposing). */
export async function proposeTemplateReport(c: Connection, args: ReportTemplateArgs): Promise<ReportTemplateResult> {
  const circle = requireAddress("circle", args.circle);
  if (!args.template) throw new CliError(`--template is required: give the template's name or id.`);
  const reportHash = parseBytes32("hash", args.hash, "the report's content hash");
  const wallet = c.wallet(args.from);
  const prepared = await prepareReportTemplateResult(c.publicClient, {
    circle,
    registry: registryOf(c, args.registry),
    templateId: templateId(args.template),
    reportHash,
    uri: args.uri,
    description: args.description,
  });
  const made = proposalMade(await propose(wallet, prepared));
  return { ...made, templateId: prepared.templateId, reportHash, uri: prepared.uri };
}

export default async function reportTemplate(args: ReportTemplateArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await proposeTemplateReport(await connect(hre), args);
    report(
      args.json,
      `${r.proposer} proposed that ${r.circle} report back to template ${r.templateId}: ${nextSteps(r)}`,
      { ...r },
    );
  });
}
