/**
 * Governance tables: one typed table per event kind of the registry, the circles' and councils' governors, their
 * membership (and council seats), rituals, mandates and badges; then the derived tables a person reads (circles and
 * councils, members over time, proposals with their votes, charters, mandates with their holders, seats over time).
 */
import { onchainTable } from "ponder";

/** Every circle and council the registry founded: what it is, its parts, and its founding rules. */
export const circlesAndCouncils = onchainTable("circles_and_councils", (t) => ({
  circle: t.hex().primaryKey(),
  kind: t.text().$type<"circle" | "council">().notNull(),
  name: t.text().notNull(),
  creator: t.hex().notNull(),
  membership: t.hex().notNull(),
  rituals: t.hex().notNull(),
  mandates: t.hex().notNull(),
  badges: t.hex().notNull(),
  createdAtBlock: t.bigint().notNull(),
  createdAt: t.bigint().notNull(),
  createdInTransaction: t.hex().notNull(),
}));
