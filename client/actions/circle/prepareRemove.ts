/** Builds a circle's decision to remove a member (removal, like admission, is a decision of the circle). */
import { encodeFunctionData, type Address, type Chain, type Client, type Transport } from "viem";
import { readContract } from "viem/actions";

import { circleMembershipAbi } from "../../abis.js";
import type { PreparedProposal } from "../../proposals.js";
import { dryRunAs } from "../../dryRun.js";
import { CommonwealError } from "../../errors.js";
import { resolveBody } from "./resolveBody.js";

export interface PrepareRemoveParameters {
  circle: Address;
  registry: Address;
  /** The member to remove. */
  member: Address;
  /** The proposal's description (default: "Remove <member>"). */
  description?: string;
}

export interface PrepareRemoveReturnType extends PreparedProposal {
  member: Address;
}

/**
 * The proposal that the circle remove `member`: `membership.remove(member)`, tried first as the circle would make it,
 * so a refusal (the circle would fall below its minimum size) is told before anyone votes. Any mandates the member
 * holds end when the removal is executed. Refuses a council and someone who is not a member.
 *
 * @example
 * const proposal = await prepareRemove(publicClient, { circle, registry, member: gus });
 */
export async function prepareRemove<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: PrepareRemoveParameters,
): Promise<PrepareRemoveReturnType> {
  const { member } = parameters;
  const body = await resolveBody(client, {
    address: parameters.circle,
    registry: parameters.registry,
    kind: "circle",
    hint: "a seat is removed by a decision of the council, proposed by a delegate.",
  });
  const isMember = await readContract(client, {
    address: body.membership,
    abi: circleMembershipAbi,
    functionName: "isMember",
    args: [member],
  });
  if (!isMember)
    throw new CommonwealError(`${member} is not a member of ${body.circle}, so there is no one to remove.`);
  await dryRunAs(client, {
    address: body.membership,
    abi: circleMembershipAbi,
    functionName: "remove",
    args: [member],
    account: body.circle,
  });
  const data = encodeFunctionData({ abi: circleMembershipAbi, functionName: "remove", args: [member] });
  return {
    circle: body.circle,
    calls: [{ target: body.membership, value: 0n, data }],
    description: parameters.description || `Remove ${member}`,
    member,
  };
}
