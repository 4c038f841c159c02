/**
 * The one way the client's write actions send a transaction: simulate it first (so a refusal surfaces as the
 * contract's custom error, decodable into a sentence, before anything is signed), send exactly the simulated request,
 * wait for its receipt, and fail if it reverted after all. Every write action goes through here, so the CLI, the app
 * and scripts never send what a simulation refused.
 *
 * @example
 * const { result: proposalId, hash, receipt } = await submit(walletClient, {
 *   address: circle, abi: withSuiteErrors(circleAbi), functionName: "propose", args: [targets, values, calldatas, text],
 * });
 */
import type {
  Abi,
  Account,
  Chain,
  Client,
  ContractFunctionArgs,
  ContractFunctionName,
  ContractFunctionReturnType,
  Hash,
  TransactionReceipt,
  Transport,
} from "viem";
import { simulateContract, waitForTransactionReceipt, writeContract } from "viem/actions";

import { CommonwealError } from "../errors.js";

/** A client that can sign and send: a viem wallet client with its account (and a transport that answers reads). */
export type SigningClient = Client<Transport, Chain | undefined, Account>;

/** A transaction that was mined but reverted (the state changed between the simulation and the block). */
export class TransactionRevertedError extends CommonwealError {
  override name = "TransactionRevertedError";
  constructor(readonly hash: Hash) {
    super(
      `Transaction ${hash} reverted after its simulation passed (the chain changed in between): read the state again and retry.`,
    );
  }
}

/** The contract call to simulate and send. */
export interface SubmitParameters<
  abi extends Abi | readonly unknown[],
  functionName extends ContractFunctionName<abi, "nonpayable" | "payable">,
  args extends ContractFunctionArgs<abi, "nonpayable" | "payable", functionName>,
> {
  address: `0x${string}`;
  abi: abi;
  functionName: functionName;
  args: args;
  value?: bigint;
}

/** What a sent call gave: the simulated return value, the transaction hash and its receipt. */
export interface SubmitReturnType<result> {
  result: result;
  hash: Hash;
  receipt: TransactionReceipt;
}

/** Simulates `parameters` from the client's account, sends them, and waits for a successful receipt. */
export async function submit<
  const abi extends Abi | readonly unknown[],
  functionName extends ContractFunctionName<abi, "nonpayable" | "payable">,
  const args extends ContractFunctionArgs<abi, "nonpayable" | "payable", functionName>,
>(
  client: SigningClient,
  parameters: SubmitParameters<abi, functionName, args>,
): Promise<SubmitReturnType<ContractFunctionReturnType<abi, "nonpayable" | "payable", functionName, args>>> {
  // viem's generic signatures are checked at this function's boundary; inside, the request passes through untouched.
  const simulate = simulateContract as unknown as (
    c: SigningClient,
    p: object,
  ) => Promise<{ result: unknown; request: object }>;
  const write = writeContract as unknown as (c: SigningClient, p: object) => Promise<Hash>;
  const { result, request } = await simulate(client, { ...parameters, account: client.account });
  const hash = await write(client, request);
  const receipt = await waitForTransactionReceipt(client, { hash });
  if (receipt.status !== "success") throw new TransactionRevertedError(hash);
  return {
    result: result as ContractFunctionReturnType<abi, "nonpayable" | "payable", functionName, args>,
    hash,
    receipt,
  };
}
