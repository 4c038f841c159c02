import { getAddress, zeroAddress, type Address, type Hash } from "viem";
import { readContract } from "viem/actions";

import { incomeHubAbi } from "../../abis.js";
import { withSuiteErrors } from "../../errors.js";
import { tokenIdOf } from "../../income.js";
import { submit, type SigningClient } from "../submit.js";

export interface RegisterPersonParameters {
  hub: Address;
  /** A registered person who trusts the client's account; none while the hub is bootstrapping. */
  inviter?: Address;
}

export interface RegisterPersonReturnType {
  person: Address;
  /** Who invited them, or null when registered while bootstrapping. */
  inviter: Address | null;
  /** What the invitation gave them of their own token (0 without an inviter). */
  welcomeBonus: bigint;
  transaction: Hash;
}

/**
 * Registers the client's account as a person at the income hub, with an inviter (a registered person who already
 * trusts them) or, while the hub is bootstrapping, with none. Income then accrues at 1 token an hour. The hub's
 * refusals (registered already, an invitation needed, not invited) are simulated first.
 *
 * @example
 * const { welcomeBonus } = await registerPerson(walletClient, { hub, inviter: ana });
 */
export async function registerPerson(
  client: SigningClient,
  parameters: RegisterPersonParameters,
): Promise<RegisterPersonReturnType> {
  const { hub } = parameters;
  const inviter = parameters.inviter === undefined ? null : getAddress(parameters.inviter);
  const person = getAddress(client.account.address);
  const { hash: transaction } = await submit(client, {
    address: hub,
    abi: withSuiteErrors(incomeHubAbi),
    functionName: "register",
    args: [inviter ?? zeroAddress],
  });
  const welcomeBonus = inviter
    ? await readContract(client, {
        address: hub,
        abi: incomeHubAbi,
        functionName: "balanceOf",
        args: [person, tokenIdOf(person)],
      })
    : 0n;
  return { person, inviter, welcomeBonus, transaction };
}
