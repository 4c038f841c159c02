/**
 * Builds a circle's decision to leave a council (`seats.leave()`): by its own decision, at once once executed, with
 * no vote of the council, no fee and nothing locked.
 */
import { encodeFunctionData, type Address, type Chain, type Client, type Transport } from "viem";
import { readContract } from "viem/actions";

import { circleAbi, councilSeatsAbi } from "../../abis.js";
import type { PreparedProposal } from "../../proposals.js";
import { CommonwealError } from "../../errors.js";
import { resolveBody } from "../circle/resolveBody.js";
import { resolveCouncil } from "./resolveCouncil.js";

export interface PrepareLeaveCouncilParameters {
  /** The circle leaving. */
  circle: Address;
  council: Address;
  registry: Address;
  /** The proposal's description (default: 'Leave the council "<name>"'). */
  description?: string;
}

export interface PrepareLeaveCouncilReturnType extends PreparedProposal {
  council: Address;
}

/**
 * The proposal, in `circle`, that it leave `council`. Refuses a circle that holds no seat there.
 *
 * @example
 * const proposal = await prepareLeaveCouncil(publicClient, { circle, council, registry });
 */
export async function prepareLeaveCouncil<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: PrepareLeaveCouncilParameters,
): Promise<PrepareLeaveCouncilReturnType> {
  const body = await resolveBody(client, { address: parameters.circle, registry: parameters.registry });
  const council = await resolveCouncil(client, parameters);
  const [seated, name] = await Promise.all([
    readContract(client, {
      address: council.membership,
      abi: councilSeatsAbi,
      functionName: "hasSeat",
      args: [body.circle],
    }),
    readContract(client, { address: council.circle, abi: circleAbi, functionName: "name" }),
  ]);
  if (!seated) {
    throw new CommonwealError(
      `${body.circle} holds no seat in the council ${council.circle}, so it has nothing to leave.`,
    );
  }
  const data = encodeFunctionData({ abi: councilSeatsAbi, functionName: "leave" });
  return {
    circle: body.circle,
    calls: [{ target: council.membership, value: 0n, data }],
    description: parameters.description || `Leave the council "${name}"`,
    council: council.circle,
  };
}
