/**
 * A member signs a recall signal off-chain (EIP-712): nothing is sent, and anyone can submit it later with
 * submitRecallSignatures. The signature counts once, and only for the mandate, contract and chain it names.
 */
import { getAddress, type Address } from "viem";
import { getChainId, readContract, signTypedData, simulateContract } from "viem/actions";

import { mandatesAbi } from "../../abis.js";
import { mandatesCallAbi } from "../../mandates.js";
import { RECALL_TYPES, type SignedRecall } from "../../recalls.js";
import type { SigningClient } from "../submit.js";

export interface SignRecallParameters {
  /** The circle's mandates module, which verifies the signature. */
  mandates: Address;
  mandateId: bigint;
}

/** The signed signal (see recallToJson for the JSON a recall file holds). */
export type SignRecallReturnType = SignedRecall;

/**
 * Checks that the client's account could signal a recall of `mandateId` now — so a signature that could never count
 * is not handed out: a refusal is the contract's custom error (not a member, signalled already, an ended mandate) —
 * then signs the signal. It stays valid until the member signs or submits another recall signal (its nonce).
 *
 * @example
 * const signed = await signRecall(walletClient, { mandates, mandateId: 1n });
 */
export async function signRecall(
  client: SigningClient,
  parameters: SignRecallParameters,
): Promise<SignRecallReturnType> {
  const { mandates, mandateId } = parameters;
  await simulateContract(client, {
    address: mandates,
    abi: mandatesCallAbi,
    functionName: "signalRecall",
    args: [mandateId],
    account: client.account,
  });
  const member = getAddress(client.account.address);
  const [chainId, nonce] = await Promise.all([
    getChainId(client),
    readContract(client, { address: mandates, abi: mandatesAbi, functionName: "nonces", args: [member] }),
  ]);
  const signature = await signTypedData(client, {
    account: client.account,
    domain: { name: "Commonweal Mandates", version: "1", chainId, verifyingContract: mandates },
    types: RECALL_TYPES,
    primaryType: "Recall",
    message: { mandateId, member, nonce },
  });
  return { chainId, mandates, mandateId, member, nonce, signature };
}
