import type { Address, Chain, Client, Transport } from "viem";

import { readProfiles, type AccountProfile } from "./readProfiles.js";

export interface ReadProfileParameters {
  /** The Profiles registry (the deployment record's `profiles`). */
  profiles: Address;
  account: Address;
  /** Also look up the account's primary ENS name where the chain has ENS (default true); see readProfiles. */
  ens?: boolean;
}

/** The account's profile: name and URI ("" when none), when it was set (0n when never), and its ENS name if any. */
export type ReadProfileReturnType = AccountProfile;

/**
 * One account's display name, profile URI and when it set them, and its ENS name where the network has ENS.
 *
 * @example
 * const { name, uri } = await readProfile(publicClient, { profiles, account: ana });
 */
export async function readProfile<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ReadProfileParameters,
): Promise<ReadProfileReturnType> {
  const book = await readProfiles(client, {
    profiles: parameters.profiles,
    accounts: [parameters.account],
    ...(parameters.ens === undefined ? {} : { ens: parameters.ens }),
  });
  return [...book.values()][0]!;
}
