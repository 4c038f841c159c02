/**
 * Builds a circle's decision to publish the rules it lives by as a named template, naming the template it was founded
 * from as the parent: the registry verifies the parent because the publisher is the circle itself, founded from it.
 * (Anyone may publish a circle's rules, but only the circle's own publication carries a verified parent.)
 */
import type { Address, Chain, Client, Hex, Transport } from "viem";
import { readContract } from "viem/actions";

import { circleRegistryAbi } from "../../abis.js";
import { InvalidParameterError } from "../../errors.js";
import { decisionCall, type PreparedProposal } from "../../proposals.js";
import { resolveBody } from "./resolveBody.js";

export interface PreparePublishCircleRulesParameters {
  /** The circle whose rules become the template. */
  circle: Address;
  registry: Address;
  /** The new template's name (its id is the keccak256 of the name). */
  name: string;
  /** The template it grew from (default: none). Verified when the circle was founded from it. */
  parentId?: Hex;
  /** The proposal's description (default: "Publish our rules as the template "<name>""). */
  description?: string;
}

export interface PreparePublishCircleRulesReturnType extends PreparedProposal {
  name: string;
  parentId: Hex | null;
  /** Whether the parent will be recorded as verified: the circle was founded from it. */
  parentVerified: boolean;
}

/**
 * The proposal `registry.publishCircleRules[WithParent](circle, name[, parentId])`, checked as the circle would make
 * it now: a taken name or an unknown parent is a DecisionWouldFailError with the registry's sentence. Sends nothing:
 * propose it in the circle.
 *
 * @example
 * const proposal = await preparePublishCircleRules(publicClient, { circle, registry, name: "Garden, year two", parentId });
 * await propose(walletClient, proposal);
 */
export async function preparePublishCircleRules<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: PreparePublishCircleRulesParameters,
): Promise<PreparePublishCircleRulesReturnType> {
  const { registry, name, parentId } = parameters;
  if (name.trim() === "")
    throw new InvalidParameterError("name", `A template needs a name, such as "Affinity circle".`);
  const body = await resolveBody(client, { address: parameters.circle, registry });
  const at = { circle: body.circle, address: registry, abi: circleRegistryAbi } as const;
  const call =
    parentId === undefined
      ? await decisionCall(client, { ...at, functionName: "publishCircleRules", args: [body.circle, name] })
      : await decisionCall(client, {
          ...at,
          functionName: "publishCircleRulesWithParent",
          args: [body.circle, name, parentId],
        });
  const parentVerified =
    parentId !== undefined &&
    (
      await readContract(client as Client, {
        address: registry,
        abi: circleRegistryAbi,
        functionName: "foundingTemplate",
        args: [body.circle],
      })
    ).toLowerCase() === parentId.toLowerCase();
  return {
    circle: body.circle,
    calls: [call],
    description: parameters.description || `Publish our rules as the template "${name}"`,
    name,
    parentId: parentId ?? null,
    parentVerified,
  };
}
