/** One page of the circles founded from a template, oldest first, with their names. */
import type { Address, Chain, Client, Hex, Transport } from "viem";
import { readContract } from "viem/actions";

import { circleAbi, circleRegistryAbi } from "../../abis.js";
import { MAX_PAGE_SIZE, checkPage } from "./listCircles.js";
import { readTemplate } from "./readTemplate.js";

export interface ListTemplateAdoptersParameters {
  registry: Address;
  /** The template. */
  templateId: Hex;
  /** How many to skip (default 0). */
  offset?: bigint;
  /** How many at most, 1 to 100 (default 100). */
  limit?: bigint;
}

export interface ListTemplateAdoptersReturnType {
  templateId: Hex;
  /** How many circles were founded from it in all. */
  total: bigint;
  offset: bigint;
  adopters: { circle: Address; name: string }[];
}

/**
 * The circles founded from `templateId` (counted by the registry at their founding). Refused with the registry's
 * sentence for an unknown template.
 *
 * @example
 * const { total, adopters } = await listTemplateAdopters(publicClient, { registry, templateId });
 */
export async function listTemplateAdopters<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ListTemplateAdoptersParameters,
): Promise<ListTemplateAdoptersReturnType> {
  const { registry, templateId, offset = 0n, limit = MAX_PAGE_SIZE } = parameters;
  checkPage(offset, limit);
  const template = await readTemplate(client, { registry, templateId, depth: 0 });
  const circles = await readContract(client, {
    address: registry,
    abi: circleRegistryAbi,
    functionName: "templateAdopters",
    args: [templateId, offset, limit],
  });
  const adopters = await Promise.all(
    circles.map(async (circle) => ({
      circle,
      name: await readContract(client, { address: circle, abi: circleAbi, functionName: "name" }),
    })),
  );
  return { templateId, total: template.adopters, offset, adopters };
}
