/** `npx hardhat council leave --circle <address> --council <address> [--description "…"] [--from <member>] [--json]` */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { encodeFunctionData, type Address } from "viem";

import { circleAbi, councilSeatsAbi } from "../../client/abis.js";
import { CliError, connect, report, runTask, type Connection } from "../cli.js";
import { nextSteps, proposeInCircle, resolveBody, type ProposalMade } from "../circle/shared.js";
import { resolveCouncil } from "./delegate.js";

export interface CouncilLeaveArgs {
  circle?: string;
  council?: string;
  description?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

export interface CouncilLeaveResult extends ProposalMade {
  council: Address;
}

/**
 * Proposes, in the circle, that it leave the council (`seats.leave()`): by its own decision, at once once executed,
 * with no vote of the council, no fee and nothing locked.
 */
export async function proposeLeave(c: Connection, args: CouncilLeaveArgs): Promise<CouncilLeaveResult> {
  const wallet = c.wallet(args.from);
  const body = await resolveBody(c, "circle", args.circle, args.registry);
  const council = await resolveCouncil(c, args.council, args.registry);
  const seats = council.membership;
  const seated = await c.publicClient.readContract({
    address: seats,
    abi: councilSeatsAbi,
    functionName: "hasSeat",
    args: [body.circle],
  });
  if (!seated)
    throw new CliError(`${body.circle} holds no seat in the council ${council.circle}, so it has nothing to leave.`);
  const name = await c.publicClient.readContract({ address: council.circle, abi: circleAbi, functionName: "name" });
  const call = { target: seats, value: 0n, data: encodeFunctionData({ abi: councilSeatsAbi, functionName: "leave" }) };
  const made = await proposeInCircle(c, wallet, body, [call], args.description || `Leave the council "${name}"`);
  return { ...made, council: council.circle };
}

export default async function leave(args: CouncilLeaveArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await proposeLeave(await connect(hre), args);
    report(
      args.json,
      `${r.proposer} proposed that ${r.circle} leave the council ${r.council}: proposal ${r.proposalId} (transaction ${r.transaction}). ${nextSteps(r)} It leaves the moment the decision is executed.`,
      { ...r },
    );
  });
}
