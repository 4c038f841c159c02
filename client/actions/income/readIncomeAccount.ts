import { getAddress, type Address, type Chain, type Client, type Transport } from "viem";
import { readContract } from "viem/actions";

import { incomeHubAbi } from "../../abis.js";
import { AVATAR_KINDS, tokenIdOf } from "../../income.js";
import { readIncomeGraph } from "./readIncomeGraph.js";

export interface ReadIncomeAccountParameters {
  hub: Address;
  account: Address;
  /** Also list every other token the account holds (read from the hub's events; slower). */
  all?: boolean;
}

export interface ReadIncomeAccountReturnType {
  hub: Address;
  account: Address;
  /** "not registered", "a person" or "a circle". */
  registered: (typeof AVATAR_KINDS)[number];
  /** Whether a person stopped their income for good. */
  stopped: boolean;
  /** The account's own token: today's balance (after demurrage), the same in static units, and what a claim would mint now. */
  balance: bigint;
  staticBalance: bigint;
  claimable: bigint;
  /** With `all`: the other tokens it holds, by owner. */
  others?: { tokenOf: Address; balance: bigint; staticBalance: bigint }[];
}

/**
 * An account's basic income: what it is registered as, its own token today (after demurrage) and in static units
 * (which do not decay), what a claim would mint now, and with `all` every other token it holds. Amounts are in the
 * hub's smallest unit (write them with `formatTokens`).
 *
 * @example
 * const { balance, claimable } = await readIncomeAccount(publicClient, { hub, account: ana });
 */
export async function readIncomeAccount<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ReadIncomeAccountParameters,
): Promise<ReadIncomeAccountReturnType> {
  const { hub } = parameters;
  const account = getAddress(parameters.account);
  const read = { address: hub, abi: incomeHubAbi } as const;
  const staticBalanceOf = (owner: Address) =>
    readContract(client, { ...read, functionName: "staticBalanceOf", args: [account, tokenIdOf(owner)] });
  const [kind, stopped, balance, staticBalance, [claimable]] = await Promise.all([
    readContract(client, { ...read, functionName: "avatarKind", args: [account] }),
    readContract(client, { ...read, functionName: "stopped", args: [account] }),
    readContract(client, { ...read, functionName: "balanceOf", args: [account, tokenIdOf(account)] }),
    staticBalanceOf(account),
    readContract(client, { ...read, functionName: "claimable", args: [account] }),
  ]);
  const result: ReadIncomeAccountReturnType = {
    hub,
    account,
    registered: AVATAR_KINDS[kind] ?? AVATAR_KINDS[0],
    stopped,
    balance,
    staticBalance,
    claimable,
  };
  if (parameters.all) {
    const self = account.toLowerCase();
    const { holdings } = await readIncomeGraph(client, { hub });
    const held = [...(holdings.get(self as Address) ?? new Map<Address, bigint>())].filter(([owner]) => owner !== self);
    result.others = await Promise.all(
      held.map(async ([owner, amount]) => ({
        tokenOf: getAddress(owner),
        balance: amount,
        staticBalance: await staticBalanceOf(owner),
      })),
    );
  }
  return result;
}
