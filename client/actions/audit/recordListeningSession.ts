/**
 * An auditor records that the listening session on their published audit was held, with its date. (The circle
 * records it by decision: prepareListeningSession.)
 */
import type { Address, Hex } from "viem";

import { mandatesCallAbi } from "../../mandates.js";
import { submit, type SigningClient } from "../submit.js";

export interface RecordListeningSessionParameters {
  /** The circle's mandates module. */
  mandates: Address;
  auditId: bigint;
  /** Unix seconds: when the session was held (not before the audit's publication, not in the future). */
  heldAt: number;
}

export interface RecordListeningSessionReturnType {
  auditId: bigint;
  heldAt: number;
  transaction: Hex;
}

/**
 * Records the session from the client's account, an auditor of the audit. Refused, before sending, with the
 * contract's custom error: not an auditor, an audit not published by both, a date out of range, already recorded.
 *
 * @example
 * await recordListeningSession(walletClient, { mandates, auditId: 1n, heldAt: Date.parse("2026-03-02T18:00Z") / 1000 });
 */
export async function recordListeningSession(
  client: SigningClient,
  parameters: RecordListeningSessionParameters,
): Promise<RecordListeningSessionReturnType> {
  const { mandates, auditId, heldAt } = parameters;
  const { hash: transaction } = await submit(client, {
    address: mandates,
    abi: mandatesCallAbi,
    functionName: "recordListeningSession",
    args: [auditId, BigInt(heldAt)],
  });
  return { auditId, heldAt, transaction };
}
