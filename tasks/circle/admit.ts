/** `npx hardhat circle admit --circle <address> --member <address> [--description "…"] [--from <address>] [--json]` */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { encodeFunctionData } from "viem";

import { circleMembershipAbi } from "../../client/abis.js";
import { CliError, connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { nextSteps, proposeInCircle, resolveBody, withSuiteErrors, type ProposalMade } from "./shared.js";

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
 * Proposes that the circle admit `--member` (admission is a decision of the circle): the signer, a member, makes the
 * proposal; members then vote, and anyone executes it once it passes.
 */
export async function proposeAdmission(c: Connection, args: AdmitArgs): Promise<AdmitResult> {
  const member = requireAddress("member", args.member);
  const wallet = c.wallet(args.from);
  const body = await resolveBody(c, "circle", args.circle, args.registry);
  if (body.council) {
    throw new CliError(
      `${body.circle} is a council: a circle joins it by asking (npx hardhat council join), and the council seats it by a decision of its delegates.`,
    );
  }
  const already = await c.publicClient.readContract({
    address: body.membership,
    abi: circleMembershipAbi,
    functionName: "isMember",
    args: [member],
  });
  if (already) throw new CliError(`${member} is already a member of ${body.circle}.`);
  // Dry run as the circle itself: a refusal (a full circle, the zero address) is told now, before anyone votes.
  await c.publicClient.simulateContract({
    address: body.membership,
    abi: withSuiteErrors(circleMembershipAbi),
    functionName: "admit",
    args: [member],
    account: body.circle,
  });
  const call = {
    target: body.membership,
    value: 0n,
    data: encodeFunctionData({ abi: circleMembershipAbi, functionName: "admit", args: [member] }),
  };
  const made = await proposeInCircle(c, wallet, body, [call], args.description || `Admit ${member}`);
  return { ...made, member };
}

export default async function admit(args: AdmitArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await proposeAdmission(await connect(hre), args);
    report(
      args.json,
      `${r.proposer} proposed admitting ${r.member} to ${r.circle}: proposal ${r.proposalId} (transaction ${r.transaction}). ${nextSteps(r)}`,
      { ...r },
    );
  });
}
