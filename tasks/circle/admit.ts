/** `npx hardhat circle admit --circle <address> --member <address> [--description "…"] [--from <address>] [--json]` */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { prepareAdmit } from "../../client/actions/circle/prepareAdmit.js";
import { connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { propose } from "../../client/actions/proposal/propose.js";
import { nextSteps, proposalMade, registryOf, type ProposalMade } from "./shared.js";

export interface AdmitArgs {
  circle?: string;
  member?: string;
  description?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

export interface AdmitResult extends ProposalMade {
  member: `0x${string}`;
}

/**
 * Proposes that the circle admit `--member` (admission is a decision of the circle): the client builds and tries the
 * decision; the signer, a member, proposes it; members then vote, and anyone executes it once it passes.
 */
export async function proposeAdmission(c: Connection, args: AdmitArgs): Promise<AdmitResult> {
  const member = requireAddress("member", args.member);
  const wallet = c.wallet(args.from);
  const registry = registryOf(c, args.registry);
  const circle = requireAddress("circle", args.circle);
  const prepared = await prepareAdmit(c.publicClient, { circle, registry, member, description: args.description });
  return { ...proposalMade(await propose(wallet, prepared)), member };
}

export default async function admit(args: AdmitArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await proposeAdmission(await connect(hre), args);
    report(args.json, `${r.proposer} proposed admitting ${r.member} to ${r.circle}: ${nextSteps(r)}`, { ...r });
  });
}
