/**
 * Anyone submits recall signals members signed off-chain (signRecall), all in one transaction; the signal that makes
 * a majority of the current members ends the mandate.
 */
import type { Address, Hex } from "viem";

import { mandatesCallAbi } from "../../mandates.js";
import { readRecallOutcome, type RecallOutcome } from "../../recalls.js";
import { submit, type SigningClient } from "../submit.js";

export interface SubmitRecallSignaturesParameters {
  /** The circle's mandates module. */
  mandates: Address;
  mandateId: bigint;
  /** The members' signals, e.g. `parseRecalls(json, { mandates, mandateId })` of a recall file. */
  signatures: readonly { member: Address; signature: Hex }[];
}

/** The recall's count after these signals, and whether they ended the mandate. */
export type SubmitRecallSignaturesReturnType = RecallOutcome & { transaction: Hex };

/**
 * Submits the signals from the client's account (anyone may). Refused, before sending, with the contract's custom
 * error: a signature that is not the member's or was used already, a member who is not one or signalled already.
 *
 * @example
 * const batch = parseRecalls(JSON.parse(readFileSync("recall.json", "utf8")), { mandates, mandateId: 1n });
 * await submitRecallSignatures(walletClient, { mandates, mandateId: 1n, signatures: batch });
 */
export async function submitRecallSignatures(
  client: SigningClient,
  parameters: SubmitRecallSignaturesParameters,
): Promise<SubmitRecallSignaturesReturnType> {
  const { mandates, mandateId, signatures } = parameters;
  const { hash, receipt } = await submit(client, {
    address: mandates,
    abi: mandatesCallAbi,
    functionName: "signalRecallBySig",
    args: [mandateId, signatures.map((s) => s.member), signatures.map((s) => s.signature)],
  });
  return { ...(await readRecallOutcome(client, { mandates, mandateId, receipt })), transaction: hash };
}
