// Founders' consent for scripts on a local node: every founder but the sender signs the founding (EIP-712).
import type { Signer, TypedDataDomain } from "ethers";

import { FOUNDING_CONSENT_TYPES } from "../client/founding.js";
import type { CircleRegistry } from "../typechain-types/index.js";
import type { CircleRulesStruct, MandateRulesStruct } from "../typechain-types/circles/CircleRegistry.js";

const TYPES = { FoundingConsent: FOUNDING_CONSENT_TYPES.FoundingConsent.map((f) => ({ ...f })) };

/**
 * The founding with one consent per founder: `signerOf` gives each founder's signer (the sender's entry stays empty).
 * The consents count for an hour of chain time.
 */
export async function withConsents(
  registry: CircleRegistry,
  founding: { name: string; founders: string[]; charterHash: string; charterURI: string },
  rules: CircleRulesStruct,
  mandateRules: MandateRulesStruct,
  sender: string,
  signerOf: (founder: string) => Promise<Signer> | Signer,
) {
  const provider = registry.runner!.provider!;
  const latest = await provider.getBlock("latest");
  const deadline = BigInt(latest!.timestamp) + 3_600n;
  const rulesHash = await registry.rulesHash(rules, mandateRules);
  const { chainId } = await provider.getNetwork();
  const domain: TypedDataDomain = {
    name: "Commonweal CircleRegistry",
    version: "1",
    chainId,
    verifyingContract: await registry.getAddress(),
  };
  const consents: string[] = [];
  for (const founder of founding.founders) {
    if (founder.toLowerCase() === sender.toLowerCase()) {
      consents.push("0x");
      continue;
    }
    const message = { ...founding, deadline, rulesHash, founder, nonce: await registry.nonces(founder) };
    consents.push(await (await signerOf(founder)).signTypedData(domain, TYPES, message));
  }
  return { ...founding, deadline, consents };
}
