/**
 * A member records how heard they felt over the decision period that just ended (1 not at all, 5 fully), and may name
 * one member as dominant: when a majority names the same member, they sit out of roles for the dominance cooldown.
 */
import { getAddress, parseEventLogs, zeroAddress, type Address, type Hex } from "viem";

import { circleRitualsAbi } from "../../abis.js";
import { CommonwealError, InvalidParameterError, withSuiteErrors } from "../../errors.js";
import { submit, type SigningClient } from "../submit.js";
import { readTemperature, type ReadTemperatureReturnType } from "./readTemperature.js";
import { resolveBody } from "./resolveBody.js";

export interface RecordTemperatureParameters {
  /** The circle or council. */
  circle: Address;
  registry: Address;
  /** How heard the member felt, 1 (not at all) to 5 (fully). */
  heard: number;
  /** A member the signer names as dominant, if any. */
  dominant?: Address;
}

export interface RecordTemperatureReturnType extends ReadTemperatureReturnType {
  recorded: {
    member: Address;
    heard: number;
    dominant: Address | null;
    /** Set when this naming made a majority: the member named sits out of roles until then (unix seconds). */
    cooledDown: { member: Address; until: bigint } | null;
    transaction: Hex;
  };
}

/**
 * Records the client's account's reading of the period that just ended, and reads that period's aggregates after it.
 *
 * @example
 * const { aggregate, recorded } = await recordTemperature(anaWallet, { circle, registry, heard: 4 });
 */
export async function recordTemperature(
  client: SigningClient,
  parameters: RecordTemperatureParameters,
): Promise<RecordTemperatureReturnType> {
  const { registry, heard, dominant } = parameters;
  if (!Number.isInteger(heard) || heard < 1 || heard > 5) {
    throw new InvalidParameterError("heard", `A reading is 1 (not heard at all) to 5 (fully heard); got ${heard}.`);
  }
  const body = await resolveBody(client, { address: parameters.circle, registry });
  const { hash, receipt } = await submit(client, {
    address: body.rituals,
    abi: withSuiteErrors(circleRitualsAbi),
    functionName: "recordTemperature",
    args: [heard, dominant ?? zeroAddress],
  });
  const [recorded] = parseEventLogs({ abi: circleRitualsAbi, logs: receipt.logs, eventName: "TemperatureRecorded" });
  if (!recorded) throw new CommonwealError(`Transaction ${hash} recorded no reading.`);
  const [cooled] = parseEventLogs({ abi: circleRitualsAbi, logs: receipt.logs, eventName: "MemberCooledDown" });
  const read = await readTemperature(client, { circle: body.circle, registry, period: recorded.args.period });
  return {
    ...read,
    recorded: {
      member: getAddress(client.account.address),
      heard,
      dominant: dominant ?? null,
      cooledDown: cooled ? { member: cooled.args.member, until: BigInt(cooled.args.until) } : null,
      transaction: hash,
    },
  };
}
