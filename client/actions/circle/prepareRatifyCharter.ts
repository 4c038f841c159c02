/**
 * Builds a circle's (or council's) decision to ratify a charter, new or the same, which restarts its term. Ratifying
 * is one of the decisions a body can still make after its charter lapsed.
 */
import { encodeFunctionData, type Address, type Chain, type Client, type Hex, type Transport } from "viem";

import { circleAbi } from "../../abis.js";
import type { PreparedProposal } from "../../proposals.js";
import { resolveBody } from "./resolveBody.js";

export interface PrepareRatifyCharterParameters {
  /** The circle or council. */
  circle: Address;
  registry: Address;
  /** The charter's content hash (see `charterHash`). */
  charterHash: Hex;
  /** Where the charter can be read (default: none). */
  charterURI?: string;
  /** The proposal's description (default: "Ratify the charter <hash> (<uri>)"). */
  description?: string;
}

export interface PrepareRatifyCharterReturnType extends PreparedProposal {
  charterHash: Hex;
  charterURI: string;
}

/**
 * The proposal `circle.ratifyCharter(charterHash, charterURI)`.
 *
 * @example
 * const proposal = await prepareRatifyCharter(publicClient, { circle, registry, charterHash: charterHash(text) });
 */
export async function prepareRatifyCharter<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: PrepareRatifyCharterParameters,
): Promise<PrepareRatifyCharterReturnType> {
  const { charterHash, charterURI = "" } = parameters;
  const body = await resolveBody(client, { address: parameters.circle, registry: parameters.registry });
  const data = encodeFunctionData({ abi: circleAbi, functionName: "ratifyCharter", args: [charterHash, charterURI] });
  return {
    circle: body.circle,
    calls: [{ target: body.circle, value: 0n, data }],
    description: parameters.description || `Ratify the charter ${charterHash}${charterURI ? ` (${charterURI})` : ""}`,
    charterHash,
    charterURI,
  };
}
