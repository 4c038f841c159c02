/**
 * What the basic-income actions share (see `client/actions/income/`): token ids, registration kinds, wrapper
 * flavours, and the calls a circle proposes to register itself and to pay along trust.
 *
 * Income amounts are in the hub's tokens, 18 decimals, as `balanceOf` reads them (after demurrage): write them with
 * `formatTokens` ("96 tokens").
 *
 * @example
 * const flow = await planPayment(publicClient, { hub, payer: ana, to: dan, amount: parseEther("25") });
 * await walletClient.writeContract(payAlongTrustRequest(hub, flow, dan));
 */
import { encodeFunctionData, getAddress, type Address } from "viem";

import { incomeHubAbi } from "./abis.js";
import type { ProposalCall } from "./proposals.js";
import type { PaymentFlow } from "./pathfinder.js";

/** `IIncomeHub.AvatarKind`, in words, by its number: what an account is registered as. */
export const AVATAR_KINDS = ["not registered", "a person", "a circle"] as const;
/** `IIncomeHub.AvatarKind` of a registered person. */
export const AVATAR_KIND_PERSON = 1;
/** `IIncomeHub.AvatarKind` of a registered circle. */
export const AVATAR_KIND_CIRCLE = 2;

/** The wrapper flavours, by `IIncomeWrappers.Flavour` number: demurraged (decays like the hub) or static (does not). */
export const INCOME_WRAPPER_FLAVOURS = ["demurraged", "static"] as const;
/** A wrapper flavour. */
export type IncomeWrapperFlavour = (typeof INCOME_WRAPPER_FLAVOURS)[number];

/** The token id of a person (or group): their address as a number. */
export function tokenIdOf(owner: Address): bigint {
  return BigInt(owner);
}

/** The token owner of an income token id (a person's or a group's address), lower-case as the pathfinder keys it. */
export function tokenOwnerOf(id: bigint): Address {
  return getAddress(`0x${id.toString(16).padStart(40, "0")}`).toLowerCase() as Address;
}

/**
 * The call a circle proposes, as a decision, to register itself in the income hub (`registerCircle()`, made by the
 * circle itself once the decision passes).
 */
export function registerCircleCall(hub: Address): ProposalCall & { value: bigint } {
  return { target: hub, value: 0n, data: encodeFunctionData({ abi: incomeHubAbi, functionName: "registerCircle" }) };
}

/** The `payAlongTrust` call for a planned flow, ready for viem's `writeContract` or `simulateContract`. */
export function payAlongTrustRequest(hub: Address, flow: PaymentFlow, to: Address) {
  return {
    address: hub,
    abi: incomeHubAbi,
    functionName: "payAlongTrust",
    args: [flow.vertices, flow.edges, to, flow.amount],
  } as const;
}
