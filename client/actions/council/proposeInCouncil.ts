/**
 * A delegate proposes in a council for their circle: a council's members are circles, so the proposal is the circle's,
 * made through the delegate's mandate (`mandates.act(mandateId, council, 0, propose(…))`); the council sees the circle
 * propose.
 */
import { encodeFunctionData, getAddress, isAddressEqual, parseEventLogs, type Address } from "viem";
import { getTransactionReceipt } from "viem/actions";

import { circleAbi } from "../../abis.js";
import { CommonwealError } from "../../errors.js";
import type { ProposalCall } from "../../proposals.js";
import { act } from "../mandate/act.js";
import { letProposerCount } from "../proposal/letProposerCount.js";
import type { ProposeReturnType } from "../proposal/propose.js";
import { readSchedule } from "../proposal/readSchedule.js";
import { requireNewProposal } from "../proposal/requireNewProposal.js";
import type { SigningClient } from "../submit.js";
import { readDelegation, type ReadDelegationReturnType } from "./readDelegation.js";

export interface ProposeInCouncilParameters {
  council: Address;
  /** The registry the council must belong to (a circle or a stranger is refused with a sentence). */
  registry: Address;
  /** The delegate's circle, whose seat proposes (default: the first seated circle whose delegate they are). */
  circle?: Address;
  /** The calls the council makes if the proposal passes, in order: to itself, its parts, or no circle's contracts. */
  calls: readonly ProposalCall[];
  /** What the proposal is for, in words; with the calls it makes the proposal's id. */
  description: string;
}

/**
 * The proposal made, as `propose` returns it, with `proposer` the delegate's circle, and the delegation it was made
 * through: `circle` is that circle, `council` where it was proposed.
 */
export type ProposeInCouncilReturnType = Omit<ProposeReturnType, "circle"> & ReadDelegationReturnType;

/**
 * The client's account, a delegate, proposes `calls` in `council` for their circle. Refused with a sentence if they
 * hold no live delegate mandate there (NoDelegationError), if the council has this proposal already
 * (DuplicateProposalError), and with the council's own sentence from the simulation (a seat that does not count, a
 * call the council may not make). Right after the seat was taken, the chain first moves past that second, as for
 * `propose` (see its `note`).
 *
 * @example
 * const { proposalId, schedule } = await proposeInCouncil(benWallet, {
 *   council, registry, calls: [{ target: council, data: encodeFunctionData({ abi: circleAbi, functionName: "ratifyCharter", args: [hash, uri] }) }],
 *   description: "Renew the charter",
 * });
 */
export async function proposeInCouncil(
  client: SigningClient,
  parameters: ProposeInCouncilParameters,
): Promise<ProposeInCouncilReturnType> {
  const { council, registry, circle, calls, description } = parameters;
  const delegation = await readDelegation(client, {
    council,
    registry,
    delegate: getAddress(client.account.address),
    ...(circle ? { circle } : {}),
  });
  const proposal = await requireNewProposal(client, { circle: delegation.council, calls, description });
  const { note } = await letProposerCount(client, { circle: delegation.council, proposer: delegation.circle });
  const { targets, values, calldatas } = proposal;
  const { transaction } = await act(client, {
    mandates: delegation.mandates,
    mandateId: delegation.mandateId,
    target: delegation.council,
    data: encodeFunctionData({
      abi: circleAbi,
      functionName: "propose",
      args: [targets, values, calldatas, description],
    }),
  });
  const { logs } = await getTransactionReceipt(client, { hash: transaction });
  const created = parseEventLogs({ abi: circleAbi, logs, eventName: "ProposalCreated" }).find((e) =>
    isAddressEqual(e.address, delegation.council),
  );
  if (!created) throw new CommonwealError(`Transaction ${transaction} made no proposal in ${delegation.council}.`);
  const { proposalId } = created.args;
  const schedule = await readSchedule(client, { circle: delegation.council, proposalId });
  return {
    ...delegation,
    ...proposal,
    proposalId,
    proposer: delegation.circle,
    description,
    schedule,
    transaction,
    ...(note ? { note } : {}),
  };
}
