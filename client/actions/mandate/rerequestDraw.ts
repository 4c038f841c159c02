/** A draw whose randomness can no longer be revealed gets a fresh ticket, so it can still be completed. */
import { parseEventLogs, type Address, type Hex } from "viem";

import { mandatesAbi } from "../../abis.js";
import { mandatesCallAbi } from "../../mandates.js";
import { submit, type SigningClient } from "../submit.js";

export interface RerequestDrawParameters {
  /** The circle's mandates module. */
  mandates: Address;
  drawId: bigint;
}

export interface RerequestDrawReturnType {
  drawId: bigint;
  /** The new randomness ticket; complete the draw once it is out. */
  ticket: bigint;
  transaction: Hex;
}

/**
 * Re-requests draw `drawId` from the client's account (anyone may). Refused, before sending, with the contract's
 * custom error: a draw that is not pending, or whose randomness can still be revealed (complete it instead).
 *
 * @example
 * const { ticket } = await rerequestDraw(walletClient, { mandates, drawId: 1n });
 */
export async function rerequestDraw(
  client: SigningClient,
  parameters: RerequestDrawParameters,
): Promise<RerequestDrawReturnType> {
  const { mandates, drawId } = parameters;
  const { hash: transaction, receipt } = await submit(client, {
    address: mandates,
    abi: mandatesCallAbi,
    functionName: "rerequestDraw",
    args: [drawId],
  });
  const [rerequested] = parseEventLogs({ abi: mandatesAbi, logs: receipt.logs, eventName: "DrawRerequested" });
  return { drawId, ticket: rerequested?.args.ticket ?? 0n, transaction };
}
