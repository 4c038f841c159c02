/**
 * Builds a council's decision to seat a circle that asked for a seat (`seats.admit(circle)`). Joining a closed council
 * takes both sides' decisions: the circle asks by its own (`prepareJoinCouncil`), then the council seats it by this one,
 * proposed in the council by a seated circle's delegate through their mandate. An open-join council needs no such
 * decision: the circle's request seats it (on probation).
 */
import { encodeFunctionData, type Address, type Chain, type Client, type Transport } from "viem";
import { readContract } from "viem/actions";

import { circleAbi, councilSeatsAbi } from "../../abis.js";
import type { PreparedProposal } from "../../proposals.js";
import { dryRunAs } from "../../dryRun.js";
import { CommonwealError } from "../../errors.js";
import { resolveBody } from "../circle/resolveBody.js";
import { resolveCouncil } from "./resolveCouncil.js";

export interface PrepareCouncilAdmitParameters {
  council: Address;
  /** The circle (or smaller council) to seat: it must have asked for a seat. */
  circle: Address;
  registry: Address;
  /** The proposal's description (default: 'Seat "<circle name>"'). */
  description?: string;
}

export interface PrepareCouncilAdmitReturnType extends PreparedProposal {
  /** The council, where the decision is proposed (the same as `circle`, the body deciding). */
  council: Address;
  /** The circle the decision seats. */
  candidate: Address;
}

/**
 * The proposal, in `council`, that it seat `circle`. Tried first as the council would make it (a circle of fewer than
 * three members is refused now); refuses a circle already seated, one that never asked, and any request to an
 * open-join council (the request itself seats the circle).
 *
 * @example
 * const proposal = await prepareCouncilAdmit(publicClient, { council, circle: beasCircle, registry });
 * // then a delegate proposes it in the council through their mandate (npx hardhat council admit does both)
 */
export async function prepareCouncilAdmit<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: PrepareCouncilAdmitParameters,
): Promise<PrepareCouncilAdmitReturnType> {
  const { registry } = parameters;
  const council = await resolveCouncil(client, parameters);
  const candidate = await resolveBody(client, { address: parameters.circle, registry });
  const seats = { address: council.membership, abi: councilSeatsAbi } as const;
  const [seated, requested, openJoin, name] = await Promise.all([
    readContract(client, { ...seats, functionName: "hasSeat", args: [candidate.circle] }),
    readContract(client, { ...seats, functionName: "hasRequested", args: [candidate.circle] }),
    readContract(client, { ...seats, functionName: "openJoin" }),
    readContract(client, { address: candidate.circle, abi: circleAbi, functionName: "name" }),
  ]);
  if (seated) throw new CommonwealError(`${candidate.circle} already holds a seat in the council ${council.circle}.`);
  if (!requested) {
    throw new CommonwealError(
      openJoin
        ? `The council ${council.circle} is open-join: ${candidate.circle} takes its seat when its own decision to ask for one is executed (npx hardhat council join), with no decision of the council.`
        : `${candidate.circle} has not asked for a seat in ${council.circle}: the council seats only a circle that asked, by its own decision (npx hardhat council join).`,
    );
  }
  await dryRunAs(client, {
    ...seats,
    abi: councilSeatsAbi,
    functionName: "admit",
    args: [candidate.circle],
    account: council.circle,
  });
  const data = encodeFunctionData({ abi: councilSeatsAbi, functionName: "admit", args: [candidate.circle] });
  return {
    circle: council.circle,
    calls: [{ target: council.membership, value: 0n, data }],
    description: parameters.description || `Seat "${name}" (${candidate.circle})`,
    council: council.circle,
    candidate: candidate.circle,
  };
}
