/**
 * Anyone starts the circle's mentorship inversion once it is due (one inversion period after the founding, then one
 * after the previous request): the request fixes the randomness that will break ties in admission time, and the
 * inversion waits for it (then completeInversion).
 */
import { parseEventLogs, type Address, type Hex } from "viem";

import { circleRitualsAbi } from "../../abis.js";
import { CommonwealError, withSuiteErrors } from "../../errors.js";
import { submit, type SigningClient } from "../submit.js";
import { resolveBody } from "./resolveBody.js";

export interface RequestInversionParameters {
  /** The circle. */
  circle: Address;
  registry: Address;
}

export interface RequestInversionReturnType {
  circle: Address;
  /** The inversion's number (the first is 1). */
  number: bigint;
  /** The randomness ticket; complete the inversion once it is out. */
  ticket: bigint;
  transaction: Hex;
}

/**
 * Requests the next inversion from the client's account (anyone may). Refused, before sending, with the contract's
 * custom error: inversions off (`inversionPeriod` 0), not due yet (with the date it is), one already pending.
 *
 * @example
 * const { number, ticket } = await requestInversion(walletClient, { circle, registry });
 */
export async function requestInversion(
  client: SigningClient,
  parameters: RequestInversionParameters,
): Promise<RequestInversionReturnType> {
  const body = await resolveBody(client, { address: parameters.circle, registry: parameters.registry });
  const { hash: transaction, receipt } = await submit(client, {
    address: body.rituals,
    abi: withSuiteErrors(circleRitualsAbi),
    functionName: "requestInversion",
    args: [],
  });
  const [requested] = parseEventLogs({ abi: circleRitualsAbi, logs: receipt.logs, eventName: "InversionRequested" });
  if (!requested) throw new CommonwealError(`Transaction ${transaction} requested no inversion: read the mentorship.`);
  return { circle: body.circle, number: requested.args.number, ticket: requested.args.ticket, transaction };
}
