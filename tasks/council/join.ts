/** `npx hardhat council join --circle <address> --council <address> [--description "…"] [--from <member>] [--json]` */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address } from "viem";

import { prepareJoinCouncil } from "../../client/actions/council/prepareJoinCouncil.js";
import { connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { propose } from "../../client/actions/proposal/propose.js";
import { nextSteps, proposalMade, registryOf, type ProposalMade } from "../circle/shared.js";

export interface JoinArgs {
  circle?: string;
  council?: string;
  description?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

export interface JoinResult extends ProposalMade {
  council: Address;
  /** Whether the council seats a circle on request; otherwise its delegates then decide. */
  openJoin: boolean;
}

/**
 * Proposes, in the circle, that it ask the council for a seat (`seats.requestSeat()`): joining takes the circle's
 * decision, and then the council's (unless the council is open-join, which seats it at once).
 */
export async function proposeJoin(c: Connection, args: JoinArgs): Promise<JoinResult> {
  const wallet = c.wallet(args.from);
  const circle = requireAddress("circle", args.circle);
  const council = requireAddress("council", args.council);
  const registry = registryOf(c, args.registry);
  const prepared = await prepareJoinCouncil(c.publicClient, {
    circle,
    council,
    registry,
    description: args.description,
  });
  const made = proposalMade(await propose(wallet, prepared));
  return { ...made, council: prepared.council, openJoin: prepared.openJoin };
}

export default async function join(args: JoinArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await proposeJoin(await connect(hre), args);
    const then = r.openJoin
      ? "The council is open-join: executing it seats the circle at once, on probation (its seat counts once that ends; council seat shows when)."
      : `Once executed, the council seats the circle by its own decision, which a seated circle's delegate proposes: npx hardhat council admit --council ${r.council} --circle ${r.circle}.`;
    report(
      args.json,
      `${r.proposer} proposed that ${r.circle} ask for a seat in the council ${r.council}: ${nextSteps(r)} ${then}`,
      { ...r },
    );
  });
}
