/**
 * A page of a circle's pair-link audits, newest first, with the audit period running now: what `circle audit`
 * shows.
 */
import type { Address, Chain, Client, Transport } from "viem";
import { readContract } from "viem/actions";

import { mandatesAbi } from "../../abis.js";
import { InvalidParameterError } from "../../errors.js";
import { auditFromRecord, readAuditRecord, type Audit } from "./readAudit.js";

/** The largest page listAudits reads. */
export const MAX_AUDIT_PAGE = 100;

export interface ListAuditsParameters {
  /** The circle's mandates module. */
  mandates: Address;
  /** How many of the newest audits to skip (default 0). */
  offset?: number;
  /** At most this many (default 20, at most {@link MAX_AUDIT_PAGE}). */
  limit?: number;
}

export interface ListAuditsReturnType {
  /** How many audits the circle has recorded. */
  total: bigint;
  /** The page, newest first. */
  audits: Audit[];
  /** The audit period running now (null when the circle holds no audits): its number, bounds and latest audit. */
  current: { period: bigint; startsAt: number; endsAt: number; auditId: bigint | null } | null;
}

/**
 * Lists the audits, newest first, `limit` at a time.
 *
 * @example
 * const { audits, current } = await listAudits(publicClient, { mandates, limit: 10 });
 * if (current && current.auditId === null) console.log("this period's audit can be started");
 */
export async function listAudits<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ListAuditsParameters,
): Promise<ListAuditsReturnType> {
  const { mandates, offset = 0, limit = 20 } = parameters;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_AUDIT_PAGE) {
    throw new InvalidParameterError("limit", `Ask for 1 to ${MAX_AUDIT_PAGE} audits per page; asked for ${limit}.`);
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new InvalidParameterError("offset", `The offset is a whole number of audits; got ${offset}.`);
  }
  const read = { address: mandates, abi: mandatesAbi } as const;
  const [total, rules] = await Promise.all([
    readContract(client, { ...read, functionName: "auditCount" }),
    readContract(client, { ...read, functionName: "rules" }),
  ]);
  const newest = total - BigInt(offset);
  const ids: bigint[] = [];
  for (let id = newest; id >= 1n && ids.length < limit; --id) ids.push(id);
  const records = await Promise.all(ids.map((id) => readAuditRecord(client, mandates, id)));
  let current: ListAuditsReturnType["current"] = null;
  if (rules.auditPeriod !== 0) {
    const [period, startsAt, endsAt, auditId] = await readContract(client, {
      ...read,
      functionName: "currentAuditPeriod",
    });
    current = { period, startsAt: Number(startsAt), endsAt: Number(endsAt), auditId: auditId === 0n ? null : auditId };
  }
  return { total, audits: records.map((r, i) => auditFromRecord(ids[i]!, r)), current };
}
