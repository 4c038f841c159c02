/**
 * Columns every event table starts with: where the event sits on the chain, so any row can be traced back to its log
 * (and counted against `eth_getLogs`). Shared by the governance and money tables.
 */
import type { PgColumnsBuilders } from "ponder";

export const logColumns = (t: PgColumnsBuilders) => ({
  /** Ponder's event id: unique per log, ordered as the chain orders logs. */
  id: t.text().primaryKey(),
  /** The contract that emitted the event. */
  contract: t.hex().notNull(),
  blockNumber: t.bigint().notNull(),
  /** The block's timestamp, in seconds. */
  timestamp: t.bigint().notNull(),
  transactionHash: t.hex().notNull(),
  logIndex: t.integer().notNull(),
});
