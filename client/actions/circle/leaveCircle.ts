/** A member leaves a circle, at once: no vote, no fee, no penalty; any mandates they hold end. */
import { getAddress, type Address, type Hex } from "viem";
import { readContract } from "viem/actions";

import { circleMembershipAbi } from "../../abis.js";
import { withSuiteErrors } from "../../errors.js";
import { submit, type SigningClient } from "../submit.js";
import { resolveBody } from "./resolveBody.js";

export interface LeaveCircleParameters {
  circle: Address;
  registry: Address;
}

export interface LeaveCircleReturnType {
  circle: Address;
  member: Address;
  membersLeft: bigint;
  transaction: Hex;
}

/**
 * The client's account leaves the circle. A council is refused: its members are circles, which leave by their own
 * decision.
 *
 * @example
 * const { membersLeft } = await leaveCircle(anaWallet, { circle, registry });
 */
export async function leaveCircle(
  client: SigningClient,
  parameters: LeaveCircleParameters,
): Promise<LeaveCircleReturnType> {
  const body = await resolveBody(client, {
    address: parameters.circle,
    registry: parameters.registry,
    kind: "circle",
    hint: "its members are circles, which leave by their own decision (npx hardhat council leave).",
  });
  const { hash } = await submit(client, {
    address: body.membership,
    abi: withSuiteErrors(circleMembershipAbi),
    functionName: "leave",
    args: [],
  });
  const membersLeft = await readContract(client, {
    address: body.membership,
    abi: circleMembershipAbi,
    functionName: "memberCount",
  });
  return { circle: body.circle, member: getAddress(client.account.address), membersLeft, transaction: hash };
}
