import type { Address, Chain, Client, Transport } from "viem";

import { findPaymentFlow, type PathfinderOptions, type PaymentFlow } from "../../pathfinder.js";
import { formatTokens } from "../../units.js";
import { readIncomeGraph } from "./readIncomeGraph.js";

export interface PlanPaymentParameters extends PathfinderOptions {
  hub: Address;
  /** Who pays, and who is paid. */
  payer: Address;
  to: Address;
  /** How much, in the hub's smallest unit (10^18 per token). */
  amount: bigint;
  /** The first block to read the hub's events from (default 0). */
  fromBlock?: bigint;
}

export type PlanPaymentReturnType = PaymentFlow;

/**
 * Reads the hub's trust graph and holdings and finds a flow paying `amount` from `payer` to `to` along paths of trust
 * (the pathfinder, `findPaymentFlow`). Throws a PathfinderError, its amounts in tokens, if it cannot.
 *
 * @example
 * const flow = await planPayment(publicClient, { hub, payer: ana, to: dan, amount: parseEther("25") });
 */
export async function planPayment<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: PlanPaymentParameters,
): Promise<PlanPaymentReturnType> {
  const { hub, payer, to, amount, fromBlock, ...options } = parameters;
  const { graph, holdings } = await readIncomeGraph(client, { hub, ...(fromBlock === undefined ? {} : { fromBlock }) });
  const lower = (a: Address) => a.toLowerCase() as Address;
  return findPaymentFlow(graph, holdings, lower(payer), lower(to), amount, { format: formatTokens, ...options });
}
