/** The holder marks a mandate's task done: the mandate ends with it ("the mandate expires with the task"). */
import type { Address } from "viem";

import type { SigningClient } from "../submit.js";
import { endAsHolder, type EndedMandate } from "./internal.js";

export interface CompleteParameters {
  /** The circle's mandates module. */
  mandates: Address;
  mandateId: bigint;
}

/** Whose mandate ended, for which role, in which transaction. */
export type CompleteReturnType = EndedMandate;

/**
 * Completes mandate `mandateId` as its holder (the client's account); the role is open again. Refused, before
 * sending, with the contract's custom error: not the holder, or a mandate that has ended or expired.
 *
 * @example
 * const { role, transaction } = await complete(walletClient, { mandates, mandateId: 1n });
 */
export function complete(client: SigningClient, parameters: CompleteParameters): Promise<CompleteReturnType> {
  return endAsHolder(client, parameters, "complete");
}
