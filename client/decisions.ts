/**
 * A decision's calls tried before it is proposed, as the circle would make them now: a call that would fail is
 * refused with the contract's sentence, so members are not asked to vote on a decision that cannot be carried out.
 *
 * @example
 * await simulateContract(client, { address: mandates, abi, functionName: "grant", args, account: circle })
 *   .catch((error) => { throw wouldFail(error); });
 */
import { CommonwealError, describeRevert } from "./errors.js";

/** A decision's call that would be refused if the circle made it now; the message is the contract's sentence. */
export class DecisionWouldFailError extends CommonwealError {
  override name = "DecisionWouldFailError";
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`This decision would fail if it were executed now: ${reason}`, options);
  }
}

/**
 * The refusal of a decision's call, simulated from the circle's address, as a {@link DecisionWouldFailError}; any
 * other error (a network failure, a revert no ABI decodes) is returned unchanged, to be thrown as it is.
 */
export function wouldFail(error: unknown): unknown {
  const sentence = describeRevert(error);
  return sentence ? new DecisionWouldFailError(sentence, { cause: error }) : error;
}
