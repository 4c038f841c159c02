/**
 * A member signals for a hard reset. When the circle's threshold of distinct members have signalled within the reset
 * window, the circle is reset in the same transaction: every pending proposal is cancelled and every role dissolved.
 */
import { getAddress, parseEventLogs, type Address, type Hex } from "viem";
import { readContract } from "viem/actions";

import { circleAbi, circleRitualsAbi, mandatesAbi } from "../../abis.js";
import { CommonwealError, withSuiteErrors } from "../../errors.js";
import { submit, type SigningClient } from "../submit.js";
import { resolveBody } from "./resolveBody.js";

export interface SignalResetParameters {
  /** The circle or council. */
  circle: Address;
  registry: Address;
}

export interface SignalResetReturnType {
  circle: Address;
  member: Address;
  round: bigint;
  signals: bigint;
  threshold: number;
  /** When the round ends (unix seconds): the threshold must be reached before then. */
  roundEndsAt: bigint;
  /** Whether this signal reached the threshold and the circle was reset. */
  reset: boolean;
  /** The reset epoch now. */
  epoch: bigint;
  /** When this signal reset the circle: the members whose signals did it; empty otherwise. */
  triggeredBy: Address[];
  /** When this signal reset the circle: the mandates the reset ended, in the same transaction; empty otherwise. */
  endedMandates: bigint[];
  transaction: Hex;
}

/**
 * The client's account, a member, signals for a hard reset of the circle.
 *
 * @example
 * const { reset, signals, threshold } = await signalReset(anaWallet, { circle, registry });
 */
export async function signalReset(
  client: SigningClient,
  parameters: SignalResetParameters,
): Promise<SignalResetReturnType> {
  const body = await resolveBody(client, { address: parameters.circle, registry: parameters.registry });
  const { hash, receipt } = await submit(client, {
    address: body.rituals,
    abi: withSuiteErrors(circleRitualsAbi),
    functionName: "signalReset",
    args: [],
  });
  const [signalled] = parseEventLogs({ abi: circleRitualsAbi, logs: receipt.logs, eventName: "ResetSignalled" });
  if (!signalled) throw new CommonwealError(`Transaction ${hash} recorded no reset signal.`);
  const [reset] = parseEventLogs({ abi: circleAbi, logs: receipt.logs, eventName: "HardReset" });
  const [rules, epoch] = await Promise.all([
    readContract(client, { address: body.circle, abi: circleAbi, functionName: "rules" }),
    readContract(client, { address: body.circle, abi: circleAbi, functionName: "resetEpoch" }),
  ]);
  return {
    circle: body.circle,
    member: getAddress(client.account.address),
    round: signalled.args.round,
    signals: signalled.args.signals,
    threshold: rules.resetThreshold,
    roundEndsAt: BigInt(signalled.args.roundEndsAt),
    reset: reset !== undefined,
    epoch,
    triggeredBy: reset ? [...reset.args.triggeredBy] : [],
    endedMandates: reset
      ? parseEventLogs({ abi: mandatesAbi, logs: receipt.logs, eventName: "MandateEnded" }).map((e) => e.args.mandateId)
      : [],
    transaction: hash,
  };
}
