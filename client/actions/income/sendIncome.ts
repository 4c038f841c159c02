import { getAddress, type Address, type Hash } from "viem";

import { incomeHubAbi } from "../../abis.js";
import { withSuiteErrors } from "../../errors.js";
import { tokenIdOf } from "../../income.js";
import { submit, type SigningClient } from "../submit.js";

export interface SendIncomeParameters {
  hub: Address;
  /** Who receives the tokens (a person, or a circle that will burn them to vouch). */
  to: Address;
  /** How much, in the hub's smallest unit (10^18 per token). */
  amount: bigint;
  /** Whose token to send: its owner's address (default: the sender's own). */
  tokenOf?: Address;
}

export interface SendIncomeReturnType {
  from: Address;
  to: Address;
  tokenOf: Address;
  amount: bigint;
  transaction: Hash;
}

/**
 * Sends income tokens from the client's account directly to `to` (the hub's `safeTransferFrom`: no trust needed,
 * unlike a payment along trust). A circle that vouches burns its members' tokens it holds, so members fund it this
 * way. An insufficient balance is refused, in tokens, before anything is sent.
 *
 * @example
 * await sendIncome(walletClient, { hub, to: circle, amount: parseEther("96") });
 */
export async function sendIncome(
  client: SigningClient,
  parameters: SendIncomeParameters,
): Promise<SendIncomeReturnType> {
  const from = getAddress(client.account.address);
  const to = getAddress(parameters.to);
  const tokenOf = getAddress(parameters.tokenOf ?? from);
  const { hash: transaction } = await submit(client, {
    address: parameters.hub,
    abi: withSuiteErrors(incomeHubAbi),
    functionName: "safeTransferFrom",
    args: [from, to, tokenIdOf(tokenOf), parameters.amount, "0x"],
  });
  return { from, to, tokenOf, amount: parameters.amount, transaction };
}
