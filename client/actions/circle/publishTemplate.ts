/**
 * Publishes a rule set in the registry as a named template, which anyone may then found circles from (createCircle
 * with `templateId`). Names are first come: the id is the keccak256 of the name. A template may name the template it
 * grew from: published by a person, the parent is only declared; a circle founded from the parent publishes its own
 * rules with a verified parent by its decision (preparePublishCircleRules).
 */
import { parseEventLogs, type Address, type Hex, type Log } from "viem";

import { circleRegistryAbi } from "../../abis.js";
import { CommonwealError, InvalidParameterError, withSuiteErrors } from "../../errors.js";
import { mandateRulesFromChain, rulesFromChain, type CircleRules, type MandateRules } from "../../rules.js";
import { submit, type SigningClient } from "../submit.js";
import { requireRegistry } from "./resolveBody.js";

export interface PublishTemplateParameters {
  registry: Address;
  /** The template's name, e.g. "Affinity circle". */
  name: string;
  /** The rules circles founded from it live by (see readRulesWithOverrides). */
  rules: CircleRules;
  mandateRules: MandateRules;
  /** The template this one grew from (its id), recorded as declared: the sender is not a circle founded from it. */
  parentId?: Hex;
}

export interface PublishTemplateReturnType {
  /** The template's id: keccak256 of its name. */
  templateId: Hex;
  name: string;
  publisher: Address;
  rules: CircleRules;
  mandateRules: MandateRules;
  /** The parent named, or null. */
  parentId: Hex | null;
  /** Whether the registry verified the parent (the publisher is a circle founded from it). */
  parentVerified: boolean;
  transaction: Hex;
}

/**
 * Publishes the template from the client's account. Refused, before sending, with the registry's sentence when the
 * name is taken (CircleRegistryTemplateExists), the parent is not published (CircleRegistryTemplateNotFound) or the
 * rules are invalid.
 *
 * @example
 * const { rules, mandateRules } = await readRulesWithOverrides(publicClient, { registry });
 * const { templateId } = await publishTemplate(walletClient, { registry, name: "Affinity circle", rules, mandateRules });
 * await createCircle(walletClient, { registry, founding, templateId, signers });
 */
export async function publishTemplate(
  client: SigningClient,
  parameters: PublishTemplateParameters,
): Promise<PublishTemplateReturnType> {
  const { registry, name, rules, mandateRules, parentId } = parameters;
  if (name.trim() === "")
    throw new InvalidParameterError("name", `A template needs a name, such as "Affinity circle".`);
  await requireRegistry(client, registry);
  const abi = withSuiteErrors(circleRegistryAbi);
  const { hash, receipt } =
    parentId === undefined
      ? await submit(client, {
          address: registry,
          abi,
          functionName: "publishTemplate",
          args: [name, rules, mandateRules],
        })
      : await submit(client, {
          address: registry,
          abi,
          functionName: "publishTemplateWithParent",
          args: [name, rules, mandateRules, parentId],
        });
  return publishedTemplate(hash, receipt.logs);
}

/** The template a transaction published, with its parent as the registry recorded it (TemplateParentNamed). */
export function publishedTemplate(hash: Hex, logs: readonly Log[]): PublishTemplateReturnType {
  const [published] = parseEventLogs({ abi: circleRegistryAbi, logs: [...logs], eventName: "TemplatePublished" });
  if (!published) throw new CommonwealError(`Transaction ${hash} published no template.`);
  const [parent] = parseEventLogs({ abi: circleRegistryAbi, logs: [...logs], eventName: "TemplateParentNamed" });
  return {
    templateId: published.args.templateId,
    name: published.args.name,
    publisher: published.args.publisher,
    rules: rulesFromChain(published.args.rules),
    mandateRules: mandateRulesFromChain(published.args.mandateRules),
    parentId: parent?.args.parentId ?? null,
    parentVerified: parent?.args.verified ?? false,
    transaction: hash,
  };
}
