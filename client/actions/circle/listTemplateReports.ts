/** One page of the result reports circles founded from a template sent back to it, oldest first. */
import type { Address, Chain, Client, Hex, Transport } from "viem";
import { readContract } from "viem/actions";

import { circleRegistryAbi } from "../../abis.js";
import { isoTime } from "../../time.js";
import { MAX_PAGE_SIZE, checkPage } from "./listCircles.js";
import { readTemplate } from "./readTemplate.js";

export interface ListTemplateReportsParameters {
  registry: Address;
  /** The template. */
  templateId: Hex;
  /** How many to skip (default 0). */
  offset?: bigint;
  /** How many at most, 1 to 100 (default 100). */
  limit?: bigint;
}

/** A circle's report back to its template. */
export interface TemplateReport {
  /** The circle that reported, by its own decision. */
  circle: Address;
  /** When, as an ISO date. */
  reportedAt: string;
  /** The report's content hash. */
  reportHash: Hex;
  /** Where it can be read ("" for nowhere). */
  uri: string;
}

export interface ListTemplateReportsReturnType {
  templateId: Hex;
  /** How many reports it has in all. */
  total: bigint;
  offset: bigint;
  reports: TemplateReport[];
}

/**
 * The reports sent back to `templateId` by circles founded from it (one per circle). Refused with the registry's
 * sentence for an unknown template.
 *
 * @example
 * const { reports } = await listTemplateReports(publicClient, { registry, templateId });
 * for (const r of reports) console.log(r.circle, r.reportedAt, r.uri);
 */
export async function listTemplateReports<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ListTemplateReportsParameters,
): Promise<ListTemplateReportsReturnType> {
  const { registry, templateId, offset = 0n, limit = MAX_PAGE_SIZE } = parameters;
  checkPage(offset, limit);
  const template = await readTemplate(client, { registry, templateId, depth: 0 });
  const page = await readContract(client, {
    address: registry,
    abi: circleRegistryAbi,
    functionName: "templateReports",
    args: [templateId, offset, limit],
  });
  const reports = page.map((r) => ({
    circle: r.circle,
    reportedAt: isoTime(r.reportedAt),
    reportHash: r.reportHash,
    uri: r.uri,
  }));
  return { templateId, total: template.reports, offset, reports };
}
