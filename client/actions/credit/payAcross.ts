import { getAddress, type Address, type Hash } from "viem";

import { mutualCreditAbi } from "../../abis.js";
import { withSuiteErrors } from "../../errors.js";
import { submit, type SigningClient } from "../submit.js";

export interface PayAcrossParameters {
  /** The payer's currency. */
  currency: Address;
  /** The other circle's currency, with which `currency` has an open clearing line. */
  otherCurrency: Address;
  /** Who receives the payment, a member of the other circle. */
  to: Address;
  /** How much, in the smallest unit (the two currencies clear one for one). */
  amount: bigint;
}

export interface PayAcrossReturnType {
  payer: Address;
  to: Address;
  amount: bigint;
  transaction: Hash;
}

/**
 * Pays a member of another circle over an open clearing line (`payAcross`), in one transaction: the payer pays the
 * other circle's commons here, and that commons pays `to` in `otherCurrency`. Refused before anything is sent if there
 * is no open line or either payment would pass a limit.
 *
 * @example
 * await payAcross(walletClient, { currency: elm, otherCurrency: birch, to: hal, amount: 5_00n });
 */
export async function payAcross(client: SigningClient, parameters: PayAcrossParameters): Promise<PayAcrossReturnType> {
  const to = getAddress(parameters.to);
  const { hash: transaction } = await submit(client, {
    address: parameters.currency,
    abi: withSuiteErrors(mutualCreditAbi),
    functionName: "payAcross",
    args: [parameters.otherCurrency, to, parameters.amount],
  });
  return { payer: getAddress(client.account.address), to, amount: parameters.amount, transaction };
}
