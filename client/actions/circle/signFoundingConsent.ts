/** A founder signs their consent to a founding that someone else will send (`createCircle` with their consent). */
import { getAddress, type Address, type Hex } from "viem";
import { getBlock, getChainId, signTypedData } from "viem/actions";

import { FoundingConsentError } from "../../errors.js";
import type { FoundingConsent } from "../../founding.js";
import type { CircleRules, MandateRules } from "../../rules.js";
import type { SigningClient } from "../submit.js";
import { foundingConsentTypedData } from "./foundingConsentTypedData.js";
import { requireRegistry } from "./resolveBody.js";

/** How long a consent counts when no deadline is given: a day of chain time. */
export const DEFAULT_CONSENT_SECONDS = 86_400n;

/** A founding as founders agree to it; the consents are gathered separately. */
export interface FoundingParameters {
  name: string;
  founders: readonly Address[];
  charterHash: Hex;
  /** Where the charter can be read (default: none). */
  charterURI?: string;
  /** The last second (unix) at which the consents count (default: a day from the latest block). */
  deadline?: bigint;
}

export interface SignFoundingConsentParameters {
  registry: Address;
  founding: FoundingParameters;
  /** The founding's rules, or `templateId` for a published template's. */
  rules?: CircleRules;
  mandateRules?: MandateRules;
  templateId?: Hex;
}

export type SignFoundingConsentReturnType = FoundingConsent;

/**
 * The client's account, a founder, signs the EIP-712 consent to a founding; the creator passes it to `createCircle`
 * with the very same founding, rules and deadline. Throws a {@link FoundingConsentError} if the account is not among
 * the founders.
 *
 * @example
 * const consent = await signFoundingConsent(benWallet, { registry, founding: { name, founders, charterHash, deadline }, rules, mandateRules });
 */
export async function signFoundingConsent(
  client: SigningClient,
  parameters: SignFoundingConsentParameters,
): Promise<SignFoundingConsentReturnType> {
  const { registry, founding } = parameters;
  await requireRegistry(client, registry);
  const founder = getAddress(client.account.address);
  if (!founding.founders.some((f) => f.toLowerCase() === founder.toLowerCase())) {
    throw new FoundingConsentError(
      founder,
      `${founder} is not among the founders, so there is nothing for them to consent to.`,
    );
  }
  const deadline = founding.deadline ?? (await getBlock(client)).timestamp + DEFAULT_CONSENT_SECONDS;
  const typedData = await foundingConsentTypedData(client, {
    ...parameters,
    founding: { ...founding, charterURI: founding.charterURI ?? "", deadline },
    founder,
  });
  const signature = await signTypedData(client, { ...typedData, account: client.account });
  return { registry, chainId: await getChainId(client), founder, deadline, signature };
}
