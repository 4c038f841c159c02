import type { Address, Hash } from "viem";

import { addr, big, filterAddress, listAll, type LedgerClient } from "../../ledger.js";
import { DEPENDENCY_REVERSAL_KINDS, type DependencyReversalKindName } from "../../scorecard.js";
import { readLedgerCircle } from "./readLedgerCircle.js";

export interface ListDependencyReversalsParameters {
  /** The circle (or council) whose members' reversals to list. */
  circle: Address;
}

/** A dependency reversal a member logged (`DependencyReversalLogged`). */
export interface LedgerDependencyReversal {
  /** The temperature period the rituals counted it in. */
  period: bigint;
  member: Address;
  /** The kind's number and name (tool, meal, dispute, care, other). */
  kind: number;
  kindName: DependencyReversalKindName;
  memo: string;
  at: bigint;
  block: bigint;
  transactionHash: Hash;
}

export interface ListDependencyReversalsReturnType {
  /** In chain order. */
  reversals: LedgerDependencyReversal[];
}

interface ReversalRow {
  period: string;
  member: string;
  kind: number;
  memo: string;
  timestamp: string;
  blockNumber: string;
  transactionHash: Hash;
}

/**
 * Every dependency reversal a circle's members logged — a tool borrowed instead of bought, a meal shared, a dispute
 * settled inside — from the ledger, in chain order, each with its member, kind, memo and period.
 *
 * @example
 * const { reversals } = await listDependencyReversals({ url }, { circle });
 * for (const r of reversals) console.log(`${r.member} (${r.kindName}): ${r.memo}`);
 */
export async function listDependencyReversals(
  ledger: LedgerClient,
  parameters: ListDependencyReversalsParameters,
): Promise<ListDependencyReversalsReturnType> {
  const { rituals } = await readLedgerCircle(ledger, parameters);
  const rows = await listAll<ReversalRow>(ledger, "dependencyReversalLoggeds", {
    filterType: "dependencyReversalLoggedFilter",
    where: { contract: filterAddress(rituals) },
    orderBy: "id",
    selection: "period member kind memo timestamp blockNumber transactionHash",
  });
  return {
    reversals: rows.map((r) => ({
      period: big(r.period),
      member: addr(r.member),
      kind: r.kind,
      kindName: DEPENDENCY_REVERSAL_KINDS[r.kind]?.name ?? "other",
      memo: r.memo,
      at: big(r.timestamp),
      block: big(r.blockNumber),
      transactionHash: r.transactionHash,
    })),
  };
}
