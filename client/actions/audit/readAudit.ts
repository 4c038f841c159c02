/**
 * A pair-link audit as the chain holds it: its period, where it stands, its two auditors and their mandates, who
 * published when, and the listening session. What a face shows of an audit.
 */
import { getAddress, zeroAddress, type Address, type Chain, type Client, type Transport } from "viem";
import { readContract } from "viem/actions";

import { mandatesAbi } from "../../abis.js";
import { InvalidParameterError } from "../../errors.js";

/** `IMandateAudits.AuditStatus`, by name. */
export const AUDIT_STATUSES = ["none", "pending", "drawn", "published", "missed", "skipped", "cancelled"] as const;
export type AuditStatusName = (typeof AUDIT_STATUSES)[number];

/** One auditor of an audit: their mandate, and when they published (null if not). */
export interface Auditor {
  address: Address;
  mandateId: bigint;
  /** Unix seconds of their publication; null until they publish. */
  publishedAt: number | null;
}

/** An audit, read from `audit(auditId)`. */
export interface Audit {
  auditId: bigint;
  /** The audit period's number. */
  period: bigint;
  status: AuditStatusName;
  /** How many members were eligible when it was requested. */
  poolSize: number;
  /** Unix seconds: when the period began and ends (the deadline to publish). */
  startsAt: number;
  endsAt: number;
  /** The draw of the auditors (null when skipped at request). */
  drawId: bigint | null;
  /** The two auditors, once drawn (empty before). */
  auditors: Auditor[];
  /** The listening session, once recorded: when it was held and who recorded it (an auditor or the circle). */
  session: { heldAt: number; recordedBy: Address } | null;
}

export interface ReadAuditParameters {
  /** The circle's mandates module. */
  mandates: Address;
  auditId: bigint;
}

export type ReadAuditReturnType = Audit;

/** The stored audit as `audit(auditId)` returns it. */
export type AuditRecord = Awaited<ReturnType<typeof readAuditRecord>>;

/** Reads the raw record (all zero for an id never used). */
export function readAuditRecord<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  mandates: Address,
  auditId: bigint,
) {
  return readContract(client, { address: mandates, abi: mandatesAbi, functionName: "audit", args: [auditId] });
}

/** An audit record in the client's terms. */
export function auditFromRecord(auditId: bigint, a: AuditRecord): Audit {
  const drawn = a.auditors[0] !== zeroAddress;
  return {
    auditId,
    period: a.period,
    status: AUDIT_STATUSES[a.status] ?? "none",
    poolSize: a.poolSize,
    startsAt: Number(a.startsAt),
    endsAt: Number(a.endsAt),
    drawId: a.drawId === 0n ? null : a.drawId,
    auditors: drawn
      ? [0, 1].map((i) => ({
          address: getAddress(a.auditors[i]!),
          mandateId: a.mandateIds[i]!,
          publishedAt: a.publishedAt[i] === 0n ? null : Number(a.publishedAt[i]),
        }))
      : [],
    session:
      a.sessionHeldAt === 0n ? null : { heldAt: Number(a.sessionHeldAt), recordedBy: getAddress(a.sessionRecordedBy) },
  };
}

/**
 * Reads audit `auditId` of a circle's mandates; an id never used is refused with an InvalidParameterError.
 *
 * @example
 * const audit = await readAudit(publicClient, { mandates, auditId: 1n });
 * console.log(`period ${audit.period}: ${audit.status}, auditors ${audit.auditors.map((a) => a.address).join(", ")}`);
 */
export async function readAudit<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ReadAuditParameters,
): Promise<ReadAuditReturnType> {
  const { mandates, auditId } = parameters;
  const record = await readAuditRecord(client, mandates, auditId);
  if (record.status === 0) {
    throw new InvalidParameterError(
      "auditId",
      `There is no audit ${auditId} in the mandates module ${getAddress(mandates)}: list the audits (listAudits).`,
    );
  }
  return auditFromRecord(auditId, record);
}
