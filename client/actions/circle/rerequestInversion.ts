/** A pending mentorship inversion whose randomness can no longer be revealed gets a fresh ticket. */
import { parseEventLogs, type Address, type Hex } from "viem";

import { circleRitualsAbi } from "../../abis.js";
import { CommonwealError, withSuiteErrors } from "../../errors.js";
import { submit, type SigningClient } from "../submit.js";
import { resolveBody } from "./resolveBody.js";

export interface RerequestInversionParameters {
  /** The circle. */
  circle: Address;
  registry: Address;
}

export interface RerequestInversionReturnType {
  circle: Address;
  /** The pending inversion's number. */
  number: bigint;
  /** The new randomness ticket; complete the inversion once it is out. */
  ticket: bigint;
  transaction: Hex;
}

/**
 * Re-requests the pending inversion's randomness from the client's account (anyone may). Refused, before sending,
 * with the contract's custom error: no inversion pending, or its ticket can still be revealed (complete it instead).
 * The schedule stays: the next inversion is due one period after the first request.
 *
 * @example
 * const { ticket } = await rerequestInversion(walletClient, { circle, registry });
 */
export async function rerequestInversion(
  client: SigningClient,
  parameters: RerequestInversionParameters,
): Promise<RerequestInversionReturnType> {
  const body = await resolveBody(client, { address: parameters.circle, registry: parameters.registry });
  const { hash: transaction, receipt } = await submit(client, {
    address: body.rituals,
    abi: withSuiteErrors(circleRitualsAbi),
    functionName: "rerequestInversion",
    args: [],
  });
  const [event] = parseEventLogs({ abi: circleRitualsAbi, logs: receipt.logs, eventName: "InversionRerequested" });
  if (!event) throw new CommonwealError(`Transaction ${transaction} re-requested no inversion: read the mentorship.`);
  return { circle: body.circle, number: event.args.number, ticket: event.args.ticket, transaction };
}
