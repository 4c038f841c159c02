import type { Address, Hex } from "viem";

import { addr, big, filterAddress, listAll, type LedgerClient } from "../../ledger.js";
import { readLedgerCircle } from "./readLedgerCircle.js";

export interface ListLedgerAuditsParameters {
  /** The circle (or council). */
  circle: Address;
}

/** Where a pair-link audit stands, as the ledger's `pair_link_audits` keeps it. */
export type LedgerAuditStatus = "requested" | "skipped" | "drawn" | "published" | "missed" | "cancelled";

/** One auditor's published report. */
export interface LedgerAuditReport {
  auditor: Address;
  contentHash: Hex;
  uri: string;
  at: bigint;
}

/** One pair-link audit: its period, its auditors, their reports, how it closed, and its listening session. */
export interface LedgerAudit {
  auditId: bigint;
  period: bigint;
  status: LedgerAuditStatus;
  requestedAt: bigint;
  /** The audit period's bounds (null for an audit skipped at its request). */
  startsAt: bigint | null;
  endsAt: bigint | null;
  auditors: Address[];
  reports: LedgerAuditReport[];
  /** When the second report made it published. */
  publishedAt: bigint | null;
  /** When the listening session was held (the date recorded), or null. */
  listeningSessionAt: bigint | null;
  /** When it was published, recorded missed, skipped or cancelled; null while it runs. */
  closedAt: bigint | null;
}

export interface ListLedgerAuditsReturnType {
  /** Oldest first. */
  audits: LedgerAudit[];
}

interface AuditRow {
  auditId: string;
  period: string;
  status: LedgerAuditStatus;
  requestedAt: string;
  startsAt: string | null;
  endsAt: string | null;
  firstAuditor: string | null;
  secondAuditor: string | null;
  publishedAt: string | null;
  listeningSessionAt: string | null;
  closedAt: string | null;
}

interface ReportRow {
  auditId: string;
  auditor: string;
  contentHash: Hex;
  uri: string;
  timestamp: string;
}

const bigOrNull = (value: string | null) => (value === null ? null : big(value));

/**
 * A circle's pair-link audits from the ledger, oldest first: each with its auditors, the reports they published and
 * how it closed (published by both, missed, skipped with fewer than two eligible, cancelled by a hard reset).
 *
 * @example
 * const { audits } = await listLedgerAudits({ url }, { circle });
 * const missed = audits.filter((a) => a.status === "missed").length;
 */
export async function listLedgerAudits(
  ledger: LedgerClient,
  parameters: ListLedgerAuditsParameters,
): Promise<ListLedgerAuditsReturnType> {
  const { circle, mandates } = await readLedgerCircle(ledger, parameters);
  const [rows, reports] = await Promise.all([
    listAll<AuditRow>(ledger, "pairLinkAudits", {
      filterType: "pairLinkAuditFilter",
      where: { circle: filterAddress(circle) },
      orderBy: "requestedAt",
      selection:
        "auditId period status requestedAt startsAt endsAt firstAuditor secondAuditor publishedAt listeningSessionAt closedAt",
    }),
    listAll<ReportRow>(ledger, "auditPublisheds", {
      filterType: "auditPublishedFilter",
      where: { contract: filterAddress(mandates) },
      orderBy: "id",
      selection: "auditId auditor contentHash uri timestamp",
    }),
  ]);
  const audits = rows
    .map((r) => ({
      auditId: big(r.auditId),
      period: big(r.period),
      status: r.status,
      requestedAt: big(r.requestedAt),
      startsAt: bigOrNull(r.startsAt),
      endsAt: bigOrNull(r.endsAt),
      auditors: [r.firstAuditor, r.secondAuditor].filter((a): a is string => a !== null).map(addr),
      reports: reports
        .filter((p) => p.auditId === r.auditId)
        .map((p) => ({ auditor: addr(p.auditor), contentHash: p.contentHash, uri: p.uri, at: big(p.timestamp) })),
      publishedAt: bigOrNull(r.publishedAt),
      listeningSessionAt: bigOrNull(r.listeningSessionAt),
      closedAt: bigOrNull(r.closedAt),
    }))
    .sort((a, b) => (a.auditId < b.auditId ? -1 : a.auditId > b.auditId ? 1 : 0));
  return { audits };
}
