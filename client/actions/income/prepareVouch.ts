import { getAddress, type Address, type Chain, type Client, type Transport } from "viem";
import { readContract } from "viem/actions";

import { incomeHubAbi } from "../../abis.js";
import { proposalCall, type ProposalCall } from "../../proposals.js";
import { InvalidParameterError } from "../../errors.js";
import { AVATAR_KIND_CIRCLE, registerCircleCall } from "../../income.js";

export interface PrepareVouchParameters {
  hub: Address;
  /** The circle that vouches, by decision. */
  circle: Address;
  /** The members it vouches for, and for each the member whose token the circle burns (what an invitation costs). */
  people: readonly Address[];
  payers: readonly Address[];
}

export interface PrepareVouchReturnType {
  /** The decision's calls: the circle registers itself first if it has not, then vouches. */
  calls: ProposalCall[];
  description: string;
}

/**
 * The decision by which a circle vouches for members in the income hub (registering itself first if it has not):
 * each vouch burns what an invitation costs of a payer's token the circle holds, so members give it those tokens
 * first (`sendIncome`); each person then accepts with `acceptVouch`. Sends nothing: propose the calls in the circle.
 *
 * @example
 * const { calls, description } = await prepareVouch(publicClient, { hub, circle, people: [gus], payers: [ana] });
 */
export async function prepareVouch<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: PrepareVouchParameters,
): Promise<PrepareVouchReturnType> {
  const { hub } = parameters;
  const people = parameters.people.map((p) => getAddress(p));
  const payers = parameters.payers.map((p) => getAddress(p));
  if (payers.length !== people.length) {
    throw new InvalidParameterError(
      "payers",
      `Give one payer per person: ${people.length} people, ${payers.length} payers.`,
    );
  }
  const circle = getAddress(parameters.circle);
  const kind = await readContract(client, {
    address: hub,
    abi: incomeHubAbi,
    functionName: "avatarKind",
    args: [circle],
  });
  const vouch = proposalCall(hub, { abi: incomeHubAbi, functionName: "vouch", args: [people, payers] });
  return {
    calls: kind === AVATAR_KIND_CIRCLE ? [vouch] : [registerCircleCall(hub), vouch],
    description: `Vouch for ${people.join(", ")} in the income hub`,
  };
}
