/**
 * A circle's proposals by short reference, and one proposal in full: its state, tally, quorum, votes with their
 * reasons, schedule and the next step. Both are built on {@link listProposals} (the proposals rebuilt from the
 * circle's `ProposalCreated` events), the one way the client finds proposals.
 *
 * @example
 * const id = await resolveProposalRef(publicClient, circle, "latest");
 * const { stateName, tally, next } = await readProposal(publicClient, circle, id);
 */
import type { Chain, Client, Transport } from "viem";
import { getContractEvents, readContract } from "viem/actions";

import { circleAbi } from "./abis.js";
import { PROPOSAL_STATES, listProposals, type ListProposalsReturnType, type ProposalStateName } from "./circles.js";
import type { Address } from "./pathfinder.js";
import { CommonwealError } from "./errors.js";

/** Thrown when a proposal reference names no proposal, or more than one. Its message says which, and what to do. */
export class ProposalRefError extends CommonwealError {
  override readonly name = "ProposalRefError";
  constructor(
    readonly ref: string,
    readonly reason: "malformed" | "none" | "ambiguous",
    message: string,
  ) {
    super(message);
  }
}

/** The names the Governor's support values stand for: 0 against, 1 for, 2 abstain. */
export const SUPPORT_NAMES = ["against", "for", "abstain"] as const;

/** A proposal listed by {@link listProposals}. */
export type ListedProposal = ListProposalsReturnType[number];

/**
 * The id a proposal reference names among the circle's proposals: a full id (decimal, or 0x-hex), `latest` (the most
 * recent proposal), or a unique prefix of an id (decimal digits, or 0x and hex digits). Throws a
 * {@link ProposalRefError} with a sentence when the reference is malformed, names no proposal, or is ambiguous.
 * Pass `proposals` when already listed, to read the events once.
 *
 * @example
 * await resolveProposalRef(publicClient, circle, "8345"); // the one proposal whose id starts with 8345
 */
export async function resolveProposalRef<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  circle: Address,
  ref: string,
  options: { proposals?: readonly ListedProposal[] } = {},
): Promise<bigint> {
  const text = ref.trim();
  const hex = /^0x[0-9a-f]+$/i.test(text);
  if (text.toLowerCase() !== "latest" && !hex && !/^[0-9]+$/.test(text)) {
    throw new ProposalRefError(
      ref,
      "malformed",
      `"${ref}" is not a whole number, a prefix of one, or latest: name a proposal by its id (decimal or 0x-hex), a unique prefix of it, or latest.`,
    );
  }
  const proposals = options.proposals ?? (await listProposals(client, circle));
  const listHint = `list them with \`npx hardhat circle proposals --circle ${circle}\``;
  if (text.toLowerCase() === "latest") {
    const latest = proposals.at(-1);
    if (!latest) throw new ProposalRefError(ref, "none", `There is no proposal in ${circle} yet: make one first.`);
    return latest.id;
  }
  const exact = BigInt(text);
  if (proposals.some((p) => p.id === exact)) return exact;
  const digits = hex ? text.slice(2).toLowerCase() : text;
  const spell = (id: bigint) => (hex ? id.toString(16).padStart(64, "0") : id.toString());
  const matches = proposals.filter(
    (p) => spell(p.id).startsWith(digits) || (hex && p.id.toString(16).startsWith(digits)),
  );
  if (matches.length === 1) return matches[0]!.id;
  if (matches.length === 0) {
    throw new ProposalRefError(
      ref,
      "none",
      `There is no proposal ${text} in ${circle}, nor one whose id starts with ${text} (it has ${proposals.length}): ${listHint}.`,
    );
  }
  throw new ProposalRefError(
    ref,
    "ambiguous",
    `${matches.length} proposals of ${circle} have ids starting with ${text}: give more digits (${listHint}).`,
  );
}

/**
 * A proposal's state and the votes counted so far (for, against, abstain), read from the circle without its events.
 * Throws a {@link ProposalRefError} if the circle has no proposal `id` (its electorate timepoint reads zero).
 *
 * @example
 * const { stateName, tally } = await readTally(publicClient, circle, id);
 */
export async function readTally<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  circle: Address,
  id: bigint,
) {
  const read = { address: circle, abi: circleAbi } as const;
  const [snapshot, [against, inFavour, abstain]] = await Promise.all([
    readContract(client, { ...read, functionName: "proposalSnapshot", args: [id] }),
    readContract(client, { ...read, functionName: "proposalVotes", args: [id] }),
  ]);
  if (snapshot === 0n) throw new ProposalRefError(`${id}`, "none", `There is no proposal ${id} in ${circle}.`);
  const state = await readContract(client, { ...read, functionName: "state", args: [id] });
  const stateName: ProposalStateName = PROPOSAL_STATES[state] ?? "Pending";
  return { snapshot, stateName, tally: { for: inFavour, against, abstain } };
}

/**
 * When voting on a proposal opens (after the circle's notice) and its deadline, in seconds since the epoch (the
 * circles' clock is timestamps). Both read zero for an unknown id.
 */
export async function readSchedule<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  circle: Address,
  id: bigint,
) {
  const read = { address: circle, abi: circleAbi, args: [id] } as const;
  const [votingOpensAt, deadline] = await Promise.all([
    readContract(client, { ...read, functionName: "proposalVotingOpensAt" }),
    readContract(client, { ...read, functionName: "proposalDeadline" }),
  ]);
  return { votingOpensAt, deadline };
}

/** One vote cast on a proposal, read from its `VoteCast` event. */
export interface ProposalVote {
  voter: Address;
  support: (typeof SUPPORT_NAMES)[number];
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
 * One proposal of a circle in full: what {@link listProposals} says of it, with its tally (for, against, abstain),
 * quorum (votes for plus abstain needed, at the proposal's electorate timepoint), the votes cast with their reasons,
 * its schedule (the electorate timepoint `snapshot`, when voting opens, the deadline) and the next step. Throws a
 * {@link ProposalRefError} if the circle has no proposal `id` (resolve short references with
 * {@link resolveProposalRef} first).
 *
 * @example
 * const p = await readProposal(publicClient, circle, id);
 * if (p.next.action === "execute") await walletClient.writeContract(executeRequest(circle, p));
 */
export async function readProposal<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  circle: Address,
  id: bigint,
  options: { proposals?: readonly ListedProposal[] } = {},
) {
  const proposals = options.proposals ?? (await listProposals(client, circle));
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
    readTally(client, circle, id),
    readSchedule(client, circle, id),
    getContractEvents(client, { ...read, eventName: "VoteCast", fromBlock: listed.blockNumber, strict: true }),
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
  return {
    ...listed,
    tally,
    quorum,
    votes,
    schedule,
    next: nextStep(listed.stateName, schedule),
  };
}

/** What {@link readProposal} returns. */
export type ReadProposalReturnType = Awaited<ReturnType<typeof readProposal>>;
