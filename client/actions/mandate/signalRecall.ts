/** A member signals, on-chain, to recall a mandate; the signal that makes a majority of the current members ends it. */
import type { Address, Hex } from "viem";

import { mandatesCallAbi } from "../../mandates.js";
import { readRecallOutcome, type RecallOutcome } from "../../recalls.js";
import { submit, type SigningClient } from "../submit.js";

export interface SignalRecallParameters {
  /** The circle's mandates module. */
  mandates: Address;
  mandateId: bigint;
}

/** The recall's count after this signal, and whether it ended the mandate. */
export type SignalRecallReturnType = RecallOutcome & { transaction: Hex };

/**
 * Signals a recall of `mandateId` from the client's account (a member). Refused, before sending, with the contract's
 * custom error: not a member, signalled already, an ended mandate.
 *
 * @example
 * const { signals, needed, recalled } = await signalRecall(walletClient, { mandates, mandateId: 1n });
 */
export async function signalRecall(
  client: SigningClient,
  parameters: SignalRecallParameters,
): Promise<SignalRecallReturnType> {
  const { mandates, mandateId } = parameters;
  const { hash, receipt } = await submit(client, {
    address: mandates,
    abi: mandatesCallAbi,
    functionName: "signalRecall",
    args: [mandateId],
  });
  return { ...(await readRecallOutcome(client, { mandates, mandateId, receipt })), transaction: hash };
}
