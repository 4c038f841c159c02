/**
 * Trying a call as a circle or council would make it when its decision is executed, before the decision is even
 * proposed: a refusal (a full circle, rules the registry rejects, an occupied role) is told now, as the contract's
 * sentence, rather than after everyone has voted. The `prepare…` actions all start their proposal this way.
 *
 * @example
 * await dryRunAs(publicClient, { account: circle, address: membership, abi: circleMembershipAbi, functionName: "admit", args: [gus] });
 */
import type { Abi, Address, Chain, Client, ContractFunctionArgs, ContractFunctionName, Transport } from "viem";
import { simulateContract } from "viem/actions";

import { withSuiteErrors } from "./errors.js";

/** The call to try, and the body whose decision would make it. */
export interface DryRunAsParameters<
  abi extends Abi,
  functionName extends ContractFunctionName<abi, "nonpayable" | "payable">,
> {
  /** The body (circle or council) that would make the call. */
  account: Address;
  address: Address;
  abi: abi;
  functionName: functionName;
  args: ContractFunctionArgs<abi, "nonpayable" | "payable", functionName>;
  /** Wei the call would send (default none). */
  value?: bigint;
}

/**
 * Simulates the call from `account`, decoding a refusal with every custom error of the suite; returns nothing, throws
 * the viem error (its sentence via `describeRevert`) if the call would fail.
 */
export async function dryRunAs<
  chain extends Chain | undefined,
  const abi extends Abi,
  functionName extends ContractFunctionName<abi, "nonpayable" | "payable">,
>(client: Client<Transport, chain>, parameters: DryRunAsParameters<abi, functionName>): Promise<void> {
  // viem's generic signatures are checked at this function's boundary; inside, the call passes through untouched.
  const simulate = simulateContract as unknown as (c: Client<Transport, chain>, p: object) => Promise<unknown>;
  await simulate(client, { ...parameters, abi: withSuiteErrors(parameters.abi) });
}
