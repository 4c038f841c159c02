import { parseEventLogs, type Address, type Hash, type Hex } from "viem";

import { circleAbi, circleRegistryAbi } from "../../abis.js";
import { withSuiteErrors } from "../../errors.js";
import { ProposalRefError, ProposalStateError, descriptionHash, proposalOperations } from "../../proposals.js";
import { isoTime } from "../../time.js";
import { submit, type SigningClient } from "../submit.js";
import { listProposals, type ListedProposal } from "./listProposals.js";
import { readSchedule } from "./readSchedule.js";

export interface ExecuteParameters {
  circle: Address;
  /** The proposal's full id (resolve short references with resolveProposalRef first). */
  proposalId: bigint;
  /** The circle's proposals when already listed (see listProposals), to read the events once. */
  proposals?: readonly ListedProposal[];
}

/** A circle or council that an executed decision founded, read from the registry's event in the receipt. */
export interface CreatedBody {
  kind: "circle" | "council";
  address: Address;
  name: string;
  parts: { circle: Address; membership: Address; rituals: Address; mandates: Address; badges: Address };
}

export interface ExecuteReturnType {
  circle: Address;
  proposalId: bigint;
  description: string;
  /** The calls the circle made. */
  calls: { target: Address; value: bigint; data: Hex }[];
  /** Circles or councils the decision founded, if any. */
  created: CreatedBody[];
  transaction: Hash;
}

/**
 * Executes a passed proposal from the client's account: anyone may, within the circle's execution window. Its calls
 * and description are read back from its `ProposalCreated` event, so only the id is needed. A proposal whose vote is
 * still open is refused with a ProposalStateError naming when voting closes; any other refusal (defeated, expired,
 * already executed, a call that reverts) is the contract's sentence.
 *
 * @example
 * const { created } = await execute(walletClient, { circle, proposalId });
 */
export async function execute(client: SigningClient, parameters: ExecuteParameters): Promise<ExecuteReturnType> {
  const { circle, proposalId } = parameters;
  const proposals = parameters.proposals ?? (await listProposals(client, { circle }));
  const p = proposals.find((x) => x.id === proposalId);
  if (!p) throw new ProposalRefError(`${proposalId}`, "none", `There is no proposal ${proposalId} in ${circle}.`);
  if (p.stateName === "Pending" || p.stateName === "Active") {
    const { deadline } = await readSchedule(client, { circle, proposalId });
    throw new ProposalStateError(
      proposalId,
      p.stateName,
      `Proposal ${proposalId} is still ${p.stateName.toLowerCase()}: voting closes at ${isoTime(deadline)}; it can be executed after that, if it passed.`,
    );
  }
  const [targets, values, calldatas] = proposalOperations(p.calls);
  // execute is payable; nothing is sent with it (the circle pays the calls' values from its own balance).
  const { hash, receipt } = await submit(client, {
    address: circle,
    abi: withSuiteErrors(circleAbi),
    functionName: "execute",
    args: [targets, values, calldatas, descriptionHash(p.description)],
  });
  const founded = parseEventLogs({
    abi: circleRegistryAbi,
    logs: receipt.logs,
    eventName: ["CircleCreated", "CouncilCreated"],
  });
  const created = founded.map((e): CreatedBody =>
    e.eventName === "CouncilCreated"
      ? { kind: "council", address: e.args.council, parts: e.args.parts, name: e.args.name }
      : { kind: "circle", address: e.args.circle, parts: e.args.parts, name: e.args.name },
  );
  return { circle, proposalId, description: p.description, calls: p.calls, created, transaction: hash };
}
