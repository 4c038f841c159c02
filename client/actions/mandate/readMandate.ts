/**
 * One mandate, by id: its holder, times, how it ended, its powers, and its role and title (which live in the circle's
 * badge collection, `badges.roleName` and `badges.title`).
 */
import type { Address, Chain, Client, Transport } from "viem";
import { readContract } from "viem/actions";

import { mandateBadgesAbi, mandatesAbi } from "../../abis.js";
import { MANDATE_END_REASONS, type Power } from "../../mandates.js";

export interface ReadMandateParameters {
  /** The circle's mandates module (`readCircle(...).mandates` or `circle.mandates()`). */
  mandates: Address;
  id: bigint;
  /** The module's badge collection, if already known (saves a read). */
  badges?: Address;
}

/**
 * Reads one mandate by id, with its role name, title and powers. `live` says whether it can act now (granted, not
 * ended, not expired). Throws the contract's `MandateNotFound` (a viem error; see `describeRevert`) for an unknown id.
 *
 * @example
 * const m = await readMandate(publicClient, { mandates, id: 1n });
 * console.log(m.role, m.holder, new Date(Number(m.expiresAt) * 1000));
 */
export async function readMandate<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ReadMandateParameters,
) {
  const { mandates, id } = parameters;
  const read = { address: mandates, abi: mandatesAbi } as const;
  const [mandate, live, powers, badges] = await Promise.all([
    readContract(client, { ...read, functionName: "mandate", args: [id] }),
    readContract(client, { ...read, functionName: "isLive", args: [id] }),
    readContract(client, { ...read, functionName: "powers", args: [id] }),
    parameters.badges ?? readContract(client, { ...read, functionName: "badges" }),
  ]);
  const [role, title] = await Promise.all([
    readContract(client, { address: badges, abi: mandateBadgesAbi, functionName: "roleName", args: [mandate.roleId] }),
    readContract(client, { address: badges, abi: mandateBadgesAbi, functionName: "title", args: [id] }),
  ]);
  return {
    id,
    role,
    title,
    roleId: mandate.roleId,
    holder: mandate.holder,
    /** Seconds since the epoch. */
    grantedAt: mandate.grantedAt,
    /** Seconds since the epoch; the mandate cannot act from then on. */
    expiresAt: mandate.expiresAt,
    /** Seconds since the epoch; 0 while not ended. */
    endedAt: mandate.endedAt,
    endReason: MANDATE_END_REASONS[mandate.endReason] ?? "None",
    proposer: mandate.proposer,
    /** Whether the holder was drawn by lot (rather than named in the decision). */
    drawn: mandate.drawn,
    scopeHash: mandate.scopeHash,
    /** The calls the holder may have the circle perform, with their per-call caps (raw). */
    powers: powers.map((p): Power => ({
      target: p.target,
      selector: p.selector,
      maxValue: p.maxValue,
      maxAmount: p.maxAmount,
    })),
    live,
  };
}

/** What {@link readMandate} returns. */
export type ReadMandateReturnType = Awaited<ReturnType<typeof readMandate>>;
