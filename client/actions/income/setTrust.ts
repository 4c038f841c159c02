import { getAddress, type Address, type Hash } from "viem";
import { getBlock } from "viem/actions";

import { incomeHubAbi } from "../../abis.js";
import { InvalidParameterError, withSuiteErrors } from "../../errors.js";
import { isoTime } from "../../time.js";
import { submit, type SigningClient } from "../submit.js";

/** How long the trust lasts: until a time, for a while from the latest block, or no longer (withdrawn). */
export type TrustTerm =
  | { until: bigint; duration?: never; revoke?: never }
  | { duration: number; until?: never; revoke?: never }
  | { revoke: true; until?: never; duration?: never };

export type SetTrustParameters = {
  hub: Address;
  /** Whose token to accept (1:1 for anything the truster holds). */
  trustee: Address;
} & TrustTerm;

export interface SetTrustReturnType {
  truster: Address;
  trustee: Address;
  /** When the trust ends, unix seconds (0 when withdrawn). */
  expiry: bigint;
  transaction: Hash;
}

/**
 * Trusts a person's token from the client's account until a time (`until`, unix seconds, in the future) or for a
 * while from the latest block (`duration`, seconds; see parseDuration), or withdraws that trust (`revoke`). The
 * hub's refusals (self-trust, a truster who is not registered) are simulated first.
 *
 * @example
 * await setTrust(walletClient, { hub, trustee: ben, duration: parseDuration("52w") });
 */
export async function setTrust(client: SigningClient, parameters: SetTrustParameters): Promise<SetTrustReturnType> {
  const trustee = getAddress(parameters.trustee);
  const expiry = parameters.revoke ? 0n : await trustExpiry(client, parameters);
  const { hash: transaction } = await submit(client, {
    address: parameters.hub,
    abi: withSuiteErrors(incomeHubAbi),
    functionName: "trust",
    args: [trustee, expiry],
  });
  return { truster: getAddress(client.account.address), trustee, expiry, transaction };
}

/** When trust given now ends: `until`, which must be in the future, or `duration` seconds from the latest block. */
async function trustExpiry(client: SigningClient, term: { until: bigint } | { duration: number }): Promise<bigint> {
  const now = (await getBlock(client)).timestamp;
  if ("until" in term) {
    if (term.until <= now) {
      throw new InvalidParameterError(
        "until",
        `Trust until ${isoTime(term.until)} would end before it starts: the chain's time is ${isoTime(now)}. Give a later date.`,
      );
    }
    return term.until;
  }
  if (!Number.isSafeInteger(term.duration) || term.duration < 1) {
    throw new InvalidParameterError(
      "duration",
      `${term.duration} is not a number of seconds to trust for: give a whole number of at least 1.`,
    );
  }
  return now + BigInt(term.duration);
}
