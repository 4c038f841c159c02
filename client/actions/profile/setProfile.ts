import { getAddress, type Address, type Hash } from "viem";

import { profilesAbi } from "../../abis.js";
import { withSuiteErrors } from "../../errors.js";
import { submit, type SigningClient } from "../submit.js";

export interface SetProfileParameters {
  /** The Profiles registry (the deployment record's `profiles`). */
  profiles: Address;
  /** The display name: 1 to 64 bytes of UTF-8, no control characters. Not unique: faces show it with the address. */
  name: string;
  /** Where more about you can be read (ipfs://…, https://…), up to 256 bytes; omit or "" for none. */
  uri?: string;
}

export interface SetProfileReturnType {
  /** Whose profile was set: always the client's own account. */
  account: Address;
  name: string;
  uri: string;
  transaction: Hash;
}

/**
 * Sets the client's own display name and profile URI, replacing any earlier ones. The registry's refusals (an empty
 * name, a name over 64 bytes or a URI over 256, a control character) are simulated first and come back as a
 * sentence (describeRevert).
 *
 * @example
 * await setProfile(walletClient, { profiles, name: "Ana", uri: "ipfs://bafy…" });
 */
export async function setProfile(
  client: SigningClient,
  parameters: SetProfileParameters,
): Promise<SetProfileReturnType> {
  const uri = parameters.uri ?? "";
  const { hash: transaction } = await submit(client, {
    address: parameters.profiles,
    abi: withSuiteErrors(profilesAbi),
    functionName: "setProfile",
    args: [parameters.name, uri],
  });
  return { account: getAddress(client.account.address), name: parameters.name, uri, transaction };
}
