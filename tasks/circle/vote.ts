/**
 * `npx hardhat circle vote --circle <address> --proposal <id|prefix|latest> --support for|against|abstain [--reason "…"]
 * [--from <address>] [--json]`
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address, Hex } from "viem";

import { castVote } from "../../client/actions/proposal/castVote.js";
import type { ProposalStateName, Tally as ClientTally } from "../../client/proposals.js";
import { CliError, connect, report, runTask, type Connection } from "../cli.js";
import { SUPPORT_NAMES, parseSupport, resolveBody, resolveProposal, voted, type Support } from "./shared.js";

export interface VoteArgs {
  circle?: string;
  proposal?: string;
  support?: string;
  reason?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

/** The tally of a proposal, as the tasks print it: the votes and the state's name in lower case. */
export interface Tally extends ClientTally {
  state: string;
}

/** The tally the client read, with the proposal's state, as the tasks print it. */
export function taskTally(r: { tally: ClientTally; state: ProposalStateName }): Tally {
  return { ...r.tally, state: r.state.toLowerCase() };
}

export interface VoteResult {
  circle: Address;
  proposalId: bigint;
  voter: Address;
  support: (typeof SUPPORT_NAMES)[Support];
  tally: Tally;
  transaction: Hex;
  /** What was done first to reach the opening second, if anything (the client mined or waited for a block). */
  note?: string;
}

/** The signer, a member, votes on a proposal of the circle (one member, one vote), with the client's castVote. */
export async function voteOnProposal(c: Connection, args: VoteArgs): Promise<VoteResult> {
  const support = parseSupport(args.support);
  const wallet = c.wallet(args.from);
  const body = await resolveBody(c, "circle", args.circle, args.registry);
  if (body.council) {
    throw new CliError(
      `${body.circle} is a council: its member circles vote through their delegates (npx hardhat council vote).`,
    );
  }
  const proposalId = await resolveProposal(c, body.circle, args.proposal);
  const r = await castVote(wallet, { circle: body.circle, proposalId, support, reason: args.reason || undefined });
  return {
    circle: r.circle,
    proposalId,
    voter: r.voter,
    support: r.support,
    tally: taskTally(r),
    transaction: r.transaction,
    ...(r.note ? { note: r.note } : {}),
  };
}

/** "for 3, against 0, abstain 1; active". */
export function describeTally(t: Tally): string {
  return `for ${t.for}, against ${t.against}, abstain ${t.abstain}; the proposal is ${t.state}`;
}

export default async function vote(args: VoteArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await voteOnProposal(await connect(hre), args);
    report(
      args.json,
      `${r.note ? `${r.note} ` : ""}${r.voter} ${voted(r.support)} proposal ${r.proposalId} in ${r.circle} (transaction ${r.transaction}): ${describeTally(r.tally)}.`,
      { ...r },
    );
  });
}
