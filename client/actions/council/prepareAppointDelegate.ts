/**
 * Builds a circle's decision to appoint its delegate to a council: a mandate, held by one member, for the role the
 * council's seats name ("delegate to council 0x<lower-case address>"), carrying exactly the powers a seat is exercised
 * with. The seat is filled while that mandate is live; recalling it, its expiry or a hard reset vacates the seat.
 * The `mandates.grant` call is the mandate actions' (grantMandateCall), with the seat's powers.
 */
import { getAbiItem, toFunctionSelector, type Address, type Chain, type Client, type Hex, type Transport } from "viem";
import { readContract } from "viem/actions";

import { circleAbi, circleMembershipAbi, councilSeatsAbi, mandatesAbi } from "../../abis.js";
import type { PreparedProposal } from "../../proposals.js";
import { CommonwealError } from "../../errors.js";
import type { MandateSpec } from "../../mandates.js";
import { resolveBody } from "../circle/resolveBody.js";
import { grantMandateCall } from "../mandate/grantMandateCall.js";
import { resolveCouncil } from "./resolveCouncil.js";

/** A delegate's term unless another is given (or the circle's longest term, if that is shorter): 90 days. */
export const DEFAULT_DELEGATE_TERM = 90 * 86_400;

/**
 * The council functions a delegate has their circle call, and so the powers a delegate mandate carries: proposing and
 * voting (with or without a reason). Executing a passed proposal needs no seat (anyone may), so it is not among them;
 * nor is `cancel`, which would let one delegate withdraw what the council has before it.
 */
export const DELEGATE_FUNCTIONS = ["propose", "castVote", "castVoteWithReason"] as const;

export interface PrepareAppointDelegateParameters {
  /** The circle appointing its delegate. */
  circle: Address;
  council: Address;
  registry: Address;
  /** The member who will hold the seat's mandate. */
  delegate: Address;
  /** The mandate's term in seconds (default {@link DEFAULT_DELEGATE_TERM}, or the circle's longest term if shorter). */
  term?: number;
  /** Who will propose the decision: refused as the delegate when the circle's rules have the proposer step aside. */
  proposer?: Address;
  /** The proposal's description (default: 'Appoint <delegate> delegate to the council "<name>" for <n> day(s)'). */
  description?: string;
}

/** A mandate's power as `Mandates.grant` takes it. */
export interface DelegatePower {
  target: Address;
  selector: Hex;
  maxValue: bigint;
  maxAmount: bigint;
}

export interface PrepareAppointDelegateReturnType extends PreparedProposal {
  council: Address;
  delegate: Address;
  /** The role, as the council's seats name it: lower-case, so one role however the address was typed. */
  role: string;
  /** Why the role is named so, in a sentence for the person appointing. */
  roleExplanation: string;
  /** The mandate granted when the decision is executed. */
  spec: MandateSpec;
  /** The council functions the delegate may have the circle call. */
  functions: readonly (typeof DELEGATE_FUNCTIONS)[number][];
}

/**
 * The proposal, in `circle`, that it grant `delegate` the mandate for `council`'s delegate role. Tried first as the
 * circle would make it (an occupied role, an ineligible member or a term over the circle's limit is refused now).
 * Refuses a council as `circle` (a council's seat is filled by its own delegates' decision), a delegate who is not a
 * member of the circle, and a circle that neither holds a seat in the council nor asked for one; the grant itself is
 * refused as grantMandateCall refuses it (a DecisionWouldFailError, or the proposer who would hold it).
 *
 * @example
 * const proposal = await prepareAppointDelegate(publicClient, { circle, council, registry, delegate: ben });
 */
export async function prepareAppointDelegate<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: PrepareAppointDelegateParameters,
): Promise<PrepareAppointDelegateReturnType> {
  const { registry, delegate, proposer } = parameters;
  const body = await resolveBody(client, {
    address: parameters.circle,
    registry,
    kind: "circle",
    hint: "a council's own seat in another council is filled by a decision of that council, proposed by its delegates.",
  });
  const council = await resolveCouncil(client, parameters);
  const seats = { address: council.membership, abi: councilSeatsAbi } as const;
  const [seated, requested, delegateRole, councilName, circleName, isMember, rules] = await Promise.all([
    readContract(client, { ...seats, functionName: "hasSeat", args: [body.circle] }),
    readContract(client, { ...seats, functionName: "hasRequested", args: [body.circle] }),
    readContract(client, { ...seats, functionName: "delegateRole" }),
    readContract(client, { address: council.circle, abi: circleAbi, functionName: "name" }),
    readContract(client, { address: body.circle, abi: circleAbi, functionName: "name" }),
    readContract(client, {
      address: body.membership,
      abi: circleMembershipAbi,
      functionName: "isMember",
      args: [delegate],
    }),
    readContract(client, { address: body.mandates, abi: mandatesAbi, functionName: "rules" }),
  ]);
  if (!seated && !requested) {
    throw new CommonwealError(
      `${body.circle} holds no seat in the council ${council.circle} and has not asked for one: it asks first (npx hardhat council join), then appoints its delegate.`,
    );
  }
  if (!isMember) {
    throw new CommonwealError(
      `${delegate} is not a member of ${body.circle}: a circle's delegate is one of its members.`,
    );
  }
  const term = parameters.term ?? Math.min(DEFAULT_DELEGATE_TERM, Number(rules.maxTerm));
  const title = `Represent ${circleName} in the council "${councilName}"`;
  const powers = DELEGATE_FUNCTIONS.map((name): DelegatePower => ({
    target: council.circle,
    selector: toFunctionSelector(getAbiItem({ abi: circleAbi, name })),
    maxValue: 0n,
    maxAmount: 0n,
  }));
  const { call, spec } = await grantMandateCall(client, {
    mandates: body.mandates,
    holder: delegate,
    ...(proposer ? { proposer } : {}),
    role: delegateRole,
    title,
    duration: term,
    powers,
  });
  const role = spec.role;
  const days = Math.round((term / 86_400) * 100) / 100;
  return {
    circle: body.circle,
    calls: [{ ...call, value: 0n }],
    description:
      parameters.description || `Appoint ${delegate} delegate to the council "${councilName}" for ${days} day(s)`,
    council: council.circle,
    delegate,
    role,
    roleExplanation: `The role is "${role}": the council's seats name it with the council's address in lower case, so it is one role however the address is typed, and a circle has at most one live mandate for it. The seat is filled while the mandate is live.`,
    spec,
    functions: DELEGATE_FUNCTIONS,
  };
}
