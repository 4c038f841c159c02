/**
 * The EIP-712 typed data a founder signs to consent to a founding, read at their current nonce and the registry's
 * chain, and the hash of the rules it commits to.
 */
import type { Address, Chain, Client, ContractFunctionArgs, Hex, Transport } from "viem";
import { getChainId, readContract } from "viem/actions";

import { circleRegistryAbi } from "../../abis.js";
import { InvalidParameterError } from "../../errors.js";
import { FOUNDING_CONSENT_TYPES, type FoundingContent } from "../../founding.js";

type RulesArgs = ContractFunctionArgs<typeof circleRegistryAbi, "pure", "rulesHash">;

/** What a founder consents to, and who they are. */
export interface FoundingConsentTypedDataParameters {
  registry: Address;
  founding: FoundingContent;
  /** The founding's rules: given, or a published template's (by id). */
  rules?: RulesArgs[0];
  mandateRules?: RulesArgs[1];
  templateId?: Hex;
  founder: Address;
}

/**
 * The EIP-712 typed data `founder` signs to consent to a founding (for viem's `signTypedData` or a wallet's
 * `eth_signTypedData_v4`), read at their current nonce and the registry's chain.
 *
 * @example
 * const typedData = await foundingConsentTypedData(publicClient, { registry, founding, rules, mandateRules, founder: ben });
 * const signature = await benWallet.signTypedData(typedData);
 */
export async function foundingConsentTypedData<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  p: FoundingConsentTypedDataParameters,
) {
  const rulesHash = await foundingRulesHash(client, p);
  const [nonce, chainId] = await Promise.all([
    readContract(client, { address: p.registry, abi: circleRegistryAbi, functionName: "nonces", args: [p.founder] }),
    getChainId(client),
  ]);
  return {
    domain: { name: "Commonweal CircleRegistry", version: "1", chainId, verifyingContract: p.registry },
    types: FOUNDING_CONSENT_TYPES,
    primaryType: "FoundingConsent" as const,
    message: {
      name: p.founding.name,
      founders: [...p.founding.founders],
      charterHash: p.founding.charterHash,
      charterURI: p.founding.charterURI,
      rulesHash,
      deadline: p.founding.deadline,
      founder: p.founder,
      nonce,
    },
  };
}

/** The hash of the rules founders consent to: the given rules, or the template's. */
export async function foundingRulesHash<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  p: Pick<FoundingConsentTypedDataParameters, "registry" | "rules" | "mandateRules" | "templateId">,
): Promise<Hex> {
  let rules = p.rules;
  let mandateRules = p.mandateRules;
  if (p.templateId) {
    const template = await readContract(client, {
      address: p.registry,
      abi: circleRegistryAbi,
      functionName: "template",
      args: [p.templateId],
    });
    rules = template.rules;
    mandateRules = template.mandateRules;
  }
  if (!rules || !mandateRules) {
    throw new InvalidParameterError("rules", "Give the founding's rules and mandate rules, or a template id.");
  }
  return readContract(client, {
    address: p.registry,
    abi: circleRegistryAbi,
    functionName: "rulesHash",
    args: [rules, mandateRules],
  });
}

/** What {@link foundingConsentTypedData} returns: typed data for viem's `signTypedData`. */
export type FoundingConsentTypedDataReturnType = Awaited<ReturnType<typeof foundingConsentTypedData>>;
