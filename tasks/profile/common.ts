/**
 * What the profile tasks share, and how every other task names the people it lists: one `profilesOf` call for the
 * whole list (client readProfiles), then `displayName` ("Ana (0xAbC1…89Ef)") with duplicate names flagged. Names are
 * decoration: a task that lists people still prints bare addresses when no Profiles registry can be read.
 */
import type { Address } from "viem";

import { readProfiles } from "../../client/actions/profile/readProfiles.js";
import { labelsOf, namesOf, type ProfileBook } from "../../client/names.js";
import { requireAddress, requireContract, type Connection } from "../cli.js";

/** The Profiles registry: `--profiles`, or this network's deployment record; refused if there is no contract there. */
export async function profilesOf(c: Connection, profiles: string | undefined): Promise<Address> {
  const address = profiles ? requireAddress("profiles", profiles) : c.deployment().profiles;
  await requireContract(c, "Profiles registry", address);
  return address;
}

/**
 * The names of `accounts` (by checksummed address; only the named ones), read in one call. With `--profiles` a wrong
 * address is refused; without it, a network with no deployment record or no registry at the recorded address gives no
 * names, and the task prints addresses as before.
 */
export async function namesFor(
  c: Connection,
  accounts: readonly Address[],
  profiles: string | undefined,
): Promise<Record<Address, string>> {
  if (accounts.length === 0) return {};
  if (profiles)
    return namesOf(accounts, await readProfiles(c.publicClient, { profiles: await profilesOf(c, profiles), accounts }));
  try {
    const address = c.deployment().profiles;
    return namesOf(accounts, await readProfiles(c.publicClient, { profiles: address, accounts }));
  } catch {
    return {};
  }
}

/**
 * How a task prints the accounts of one list, from the `names` its result carries: "Ana (0xAbC1…89Ef)", a bare
 * checksummed address without a name, and " — same name as 0x…" where two accounts of the list share a name.
 */
export function labeller(
  accounts: readonly Address[],
  names: Readonly<Record<Address, string>>,
): (a: Address) => string {
  const book: ProfileBook = new Map(Object.entries(names).map(([account, name]) => [account as Address, { name }]));
  return labelsOf(accounts, book);
}
