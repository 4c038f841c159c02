/**
 * `npx hardhat council propose --council <address> --target <address> (--data 0x… | --function "f(…)" --args '[…]')
 * --description "…" [--circle <your circle>] [--from <delegate>] [--json]`
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import {
  proposeInCouncil as proposeInCouncilAction,
  type ProposeInCouncilReturnType,
} from "../../client/actions/council/proposeInCouncil.js";
import { connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import {
  nextSteps,
  parseCall,
  proposalMade,
  registryOf,
  requireText,
  type Call,
  type CallArgs,
  type ProposalMade,
} from "../circle/shared.js";

export interface CouncilProposeArgs extends CallArgs {
  council?: string;
  circle?: string;
  description?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

/** The proposal made (the client's proposeInCouncil): `circle` is the delegate's circle, whose seat proposed. */
export interface CouncilProposeResult extends ProposalMade<ProposeInCouncilReturnType> {
  call: Call;
}

/**
 * A delegate proposes one call in the council, through their circle's delegate mandate: the council sees their
 * circle propose. A council can call itself, its own parts and contracts that belong to no circle.
 */
export async function proposeInCouncil(c: Connection, args: CouncilProposeArgs): Promise<CouncilProposeResult> {
  const call = await parseCall(c, args);
  const description = requireText("description", args.description, "say what the proposal is for, in words");
  const council = requireAddress("council", args.council);
  const circle = args.circle ? requireAddress("circle", args.circle) : undefined;
  const wallet = c.wallet(args.from);
  const made = await proposeInCouncilAction(wallet, {
    council,
    registry: registryOf(c, args.registry),
    ...(circle ? { circle } : {}),
    calls: [call],
    description,
  });
  return { ...proposalMade(made), call };
}

/** "<delegate>, delegate of <circle> (mandate <id>), proposed …": the start of a sentence about a council proposal. */
export function delegateProposed(r: CouncilProposeResult): string {
  return `${r.delegate}, delegate of ${r.circle} (mandate ${r.mandateId}), proposed`;
}

export default async function propose(args: CouncilProposeArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await proposeInCouncil(await connect(hre), args);
    report(
      args.json,
      `${delegateProposed(r)} "${r.description}" in the council ${r.council}: ${nextSteps(r, { council: r.council })}`,
      { ...r },
    );
  });
}
