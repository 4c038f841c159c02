/**
 * Founders' consent: every founder of a circle except the one who sends `createCircle` signs the founding's content
 * (EIP-712 `FoundingConsent`: name, founders, charter, the hash of the rules, a deadline and their nonce at the
 * registry). Uses viem only.
 *
 * @example
 * const typedData = await foundingConsentTypedData(publicClient, { registry, founding, rules, mandateRules, founder: ben });
 * const signature = await benWallet.signTypedData(typedData);
 * // ...collect one per founder (empty "0x" for the sender), then:
 * await walletClient.writeContract({ address: registry, abi: circleRegistryAbi, functionName: "createCircle",
 *   args: [{ ...founding, consents }, rules, mandateRules] });
 */
import type { Chain, Client, ContractFunctionArgs, Hex, Transport } from "viem";
import { getChainId, readContract } from "viem/actions";

import { circleRegistryAbi } from "./abis.js";
import type { Address } from "./pathfinder.js";

/** The EIP-712 types of a founding consent, as the registry's FOUNDING_CONSENT_TYPEHASH spells them. */
export const FOUNDING_CONSENT_TYPES = {
  FoundingConsent: [
    { name: "name", type: "string" },
    { name: "founders", type: "address[]" },
    { name: "charterHash", type: "bytes32" },
    { name: "charterURI", type: "string" },
    { name: "rulesHash", type: "bytes32" },
    { name: "deadline", type: "uint256" },
    { name: "founder", type: "address" },
    { name: "nonce", type: "uint256" },
  ],
} as const;

/** What founders consent to: the founding without its consents. */
export interface FoundingContent {
  name: string;
  founders: readonly Address[];
  charterHash: Hex;
  charterURI: string;
  /** The last second at which the consents count. */
  deadline: bigint;
}

type RulesArgs = ContractFunctionArgs<typeof circleRegistryAbi, "pure", "rulesHash">;

export interface FoundingConsentParameters {
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
 */
export async function foundingConsentTypedData<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  p: FoundingConsentParameters,
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
  p: Pick<FoundingConsentParameters, "registry" | "rules" | "mandateRules" | "templateId">,
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
  if (!rules || !mandateRules) throw new Error("Give the founding's rules and mandate rules, or a template id.");
  return readContract(client, {
    address: p.registry,
    abi: circleRegistryAbi,
    functionName: "rulesHash",
    args: [rules, mandateRules],
  });
}
