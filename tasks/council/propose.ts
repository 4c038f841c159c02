/**
 * `npx hardhat council propose --council <address> --target <address> (--data 0x… | --function "f(…)" --args '[…]')
 * --description "…" [--circle <your circle>] [--from <delegate>] [--json]`
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { encodeFunctionData, getAddress, parseEventLogs, type Address } from "viem";

import { circleAbi } from "../../client/abis.js";
import { readSchedule } from "../../client/actions/proposal/readSchedule.js";
import { CliError, connect, report, runTask, type Connection } from "../cli.js";
import { iso, parseCall, requireText, type Call, type CallArgs, type ProposalMade } from "../circle/shared.js";
import { actAsDelegate, findDelegation, resolveCouncil } from "./delegate.js";

export interface CouncilProposeArgs extends CallArgs {
  council?: string;
  circle?: string;
  description?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

export interface CouncilProposeResult extends Omit<ProposalMade, "circle"> {
  council: Address;
  /** The member circle whose seat made the proposal (the council's proposer). */
  circle: Address;
  delegate: Address;
  mandateId: bigint;
  call: Call;
}

/**
 * A delegate proposes one call in the council, through their circle's delegate mandate: the council sees their
 * circle propose. A council can call itself, its own parts and contracts that belong to no circle.
 */
export async function proposeInCouncil(c: Connection, args: CouncilProposeArgs): Promise<CouncilProposeResult> {
  const call = parseCall(args);
  const description = requireText("description", args.description, "say what the proposal is for, in words");
  const wallet = c.wallet(args.from);
  const council = await resolveCouncil(c, args.council, args.registry);
  const d = await findDelegation(c, council, getAddress(wallet.account.address), args.circle);
  const data = encodeFunctionData({
    abi: circleAbi,
    functionName: "propose",
    args: [[call.target], [call.value], [call.data], description],
  });
  const { hash, receipt } = await actAsDelegate(c, wallet, d, data);
  const created = parseEventLogs({ abi: circleAbi, logs: receipt.logs, eventName: "ProposalCreated" }).find(
    (e) => e.address.toLowerCase() === council.circle.toLowerCase(),
  );
  if (!created) throw new CliError(`Transaction ${hash} made no proposal in ${council.circle}.`);
  const { proposalId } = created.args;
  const { votingOpensAt, deadline } = await readSchedule(c.publicClient, { circle: council.circle, proposalId });
  return {
    council: council.circle,
    circle: d.circle,
    delegate: d.delegate,
    mandateId: d.mandateId,
    proposalId,
    proposer: d.circle,
    description,
    votingOpensAt: iso(votingOpensAt),
    votingClosesAt: iso(deadline),
    call,
    transaction: hash,
  };
}

export default async function propose(args: CouncilProposeArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await proposeInCouncil(await connect(hre), args);
    report(
      args.json,
      `${r.delegate}, delegate of ${r.circle} (mandate ${r.mandateId}), proposed "${r.description}" in the council ${r.council}: ` +
        `proposal ${r.proposalId} (transaction ${r.transaction}). Voting opens at ${r.votingOpensAt} and closes at ${r.votingClosesAt}. ` +
        `Next: the delegates vote (npx hardhat council vote --council ${r.council} --proposal ${r.proposalId} --support for), ` +
        `then, once it has passed, anyone executes it (npx hardhat circle execute --circle ${r.council} --proposal ${r.proposalId}).`,
      { ...r },
    );
  });
}
