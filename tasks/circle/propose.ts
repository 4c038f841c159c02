/**
 * `npx hardhat circle propose --circle <address> --target <address> (--data 0x… | --function "f(type,…)" --args '[…]')
 * [--value <ether>] --description "…" [--from <address>] [--json]`
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { propose as proposeAction } from "../../client/actions/proposal/propose.js";
import { connect, report, runTask, type Connection } from "../cli.js";
import {
  nextSteps,
  parseCall,
  proposalMade,
  requireText,
  resolveBody,
  type Call,
  type CallArgs,
  type ProposalMade,
} from "./shared.js";

export interface ProposeArgs extends CallArgs {
  circle?: string;
  description?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

export interface ProposeResult extends ProposalMade {
  call: Call;
}

/** Proposes one call of the circle's (any target and calldata); the signer must be a member. */
export async function proposeCall(c: Connection, args: ProposeArgs): Promise<ProposeResult> {
  const call = await parseCall(c, args);
  const description = requireText("description", args.description, "say what the proposal is for, in words");
  const wallet = c.wallet(args.from);
  const body = await resolveBody(c, "circle", args.circle, args.registry);
  return { ...proposalMade(await proposeAction(wallet, { circle: body.circle, calls: [call], description })), call };
}

export default async function propose(args: ProposeArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await proposeCall(await connect(hre), args);
    report(args.json, `${r.proposer} proposed "${r.description}" in ${r.circle}: ${nextSteps(r)}`, { ...r });
  });
}
