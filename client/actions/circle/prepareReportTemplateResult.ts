/**
 * Builds a circle's decision to report back to the template it was founded from how living by it went: a content
 * hash and a URI, once per circle.
 */
import type { Address, Chain, Client, Hex, Transport } from "viem";

import { circleRegistryAbi } from "../../abis.js";
import { InvalidParameterError } from "../../errors.js";
import { decisionCall, type PreparedProposal } from "../../proposals.js";
import { resolveBody } from "./resolveBody.js";

/** The longest URI a report may carry, in bytes (the registry's `MAX_REPORT_URI_LENGTH`). */
export const MAX_REPORT_URI_LENGTH = 256;

export interface PrepareReportTemplateResultParameters {
  /** The circle, founded from the template. */
  circle: Address;
  registry: Address;
  /** The template the circle was founded from. */
  templateId: Hex;
  /** The report's content hash (see `charterHash` for hashing a text). */
  reportHash: Hex;
  /** Where the report can be read (default: none), at most {@link MAX_REPORT_URI_LENGTH} bytes. */
  uri?: string;
  /** The proposal's description (default: "Report our result to template <id> (<uri>)"). */
  description?: string;
}

export interface PrepareReportTemplateResultReturnType extends PreparedProposal {
  templateId: Hex;
  reportHash: Hex;
  uri: string;
}

/**
 * The proposal `registry.reportTemplateResult(templateId, reportHash, uri)`, checked as the circle would make it now:
 * a circle not founded from the template, one that already reported, an empty hash or a long URI is a
 * DecisionWouldFailError with the registry's sentence. Sends nothing: propose it in the circle.
 *
 * @example
 * const proposal = await prepareReportTemplateResult(publicClient, { circle, registry, templateId, reportHash: charterHash(text), uri: "ipfs://…" });
 * await propose(walletClient, proposal);
 */
export async function prepareReportTemplateResult<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: PrepareReportTemplateResultParameters,
): Promise<PrepareReportTemplateResultReturnType> {
  const { registry, templateId, reportHash, uri = "" } = parameters;
  const length = new TextEncoder().encode(uri).length;
  if (length > MAX_REPORT_URI_LENGTH) {
    throw new InvalidParameterError(
      "uri",
      `A report's URI is at most ${MAX_REPORT_URI_LENGTH} bytes; this has ${length}.`,
    );
  }
  const body = await resolveBody(client, { address: parameters.circle, registry });
  const call = await decisionCall(client, {
    circle: body.circle,
    address: registry,
    abi: circleRegistryAbi,
    functionName: "reportTemplateResult",
    args: [templateId, reportHash, uri],
  });
  return {
    circle: body.circle,
    calls: [call],
    description: parameters.description || `Report our result to template ${templateId}${uri ? ` (${uri})` : ""}`,
    templateId,
    reportHash,
    uri,
  };
}
