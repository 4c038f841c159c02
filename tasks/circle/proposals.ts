/**
 * `npx hardhat circle proposals --circle <address> [--json]` lists a circle's proposals (short id, state, tally,
 * description's first line); `npx hardhat circle proposal --circle <address> --proposal <id|prefix|latest> [--json]`
 * shows one: state, tally, quorum, votes with reasons, schedule and the next step. Read only, no signer needed. Proposers
 * and voters are shown by their display names where they set one (`--profiles`, default the deployment record's).
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address } from "viem";

import { listProposals } from "../../client/actions/proposal/listProposals.js";
import { readProposal, type ReadProposalReturnType } from "../../client/actions/proposal/readProposal.js";
import { readTally } from "../../client/actions/proposal/readTally.js";
import { connect, report, runTask, type Connection } from "../cli.js";
import { labeller, namesFor } from "../profile/common.js";
import { iso, resolveBody, resolveProposal } from "./shared.js";

export interface ProposalsArgs {
  circle?: string;
  proposal?: string;
  registry?: string;
  /** The Profiles registry to name proposers and voters from (default: the deployment record's). */
  profiles?: string;
  json: boolean;
}

/** How many leading digits of an id the list prints: enough to be unique among a circle's proposals in practice. */
export const SHORT_ID_DIGITS = 10;

/** One line of the list. */
export interface ProposalLine {
  id: bigint;
  shortId: string;
  state: string;
  tally: { for: bigint; against: bigint; abstain: bigint };
  title: string;
  proposer: Address;
}

/** A circle's proposals, oldest first, with their state and tally. */
export async function circleProposals(
  c: Connection,
  args: ProposalsArgs,
): Promise<{ circle: Address; proposals: ProposalLine[]; names: Record<Address, string> }> {
  const body = await resolveBody(c, "circle", args.circle, args.registry);
  const listed = await listProposals(c.publicClient, { circle: body.circle });
  const proposals = await Promise.all(
    listed.map(async (p) => {
      const { tally } = await readTally(c.publicClient, { circle: body.circle, proposalId: p.id });
      return {
        id: p.id,
        shortId: p.id.toString().slice(0, SHORT_ID_DIGITS),
        state: p.stateName.toLowerCase(),
        tally,
        title: p.description.split("\n")[0] ?? "",
        proposer: p.proposer,
      };
    }),
  );
  const names = await namesFor(
    c,
    proposals.map((p) => p.proposer),
    args.profiles,
  );
  return { circle: body.circle, proposals, names };
}

/** One proposal in full, found by its id, a unique prefix of it, or `latest`. */
export async function circleProposal(c: Connection, args: ProposalsArgs): Promise<ShownProposal> {
  const body = await resolveBody(c, "circle", args.circle, args.registry);
  const id = await resolveProposal(c, body.circle, args.proposal);
  const p = await readProposal(c.publicClient, { circle: body.circle, proposalId: id });
  const names = await namesFor(c, peopleOf(p), args.profiles);
  return { circle: body.circle, ...p, names };
}

/** One proposal as `circle proposal` shows it: the client's readProposal, and the names of its proposer and voters. */
export type ShownProposal = ReadProposalReturnType & {
  circle: Address;
  /** The display names of the proposer and voters who set one, by address (see client/names.ts). */
  names: Record<Address, string>;
};

/** The people of a proposal: its proposer, then its voters. */
const peopleOf = (p: ReadProposalReturnType): Address[] => [p.proposer, ...p.votes.map((v) => v.voter)];

/** The next step as a sentence, with the command that takes it. */
export function describeNext(circle: Address, p: ReadProposalReturnType): string {
  const ref = p.id.toString().slice(0, SHORT_ID_DIGITS);
  switch (p.next.action) {
    case "wait":
      return `Next: voting opens at ${iso(p.next.until)}; then members vote (npx hardhat circle vote --circle ${circle} --proposal ${ref} --support for).`;
    case "vote":
      return `Next: members vote until ${iso(p.next.until)} (npx hardhat circle vote --circle ${circle} --proposal ${ref} --support for).`;
    case "execute":
      return `Next: anyone executes it (npx hardhat circle execute --circle ${circle} --proposal ${ref}).`;
    default:
      return `Nothing more can happen to it.`;
  }
}

/** A proposal in readable lines; people by name where `names` has one. */
export function describeProposal(
  circle: Address,
  p: ReadProposalReturnType,
  names: Readonly<Record<Address, string>> = {},
): string {
  const label = labeller(peopleOf(p), names);
  const votes = p.votes.map(
    (v) =>
      `    ${label(v.voter)} ${v.support === "abstain" ? "abstained" : `voted ${v.support}`}${v.reason ? `: "${v.reason}"` : ""}`,
  );
  return [
    `Proposal ${p.id} of ${circle}: ${p.stateName.toLowerCase()}.`,
    `  ${p.description}`,
    `  Proposed by ${label(p.proposer)}; ${p.calls.length} call(s).`,
    `  Tally: for ${p.tally.for}, against ${p.tally.against}, abstain ${p.tally.abstain}; quorum ${p.quorum ?? "unknown"} (for and abstain).`,
    `  Electorate as of ${iso(p.schedule.snapshot)}; voting opens ${iso(p.schedule.votingOpensAt)}, closes ${iso(p.schedule.deadline)}.`,
    `  Votes (${p.votes.length}):`,
    ...votes,
    `  ${describeNext(circle, p)}`,
  ].join("\n");
}

export async function proposalsTask(args: ProposalsArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await circleProposals(await connect(hre), args);
    const header =
      r.proposals.length === 0
        ? `${r.circle} has no proposals yet.`
        : `${r.proposals.length} proposal(s) of ${r.circle}, oldest first (name one by these digits or latest):`;
    const label = labeller(
      r.proposals.map((p) => p.proposer),
      r.names,
    );
    const lines = r.proposals.map(
      (p) =>
        `  ${p.shortId}  ${p.state.padEnd(9)}  for ${p.tally.for} / against ${p.tally.against} / abstain ${p.tally.abstain}  ${p.title}  (by ${label(p.proposer)})`,
    );
    report(args.json, [header, ...lines].join("\n"), { ...r });
  });
}

export async function proposalTask(args: ProposalsArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const p = await circleProposal(await connect(hre), args);
    report(args.json, describeProposal(p.circle, p, p.names), { ...p });
  });
}
