/**
 * `npx hardhat income register-circle --circle <address> [--hub <address>] [--from <member>] [--registry <address>]
 * [--json]`
 *
 * Proposes, in the signer's circle, that the circle register itself in the income hub (`registerCircle()`, made by
 * the circle once the members pass it). A registered circle can vouch for its members (`income vouch`).
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address } from "viem";

import { prepareRegisterCircle } from "../../client/actions/income/prepareRegisterCircle.js";
import { connect, report, runTask, type Connection } from "../cli.js";
import { propose } from "../../client/actions/proposal/propose.js";
import { nextSteps, proposalMade, resolveBody, type ProposalMade } from "../circle/shared.js";
import { hubOf } from "./hub.js";

export interface RegisterCircleArgs {
  circle?: string;
  hub?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

export interface RegisterCircleResult extends ProposalMade {
  hub: Address;
}

/** Proposes the registration; refused before sending if the circle is already registered. */
export async function proposeRegisterCircle(c: Connection, args: RegisterCircleArgs): Promise<RegisterCircleResult> {
  const wallet = c.wallet(args.from);
  const hub = await hubOf(c, args.hub);
  const body = await resolveBody(c, "circle", args.circle, args.registry);
  const { calls, description } = await prepareRegisterCircle(c.publicClient, { hub, circle: body.circle });
  const made = proposalMade(await propose(wallet, { circle: body.circle, calls, description }));
  return { ...made, hub };
}

export default async function registerCircle(args: RegisterCircleArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await proposeRegisterCircle(await connect(hre), args);
    report(
      args.json,
      `${r.proposer} proposed that ${r.circle} register itself in the income hub ${r.hub}: ${nextSteps(r)}`,
      { ...r },
    );
  });
}
