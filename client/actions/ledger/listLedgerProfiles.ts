import type { Address } from "viem";

import { addr, big, filterAddress, listAll, type LedgerClient } from "../../ledger.js";

export interface ListLedgerProfilesParameters {
  /** Only these accounts (any case); omit for every account that ever set a profile. */
  accounts?: readonly Address[];
  /** Also list cleared profiles (empty name and URI); default false. */
  includeCleared?: boolean;
}

/** An account's current profile in the ledger (its latest `ProfileSet`). */
export interface LedgerProfile {
  /** Checksummed. */
  account: Address;
  /** The display name; "" once cleared. Not unique and proves nothing: show it with the address (displayName). */
  name: string;
  uri: string;
  cleared: boolean;
  /** How many times the account set or cleared its profile. */
  changes: number;
  createdAt: bigint;
  updatedAt: bigint;
}

/** The ledger's profiles, in the order accounts first set one; a ProfileBook with `profileBook(profiles)`. */
export type ListLedgerProfilesReturnType = LedgerProfile[];

interface Row {
  account: string;
  name: string;
  uri: string;
  cleared: boolean;
  changes: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * People's current display names and profile URIs from the ledger (the `profiles` table), for every account or the
 * ones named, cleared ones left out unless asked for.
 *
 * @example
 * const book = profileBook(await listLedgerProfiles({ url }, { accounts: members }));
 * members.map((m) => displayName(m, book));
 */
export async function listLedgerProfiles(
  ledger: LedgerClient,
  parameters: ListLedgerProfilesParameters = {},
): Promise<ListLedgerProfilesReturnType> {
  const where: Record<string, unknown> = {};
  if (parameters.accounts) where.account_in = parameters.accounts.map(filterAddress);
  if (!parameters.includeCleared) where.cleared = false;
  const rows = await listAll<Row>(ledger, "profiles", {
    filterType: "profileFilter",
    where,
    orderBy: "createdAt",
    selection: "account name uri cleared changes createdAt updatedAt",
  });
  return rows.map((row) => ({
    account: addr(row.account),
    name: row.name,
    uri: row.uri,
    cleared: row.cleared,
    changes: row.changes,
    createdAt: big(row.createdAt),
    updatedAt: big(row.updatedAt),
  }));
}
