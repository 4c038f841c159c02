/**
 * What the council tasks share: finding a council, and acting in it as a delegate. A council's members are circles;
 * a circle's seat is exercised by the member holding the circle's live mandate for the council's delegate role, who
 * has the circle call the council through `mandates.act(mandateId, council, 0, calldata)`.
 */
import type { Address, Hex } from "viem";

import { circleAbi, councilSeatsAbi, mandatesAbi } from "../../client/abis.js";
import { CliError, requireAddress, send, type Connection, type Wallet } from "../cli.js";
import type { CircleParts } from "../resolve.js";
import { mandatesCallAbi, resolveBody } from "../circle/shared.js";

/** The council at `--council`: refused with a sentence if it is a circle, or not a body of the registry. */
export async function resolveCouncil(
  c: Connection,
  value: string | undefined,
  registry?: string,
): Promise<CircleParts> {
  const council = await resolveBody(c, "council", value, registry);
  if (!council.council) {
    throw new CliError(
      `${council.circle} is a circle, not a council: councils are founded with npx hardhat council create.`,
    );
  }
  return council;
}

/** A delegate's standing in a council: which circle's seat they exercise, through which mandate. */
export interface Delegation {
  council: Address;
  circle: Address;
  mandates: Address;
  mandateId: bigint;
  delegate: Address;
}

/**
 * The seat `delegate` exercises in `council`: the one of `--circle` if given, else the first seated circle whose
 * delegate mandate they hold. Refused with a sentence if they hold none.
 */
export async function findDelegation(
  c: Connection,
  council: CircleParts,
  delegate: Address,
  circleOption: string | undefined,
): Promise<Delegation> {
  const seats = council.membership;
  const roleId = await c.publicClient.readContract({
    address: seats,
    abi: councilSeatsAbi,
    functionName: "delegateRoleId",
  });
  let candidates: readonly Address[];
  if (circleOption) {
    const circle = requireAddress("circle", circleOption);
    const seated = await c.publicClient.readContract({
      address: seats,
      abi: councilSeatsAbi,
      functionName: "hasSeat",
      args: [circle],
    });
    if (!seated) throw new CliError(`${circle} holds no seat in the council ${council.circle}.`);
    candidates = [circle];
  } else {
    candidates = await c.publicClient.readContract({ address: seats, abi: councilSeatsAbi, functionName: "members" });
  }
  for (const circle of candidates) {
    const mandates = await c.publicClient.readContract({ address: circle, abi: circleAbi, functionName: "mandates" });
    const [holder, mandateId] = await c.publicClient.readContract({
      address: mandates,
      abi: mandatesAbi,
      functionName: "holderOf",
      args: [roleId],
    });
    if (holder.toLowerCase() === delegate.toLowerCase()) {
      return { council: council.circle, circle, mandates, mandateId, delegate };
    }
  }
  const where = circleOption ? `of ${requireAddress("circle", circleOption)}` : "of any circle seated in it";
  throw new CliError(
    `${delegate} holds no live delegate mandate for the council ${council.circle} ${where}: a circle appoints its delegate by granting them the mandate for the role its seats name (council seat shows it).`,
  );
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
