/**
 * `npx hardhat council admit --council <address> --circle <address> [--seat <your circle>] [--description "…"]
 * [--from <delegate>] [--json]`: as a seated circle's delegate, propose that the council seat a circle that asked.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address } from "viem";

import { prepareCouncilAdmit } from "../../client/actions/council/prepareCouncilAdmit.js";
import { proposeInCouncil as proposeInCouncilAction } from "../../client/actions/council/proposeInCouncil.js";
import { connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { nextSteps, proposalMade, registryOf } from "../circle/shared.js";
import { delegateProposed, type CouncilProposeResult } from "./propose.js";

export interface CouncilAdmitArgs {
  council?: string;
  /** The circle to seat. */
  circle?: string;
  /** The delegate's own circle, whose seat proposes (default: the one whose delegate they are). */
  seat?: string;
  description?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

export interface CouncilAdmitResult extends CouncilProposeResult {
  /** The circle the decision seats. */
  candidate: Address;
}

/**
 * Proposes, in the council, that it seat `--circle` (`seats.admit`): the client builds and tries the decision as the
 * council would make it, and the delegate proposes it through their circle's delegate mandate. A closed council
 * seats a circle only this way, after the circle asked by its own decision (`council join`).
 */
export async function proposeCouncilAdmit(c: Connection, args: CouncilAdmitArgs): Promise<CouncilAdmitResult> {
  const council = requireAddress("council", args.council);
  const circle = requireAddress("circle", args.circle);
  const seat = args.seat ? requireAddress("seat", args.seat) : undefined;
  const registry = registryOf(c, args.registry);
  const prepared = await prepareCouncilAdmit(c.publicClient, {
    council,
    circle,
    registry,
    description: args.description,
  });
  const made = await proposeInCouncilAction(c.wallet(args.from), {
    council,
    registry,
    ...(seat ? { circle: seat } : {}),
    calls: prepared.calls,
    description: prepared.description,
  });
  return { ...proposalMade(made), call: prepared.calls[0]!, candidate: prepared.candidate };
}

export default async function admit(args: CouncilAdmitArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await proposeCouncilAdmit(await connect(hre), args);
    report(
      args.json,
      `${delegateProposed(r)} seating ${r.candidate} in the council ${r.council}: ${nextSteps(r, { council: r.council })} ` +
        `The seat counts at once, and is filled once ${r.candidate} appoints its delegate (npx hardhat council appoint).`,
      { ...r },
    );
  });
}
