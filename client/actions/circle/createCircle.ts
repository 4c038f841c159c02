/**
 * Founds a circle at the registry, with every founder's consent: the sender's is the transaction itself; the others'
 * are signatures gathered with `signFoundingConsent`, or signed here by any founder whose wallet the caller holds.
 */
import { getAddress, isAddressEqual, parseEventLogs, type Address, type Hex } from "viem";
import { getBlock, signTypedData } from "viem/actions";

import { circleRegistryAbi } from "../../abis.js";
import { CommonwealError, FoundingConsentError, InvalidParameterError, withSuiteErrors } from "../../errors.js";
import type { FoundingConsent } from "../../founding.js";
import { mandateRulesFromChain, rulesFromChain, type CircleRules, type MandateRules } from "../../rules.js";
import { submit, type SigningClient } from "../submit.js";
import { foundingConsentTypedData } from "./foundingConsentTypedData.js";
import { requireRegistry } from "./resolveBody.js";
import { DEFAULT_CONSENT_SECONDS, type SignFoundingConsentParameters } from "./signFoundingConsent.js";

export interface CreateCircleParameters extends SignFoundingConsentParameters {
  /** Consents signed with `signFoundingConsent`, in any order; all with the founding's deadline. */
  consents?: readonly FoundingConsent[];
  /**
   * Wallets of founders who may sign here (a local node's accounts, a multi-account wallet); a founder with neither
   * a consent nor a wallet here is refused before anything is sent.
   */
  signers?: readonly SigningClient[];
}

/** The circle founded, and its parts. */
export interface CreateCircleReturnType {
  circle: Address;
  membership: Address;
  rituals: Address;
  mandates: Address;
  badges: Address;
  name: string;
  creator: Address;
  founders: Address[];
  /** The template the rules came from, or null for rules given here. */
  templateId: Hex | null;
  rules: CircleRules;
  mandateRules: MandateRules;
  transaction: Hex;
}

/**
 * Founds a circle with the given rules, or a published template's. The deadline is the founding's, else the consents',
 * else a day from the latest block. Throws a {@link FoundingConsentError} for a missing or mismatched consent, and the
 * registry's refusal (rules that do not make sense, an expired consent) as its sentence, before anything is sent.
 *
 * @example
 * const { circle } = await createCircle(anaWallet, { registry, founding: { name, founders, charterHash }, rules, mandateRules, signers: [benWallet] });
 */
export async function createCircle(
  client: SigningClient,
  parameters: CreateCircleParameters,
): Promise<CreateCircleReturnType> {
  const { registry, founding, rules, mandateRules, templateId, consents: given = [], signers = [] } = parameters;
  if (!templateId && (!rules || !mandateRules)) {
    throw new InvalidParameterError("rules", "Give the circle's rules and mandate rules, or a template id.");
  }
  await requireRegistry(client, registry);
  const deadline =
    founding.deadline ?? given[0]?.deadline ?? (await getBlock(client)).timestamp + DEFAULT_CONSENT_SECONDS;
  const content = {
    ...founding,
    founders: founding.founders.map((f) => getAddress(f)),
    charterURI: founding.charterURI ?? "",
    deadline,
  };
  const sender = client.account.address;
  const consents: Hex[] = [];
  for (const founder of content.founders) {
    if (isAddressEqual(founder, sender)) {
      consents.push("0x");
      continue;
    }
    const consent = given.find((g) => isAddressEqual(g.founder, founder));
    if (consent) {
      if (consent.deadline !== deadline) {
        throw new FoundingConsentError(
          founder,
          `The consent of ${founder} has deadline ${consent.deadline}, not ${deadline}: use one deadline for all.`,
        );
      }
      consents.push(consent.signature);
      continue;
    }
    const signer = signers.find((w) => isAddressEqual(w.account.address, founder));
    if (!signer) {
      throw new FoundingConsentError(
        founder,
        `${founder} has not consented: they sign the same founding with deadline ${deadline} (\`npx hardhat circle consent\`, or signFoundingConsent), and the creator passes their consent (--consents).`,
      );
    }
    const typedData = await foundingConsentTypedData(client, { ...parameters, founding: content, founder });
    consents.push(await signTypedData(signer, { ...typedData, account: signer.account }));
  }
  const signed = { ...content, consents };
  const abi = withSuiteErrors(circleRegistryAbi);
  const { hash, receipt } = templateId
    ? await submit(client, {
        address: registry,
        abi,
        functionName: "createCircleFromTemplate",
        args: [signed, templateId],
      })
    : await submit(client, {
        address: registry,
        abi,
        functionName: "createCircle",
        args: [signed, rules!, mandateRules!],
      });
  const [created] = parseEventLogs({ abi: circleRegistryAbi, logs: receipt.logs, eventName: "CircleCreated" });
  if (!created) throw new CommonwealError(`Transaction ${hash} founded no circle.`);
  const { parts, creator } = created.args;
  return {
    ...parts,
    name: created.args.name,
    creator,
    founders: content.founders,
    templateId: /^0x0+$/.test(created.args.templateId) ? null : created.args.templateId,
    rules: rulesFromChain(created.args.rules),
    mandateRules: mandateRulesFromChain(created.args.mandateRules),
    transaction: hash,
  };
}
