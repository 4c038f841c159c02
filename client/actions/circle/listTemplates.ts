/** One page of the registry's published templates, oldest first, each with its parent and counts. */
import type { Address, Chain, Client, Transport } from "viem";
import { readContract } from "viem/actions";

import { circleRegistryAbi } from "../../abis.js";
import { MAX_PAGE_SIZE, checkPage } from "./listCircles.js";
import { readTemplate, type ReadTemplateReturnType } from "./readTemplate.js";
import { requireRegistry } from "./resolveBody.js";

export interface ListTemplatesParameters {
  registry: Address;
  /** How many to skip (default 0). */
  offset?: bigint;
  /** How many at most, 1 to 100 (default 100). */
  limit?: bigint;
}

export interface ListTemplatesReturnType {
  registry: Address;
  /** How many templates are published (`registry.templateCount()`). */
  total: bigint;
  offset: bigint;
  /** Each template as {@link readTemplate} reads it, with its parent alone as ancestor (for its name). */
  templates: ReadTemplateReturnType[];
}

/**
 * One page of the registry's templates, oldest first: name, publisher, parent (verified or declared), and how many
 * children, adopters and reports each has.
 *
 * @example
 * const { total, templates } = await listTemplates(publicClient, { registry, limit: 20n });
 * for (const t of templates) console.log(t.name, t.adopters);
 */
export async function listTemplates<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ListTemplatesParameters,
): Promise<ListTemplatesReturnType> {
  const { registry, offset = 0n, limit = MAX_PAGE_SIZE } = parameters;
  checkPage(offset, limit);
  await requireRegistry(client, registry);
  const on = { address: registry, abi: circleRegistryAbi } as const;
  const [total, ids] = await Promise.all([
    readContract(client, { ...on, functionName: "templateCount" }),
    readContract(client, { ...on, functionName: "templates", args: [offset, limit] }),
  ]);
  const templates = await Promise.all(
    ids.map((templateId) => readTemplate(client, { registry, templateId, depth: 1 })),
  );
  return { registry, total, offset, templates };
}
