/**
 * Builds a circle's decision to ask a council for a seat (`seats.requestSeat()`): joining takes the circle's decision,
 * and then the council's (`prepareCouncilAdmit`), unless the council is open-join, which seats it at once on probation.
 */
import { encodeFunctionData, type Address, type Chain, type Client, type Transport } from "viem";
import { readContract } from "viem/actions";

import { circleAbi, councilSeatsAbi } from "../../abis.js";
import type { PreparedProposal } from "../../proposals.js";
import { dryRunAs } from "../../dryRun.js";
import { CommonwealError } from "../../errors.js";
import { resolveBody } from "../circle/resolveBody.js";
import { resolveCouncil } from "./resolveCouncil.js";

export interface PrepareJoinCouncilParameters {
  /** The circle asking. */
  circle: Address;
  council: Address;
  registry: Address;
  /** The proposal's description (default: 'Ask for a seat in the council "<name>"'). */
  description?: string;
}

export interface PrepareJoinCouncilReturnType extends PreparedProposal {
  council: Address;
  /** Whether the council seats a circle on request; otherwise its delegates then decide. */
  openJoin: boolean;
}

/**
 * The proposal, in `circle`, that it ask `council` for a seat. Tried first as the circle would make it (a circle of
 * fewer than three members is refused now); refuses a circle already seated or waiting for the council's decision.
 *
 * @example
 * const proposal = await prepareJoinCouncil(publicClient, { circle, council, registry });
 */
export async function prepareJoinCouncil<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: PrepareJoinCouncilParameters,
): Promise<PrepareJoinCouncilReturnType> {
  const { registry } = parameters;
  const body = await resolveBody(client, { address: parameters.circle, registry });
  const council = await resolveCouncil(client, parameters);
  const seats = { address: council.membership, abi: councilSeatsAbi } as const;
  const [seated, requested, openJoin, name] = await Promise.all([
    readContract(client, { ...seats, functionName: "hasSeat", args: [body.circle] }),
    readContract(client, { ...seats, functionName: "hasRequested", args: [body.circle] }),
    readContract(client, { ...seats, functionName: "openJoin" }),
    readContract(client, { address: council.circle, abi: circleAbi, functionName: "name" }),
  ]);
  if (seated) throw new CommonwealError(`${body.circle} already holds a seat in the council ${council.circle}.`);
  if (requested) {
    throw new CommonwealError(
      `${body.circle} already asked for a seat in ${council.circle}; the council has yet to decide.`,
    );
  }
  await dryRunAs(client, {
    ...seats,
    abi: councilSeatsAbi,
    functionName: "requestSeat",
    args: [],
    account: body.circle,
  });
  const data = encodeFunctionData({ abi: councilSeatsAbi, functionName: "requestSeat" });
  return {
    circle: body.circle,
    calls: [{ target: council.membership, value: 0n, data }],
    description: parameters.description || `Ask for a seat in the council "${name}"`,
    council: council.circle,
    openJoin,
  };
}
