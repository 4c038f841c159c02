import type { Address, Hash } from "viem";

import { big, filterAddress, listAll, type LedgerClient } from "../../ledger.js";
import { SCORECARD_THRESHOLD_FIELDS, type ScorecardThresholds } from "../../scorecardThresholds.js";
import { readLedgerCircle } from "./readLedgerCircle.js";

export interface ListScorecardThresholdChangesParameters {
  /** The circle (or council). */
  circle: Address;
}

/** A decision of the circle setting its scorecard thresholds (`ScorecardThresholdsSet`). */
export interface LedgerScorecardThresholdChange {
  thresholds: ScorecardThresholds;
  at: bigint;
  block: bigint;
  transactionHash: Hash;
}

export interface ListScorecardThresholdChangesReturnType {
  /** Oldest first; none while the circle keeps the defaults. */
  changes: LedgerScorecardThresholdChange[];
}

type ChangeRow = Record<keyof ScorecardThresholds, number> & {
  timestamp: string;
  blockNumber: string;
  transactionHash: Hash;
};

/**
 * Each time a circle set its scorecard thresholds by a decision, from the ledger, oldest first: the thresholds in
 * force from then on (a scorecard judges each period by the last change before the period's end).
 *
 * @example
 * const { changes } = await listScorecardThresholdChanges({ url }, { circle });
 * console.log(changes.at(-1)?.thresholds ?? "the defaults");
 */
export async function listScorecardThresholdChanges(
  ledger: LedgerClient,
  parameters: ListScorecardThresholdChangesParameters,
): Promise<ListScorecardThresholdChangesReturnType> {
  const { rituals } = await readLedgerCircle(ledger, parameters);
  const names = SCORECARD_THRESHOLD_FIELDS.map((f) => f.name);
  const rows = await listAll<ChangeRow>(ledger, "scorecardThresholdsSets", {
    filterType: "scorecardThresholdsSetFilter",
    where: { contract: filterAddress(rituals) },
    orderBy: "id",
    selection: `timestamp blockNumber transactionHash ${names.join(" ")}`,
  });
  return {
    changes: rows.map((r) => ({
      thresholds: Object.fromEntries(names.map((n) => [n, r[n]])) as unknown as ScorecardThresholds,
      at: big(r.timestamp),
      block: big(r.blockNumber),
      transactionHash: r.transactionHash,
    })),
  };
}
