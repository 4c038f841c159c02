/**
 * Which seat a delegate exercises in a council: a council's members are circles, and a circle's seat is exercised by
 * the member holding the circle's live mandate for the council's delegate role, who has the circle call the council
 * through `mandates.act(mandateId, council, 0, calldata)`.
 */
import { isAddressEqual, type Address, type Chain, type Client, type Transport } from "viem";
import { readContract } from "viem/actions";

import { circleAbi, councilSeatsAbi, mandatesAbi } from "../../abis.js";
import { NoDelegationError } from "../../errors.js";
import { resolveCouncil } from "./resolveCouncil.js";

export interface ReadDelegationParameters {
  council: Address;
  /**
   * The registry the council must belong to (checked, with a sentence for a circle or a stranger); omit it only for a
   * council already resolved (`resolveCouncil`).
   */
  registry?: Address;
  /** The member who would act for their circle. */
  delegate: Address;
  /** Their circle, whose seat they exercise (default: the first seated circle whose delegate they are). */
  circle?: Address;
}

/** A delegate's standing in a council: which circle's seat they exercise, through which mandate. */
export interface ReadDelegationReturnType {
  council: Address;
  circle: Address;
  /** The circle's mandates module, through which the delegate acts. */
  mandates: Address;
  mandateId: bigint;
  delegate: Address;
}

/**
 * The seat `delegate` exercises in `council`. Throws a {@link NoDelegationError} if they hold none, saying how a
 * circle appoints its delegate.
 *
 * @example
 * const { circle, mandates, mandateId } = await readDelegation(publicClient, { council, registry, delegate: ben });
 */
export async function readDelegation<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ReadDelegationParameters,
): Promise<ReadDelegationReturnType> {
  const { delegate, circle: named } = parameters;
  const { registry } = parameters;
  const council = registry
    ? await resolveCouncil(client, { council: parameters.council, registry })
    : {
        circle: parameters.council,
        membership: await readContract(client, {
          address: parameters.council,
          abi: circleAbi,
          functionName: "membership",
        }),
      };
  const seats = { address: council.membership, abi: councilSeatsAbi } as const;
  const roleId = await readContract(client, { ...seats, functionName: "delegateRoleId" });
  let candidates: readonly Address[];
  if (named) {
    const seated = await readContract(client, { ...seats, functionName: "hasSeat", args: [named] });
    if (!seated) throw new NoDelegationError(`${named} holds no seat in the council ${council.circle}.`);
    candidates = [named];
  } else {
    candidates = await readContract(client, { ...seats, functionName: "members" });
  }
  for (const circle of candidates) {
    const mandates = await readContract(client, { address: circle, abi: circleAbi, functionName: "mandates" });
    const [holder, mandateId] = await readContract(client, {
      address: mandates,
      abi: mandatesAbi,
      functionName: "holderOf",
      args: [roleId],
    });
    if (isAddressEqual(holder, delegate)) return { council: council.circle, circle, mandates, mandateId, delegate };
  }
  const where = named ? `of ${named}` : "of any circle seated in it";
  throw new NoDelegationError(
    `${delegate} holds no live delegate mandate for the council ${council.circle} ${where}: a circle appoints its delegate by granting them the mandate for the role its seats name (npx hardhat council appoint).`,
  );
}
