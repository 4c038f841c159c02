/**
 * Founders' consent, the definitions: every founder of a circle except the one who sends `createCircle` signs the
 * founding's content (EIP-712 `FoundingConsent`: name, founders, charter, the hash of the rules, a deadline and their
 * nonce at the registry). The actions `foundingConsentTypedData`, `signFoundingConsent` and `createCircle` use them.
 *
 * @example
 * const consent = await signFoundingConsent(benWallet, { registry, founding, rules, mandateRules });
 * await createCircle(anaWallet, { registry, founding: { ...founding, deadline: consent.deadline }, rules, mandateRules, consents: [consent] });
 */
import type { Hex } from "viem";

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

/** One founder's signed consent to a founding, as `signFoundingConsent` returns it and `createCircle` takes it. */
export interface FoundingConsent {
  registry: Address;
  chainId: number;
  founder: Address;
  /** The last second at which the consent counts (unix seconds). */
  deadline: bigint;
  signature: Hex;
}
