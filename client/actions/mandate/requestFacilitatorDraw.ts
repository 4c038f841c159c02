/**
 * Anyone requests the draw of the circle's rotating facilitator when there is no live facilitator: the pool is
 * frozen now, and the draw waits for its randomness (then completeDraw).
 */
import { parseEventLogs, type Address, type Hex } from "viem";

import { mandatesAbi } from "../../abis.js";
import { CommonwealError } from "../../errors.js";
import { mandatesCallAbi } from "../../mandates.js";
import { submit, type SigningClient } from "../submit.js";

export interface RequestFacilitatorDrawParameters {
  /** The circle's mandates module. */
  mandates: Address;
}

export interface RequestFacilitatorDrawReturnType {
  drawId: bigint;
  role: string;
  /** The members the holder will be drawn from. */
  pool: Address[];
  /** The randomness ticket; complete the draw once it is out. */
  ticket: bigint;
  transaction: Hex;
}

/**
 * Requests the facilitator's draw from the client's account. Refused, before sending, with the contract's custom
 * error: a circle without facilitation, a live facilitator, a draw for the role already pending, nobody eligible.
 *
 * @example
 * const { drawId, ticket } = await requestFacilitatorDraw(walletClient, { mandates });
 */
export async function requestFacilitatorDraw(
  client: SigningClient,
  parameters: RequestFacilitatorDrawParameters,
): Promise<RequestFacilitatorDrawReturnType> {
  const { hash: transaction, receipt } = await submit(client, {
    address: parameters.mandates,
    abi: mandatesCallAbi,
    functionName: "requestFacilitatorDraw",
    args: [],
  });
  const [requested] = parseEventLogs({ abi: mandatesAbi, logs: receipt.logs, eventName: "DrawRequested" });
  if (!requested) throw new CommonwealError(`Transaction ${transaction} requested no draw: list the pending draws.`);
  const { drawId, role, pool, ticket } = requested.args;
  return { drawId, role, pool: [...pool], ticket, transaction };
}
