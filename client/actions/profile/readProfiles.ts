import { getAddress, type Address, type Chain, type Client, type Transport } from "viem";
import { getEnsName, readContract } from "viem/actions";

import { profilesAbi } from "../../abis.js";
import type { Named } from "../../names.js";

/** The most accounts the registry reads in one call (`Profiles.MAX_BATCH`); longer lists are read in several calls. */
export const PROFILES_BATCH = 100;

/** One account's profile, as the registry holds it, and its ENS name where the network has ENS. */
export interface AccountProfile extends Named {
  /** The account, checksummed. */
  account: Address;
  /** Its profile URI; "" when none. */
  uri: string;
  /** When it last set its profile, unix seconds; 0n when it has none. */
  updatedAt: bigint;
}

export interface ReadProfilesParameters {
  /** The Profiles registry (the deployment record's `profiles`). */
  profiles: Address;
  /** The accounts to name, in any case; repeated ones are read once. */
  accounts: readonly Address[];
  /**
   * Also look up each account's primary ENS name (default true). Only on a chain whose viem definition names an ENS
   * universal resolver (`chain.contracts.ensUniversalResolver`: mainnet, Sepolia…); never on a local chain.
   */
  ens?: boolean;
}

/** The profiles by checksummed account: a ProfileBook for displayName and markDuplicateNames. */
export type ReadProfilesReturnType = ReadonlyMap<Address, AccountProfile>;

/** Whether the client's chain has ENS: its viem definition names a universal resolver. */
export function hasEns(client: Client<Transport, Chain | undefined>): boolean {
  return client.chain?.contracts?.ensUniversalResolver !== undefined;
}

/**
 * Many accounts' profiles in one call to the registry per 100 accounts (`profilesOf`), all calls in parallel, and on a
 * chain with ENS their primary ENS names (in parallel; a failed lookup is no name). Every account asked for is in the
 * result, with an empty name if it has none.
 *
 * @example
 * const book = await readProfiles(publicClient, { profiles, accounts: members });
 * members.map((m) => displayName(m, book));
 */
export async function readProfiles<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ReadProfilesParameters,
): Promise<ReadProfilesReturnType> {
  const accounts = [...new Set(parameters.accounts.map((a) => getAddress(a)))];
  const batches: Address[][] = [];
  for (let i = 0; i < accounts.length; i += PROFILES_BATCH) batches.push(accounts.slice(i, i + PROFILES_BATCH));
  const ens = parameters.ens !== false && hasEns(client);
  const [read, ensNames] = await Promise.all([
    Promise.all(
      batches.map((batch) =>
        readContract(client, {
          address: parameters.profiles,
          abi: profilesAbi,
          functionName: "profilesOf",
          args: [batch],
        }),
      ),
    ),
    ens
      ? Promise.all(accounts.map((address) => getEnsName(client, { address }).catch(() => null)))
      : Promise.resolve([]),
  ]);
  const book = new Map<Address, AccountProfile>();
  read.flat().forEach((p, i) => {
    const account = accounts[i]!;
    const ensName = ensNames[i];
    book.set(account, { account, name: p.name, uri: p.uri, updatedAt: p.updatedAt, ...(ensName ? { ensName } : {}) });
  });
  return book;
}
