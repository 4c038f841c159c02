import { getAddress, type Address, type Hash } from "viem";

import { profilesAbi } from "../../abis.js";
import { withSuiteErrors } from "../../errors.js";
import { submit, type SigningClient } from "../submit.js";

export interface ClearProfileParameters {
  /** The Profiles registry (the deployment record's `profiles`). */
  profiles: Address;
}

export interface ClearProfileReturnType {
  /** Whose profile was cleared: always the client's own account. */
  account: Address;
  transaction: Hash;
}

/**
 * Clears the client's own display name and profile URI (the registry announces it as a `ProfileSet` with empty
 * strings). Clearing a profile that is already empty is allowed.
 *
 * @example
 * await clearProfile(walletClient, { profiles });
 */
export async function clearProfile(
  client: SigningClient,
  parameters: ClearProfileParameters,
): Promise<ClearProfileReturnType> {
  const { hash: transaction } = await submit(client, {
    address: parameters.profiles,
    abi: withSuiteErrors(profilesAbi),
    functionName: "clearProfile",
    args: [],
  });
  return { account: getAddress(client.account.address), transaction };
}
