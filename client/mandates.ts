/**
 * A circle's mandates from an app, with viem. The mandates module lists the live mandates (`liveMandates()`: granted,
 * not ended and not yet expired) and stores each one by id (`mandate(id)`: holder, times, proposer, role id); the
 * role's name and the mandate's title live in the circle's badge collection (`badges.roleName`, `badges.title`).
 *
 * @example
 * const { mandates } = await readCircle(publicClient, circle);
 * for (const m of await listMandates(publicClient, mandates)) console.log(m.role, m.holder, new Date(m.expiresAt * 1000));
 */
import type { Chain, Client, Transport } from "viem";
import { readContract } from "viem/actions";

import { mandateBadgesAbi, mandatesAbi } from "./abis.js";
import type { Address } from "./pathfinder.js";

/** Why a mandate ended, by the number `mandate(id).endReason` holds (`IMandates.EndReason`). */
export const MANDATE_END_REASONS = [
  "None",
  "Expired",
  "Completed",
  "HandedBack",
  "Recalled",
  "Reset",
  "HolderLeft",
] as const;

/**
 * Reads one mandate by id, with its role name and title. `live` says whether it can act now (granted, not ended,
 * not expired). Throws the contract's `MandateNotFound` (a viem error; see `describeRevert`) for an unknown id.
 *
 * @example
 * const m = await readMandate(publicClient, mandates, 1n);
 */
export async function readMandate<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  mandates: Address,
  id: bigint,
  badges?: Address,
) {
  const [mandate, live, badgesAddress] = await Promise.all([
    readContract(client, { address: mandates, abi: mandatesAbi, functionName: "mandate", args: [id] }),
    readContract(client, { address: mandates, abi: mandatesAbi, functionName: "isLive", args: [id] }),
    badges ?? readContract(client, { address: mandates, abi: mandatesAbi, functionName: "badges" }),
  ]);
  const [role, title] = await Promise.all([
    readContract(client, {
      address: badgesAddress,
      abi: mandateBadgesAbi,
      functionName: "roleName",
      args: [mandate.roleId],
    }),
    readContract(client, { address: badgesAddress, abi: mandateBadgesAbi, functionName: "title", args: [id] }),
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
    live,
  };
}

/** What {@link readMandate} returns. */
export type ReadMandateReturnType = Awaited<ReturnType<typeof readMandate>>;

/**
 * The circle's live mandates (at most 32), in the order the module keeps them, each with id, role, title, holder and
 * expiry. `mandates` is the circle's mandates module (`readCircle(...).mandates` or `circle.mandates()`).
 *
 * @example
 * const live = await listMandates(publicClient, mandates);
 */
export async function listMandates<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  mandates: Address,
) {
  const [ids, badges] = await Promise.all([
    readContract(client, { address: mandates, abi: mandatesAbi, functionName: "liveMandates" }),
    readContract(client, { address: mandates, abi: mandatesAbi, functionName: "badges" }),
  ]);
  return Promise.all(ids.map((id) => readMandate(client, mandates, id, badges)));
}

/** What {@link listMandates} returns. */
export type ListMandatesReturnType = Awaited<ReturnType<typeof listMandates>>;

/**
 * A role name with every address in it written in lowercase, so the same role is named one way however the address
 * was typed: a council's delegate role is "delegate to council 0x<lowercase hex>", and a checksummed council address
 * in `--role` must name that role, not a different one (role ids are the keccak256 of the name's bytes).
 *
 * @example
 * normaliseRoleName("delegate to council 0xAbC…") // "delegate to council 0xabc…"
 */
export function normaliseRoleName(role: string): string {
  return role.replace(/\b0x[0-9a-fA-F]{40}\b/g, (address) => address.toLowerCase());
}
