/**
 * The template a circle was founded from (the registry's `foundingTemplate`), with that template's lineage and counts
 * (readTemplate): what the circle page shows as the circle's lineage.
 */
import type { Address, Chain, Client, Hex, Transport } from "viem";
import { readContract } from "viem/actions";

import { circleRegistryAbi } from "../../abis.js";
import { readTemplate, type ReadTemplateReturnType } from "./readTemplate.js";
import { resolveBody } from "./resolveBody.js";

const ZERO = `0x${"0".repeat(64)}` as Hex;

export interface ReadFoundingTemplateParameters {
  /** The circle. */
  circle: Address;
  /** The registry it belongs to. */
  registry: Address;
  /** How many of the template's ancestors to list (readTemplate's `depth`; default all it lists). */
  depth?: number;
}

export interface ReadFoundingTemplateReturnType {
  circle: Address;
  /** The template's id, or null: the circle was founded with rules of its own (a council always is). */
  templateId: Hex | null;
  /** The template with its parent (verified or declared), ancestors and counts; null with `templateId`. */
  template: ReadTemplateReturnType | null;
}

/**
 * The template `circle` was founded from, read with its lineage, or nulls when it was founded with rules of its own.
 * An address that is no circle or council of `registry` is refused in a sentence (see resolveBody).
 *
 * @example
 * const { template } = await readFoundingTemplate(publicClient, { circle, registry });
 * if (template) console.log(`founded from "${template.name}", ${template.adopters} adopter(s), ${template.reports} report(s)`);
 */
export async function readFoundingTemplate<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ReadFoundingTemplateParameters,
): Promise<ReadFoundingTemplateReturnType> {
  const { registry, depth } = parameters;
  const { circle } = await resolveBody(client, { address: parameters.circle, registry });
  const templateId = await readContract(client, {
    address: registry,
    abi: circleRegistryAbi,
    functionName: "foundingTemplate",
    args: [circle],
  });
  if (templateId === ZERO) return { circle, templateId: null, template: null };
  return { circle, templateId, template: await readTemplate(client, { registry, templateId, depth }) };
}
