/**
 * One published template with its lineage: its parent chain (each link verified or only declared) and how many
 * templates name it as parent, circles were founded from it and reports they sent back.
 */
import type { Address, Chain, Client, Hex, Transport } from "viem";
import { readContract } from "viem/actions";

import { circleRegistryAbi } from "../../abis.js";
import { InvalidParameterError, refusalInUnits, withSuiteErrors } from "../../errors.js";
import { mandateRulesFromChain, rulesFromChain, type CircleRules, type MandateRules } from "../../rules.js";
import { isoTime } from "../../time.js";
import { requireRegistry } from "./resolveBody.js";

/** The most ancestors {@link readTemplate} walks up (each is one more read). */
export const MAX_LINEAGE_DEPTH = 16;

const ZERO = `0x${"0".repeat(64)}` as Hex;

export interface ReadTemplateParameters {
  registry: Address;
  /** The template's id (keccak256 of its name). */
  templateId: Hex;
  /** How many ancestors to list, 0 to {@link MAX_LINEAGE_DEPTH} (default {@link MAX_LINEAGE_DEPTH}). */
  depth?: number;
}

/** An ancestor: a template its child names as parent, and whether that link is verified. */
export interface TemplateAncestor {
  templateId: Hex;
  name: string;
  /** Whether the child's publisher is a circle founded from this template (else the child only declares it). */
  verified: boolean;
}

export interface ReadTemplateReturnType {
  templateId: Hex;
  name: string;
  /** Who published it: a person, or a circle by its decision. */
  publisher: Address;
  /** When, as an ISO date. */
  publishedAt: string;
  rules: CircleRules;
  mandateRules: MandateRules;
  /** The parent it names, or null. */
  parent: Hex | null;
  /** Whether its publisher is a circle founded from the parent; false: the parent is only declared. */
  parentVerified: boolean;
  /** Parent first, then its parent, up to `depth` generations. */
  ancestors: TemplateAncestor[];
  /** How many templates name it as parent. */
  children: bigint;
  /** How many circles were founded from it. */
  adopters: bigint;
  /** How many result reports those circles sent back. */
  reports: bigint;
}

/**
 * Reads a template, its counts and up to `depth` ancestors. An unknown id is refused with the registry's sentence
 * (CircleRegistryTemplateNotFound).
 *
 * @example
 * const t = await readTemplate(publicClient, { registry, templateId: keccak256(toHex("Seed library protocol")) });
 * console.log(t.parent, t.parentVerified ? "verified" : "declared", t.adopters, t.reports);
 */
export async function readTemplate<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ReadTemplateParameters,
): Promise<ReadTemplateReturnType> {
  const { registry, templateId, depth = MAX_LINEAGE_DEPTH } = parameters;
  if (!Number.isInteger(depth) || depth < 0 || depth > MAX_LINEAGE_DEPTH) {
    throw new InvalidParameterError("depth", `The depth must be between 0 and ${MAX_LINEAGE_DEPTH}; got ${depth}.`);
  }
  await requireRegistry(client, registry);
  const on = { address: registry, abi: withSuiteErrors(circleRegistryAbi) } as const;
  const read = (id: Hex) =>
    readContract(client, { address: registry, abi: circleRegistryAbi, functionName: "template", args: [id] });
  const [t, counts] = await Promise.all([
    read(templateId),
    readContract(client, { ...on, functionName: "templateCounts", args: [templateId] }),
  ]).catch((error: unknown) => {
    throw refusalInUnits(error, {});
  });
  const ancestors: TemplateAncestor[] = [];
  let link = { parent: t.parent, verified: t.parentVerified };
  while (link.parent !== ZERO && ancestors.length < depth) {
    const up = await read(link.parent);
    ancestors.push({ templateId: link.parent, name: up.name, verified: link.verified });
    link = { parent: up.parent, verified: up.parentVerified };
  }
  return {
    templateId,
    name: t.name,
    publisher: t.publisher,
    publishedAt: isoTime(t.publishedAt),
    rules: rulesFromChain(t.rules),
    mandateRules: mandateRulesFromChain(t.mandateRules),
    parent: t.parent === ZERO ? null : t.parent,
    parentVerified: t.parentVerified,
    ancestors,
    children: counts[0],
    adopters: counts[1],
    reports: counts[2],
  };
}
