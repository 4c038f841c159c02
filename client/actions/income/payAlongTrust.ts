import { getAddress, type Address, type Hash } from "viem";

import { incomeHubAbi } from "../../abis.js";
import { withSuiteErrors } from "../../errors.js";
import { flowHops, type PaymentFlow } from "../../pathfinder.js";
import { submit, type SigningClient } from "../submit.js";
import { planPayment } from "./planPayment.js";

export interface PayAlongTrustParameters {
  hub: Address;
  /** Who is paid. */
  to: Address;
  /** How much, in the hub's smallest unit (10^18 per token). */
  amount: bigint;
  /**
   * A flow planned elsewhere (e.g. by the pathfinder service, read with `paymentFlowFromJson`); by default the
   * payment is planned here with `planPayment`. The hub checks it either way.
   */
  flow?: PaymentFlow;
}

export interface PayAlongTrustReturnType {
  payer: Address;
  to: Address;
  amount: bigint;
  /** How many transfers the payment made, and the longest chain of them. */
  transfers: number;
  hops: number;
  transaction: Hash;
  gasUsed: bigint;
}

/**
 * Pays `amount` to `to` along paths of trust from the client's account, in one transaction: the pathfinder plans the
 * flow (`planPayment`), the hub checks and moves it (`payAlongTrust`). Throws a PathfinderError, in tokens, if the
 * payer cannot reach `to` with that much; the hub's refusals are simulated first.
 *
 * @example
 * const { hops, transaction } = await payAlongTrust(walletClient, { hub, to: dan, amount: parseEther("25") });
 */
export async function payAlongTrust(
  client: SigningClient,
  parameters: PayAlongTrustParameters,
): Promise<PayAlongTrustReturnType> {
  const { hub, amount } = parameters;
  const to = getAddress(parameters.to);
  const payer = getAddress(client.account.address);
  const flow = parameters.flow ?? (await planPayment(client, { hub, payer, to, amount }));
  const { hash: transaction, receipt } = await submit(client, {
    address: hub,
    abi: withSuiteErrors(incomeHubAbi),
    functionName: "payAlongTrust",
    args: [flow.vertices, flow.edges, to, flow.amount],
  });
  return {
    payer,
    to,
    amount,
    transfers: flow.edges.length,
    hops: flowHops(flow),
    transaction,
    gasUsed: receipt.gasUsed,
  };
}
