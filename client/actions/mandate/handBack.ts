/** The holder gives a mandate back undone: it ends, counted as power given up willingly (`HandOff`). */
import type { SigningClient } from "../submit.js";
import type { CompleteParameters, CompleteReturnType } from "./complete.js";
import { endAsHolder } from "./internal.js";

/** The mandate to hand back: the same as to complete. */
export type HandBackParameters = CompleteParameters;

/** Whose mandate ended, for which role, in which transaction. */
export type HandBackReturnType = CompleteReturnType;

/**
 * Hands mandate `mandateId` back as its holder (the client's account); the role is open again. Refused, before
 * sending, with the contract's custom error: not the holder, or a mandate that has ended or expired.
 *
 * @example
 * await handBack(walletClient, { mandates, mandateId: 1n });
 */
export function handBack(client: SigningClient, parameters: HandBackParameters): Promise<HandBackReturnType> {
  return endAsHolder(client, parameters, "handBack");
}
