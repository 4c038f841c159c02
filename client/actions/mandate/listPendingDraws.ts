/** A circle's draws by lot that wait for their randomness: requested in the current epoch, not yet completed. */
import type { Address, Chain, Client, Transport } from "viem";
import { readContract } from "viem/actions";

import { circleAbi, mandatesAbi } from "../../abis.js";

/** How many of the latest draws are looked at (older draws have long been completed or gone stale). */
export const RECENT_DRAWS = 64n;

/** A draw's status while it waits for its randomness (`IMandates.DrawStatus.Pending`). */
const PENDING = 1;

export interface ListPendingDrawsParameters {
  /** The circle's mandates module. */
  mandates: Address;
}

/** The pending draws, oldest first: id, randomness ticket, and how many members its frozen pool holds. */
export type ListPendingDrawsReturnType = { id: bigint; ticket: bigint; poolSize: number }[];

/**
 * The pending draws among the latest {@link RECENT_DRAWS}; a hard reset cancels the draws of earlier epochs, so
 * those are left out. Complete one with {@link completeDraw} once its ticket's randomness is out.
 *
 * @example
 * for (const d of await listPendingDraws(publicClient, { mandates })) console.log(d.id, d.ticket);
 */
export async function listPendingDraws<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ListPendingDrawsParameters,
): Promise<ListPendingDrawsReturnType> {
  const read = { address: parameters.mandates, abi: mandatesAbi } as const;
  const [drawCount, circle] = await Promise.all([
    readContract(client, { ...read, functionName: "drawCount" }),
    readContract(client, { ...read, functionName: "circle" }),
  ]);
  const epoch = await readContract(client, { address: circle, abi: circleAbi, functionName: "resetEpoch" });
  const first = drawCount > RECENT_DRAWS ? drawCount - RECENT_DRAWS + 1n : 1n;
  const ids = Array.from({ length: Number(drawCount - first + 1n) }, (_, i) => first + BigInt(i));
  const draws = await Promise.all(ids.map((id) => readContract(client, { ...read, functionName: "draw", args: [id] })));
  return draws.flatMap((d, i) =>
    d.status === PENDING && d.epoch === epoch ? [{ id: ids[i]!, ticket: d.ticket, poolSize: d.poolSize }] : [],
  );
}
