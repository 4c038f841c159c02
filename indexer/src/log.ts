/**
 * Helpers every handler uses: the columns that place an event on the chain (see schema/columns.ts).
 */
import type { Hex } from "viem";

/** What every Ponder log event carries, whichever contract emitted it. */
export interface LogEvent {
  id: string;
  log: { address: Hex; logIndex: number };
  block: { number: bigint; timestamp: bigint };
  transaction: { hash: Hex };
}

/** The `logColumns` of an event's row. */
export const logOf = (event: LogEvent) => ({
  id: event.id,
  contract: event.log.address,
  blockNumber: event.block.number,
  timestamp: event.block.timestamp,
  transactionHash: event.transaction.hash,
  logIndex: event.log.logIndex,
});
