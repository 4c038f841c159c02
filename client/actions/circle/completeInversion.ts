/**
 * Anyone completes the circle's pending mentorship inversion once its randomness is out: the members admitted before
 * the request, newest first by admission time (ties by lot), pair up, the i-th newest mentoring the i-th most senior.
 */
import { getAddress, parseEventLogs, zeroAddress, type Address, type Hex } from "viem";
import { readContract } from "viem/actions";

import { circleRitualsAbi } from "../../abis.js";
import { randomnessProof } from "../../blockHeader.js";
import { CommonwealError, withSuiteErrors } from "../../errors.js";
import { submit, type SigningClient } from "../submit.js";
import { resolveBody } from "./resolveBody.js";

export interface CompleteInversionParameters {
  /** The circle. */
  circle: Address;
  registry: Address;
}

export interface CompleteInversionReturnType {
  circle: Address;
  /** The inversion's number. */
  number: bigint;
  /** The pairs made, newest mentor first. */
  pairs: { mentor: Address; mentee: Address }[];
  /** The median member, unpaired when the count is odd; null otherwise. */
  unpaired: Address | null;
  /** The revealed randomness that broke ties in admission time. */
  randomness: bigint;
  transaction: Hex;
}

/**
 * Completes the pending inversion from the client's account, with the randomness proof (the same as a draw's: the
 * ticket block's header for the default source). Refused, before sending, with the contract's or the randomness
 * source's custom error: no inversion pending, randomness not revealed yet, or expired (then re-request it).
 *
 * @example
 * const { pairs, unpaired } = await completeInversion(walletClient, { circle, registry });
 * for (const { mentor, mentee } of pairs) console.log(`${mentor} mentors ${mentee}`);
 */
export async function completeInversion(
  client: SigningClient,
  parameters: CompleteInversionParameters,
): Promise<CompleteInversionReturnType> {
  const body = await resolveBody(client, { address: parameters.circle, registry: parameters.registry });
  const [, , , ticket] = await readContract(client, {
    address: body.rituals,
    abi: circleRitualsAbi,
    functionName: "inversion",
  });
  const proof = await randomnessProof(client, ticket);
  const { hash: transaction, receipt } = await submit(client, {
    address: body.rituals,
    abi: withSuiteErrors(circleRitualsAbi),
    functionName: "completeInversion",
    args: [proof],
  });
  const paired = parseEventLogs({ abi: circleRitualsAbi, logs: receipt.logs, eventName: "MentorshipPaired" });
  const [completed] = parseEventLogs({ abi: circleRitualsAbi, logs: receipt.logs, eventName: "InversionCompleted" });
  if (!completed) throw new CommonwealError(`Transaction ${transaction} completed no inversion: read the mentorship.`);
  const { number, unpaired, randomness } = completed.args;
  return {
    circle: body.circle,
    number,
    pairs: paired.map((e) => ({ mentor: getAddress(e.args.mentor), mentee: getAddress(e.args.mentee) })),
    unpaired: unpaired === zeroAddress ? null : getAddress(unpaired),
    randomness,
    transaction,
  };
}
