import { getAddress, parseEventLogs, type Address, type Hash } from "viem";
import { readContract } from "viem/actions";

import { demurragedIncomeTokenAbi, incomeHubAbi, incomeWrappersAbi } from "../../abis.js";
import { CommonwealError, ContractRefusalError, describeError, describeRevert, withSuiteErrors } from "../../errors.js";
import { INCOME_WRAPPER_FLAVOURS, tokenIdOf, type IncomeWrapperFlavour } from "../../income.js";
import { submit, type SigningClient } from "../submit.js";
import { readIncomeWrapper } from "./readIncomeWrapper.js";

export interface WrapIncomeParameters {
  hub: Address;
  /** The hub's wrapper factory. */
  wrappers: Address;
  /** How many hub tokens to wrap, in the smallest unit (10^18 per token). */
  amount: bigint;
  /** demurraged (decays like the hub; default) or static (does not decay). */
  flavour?: IncomeWrapperFlavour;
  /** Whose token: its owner's address (default: the client's own). */
  tokenOf?: Address;
}

export interface WrapIncomeReturnType {
  account: Address;
  tokenOf: Address;
  flavour: IncomeWrapperFlavour;
  wrapper: Address;
  /** Whether this call created the wrapper. */
  created: boolean;
  /** Hub tokens in, and the ERC-20 tokens minted for them. */
  hubAmount: bigint;
  erc20Amount: bigint;
  transaction: Hash;
}

/**
 * Wraps hub tokens as an ERC-20, for wallets and exchanges: creates the token's wrapper in that flavour if there is
 * none yet, then sends the hub tokens to it. Refused before anything is sent, in tokens, if the account holds too
 * little; if wrapping is refused after the wrapper was created, the error says so (the wrapper is harmless: anyone
 * may create it, and it holds nothing).
 *
 * @example
 * const { wrapper, erc20Amount } = await wrapIncome(walletClient, { hub, wrappers, amount: parseEther("10") });
 */
export async function wrapIncome(
  client: SigningClient,
  parameters: WrapIncomeParameters,
): Promise<WrapIncomeReturnType> {
  const { hub, wrappers, amount, flavour = "demurraged" } = parameters;
  const account = getAddress(client.account.address);
  const tokenOf = getAddress(parameters.tokenOf ?? account);
  const id = tokenIdOf(tokenOf);
  const { wrapper, exists } = await readIncomeWrapper(client, { hub, wrappers, tokenOf, flavour });
  const held = await readContract(client, {
    address: hub,
    abi: incomeHubAbi,
    functionName: "balanceOf",
    args: [account, id],
  });
  if (held < amount) {
    const args = [account, id, held, amount] as const;
    throw new ContractRefusalError(
      "IncomeHubInsufficientBalance",
      args,
      describeError("IncomeHubInsufficientBalance", args),
    );
  }
  if (!exists) {
    await submit(client, {
      address: wrappers,
      abi: withSuiteErrors(incomeWrappersAbi),
      functionName: "createWrapper",
      args: [id, INCOME_WRAPPER_FLAVOURS.indexOf(flavour)],
    });
  }
  try {
    // The hub's ABI with every suite error: the wrapper may refuse in its receiver hook.
    const { hash: transaction, receipt } = await submit(client, {
      address: hub,
      abi: withSuiteErrors(incomeHubAbi),
      functionName: "safeTransferFrom",
      args: [account, wrapper, id, amount, "0x"],
    });
    const [wrapped] = parseEventLogs({ abi: demurragedIncomeTokenAbi, logs: receipt.logs, eventName: "Wrapped" });
    const erc20Amount = wrapped?.args.minted ?? 0n;
    return { account, tokenOf, flavour, wrapper, created: !exists, hubAmount: amount, erc20Amount, transaction };
  } catch (error) {
    if (exists) throw error;
    const reason =
      describeRevert(error) ??
      (error instanceof Error ? ((error as { shortMessage?: string }).shortMessage ?? error.message) : String(error));
    throw new CommonwealError(`The wrapper was created at ${wrapper}, but wrapping was refused: ${reason}`, {
      cause: error,
    });
  }
}
