/**
 * The call a decision to draw a mandate by lot makes (`mandates.requestDraw(spec)`), built from the spec as a person
 * writes it and tried first as the circle would make it now, with the members eligible today. Once the decision is
 * executed the draw waits for its randomness; then anyone completes it (completeDraw).
 */
import { keccak256, stringToBytes, zeroAddress, type Address, type Chain, type Client, type Transport } from "viem";
import { readContract } from "viem/actions";

import { mandatesAbi } from "../../abis.js";
import type { ProposalCall } from "../../proposals.js";
import { DecisionWouldFailError } from "../../errors.js";
import { describeError } from "../../errors.js";
import { describeSpec, type MandateSpec, type MandateSpecParameters } from "../../mandates.js";
import { prepareSpecDecision } from "./internal.js";
import type { PowerParameters, ResolvePowersReturnType } from "./resolvePowers.js";

export interface RequestDrawCallParameters extends Omit<MandateSpecParameters, "powers"> {
  /** The circle's mandates module. */
  mandates: Address;
  /** Who will propose the decision: left out of the pool when the circle's rules make the proposer step aside. */
  proposer?: Address;
  /** The calls the holder may have the circle perform, caps in units (see resolvePowers). */
  powers?: readonly PowerParameters[];
  /** The proposal's description (default: the mandate in words). */
  description?: string;
}

export interface RequestDrawCallReturnType {
  /** The decision's one call: the circle calls `mandates.requestDraw(spec)`. */
  call: ProposalCall;
  spec: MandateSpec;
  description: string;
  /** The members who could be drawn if the draw were requested now (the pool is frozen when it is). */
  pool: Address[];
  powers: ResolvePowersReturnType;
}

/**
 * Builds the draw decision's call. Refused before anything is proposed: a malformed spec or cap
 * (InvalidParameterError), a draw the circle could not request now, or one nobody is eligible for
 * (DecisionWouldFailError).
 *
 * @example
 * const draw = await requestDrawCall(publicClient, { mandates, proposer: ana, role: "cook", duration: 86_400 });
 * console.log(`${draw.pool.length} members could be drawn`);
 */
export async function requestDrawCall<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: RequestDrawCallParameters,
): Promise<RequestDrawCallReturnType> {
  const { mandates, proposer } = parameters;
  const { spec, powers, rules, call } = await prepareSpecDecision(client, mandates, parameters, {
    functionName: "requestDraw",
    args: (spec) => [spec] as const,
  });
  const read = { address: mandates, abi: mandatesAbi } as const;
  // The pool leaves out the decision's proposer (when the rules say they step aside), which a preview cannot know.
  const excluded = rules.proposerStepsAside && proposer !== undefined ? proposer : zeroAddress;
  const pool = await readContract(client, {
    ...read,
    functionName: "eligiblePool",
    args: [keccak256(stringToBytes(spec.role)), excluded],
  });
  if (pool.length === 0) throw new DecisionWouldFailError("MandateEmptyPool", []);
  return {
    call,
    spec,
    description: parameters.description ?? `Draw by lot the mandate ${describeSpec(spec)}`,
    pool: [...pool],
    powers,
  };
}
