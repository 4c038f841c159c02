/**
 * Builds a circle's decision recording that the listening session on a published audit was held: the call
 * `mandates.recordListeningSession(auditId, heldAt)` made by the circle itself (no mandate can make it: a mandate's
 * powers can never target the circle's own mandates).
 */
import type { Address, Chain, Client, Transport } from "viem";
import { readContract } from "viem/actions";

import { mandatesAbi } from "../../abis.js";
import { decisionCall, type PreparedProposal } from "../../proposals.js";
import { isoTime } from "../../time.js";

export interface PrepareListeningSessionParameters {
  /** The circle's mandates module. */
  mandates: Address;
  auditId: bigint;
  /** Unix seconds: when the session was held. */
  heldAt: number;
  /** The proposal's description (default: "Record the listening session of audit <id>, held <date>"). */
  description?: string;
}

export interface PrepareListeningSessionReturnType extends PreparedProposal {
  auditId: bigint;
  heldAt: number;
}

/**
 * The proposal, checked as the circle would make it now: an audit not published by both, a date out of range or a
 * session already recorded is a DecisionWouldFailError with the contract's sentence. Sends nothing: propose it in the
 * circle (the date must still be valid when the decision executes: not before the publication, not in the future).
 *
 * @example
 * const proposal = await prepareListeningSession(publicClient, { mandates, auditId: 1n, heldAt });
 * await propose(walletClient, proposal);
 */
export async function prepareListeningSession<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: PrepareListeningSessionParameters,
): Promise<PrepareListeningSessionReturnType> {
  const { mandates, auditId, heldAt } = parameters;
  const circle = await readContract(client, { address: mandates, abi: mandatesAbi, functionName: "circle" });
  const call = await decisionCall(client, {
    circle,
    address: mandates,
    abi: mandatesAbi,
    functionName: "recordListeningSession",
    args: [auditId, BigInt(heldAt)],
  });
  return {
    circle,
    calls: [call],
    description: parameters.description || `Record the listening session of audit ${auditId}, held ${isoTime(heldAt)}`,
    auditId,
    heldAt,
  };
}
