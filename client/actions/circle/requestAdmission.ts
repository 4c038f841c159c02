/** A person asks to join a circle, or takes the request back. No one is admitted without asking. */
import { getAddress, type Address, type Hex } from "viem";

import { circleMembershipAbi } from "../../abis.js";
import { withSuiteErrors } from "../../errors.js";
import { submit, type SigningClient } from "../submit.js";
import { resolveBody } from "./resolveBody.js";

export interface RequestAdmissionParameters {
  circle: Address;
  registry: Address;
  /** Take a pending request back instead. */
  withdraw?: boolean;
}

export interface RequestAdmissionReturnType {
  circle: Address;
  account: Address;
  /** Whether a request is now pending. */
  requested: boolean;
  transaction: Hex;
}

/**
 * The client's account asks to join the circle (or, with `withdraw`, takes the request back); the circle then decides
 * by vote. A council is refused: circles ask it for a seat by their own decision.
 *
 * @example
 * await requestAdmission(gusWallet, { circle, registry });
 */
export async function requestAdmission(
  client: SigningClient,
  parameters: RequestAdmissionParameters,
): Promise<RequestAdmissionReturnType> {
  const { circle, registry, withdraw = false } = parameters;
  const body = await resolveBody(client, {
    address: circle,
    registry,
    kind: "circle",
    hint: "a circle asks for a seat by its own decision (npx hardhat council join).",
  });
  const { hash } = await submit(client, {
    address: body.membership,
    abi: withSuiteErrors(circleMembershipAbi),
    functionName: withdraw ? "withdrawRequest" : "requestAdmission",
    args: [],
  });
  return { circle: body.circle, account: getAddress(client.account.address), requested: !withdraw, transaction: hash };
}
