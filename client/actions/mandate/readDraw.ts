/**
 * A draw by lot as the chain holds it: its role, the pool frozen when it was requested (from its DrawRequested
 * event), its randomness ticket and where it stands. What a face shows before anyone completes the draw.
 */
import { getAddress, type Address, type Chain, type Client, type Transport } from "viem";

import { InvalidParameterError } from "../../errors.js";
import { drawRecord } from "./internal.js";

/** `IMandates.DrawStatus`, by name. */
export const DRAW_STATUSES = ["none", "pending", "completed", "void"] as const;
export type DrawStatusName = (typeof DRAW_STATUSES)[number];

export interface ReadDrawParameters {
  /** The circle's mandates module. */
  mandates: Address;
  drawId: bigint;
}

export interface ReadDrawReturnType {
  drawId: bigint;
  role: string;
  /** The members the holder is drawn from, frozen when the draw was requested. */
  pool: Address[];
  /** The randomness ticket (for the default source, the block whose RANDAO value decides). */
  ticket: bigint;
  /** The member who proposed the decision that requested it (left out of the pool when the rules say so). */
  proposer: Address;
  status: DrawStatusName;
  /** The mandate granted, once completed; null before. */
  mandateId: bigint | null;
}

/**
 * Reads draw `drawId` of a mandates module; a draw that was never requested is refused with an
 * InvalidParameterError.
 *
 * @example
 * const draw = await readDraw(publicClient, { mandates, drawId: 1n });
 * console.log(`${draw.role}: drawn from ${draw.pool.length} members with the randomness of block ${draw.ticket}`);
 */
export async function readDraw<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ReadDrawParameters,
): Promise<ReadDrawReturnType> {
  const { mandates, drawId } = parameters;
  const { draw, requested } = await drawRecord(client, mandates, drawId);
  if (draw.status === 0 || !requested) {
    throw new InvalidParameterError(
      "drawId",
      `There is no draw ${drawId} in the mandates module ${getAddress(mandates)}: list the pending draws (listPendingDraws).`,
    );
  }
  const status = DRAW_STATUSES[draw.status] ?? "none";
  return {
    drawId,
    role: requested.role,
    pool: requested.pool.map((a) => getAddress(a)),
    ticket: draw.ticket,
    proposer: draw.proposer,
    status,
    mandateId: status === "completed" ? draw.mandateId : null,
  };
}
