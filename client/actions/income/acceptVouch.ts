import { getAddress, type Address, type Hash } from "viem";

import { incomeHubAbi } from "../../abis.js";
import { withSuiteErrors } from "../../errors.js";
import { submit, type SigningClient } from "../submit.js";

export interface AcceptVouchParameters {
  hub: Address;
  /** The circle that vouched for the client's account. */
  circle: Address;
}

export interface AcceptVouchReturnType {
  person: Address;
  circle: Address;
  transaction: Hash;
}

/**
 * Accepts a circle's vouching: the client's account becomes a registered person (no one is registered without their
 * own transaction). The hub's refusals (no offer, no longer a member, a circle's own part) are simulated first.
 *
 * @example
 * await acceptVouch(walletClient, { hub, circle });
 */
export async function acceptVouch(
  client: SigningClient,
  parameters: AcceptVouchParameters,
): Promise<AcceptVouchReturnType> {
  const circle = getAddress(parameters.circle);
  const { hash: transaction } = await submit(client, {
    address: parameters.hub,
    abi: withSuiteErrors(incomeHubAbi),
    functionName: "acceptVouch",
    args: [circle],
  });
  return { person: getAddress(client.account.address), circle, transaction };
}
