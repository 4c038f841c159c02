// Founders' consent for ethers scripts on a local node: every founder but the sender signs the founding (EIP-712).
// The typed data (domain, types, the rules' hash, each founder's nonce) is the client's foundingConsentTypedData, read
// through the script's own provider; only the signing is the ethers signer's. Scripts on viem wallets call the
// client's createCircle with `signers` instead.
import type { Signer } from "ethers";
import { createPublicClient, custom, getAddress, type Address, type Hex } from "viem";

import { foundingConsentTypedData } from "../client/actions/circle/foundingConsentTypedData.js";
import type { CircleRules, MandateRules } from "../client/rules.js";
import type { CircleRegistry } from "../typechain-types/index.js";
import type { CircleRulesStruct, MandateRulesStruct } from "../typechain-types/circles/CircleRegistry.js";

/** The JSON-RPC an ethers provider of a Hardhat network answers (HardhatEthersProvider's `send`). */
interface RpcProvider {
  send(method: string, params?: unknown[]): Promise<unknown>;
}

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
  const provider = registry.runner!.provider! as unknown as RpcProvider;
  const client = createPublicClient({
    transport: custom({ request: ({ method, params }) => provider.send(method, params as unknown[]) }),
  });
  const latest = await client.getBlock();
  const deadline = latest.timestamp + 3_600n;
  const content = {
    ...founding,
    founders: founding.founders.map((f) => getAddress(f)),
    charterHash: founding.charterHash as Hex,
    deadline,
  };
  const consents: string[] = [];
  for (const founder of content.founders) {
    if (founder.toLowerCase() === sender.toLowerCase()) {
      consents.push("0x");
      continue;
    }
    const { domain, types, message } = await foundingConsentTypedData(client, {
      registry: (await registry.getAddress()) as Address,
      founding: content,
      rules: rules as CircleRules,
      mandateRules: mandateRules as MandateRules,
      founder,
    });
    const fields = { FoundingConsent: types.FoundingConsent.map((f) => ({ ...f })) };
    consents.push(await (await signerOf(founder)).signTypedData(domain, fields, message));
  }
  return { ...founding, deadline, consents };
}
