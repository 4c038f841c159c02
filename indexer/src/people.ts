/**
 * People handlers: each `ProfileSet` is written as it happened, then the account's current profile (`profile`) is
 * replaced by it. An empty name and URI is a cleared profile (the registry's `clearProfile`).
 */
import { ponder } from "ponder:registry";
import { profile, profileSet } from "ponder:schema";

import { logOf } from "./log.js";

ponder.on("Profiles:ProfileSet", async ({ event, context }) => {
  const { account, name, uri } = event.args;
  await context.db.insert(profileSet).values({ ...logOf(event), account, name, uri });
  const { number, timestamp } = event.block;
  const now = { name, uri, cleared: name === "", updatedAtBlock: number, updatedAt: timestamp };
  await context.db
    .insert(profile)
    .values({ account, ...now, changes: 1, createdAtBlock: number, createdAt: timestamp })
    .onConflictDoUpdate((row) => ({ ...now, changes: row.changes + 1 }));
});
