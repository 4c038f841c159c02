/**
 * `npx hardhat council vote --council <address> --proposal <id|prefix|latest> --support for|against|abstain
 * [--reason "…"] [--circle <your circle>] [--from <delegate>] [--json]`
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { encodeFunctionData, getAddress, type Address, type Hex } from "viem";

import { circleAbi } from "../../client/abis.js";
import { readTally } from "../../client/actions/proposal/readTally.js";
import { requireVotingOpen } from "../../client/actions/proposal/requireVotingOpen.js";
import { connect, report, runTask, type Connection } from "../cli.js";
import { SUPPORT_NAMES, parseSupport, resolveProposal, voted, type Support } from "../circle/shared.js";
import { describeTally, taskTally, type Tally } from "../circle/vote.js";
import { actAsDelegate, findDelegation, resolveCouncil } from "./delegate.js";

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
}

/**
 * A delegate casts their circle's vote in the council, through the delegate mandate (`castVote`, or
 * `castVoteWithReason` with --reason, which the mandate must allow too). The proposal is named as in `circle vote`:
 * its id, a unique prefix of it, or latest; a vote before voting opens is refused with the opening time.
 */
export async function voteInCouncil(c: Connection, args: CouncilVoteArgs): Promise<CouncilVoteResult> {
  const support = parseSupport(args.support);
  const wallet = c.wallet(args.from);
  const council = await resolveCouncil(c, args.council, args.registry);
  const proposalId = await resolveProposal(c, council.circle, args.proposal);
  const d = await findDelegation(c, council, getAddress(wallet.account.address), args.circle);
  await requireVotingOpen(c.publicClient, { circle: council.circle, proposalId });
  const data = args.reason
    ? encodeFunctionData({
        abi: circleAbi,
        functionName: "castVoteWithReason",
        args: [proposalId, support, args.reason],
      })
    : encodeFunctionData({ abi: circleAbi, functionName: "castVote", args: [proposalId, support] });
  const { hash } = await actAsDelegate(c, wallet, d, data);
  const { tally, stateName } = await readTally(c.publicClient, { circle: council.circle, proposalId });
  return {
    council: council.circle,
    circle: d.circle,
    delegate: d.delegate,
    mandateId: d.mandateId,
    proposalId,
    support: SUPPORT_NAMES[support],
    tally: taskTally({ tally, state: stateName }),
    transaction: hash,
  };
}

export default async function vote(args: CouncilVoteArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await voteInCouncil(await connect(hre), args);
    report(
      args.json,
      `${r.delegate}, delegate of ${r.circle}, ${voted(r.support)} proposal ${r.proposalId} in the council ${r.council} for their circle (mandate ${r.mandateId}, transaction ${r.transaction}): ${describeTally(r.tally)}.`,
      { ...r },
    );
  });
}
