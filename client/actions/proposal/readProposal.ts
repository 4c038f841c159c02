import type { Address, Chain, Client, Transport } from "viem";
import { readContract } from "viem/actions";

import { getContractEventsPaged } from "../../pagedEvents.js";
import { circleAbi } from "../../abis.js";
import { ProposalRefError, SUPPORT_NAMES, type ProposalStateName, type SupportName } from "../../proposals.js";
import { listProposals, type ListedProposal } from "./listProposals.js";
import { readSchedule } from "./readSchedule.js";
import { readTally } from "./readTally.js";

export interface ReadProposalParameters {
  circle: Address;
  /** The proposal's full id (resolve short references with resolveProposalRef first). */
  proposalId: bigint;
  /** The circle's proposals when already listed (see listProposals), to read the events once. */
  proposals?: readonly ListedProposal[];
}

/** One vote cast on a proposal, read from its `VoteCast` event. */
export interface ProposalVote {
  voter: Address;
  support: SupportName;
  weight: bigint;
  reason: string;
  blockNumber: bigint;
}

/** What to do next with a proposal: wait for voting to open, vote until the deadline, execute it, or nothing. */
export type ProposalNextStep =
  { action: "wait"; until: bigint } | { action: "vote"; until: bigint } | { action: "execute" } | { action: "none" };

/** The next step for a proposal in `state`, from its schedule. */
export function nextStep(
  state: ProposalStateName,
  schedule: { votingOpensAt: bigint; deadline: bigint },
): ProposalNextStep {
  switch (state) {
    case "Pending":
      return { action: "wait", until: schedule.votingOpensAt };
    case "Active":
      return { action: "vote", until: schedule.deadline };
    case "Succeeded":
    case "Queued":
      return { action: "execute" };
    default:
      return { action: "none" };
  }
}

/**
 * One proposal of a circle in full: what listProposals says of it, with its tally (for, against, abstain), quorum
 * (votes for plus abstain needed, at the proposal's electorate timepoint), the votes cast with their reasons, its
 * schedule (the electorate timepoint `snapshot`, when voting opens, the deadline) and the next step. Throws a
 * {@link ProposalRefError} if the circle has no proposal `proposalId`.
 *
 * @example
 * const p = await readProposal(publicClient, { circle, proposalId });
 * if (p.next.action === "execute") await execute(walletClient, { circle, proposalId });
 */
export async function readProposal<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ReadProposalParameters,
) {
  const { circle, proposalId: id } = parameters;
  const proposals = parameters.proposals ?? (await listProposals(client, { circle }));
  const listed = proposals.find((p) => p.id === id);
  if (!listed) {
    throw new ProposalRefError(
      `${id}`,
      "none",
      `There is no proposal ${id} in ${circle}: list them with \`npx hardhat circle proposals --circle ${circle}\`.`,
    );
  }
  const read = { address: circle, abi: circleAbi } as const;
  const [{ snapshot, tally }, { votingOpensAt, deadline }, logs] = await Promise.all([
    readTally(client, { circle, proposalId: id }),
    readSchedule(client, { circle, proposalId: id }),
    getContractEventsPaged(client, { ...read, eventName: "VoteCast", fromBlock: listed.blockNumber, strict: true }),
  ]);
  // The quorum at the electorate's timepoint; a read that fails (e.g. a timepoint the membership cannot look up
  // yet) leaves it unknown rather than failing the whole read.
  const quorum = await readContract(client, { ...read, functionName: "quorum", args: [snapshot] }).catch(
    () => undefined,
  );
  const votes: ProposalVote[] = logs
    .filter((log) => log.args.proposalId === id)
    .map(({ args, blockNumber }) => ({
      voter: args.voter,
      support: SUPPORT_NAMES[args.support] ?? "abstain",
      weight: args.weight,
      reason: args.reason,
      blockNumber,
    }));
  const schedule = { snapshot, votingOpensAt, deadline };
  return { ...listed, tally, quorum, votes, schedule, next: nextStep(listed.stateName, schedule) };
}

/** What {@link readProposal} returns. */
export type ReadProposalReturnType = Awaited<ReturnType<typeof readProposal>>;
