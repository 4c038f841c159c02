/** `npx hardhat council leave --circle <address> --council <address> [--description "…"] [--from <member>] [--json]` */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address } from "viem";

import { prepareLeaveCouncil } from "../../client/actions/council/prepareLeaveCouncil.js";
import { connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { propose } from "../../client/actions/proposal/propose.js";
import { nextSteps, proposalMade, registryOf, type ProposalMade } from "../circle/shared.js";

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
  const circle = requireAddress("circle", args.circle);
  const council = requireAddress("council", args.council);
  const registry = registryOf(c, args.registry);
  const prepared = await prepareLeaveCouncil(c.publicClient, {
    circle,
    council,
    registry,
    description: args.description,
  });
  const made = proposalMade(await propose(wallet, prepared));
  return { ...made, council: prepared.council };
}

export default async function leave(args: CouncilLeaveArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await proposeLeave(await connect(hre), args);
    report(
      args.json,
      `${r.proposer} proposed that ${r.circle} leave the council ${r.council}: ${nextSteps(r)} It leaves the moment the decision is executed.`,
      { ...r },
    );
  });
}
