/**
 * Anyone records, after its period's end, that a pair-link audit was not published by both auditors: the audit is
 * missed, and the event names who did not publish.
 */
import { getAddress, parseEventLogs, type Address, type Hex } from "viem";

import { mandatesAbi } from "../../abis.js";
import { CommonwealError } from "../../errors.js";
import { mandatesCallAbi } from "../../mandates.js";
import { submit, type SigningClient } from "../submit.js";

export interface RecordAuditMissedParameters {
  /** The circle's mandates module. */
  mandates: Address;
  auditId: bigint;
}

export interface RecordAuditMissedReturnType {
  auditId: bigint;
  period: bigint;
  /** The auditors who did not publish. */
  missing: Address[];
  transaction: Hex;
}

/**
 * Records audit `auditId` as missed from the client's account. Refused, before sending, with the contract's custom
 * error: the period still running, an audit published, already missed or never drawn.
 *
 * @example
 * const { missing } = await recordAuditMissed(walletClient, { mandates, auditId: 1n });
 */
export async function recordAuditMissed(
  client: SigningClient,
  parameters: RecordAuditMissedParameters,
): Promise<RecordAuditMissedReturnType> {
  const { mandates, auditId } = parameters;
  const { hash: transaction, receipt } = await submit(client, {
    address: mandates,
    abi: mandatesCallAbi,
    functionName: "recordAuditMissed",
    args: [auditId],
  });
  const [missed] = parseEventLogs({ abi: mandatesAbi, logs: receipt.logs, eventName: "AuditMissed" });
  if (!missed) throw new CommonwealError(`Transaction ${transaction} recorded nothing: read audit ${auditId}.`);
  return {
    auditId,
    period: missed.args.period,
    missing: missed.args.missing.map((a) => getAddress(a)),
    transaction,
  };
}
