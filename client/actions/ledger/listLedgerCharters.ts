import type { Address, Hex } from "viem";

import { big, bigOrNull, filterAddress, listAll, type LedgerClient } from "../../ledger.js";

export interface ListLedgerChartersParameters {
  /** The circle or council. */
  circle: Address;
  /** The moment (unix seconds) a charter's lapse is read at: usually the ledger's clock (readLedgerStatus). */
  at: bigint;
}

/** A charter the circle ratified, and when it stopped being in force. */
export interface LedgerCharter {
  contentHash: Hex;
  uri: string;
  ratifiedAt: bigint;
  /** It is in force until this second (exclusive: the circle's `charterLapsed()` is true from it on). */
  expiresAt: bigint;
  /** When the next charter replaced it; null while it is the latest. */
  supersededAt: bigint | null;
  /** When it lapsed (its `expiresAt`) if it expired by the time a next one was ratified, or by `at`; else null. */
  lapsedAt: bigint | null;
  /** Whether it is the latest ratified (in force, unless it has lapsed). */
  current: boolean;
}

export interface ListLedgerChartersReturnType {
  /** In the order ratified. */
  charters: LedgerCharter[];
  /** Whether the circle's charter has lapsed at `at` (its latest charter's `expiresAt` reached). */
  lapsed: boolean;
}

interface Row {
  contentHash: Hex;
  uri: string;
  ratifiedAt: string;
  expiresAt: string;
  supersededAt: string | null;
  current: boolean;
}

/**
 * When a charter stopped being in force by lapsing: its `expiresAt`, if that came before the next ratification
 * (`supersededAt`) or, for the latest charter, by `at`; null if it was replaced in time or is still in force. No event
 * marks a lapse (a charter lapses with the clock alone), so the ledger derives it when read, as it derives proposal
 * states (ledgerProposalState).
 *
 * @example
 * charterLapsedAt({ expiresAt: 100n, supersededAt: null }, 150n); // 100n
 */
export function charterLapsedAt(
  charter: { expiresAt: bigint; supersededAt: bigint | null },
  at: bigint,
): bigint | null {
  // The circle's charterLapsed() is `block.timestamp >= expiresAt`: a charter replaced in its very last second had
  // lapsed (for no time at all), as the ledger's `lapsedFor` of 0 says.
  return (charter.supersededAt ?? at) >= charter.expiresAt ? charter.expiresAt : null;
}

/**
 * A circle's charters over time from the ledger, each with when it lapsed ("lapsed at <time>") as of `at`, without
 * waiting for the next ratification.
 *
 * @example
 * const { charters, lapsed } = await listLedgerCharters({ url }, { circle, at: status.timestamp });
 */
export async function listLedgerCharters(
  ledger: LedgerClient,
  parameters: ListLedgerChartersParameters,
): Promise<ListLedgerChartersReturnType> {
  const rows = await listAll<Row>(ledger, "charters", {
    filterType: "charterFilter",
    where: { circle: filterAddress(parameters.circle) },
    orderBy: "ratifiedAt",
    selection: "contentHash uri ratifiedAt expiresAt supersededAt current",
  });
  const charters = rows.map((row) => {
    const charter = {
      contentHash: row.contentHash,
      uri: row.uri,
      ratifiedAt: big(row.ratifiedAt),
      expiresAt: big(row.expiresAt),
      supersededAt: bigOrNull(row.supersededAt),
      current: row.current,
    };
    return { ...charter, lapsedAt: charterLapsedAt(charter, parameters.at) };
  });
  const latest = charters.find((c) => c.current);
  return { charters, lapsed: latest !== undefined && latest.lapsedAt !== null };
}
