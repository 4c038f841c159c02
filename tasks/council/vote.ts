/**
 * `npx hardhat council vote --council <address> --proposal <id|prefix|latest> --support for|against|abstain
 * [--reason "…"] [--circle <your circle>] [--from <delegate>] [--json]`
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address, Hex } from "viem";

import { castCouncilVote } from "../../client/actions/council/castCouncilVote.js";
import { resolveCouncil } from "../../client/actions/council/resolveCouncil.js";
import { connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { SUPPORT_NAMES, parseSupport, registryOf, resolveProposal, voted, type Support } from "../circle/shared.js";
import { describeTally, taskTally, type Tally } from "../circle/vote.js";

export interface CouncilVoteArgs {
  council?: string;
  circle?: string;
  proposal?: string;
  support?: string;
  reason?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

export interface CouncilVoteResult {
  council: Address;
  /** The member circle whose vote this is. */
  circle: Address;
  delegate: Address;
  mandateId: bigint;
  proposalId: bigint;
  support: (typeof SUPPORT_NAMES)[Support];
  tally: Tally;
  transaction: Hex;
  /** What was done first to reach the opening second, if anything (the client mined or waited for a block). */
  note?: string;
}

/**
 * A delegate casts their circle's vote in the council, through the delegate mandate (the client's castCouncilVote;
 * `--reason` needs the mandate to allow `castVoteWithReason` too). The proposal is named as in `circle vote`: its id,
 * a unique prefix of it, or latest; a vote before voting opens is refused with the opening time.
 */
export async function voteInCouncil(c: Connection, args: CouncilVoteArgs): Promise<CouncilVoteResult> {
  const support = parseSupport(args.support);
  const wallet = c.wallet(args.from);
  const registry = registryOf(c, args.registry);
  const circle = args.circle ? requireAddress("circle", args.circle) : undefined;
  // The council first, so a circle or a stranger is told so before its proposals are searched.
  const council = await resolveCouncil(c.publicClient, { council: requireAddress("council", args.council), registry });
  const proposalId = await resolveProposal(c, council.circle, args.proposal);
  const r = await castCouncilVote(wallet, {
    council: council.circle,
    registry,
    ...(circle ? { circle } : {}),
    proposalId,
    support,
    ...(args.reason ? { reason: args.reason } : {}),
  });
  return {
    council: r.council,
    circle: r.circle,
    delegate: r.delegate,
    mandateId: r.mandateId,
    proposalId,
    support: r.support,
    tally: taskTally(r),
    transaction: r.transaction,
    ...(r.note ? { note: r.note } : {}),
  };
}

export default async function vote(args: CouncilVoteArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await voteInCouncil(await connect(hre), args);
    report(
      args.json,
      `${r.note ? `${r.note} ` : ""}${r.delegate}, delegate of ${r.circle}, ${voted(r.support)} proposal ${r.proposalId} in the council ${r.council} for their circle (mandate ${r.mandateId}, transaction ${r.transaction}): ${describeTally(r.tally)}.`,
      { ...r },
    );
  });
}
