import { getAddress, parseEventLogs, type Address, type Hash } from "viem";
import { readContract } from "viem/actions";

import { incomeHubAbi } from "../../abis.js";
import { CommonwealError, withSuiteErrors } from "../../errors.js";
import { tokenIdOf } from "../../income.js";
import { submit, type SigningClient } from "../submit.js";

export interface ClaimIncomeParameters {
  hub: Address;
}

export interface ClaimIncomeReturnType {
  person: Address;
  /** What was minted, in today's units (0 within the hour of the last claim). */
  minted: bigint;
  /** The span it was earned in, unix seconds. */
  earnedFrom: bigint;
  earnedTo: bigint;
  /** The person's balance of their own token afterwards. */
  balance: bigint;
  transaction: Hash;
}

/**
 * Mints the client's account's income since its last claim: 1 token per completed hour, at most the last 14 days.
 * The hub's refusals (not registered, stopped) are simulated first.
 *
 * @example
 * const { minted, balance } = await claimIncome(walletClient, { hub });
 */
export async function claimIncome(
  client: SigningClient,
  parameters: ClaimIncomeParameters,
): Promise<ClaimIncomeReturnType> {
  const { hub } = parameters;
  const person = getAddress(client.account.address);
  const { hash: transaction, receipt } = await submit(client, {
    address: hub,
    abi: withSuiteErrors(incomeHubAbi),
    functionName: "claim",
    args: [],
  });
  const [claimed] = parseEventLogs({ abi: incomeHubAbi, logs: receipt.logs, eventName: "IncomeClaimed" });
  if (!claimed)
    throw new CommonwealError(`Transaction ${transaction} claimed nothing: the hub emitted no IncomeClaimed.`);
  const balance = await readContract(client, {
    address: hub,
    abi: incomeHubAbi,
    functionName: "balanceOf",
    args: [person, tokenIdOf(person)],
  });
  const { amount: minted, from: earnedFrom, to: earnedTo } = claimed.args;
  return { person, minted, earnedFrom, earnedTo, balance, transaction };
}
