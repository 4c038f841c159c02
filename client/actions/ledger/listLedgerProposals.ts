import type { Address, Hex } from "viem";

import { addr, big, bigOrNull, filterAddress, ledgerProposalState, listAll, type LedgerClient } from "../../ledger.js";
import { SUPPORT_NAMES, type ProposalCall, type ProposalStateName, type SupportName } from "../../proposals.js";
import { readLedgerStatus } from "./readLedgerStatus.js";

export interface ListLedgerProposalsParameters {
  /** The circle (or council) whose proposals to list. */
  circle: Address;
  /** The second at which to read the states that follow from the clock (default: the ledger's clock, its last block). */
  at?: bigint;
}

/** One vote, with its reason, as the ledger recorded it. */
export interface LedgerVote {
  voter: Address;
  /** 0 against, 1 for, 2 abstain. */
  support: number;
  supportName: SupportName;
  weight: bigint;
  reason: string;
  /** The params of a vote cast with params (VoteCastWithParams), else null. */
  params: Hex | null;
  castAt: bigint;
  castAtBlock: bigint;
}

/** A proposal with its tally, outcome and every vote. */
export interface LedgerProposal {
  proposalId: bigint;
  proposer: Address;
  description: string;
  calls: Required<ProposalCall>[];
  createdAt: bigint;
  createdAtBlock: bigint;
  /** Voting opens after this second and closes after `voteEnd`. */
  voteStart: bigint;
  voteEnd: bigint;
  /** Votes needed (for + abstain), fixed when proposed. */
  quorum: bigint;
  /** The end of the execution window. */
  expiresAt: bigint;
  resetEpoch: bigint;
  tally: { for: bigint; against: bigint; abstain: bigint };
  voters: number;
  executedAt: bigint | null;
  canceledAt: bigint | null;
  /** When a hard reset or the circle's dissolution ended it while it was open (then also `canceledAt`). */
  endedByResetAt: bigint | null;
  /** Its state at `at` (see ledgerProposalState): Executed and Canceled from events, the others derived. */
  state: ProposalStateName;
  /** Every vote, in the order cast (by block, then voter). */
  votes: LedgerVote[];
}

export interface ListLedgerProposalsReturnType {
  /** The second the states were read at. */
  at: bigint;
  /** Oldest first. */
  proposals: LedgerProposal[];
}

interface ProposalRow {
  proposalId: string;
  proposer: string;
  description: string;
  targets: string[];
  values: string[];
  calldatas: Hex[];
  voteStart: string;
  voteEnd: string;
  quorum: string;
  expiresAt: string;
  createdAt: string;
  createdAtBlock: string;
  resetEpoch: string;
  forVotes: string;
  againstVotes: string;
  abstainVotes: string;
  voters: number;
  executedAt: string | null;
  canceledAt: string | null;
  endedByResetAt: string | null;
}

interface VoteRow {
  proposalId: string;
  voter: string;
  support: number;
  weight: string;
  reason: string;
  params: Hex | null;
  castAt: string;
  castAtBlock: string;
}

/**
 * A circle's proposals from the ledger, oldest first, each with its calls, tally, quorum, deadlines, every vote with
 * its reason, and its state. Executed and Canceled come from events (a cancel by a hard reset or a dissolution is
 * marked `endedByResetAt`); Pending, Active, Succeeded, Defeated and Expired have no event and are derived at `at`
 * from the tally, quorum and deadlines (`ledgerProposalState`), by default at the ledger's clock.
 *
 * @example
 * const { proposals } = await listLedgerProposals({ url }, { circle });
 * for (const p of proposals) console.log(p.description, p.state, p.votes.map((v) => `${v.voter} ${v.supportName}: ${v.reason}`));
 */
export async function listLedgerProposals(
  ledger: LedgerClient,
  parameters: ListLedgerProposalsParameters,
): Promise<ListLedgerProposalsReturnType> {
  const where = { circle: filterAddress(parameters.circle) };
  const [at, rows, voteRows] = await Promise.all([
    parameters.at ?? readLedgerStatus(ledger).then((s) => s.timestamp),
    listAll<ProposalRow>(ledger, "proposals", {
      filterType: "proposalFilter",
      where,
      orderBy: "createdAtBlock",
      selection: `proposalId proposer description targets values calldatas voteStart voteEnd quorum expiresAt
        createdAt createdAtBlock resetEpoch forVotes againstVotes abstainVotes voters executedAt canceledAt
        endedByResetAt`,
    }),
    listAll<VoteRow>(ledger, "proposalVotes", {
      filterType: "proposalVoteFilter",
      where,
      orderBy: "castAtBlock",
      selection: "proposalId voter support weight reason params castAt castAtBlock",
    }),
  ]);
  const votesOf = new Map<string, LedgerVote[]>();
  for (const v of voteRows) {
    const list = votesOf.get(v.proposalId) ?? [];
    list.push({
      voter: addr(v.voter),
      support: v.support,
      supportName: SUPPORT_NAMES[v.support] ?? "abstain",
      weight: big(v.weight),
      reason: v.reason,
      params: v.params,
      castAt: big(v.castAt),
      castAtBlock: big(v.castAtBlock),
    });
    votesOf.set(v.proposalId, list);
  }
  const proposals = rows.map((r): LedgerProposal => {
    const outcome = {
      voteStart: big(r.voteStart),
      voteEnd: big(r.voteEnd),
      quorum: big(r.quorum),
      expiresAt: big(r.expiresAt),
      forVotes: big(r.forVotes),
      againstVotes: big(r.againstVotes),
      abstainVotes: big(r.abstainVotes),
      executedAt: bigOrNull(r.executedAt),
      canceledAt: bigOrNull(r.canceledAt),
    };
    const votes = (votesOf.get(r.proposalId) ?? []).sort((a, b) =>
      a.castAtBlock === b.castAtBlock ? a.voter.localeCompare(b.voter) : a.castAtBlock < b.castAtBlock ? -1 : 1,
    );
    return {
      proposalId: big(r.proposalId),
      proposer: addr(r.proposer),
      description: r.description,
      calls: r.targets.map((target, i) => ({
        target: addr(target),
        value: big(r.values[i] ?? "0"),
        data: r.calldatas[i] ?? "0x",
      })),
      createdAt: big(r.createdAt),
      createdAtBlock: big(r.createdAtBlock),
      voteStart: outcome.voteStart,
      voteEnd: outcome.voteEnd,
      quorum: outcome.quorum,
      expiresAt: outcome.expiresAt,
      resetEpoch: big(r.resetEpoch),
      tally: { for: outcome.forVotes, against: outcome.againstVotes, abstain: outcome.abstainVotes },
      voters: r.voters,
      executedAt: outcome.executedAt,
      canceledAt: outcome.canceledAt,
      endedByResetAt: bigOrNull(r.endedByResetAt),
      state: ledgerProposalState(outcome, at),
      votes,
    };
  });
  return { at, proposals };
}
