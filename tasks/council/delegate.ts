/**
 * What the council tasks share: finding a council, and acting in it as a delegate. A council's members are circles;
 * a circle's seat is exercised by the member holding the circle's live mandate for the council's delegate role, who
 * has the circle call the council through `mandates.act(mandateId, council, 0, calldata)`.
 */
import type { Address, Hex } from "viem";

import { readDelegation, type ReadDelegationReturnType } from "../../client/actions/council/readDelegation.js";
import { resolveCouncil as resolveCouncilAction } from "../../client/actions/council/resolveCouncil.js";
import { requireAddress, send, type Connection, type Wallet } from "../cli.js";
import type { CircleParts } from "../resolve.js";
import { mandatesCallAbi, registryOf } from "../circle/shared.js";

/** The council at `--council`: refused with a sentence if it is malformed, a circle, or not a body of the registry. */
export async function resolveCouncil(
  c: Connection,
  value: string | undefined,
  registry?: string,
): Promise<CircleParts> {
  const council = requireAddress("council", value);
  return resolveCouncilAction(c.publicClient, { council, registry: registryOf(c, registry) });
}

/** A delegate's standing in a council: which circle's seat they exercise, through which mandate. */
export type Delegation = ReadDelegationReturnType;

/**
 * The seat `delegate` exercises in `council` (the client's readDelegation): the one of `--circle` if given, else the
 * first seated circle whose delegate mandate they hold. Refused with a sentence if they hold none.
 */
export async function findDelegation(
  c: Connection,
  council: CircleParts,
  delegate: Address,
  circleOption: string | undefined,
): Promise<Delegation> {
  const circle = circleOption ? requireAddress("circle", circleOption) : undefined;
  return readDelegation(c.publicClient, { council: council.circle, delegate, circle });
}

/** The delegate has their circle call the council with `data`, through the delegate mandate. */
export async function actAsDelegate(c: Connection, wallet: Wallet, d: Delegation, data: Hex) {
  const { request } = await c.publicClient.simulateContract({
    address: d.mandates,
    abi: mandatesCallAbi,
    functionName: "act",
    args: [d.mandateId, d.council, 0n, data],
    account: wallet.account,
  });
  return send(c, wallet, request);
}
