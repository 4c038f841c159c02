import { getAddress, type Address, type Chain, type Client, type Transport } from "viem";
import { readContract } from "viem/actions";

import { incomeHubAbi } from "../../abis.js";
import type { ProposalCall } from "../../proposals.js";
import { InvalidParameterError } from "../../errors.js";
import { AVATAR_KIND_CIRCLE, registerCircleCall } from "../../income.js";

export interface PrepareRegisterCircleParameters {
  hub: Address;
  circle: Address;
}

export interface PrepareRegisterCircleReturnType {
  calls: ProposalCall[];
  description: string;
}

/**
 * The decision by which a circle registers itself in the income hub (`registerCircle()`, made by the circle once its
 * members pass it); a registered circle can vouch for its members. Refused with an InvalidParameterError if the circle
 * is registered already. Sends nothing: propose the calls in the circle.
 *
 * @example
 * const { calls, description } = await prepareRegisterCircle(publicClient, { hub, circle });
 */
export async function prepareRegisterCircle<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: PrepareRegisterCircleParameters,
): Promise<PrepareRegisterCircleReturnType> {
  const { hub } = parameters;
  const circle = getAddress(parameters.circle);
  const kind = await readContract(client, {
    address: hub,
    abi: incomeHubAbi,
    functionName: "avatarKind",
    args: [circle],
  });
  if (kind === AVATAR_KIND_CIRCLE) {
    throw new InvalidParameterError("circle", `${circle} is already registered in the income hub ${hub}.`);
  }
  return { calls: [registerCircleCall(hub)], description: "Register the circle in the income hub" };
}
