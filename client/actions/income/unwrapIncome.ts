import { getAddress, parseEventLogs, type Address, type Hash } from "viem";
import { readContract } from "viem/actions";

import { demurragedIncomeTokenAbi } from "../../abis.js";
import { CommonwealError, ContractRefusalError, describeError, withSuiteErrors } from "../../errors.js";
import type { IncomeWrapperFlavour } from "../../income.js";
import { INCOME_UNITS } from "../../units.js";
import { submit, type SigningClient } from "../submit.js";
import { readIncomeWrapper } from "./readIncomeWrapper.js";

export interface UnwrapIncomeParameters {
  hub: Address;
  /** The hub's wrapper factory. */
  wrappers: Address;
  /** How many ERC-20 tokens to burn, in the smallest unit (18 decimals). */
  amount: bigint;
  /** demurraged (default) or static. */
  flavour?: IncomeWrapperFlavour;
  /** Whose token: its owner's address (default: the client's own). */
  tokenOf?: Address;
}

export interface UnwrapIncomeReturnType {
  account: Address;
  tokenOf: Address;
  flavour: IncomeWrapperFlavour;
  wrapper: Address;
  /** ERC-20 tokens burned, and the hub tokens they gave back. */
  erc20Amount: bigint;
  hubAmount: bigint;
  transaction: Hash;
}

/**
 * The ABI of either wrapper flavour for what unwrapping calls: both are the same `IIncomeWrapper` and ERC-20 surface
 * (`unwrap`, `balanceOf`, `Unwrapped`), so one ABI serves both.
 */
const wrapperAbi = demurragedIncomeTokenAbi;

/**
 * Unwraps: burns ERC-20 tokens of a person's income wrapper and gets the hub tokens back. Refused before anything is
 * sent if there is no such wrapper, or the account holds too little of it (said in tokens).
 *
 * @example
 * const { hubAmount } = await unwrapIncome(walletClient, { hub, wrappers, amount: parseEther("4") });
 */
export async function unwrapIncome(
  client: SigningClient,
  parameters: UnwrapIncomeParameters,
): Promise<UnwrapIncomeReturnType> {
  const { hub, wrappers, amount, flavour = "demurraged" } = parameters;
  const account = getAddress(client.account.address);
  const tokenOf = getAddress(parameters.tokenOf ?? account);
  const { wrapper, exists } = await readIncomeWrapper(client, { hub, wrappers, tokenOf, flavour });
  if (!exists)
    throw new CommonwealError(`There is no ${flavour} wrapper of the token of ${tokenOf} yet: nothing to unwrap.`);
  const held = await readContract(client, {
    address: wrapper,
    abi: wrapperAbi,
    functionName: "balanceOf",
    args: [account],
  });
  if (held < amount) {
    const args = [account, held, amount] as const;
    throw new ContractRefusalError(
      "ERC20InsufficientBalance",
      args,
      describeError("ERC20InsufficientBalance", args, INCOME_UNITS),
    );
  }
  const { hash: transaction, receipt } = await submit(client, {
    address: wrapper,
    abi: withSuiteErrors(wrapperAbi),
    functionName: "unwrap",
    args: [amount],
  });
  const [unwrapped] = parseEventLogs({ abi: wrapperAbi, logs: receipt.logs, eventName: "Unwrapped" });
  const hubAmount = unwrapped?.args.hubAmount ?? 0n;
  return { account, tokenOf, flavour, wrapper, erc20Amount: amount, hubAmount, transaction };
}
