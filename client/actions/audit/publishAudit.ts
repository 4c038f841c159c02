/**
 * An auditor publishes their report of a pair-link audit within its period: a content hash and a URI, recorded as
 * an event; their mandate completes. The audit is published when both auditors have published.
 */
import { parseEventLogs, type Address, type Hex } from "viem";
import { readContract } from "viem/actions";

import { mandatesAbi } from "../../abis.js";
import { CommonwealError, InvalidParameterError } from "../../errors.js";
import { mandatesCallAbi } from "../../mandates.js";
import { submit, type SigningClient } from "../submit.js";

/** The longest URI a report may carry, in bytes (`MAX_AUDIT_URI`). */
export const MAX_AUDIT_URI = 256;

export interface PublishAuditParameters {
  /** The circle's mandates module. */
  mandates: Address;
  auditId: bigint;
  /** The report's content hash (not zero; see `charterHash` for hashing a text). */
  contentHash: Hex;
  /** Where the report can be read, at most {@link MAX_AUDIT_URI} bytes. */
  uri: string;
}

export interface PublishAuditReturnType {
  auditId: bigint;
  period: bigint;
  auditor: Address;
  /** Whether this publication made the audit published (the other auditor had published). */
  complete: boolean;
  transaction: Hex;
}

/**
 * Publishes the client account's report for audit `auditId`. Refused before sending: a URI too long
 * (InvalidParameterError); then with the contract's custom error: not an auditor, already published, the period
 * over, an empty hash, an audit not drawn.
 *
 * @example
 * await publishAudit(walletClient, { mandates, auditId: 1n, contentHash: charterHash(report), uri: "ipfs://…" });
 */
export async function publishAudit(
  client: SigningClient,
  parameters: PublishAuditParameters,
): Promise<PublishAuditReturnType> {
  const { mandates, auditId, contentHash, uri } = parameters;
  const length = new TextEncoder().encode(uri).length;
  if (length > MAX_AUDIT_URI) {
    throw new InvalidParameterError("uri", `A report's URI is at most ${MAX_AUDIT_URI} bytes; this one has ${length}.`);
  }
  const { hash: transaction, receipt } = await submit(client, {
    address: mandates,
    abi: mandatesCallAbi,
    functionName: "publishAudit",
    args: [auditId, contentHash, uri],
  });
  const [published] = parseEventLogs({ abi: mandatesAbi, logs: receipt.logs, eventName: "AuditPublished" });
  if (!published) throw new CommonwealError(`Transaction ${transaction} published nothing: read audit ${auditId}.`);
  const after = await readContract(client, {
    address: mandates,
    abi: mandatesAbi,
    functionName: "audit",
    args: [auditId],
    blockNumber: receipt.blockNumber,
  });
  return {
    auditId,
    period: published.args.period,
    auditor: published.args.auditor,
    complete: after.status === 3, // AuditStatus.Published
    transaction,
  };
}
