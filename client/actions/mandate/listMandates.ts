/** A circle's live mandates: granted, not ended and not yet expired (`liveMandates()`), each read in full. */
import type { Address, Chain, Client, Transport } from "viem";
import { readContract } from "viem/actions";

import { mandatesAbi } from "../../abis.js";
import { readMandate, type ReadMandateReturnType } from "./readMandate.js";

export interface ListMandatesParameters {
  /** The circle's mandates module (`readCircle(...).mandates` or `circle.mandates()`). */
  mandates: Address;
}

/** The live mandates, by id, oldest first. */
export type ListMandatesReturnType = ReadMandateReturnType[];

/**
 * The circle's live mandates (at most 32), oldest first, each with id, role, title, holder, expiry and powers.
 *
 * @example
 * const { mandates } = await readCircle(publicClient, circle);
 * for (const m of await listMandates(publicClient, { mandates })) console.log(m.id, m.role, m.holder);
 */
export async function listMandates<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ListMandatesParameters,
): Promise<ListMandatesReturnType> {
  const { mandates } = parameters;
  const [ids, badges] = await Promise.all([
    readContract(client, { address: mandates, abi: mandatesAbi, functionName: "liveMandates" }),
    readContract(client, { address: mandates, abi: mandatesAbi, functionName: "badges" }),
  ]);
  const live = await Promise.all(ids.map((id) => readMandate(client, { mandates, id, badges })));
  return live.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
