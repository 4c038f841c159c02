/**
 * Anyone starts the pair-link audit of the running period: the pool of eligible members is frozen and the draw of
 * the two auditors waits for its randomness (then completeAuditorDraw). With fewer than two eligible, the period's
 * audit is skipped at once.
 */
import { getAddress, parseEventLogs, type Address, type Hex } from "viem";

import { mandatesAbi } from "../../abis.js";
import { CommonwealError } from "../../errors.js";
import { mandatesCallAbi } from "../../mandates.js";
import { submit, type SigningClient } from "../submit.js";

export interface RequestAuditorDrawParameters {
  /** The circle's mandates module. */
  mandates: Address;
}

/** A requested audit waits for its draw; a skipped one had fewer than two eligible members. */
export type RequestAuditorDrawReturnType =
  | {
      outcome: "requested";
      auditId: bigint;
      period: bigint;
      drawId: bigint;
      /** The members the two auditors will be drawn from. */
      pool: Address[];
      /** The randomness ticket; complete the draw once it is out. */
      ticket: bigint;
      /** Unix seconds: the deadline to publish. */
      endsAt: number;
      transaction: Hex;
    }
  | { outcome: "skipped"; auditId: bigint; period: bigint; eligible: bigint; transaction: Hex };

/**
 * Requests the running period's audit from the client's account. Refused, before sending, with the contract's
 * custom error: audits off, this period's audit already recorded, an auditor role still held or drawn.
 *
 * @example
 * const r = await requestAuditorDraw(walletClient, { mandates });
 * if (r.outcome === "requested") console.log(`audit ${r.auditId}: complete draw ${r.drawId} once block ${r.ticket} is out`);
 */
export async function requestAuditorDraw(
  client: SigningClient,
  parameters: RequestAuditorDrawParameters,
): Promise<RequestAuditorDrawReturnType> {
  const { hash: transaction, receipt } = await submit(client, {
    address: parameters.mandates,
    abi: mandatesCallAbi,
    functionName: "requestAuditorDraw",
    args: [],
  });
  const logs = receipt.logs;
  const [skipped] = parseEventLogs({ abi: mandatesAbi, logs, eventName: "AuditSkipped" });
  if (skipped) {
    const { auditId, period, eligible } = skipped.args;
    return { outcome: "skipped", auditId, period, eligible, transaction };
  }
  const [requested] = parseEventLogs({ abi: mandatesAbi, logs, eventName: "AuditRequested" });
  const [draw] = parseEventLogs({ abi: mandatesAbi, logs, eventName: "DrawRequested" });
  if (!requested || !draw) throw new CommonwealError(`Transaction ${transaction} requested no audit: list the audits.`);
  return {
    outcome: "requested",
    auditId: requested.args.auditId,
    period: requested.args.period,
    drawId: requested.args.drawId,
    pool: draw.args.pool.map((a) => getAddress(a)),
    ticket: draw.args.ticket,
    endsAt: Number(requested.args.endsAt),
    transaction,
  };
}
