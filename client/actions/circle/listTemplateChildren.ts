/** One page of the templates that name a template as their parent, oldest first. */
import type { Address, Chain, Client, Hex, Transport } from "viem";
import { readContract } from "viem/actions";

import { circleRegistryAbi } from "../../abis.js";
import { MAX_PAGE_SIZE, checkPage } from "./listCircles.js";
import { readTemplate, type ReadTemplateReturnType } from "./readTemplate.js";

export interface ListTemplateChildrenParameters {
  registry: Address;
  /** The parent template. */
  templateId: Hex;
  /** How many to skip (default 0). */
  offset?: bigint;
  /** How many at most, 1 to 100 (default 100). */
  limit?: bigint;
}

export interface ListTemplateChildrenReturnType {
  templateId: Hex;
  /** How many children it has in all. */
  total: bigint;
  offset: bigint;
  /** Each child, its `parentVerified` saying whether its publisher was founded from this template. */
  children: ReadTemplateReturnType[];
}

/**
 * The templates that name `templateId` as parent, verified or only declared. Refused with the registry's sentence for
 * an unknown template.
 *
 * @example
 * const { children } = await listTemplateChildren(publicClient, { registry, templateId });
 * const verified = children.filter((c) => c.parentVerified);
 */
export async function listTemplateChildren<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ListTemplateChildrenParameters,
): Promise<ListTemplateChildrenReturnType> {
  const { registry, templateId, offset = 0n, limit = MAX_PAGE_SIZE } = parameters;
  checkPage(offset, limit);
  const parent = await readTemplate(client, { registry, templateId, depth: 0 });
  const ids = await readContract(client, {
    address: registry,
    abi: circleRegistryAbi,
    functionName: "templateChildren",
    args: [templateId, offset, limit],
  });
  const children = await Promise.all(ids.map((id) => readTemplate(client, { registry, templateId: id, depth: 0 })));
  return { templateId, total: parent.children, offset, children };
}
