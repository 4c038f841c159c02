/**
 * Anyone completes a draw by lot once its randomness is out: the module draws the holder from the pool it froze
 * when the draw was requested, skipping members no longer eligible, and grants the mandate — or voids the draw if
 * nobody in the pool still is.
 */
import { parseEventLogs, type Address, type Hex } from "viem";

import { mandatesAbi } from "../../abis.js";
import { randomnessProof } from "../../blockHeader.js";
import { CommonwealError } from "../../errors.js";
import { mandatesCallAbi } from "../../mandates.js";
import { submit, type SigningClient } from "../submit.js";
import { drawRecord } from "./internal.js";

export interface CompleteDrawParameters {
  /** The circle's mandates module. */
  mandates: Address;
  drawId: bigint;
}

/** A completed draw names its holder and mandate; a voided one granted nothing (the role is free again). */
export type CompleteDrawReturnType =
  | { outcome: "completed"; drawId: bigint; mandateId: bigint; holder: Address; randomness: bigint; transaction: Hex }
  | { outcome: "voided"; drawId: bigint; randomness: bigint; transaction: Hex };

/**
 * Completes draw `drawId` from the client's account, with its frozen pool and the randomness proof. Refused,
 * before sending, with the contract's or the randomness source's custom error: not pending (or never requested), out
 * of order, randomness not revealed yet or expired (then re-request the draw).
 *
 * @example
 * const r = await completeDraw(walletClient, { mandates, drawId: 1n });
 * if (r.outcome === "completed") console.log(`${r.holder} holds mandate ${r.mandateId}`);
 */
export async function completeDraw(
  client: SigningClient,
  parameters: CompleteDrawParameters,
): Promise<CompleteDrawReturnType> {
  const { mandates, drawId } = parameters;
  const { draw, requested } = await drawRecord(client, mandates, drawId);
  const proof = await randomnessProof(client, draw.ticket);
  const { hash: transaction, receipt } = await submit(client, {
    address: mandates,
    abi: mandatesCallAbi,
    functionName: "completeDraw",
    args: [drawId, requested?.pool ?? [], proof],
  });
  const [completed] = parseEventLogs({ abi: mandatesAbi, logs: receipt.logs, eventName: "DrawCompleted" });
  const [voided] = parseEventLogs({ abi: mandatesAbi, logs: receipt.logs, eventName: "DrawVoided" });
  if (voided) return { outcome: "voided", drawId, randomness: voided.args.randomness, transaction };
  if (!completed) throw new CommonwealError(`Transaction ${transaction} completed no draw: read draw ${drawId} again.`);
  const { mandateId, holder, randomness } = completed.args;
  return { outcome: "completed", drawId, mandateId, holder, randomness, transaction };
}
