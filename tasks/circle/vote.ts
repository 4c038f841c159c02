/**
 * `npx hardhat circle vote --circle <address> --proposal <id|prefix|latest> --support for|against|abstain [--reason "…"]
 * [--from <address>] [--json]`
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { getAddress, type Address, type Hex } from "viem";

import { readTally } from "../../client/proposals.js";
import { CliError, connect, report, runTask, send, type Connection } from "../cli.js";
import {
  SUPPORT_NAMES,
  circleCallAbi,
  parseSupport,
  requireVotingOpened,
  resolveBody,
  resolveProposal,
  voted,
  type Support,
} from "./shared.js";

export interface VoteArgs {
  circle?: string;
  proposal?: string;
  support?: string;
  reason?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

/** The tally of a proposal. */
export interface Tally {
  for: bigint;
  against: bigint;
  abstain: bigint;
  state: string;
}

export interface VoteResult {
  circle: Address;
  proposalId: bigint;
  voter: Address;
  support: (typeof SUPPORT_NAMES)[Support];
  tally: Tally;
  transaction: Hex;
}

/** The votes cast on a proposal so far, and its state (read by the client). */
export async function tally(c: Connection, circle: Address, proposalId: bigint): Promise<Tally> {
  const { tally, stateName } = await readTally(c.publicClient, circle, proposalId);
  return { ...tally, state: stateName.toLowerCase() };
}

/** The signer, a member, votes on a proposal of the circle (one member, one vote). */
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
  await requireVotingOpened(c, body.circle, proposalId);
  const on = { address: body.circle, abi: circleCallAbi, account: wallet.account } as const;
  const { request } = args.reason
    ? await c.publicClient.simulateContract({
        ...on,
        functionName: "castVoteWithReason",
        args: [proposalId, support, args.reason],
      })
    : await c.publicClient.simulateContract({ ...on, functionName: "castVote", args: [proposalId, support] });
  const { hash } = await send(c, wallet, request);
  return {
    circle: body.circle,
    proposalId,
    voter: getAddress(wallet.account.address),
    support: SUPPORT_NAMES[support],
    tally: await tally(c, body.circle, proposalId),
    transaction: hash,
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
      `${r.voter} ${voted(r.support)} proposal ${r.proposalId} in ${r.circle} (transaction ${r.transaction}): ${describeTally(r.tally)}.`,
      { ...r },
    );
  });
}
