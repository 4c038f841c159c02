/**
 * The call a decision to grant a mandate makes (`mandates.grant(spec, holder)`), built from the spec as a person
 * writes it and tried first as the circle would make it now. Proposing it is the proposal's business: pass `call`
 * and `description` to the circle's propose.
 */
import type { Address, Chain, Client, Transport } from "viem";

import type { ProposalCall } from "../../proposals.js";
import { describeError, InvalidParameterError } from "../../errors.js";
import { describeSpec, type MandateSpec, type MandateSpecParameters } from "../../mandates.js";
import { prepareSpecDecision } from "./internal.js";
import type { PowerParameters, ResolvePowersReturnType } from "./resolvePowers.js";

export interface GrantMandateCallParameters extends Omit<MandateSpecParameters, "powers"> {
  /** The circle's mandates module. */
  mandates: Address;
  /** Who would hold the mandate (a member). */
  holder: Address;
  /** Who will propose the decision: refused as the holder when the circle's rules make the proposer step aside. */
  proposer?: Address;
  /** The calls the holder may have the circle perform, caps in units (see resolvePowers). */
  powers?: readonly PowerParameters[];
  /** The proposal's description (default: the mandate in words). */
  description?: string;
}

export interface GrantMandateCallReturnType {
  /** The decision's one call: the circle calls `mandates.grant(spec, holder)`. */
  call: ProposalCall;
  spec: MandateSpec;
  holder: Address;
  description: string;
  /** The powers as granted, with the units each amount cap was read in. */
  powers: ResolvePowersReturnType;
}

/**
 * Builds the grant decision's call. Refused before anything is proposed: a malformed spec or cap
 * (InvalidParameterError), a grant the circle could not make now — an ineligible holder, an occupied role, a term
 * too long, a forbidden power (DecisionWouldFailError) — and a holder who would propose it themselves when the
 * circle's rules make the proposer step aside.
 *
 * @example
 * const grant = await grantMandateCall(publicClient, {
 *   mandates, holder: ben, proposer: ana, role: "treasurer", duration: parseDuration("30d"),
 *   powers: [{ target: token, selector: "0xa9059cbb", maxAmount: "500" }],
 * });
 * await submit(wallet, { ...proposeRequest(circle, { calls: [grant.call], description: grant.description }) });
 */
export async function grantMandateCall<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: GrantMandateCallParameters,
): Promise<GrantMandateCallReturnType> {
  const { mandates, holder, proposer } = parameters;
  const { spec, powers, rules, call } = await prepareSpecDecision(client, mandates, parameters, {
    functionName: "grant",
    args: (spec) => [spec, holder] as const,
  });
  if (rules.proposerStepsAside && proposer !== undefined && holder.toLowerCase() === proposer.toLowerCase()) {
    throw new InvalidParameterError(
      "holder",
      `${describeError("MandateProposerCannotHold", [holder])} Ask another member to propose it.`,
    );
  }
  return {
    call,
    spec,
    holder,
    description: parameters.description ?? `Grant the mandate ${describeSpec(spec)} to ${holder}`,
    powers,
  };
}
