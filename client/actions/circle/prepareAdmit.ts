/** Builds a circle's decision to admit a person who asked to join (admission is a decision of the circle). */
import { encodeFunctionData, type Address, type Chain, type Client, type Transport } from "viem";
import { readContract } from "viem/actions";

import { circleMembershipAbi } from "../../abis.js";
import type { PreparedProposal } from "../../proposals.js";
import { dryRunAs } from "../../dryRun.js";
import { CommonwealError } from "../../errors.js";
import { resolveBody } from "./resolveBody.js";

export interface PrepareAdmitParameters {
  circle: Address;
  registry: Address;
  /** The person to admit: they must have asked (`requestAdmission`). */
  member: Address;
  /** The proposal's description (default: "Admit <member>"). */
  description?: string;
}

export interface PrepareAdmitReturnType extends PreparedProposal {
  member: Address;
}

/**
 * The proposal that the circle admit `member`: `membership.admit(member)`, tried first as the circle would make it,
 * so a refusal (a full circle, someone who never asked) is told now, before anyone votes. Refuses a council (a circle
 * joins it by asking) and someone already a member.
 *
 * @example
 * const proposal = await prepareAdmit(publicClient, { circle, registry, member: gus });
 */
export async function prepareAdmit<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: PrepareAdmitParameters,
): Promise<PrepareAdmitReturnType> {
  const { member } = parameters;
  const body = await resolveBody(client, {
    address: parameters.circle,
    registry: parameters.registry,
    kind: "circle",
    hint: "a circle joins it by asking (npx hardhat council join), and the council seats it by a decision of its delegates (npx hardhat council admit).",
  });
  const already = await readContract(client, {
    address: body.membership,
    abi: circleMembershipAbi,
    functionName: "isMember",
    args: [member],
  });
  if (already) throw new CommonwealError(`${member} is already a member of ${body.circle}.`);
  await dryRunAs(client, {
    address: body.membership,
    abi: circleMembershipAbi,
    functionName: "admit",
    args: [member],
    account: body.circle,
  });
  const data = encodeFunctionData({ abi: circleMembershipAbi, functionName: "admit", args: [member] });
  return {
    circle: body.circle,
    calls: [{ target: body.membership, value: 0n, data }],
    description: parameters.description || `Admit ${member}`,
    member,
  };
}
