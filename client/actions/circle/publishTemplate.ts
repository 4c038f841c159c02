/**
 * Publishes a rule set in the registry as a named template, which anyone may then found circles from (createCircle
 * with `templateId`). Names are first come: the id is the keccak256 of the name.
 */
import { parseEventLogs, type Address, type Hex } from "viem";

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
}

export interface PublishTemplateReturnType {
  /** The template's id: keccak256 of its name. */
  templateId: Hex;
  name: string;
  publisher: Address;
  rules: CircleRules;
  mandateRules: MandateRules;
  transaction: Hex;
}

/**
 * Publishes the template from the client's account. Refused, before sending, with the registry's sentence when the
 * name is taken (CircleRegistryTemplateExists) or the rules are invalid.
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
  const { registry, name, rules, mandateRules } = parameters;
  if (name.trim() === "")
    throw new InvalidParameterError("name", `A template needs a name, such as "Affinity circle".`);
  await requireRegistry(client, registry);
  const { hash, receipt } = await submit(client, {
    address: registry,
    abi: withSuiteErrors(circleRegistryAbi),
    functionName: "publishTemplate",
    args: [name, rules, mandateRules],
  });
  const [published] = parseEventLogs({ abi: circleRegistryAbi, logs: receipt.logs, eventName: "TemplatePublished" });
  if (!published) throw new CommonwealError(`Transaction ${hash} published no template.`);
  return {
    templateId: published.args.templateId,
    name: published.args.name,
    publisher: published.args.publisher,
    rules: rulesFromChain(published.args.rules),
    mandateRules: mandateRulesFromChain(published.args.mandateRules),
    transaction: hash,
  };
}
