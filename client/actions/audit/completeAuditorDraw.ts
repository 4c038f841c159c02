/**
 * Anyone completes the draw of an audit's two auditors once its randomness is out: a draw like the others
 * (completeDraw), read back as the audit it settles.
 */
import type { Address, Hex } from "viem";

import { CommonwealError } from "../../errors.js";
import { completeDraw } from "../mandate/completeDraw.js";
import type { SigningClient } from "../submit.js";
import { readAudit, type Audit } from "./readAudit.js";

export interface CompleteAuditorDrawParameters {
  /** The circle's mandates module. */
  mandates: Address;
  auditId: bigint;
}

export interface CompleteAuditorDrawReturnType {
  /** The audit after the draw: drawn (with its two auditors), skipped (fewer than two still eligible) or missed. */
  audit: Audit;
  randomness: bigint;
  transaction: Hex;
}

/**
 * Completes the draw of audit `auditId` from the client's account. Refused before sending when the audit waits for
 * no draw, and with the contract's custom error otherwise (out of order, randomness not out yet, stale).
 *
 * @example
 * const { audit } = await completeAuditorDraw(walletClient, { mandates, auditId: 1n });
 * console.log(audit.auditors.map((a) => a.address));
 */
export async function completeAuditorDraw(
  client: SigningClient,
  parameters: CompleteAuditorDrawParameters,
): Promise<CompleteAuditorDrawReturnType> {
  const { mandates, auditId } = parameters;
  const before = await readAudit(client, { mandates, auditId });
  if (before.status !== "pending" || before.drawId === null) {
    throw new CommonwealError(`Audit ${auditId} is ${before.status}: it waits for no draw.`);
  }
  const result = await completeDraw(client, { mandates, drawId: before.drawId });
  return {
    audit: await readAudit(client, { mandates, auditId }),
    randomness: result.randomness,
    transaction: result.transaction,
  };
}
