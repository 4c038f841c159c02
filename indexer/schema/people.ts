/**
 * People tables: the Profiles registry's one event kind as it happened (one row per log), and the derived `profile`
 * table a face reads (GraphQL `profiles`): each account's current display name and profile URI. A name proves nothing
 * (anyone can call themselves "Ana"): show it with the address.
 */
import { index, onchainTable } from "ponder";

import { logColumns } from "./columns.js";

/** Profiles `ProfileSet`: an account set its name and URI, or cleared them (empty strings). */
export const profileSet = onchainTable(
  "profile_set",
  (t) => ({
    ...logColumns(t),
    account: t.hex().notNull(),
    name: t.text().notNull(),
    uri: t.text().notNull(),
  }),
  (table) => ({ byAccount: index().on(table.account) }),
);

/**
 * An account's current profile: the latest `ProfileSet`. A cleared profile keeps its row, with an empty name and URI
 * (`cleared` true), so when it was cleared stays readable.
 */
export const profile = onchainTable("profile", (t) => ({
  account: t.hex().primaryKey(),
  /** The display name; "" once cleared. */
  name: t.text().notNull(),
  /** The profile URI; "" when none or cleared. */
  uri: t.text().notNull(),
  /** Whether the latest event cleared the profile. */
  cleared: t.boolean().notNull(),
  /** How many times the account set or cleared its profile. */
  changes: t.integer().notNull(),
  /** When the account first set its profile. */
  createdAtBlock: t.bigint().notNull(),
  createdAt: t.bigint().notNull(),
  /** When it last set or cleared it. */
  updatedAtBlock: t.bigint().notNull(),
  updatedAt: t.bigint().notNull(),
}));
