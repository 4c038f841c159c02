/**
 * `npx hardhat mandate grant --circle <address> --holder <address> --role treasurer --term 30d
 *   [--title <text>] [--scope <text>] [--powers 0xToken:transfer(address,uint256):amount=100,...] [--description <text>]
 *   [--from <address>] [--registry <address>] [--json]`
 *
 * A grant is a decision of the circle: this proposes it; the members vote; anyone executes it once it passes.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address } from "viem";

import { grantMandateCall, type GrantMandateCallReturnType } from "../../client/actions/mandate/grantMandateCall.js";
import { describeSpec, type MandateSpec } from "../../client/mandates.js";
import { connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { circleOf, describeCaps, parseSpec, type SpecArgs } from "./common.js";
import { propose } from "../../client/actions/proposal/propose.js";
import { nextSteps, proposalMade, type ProposalMade } from "../circle/shared.js";

export interface GrantArgs extends SpecArgs {
  circle?: string;
  holder?: string;
  description?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

export interface GrantResult extends ProposalMade {
  holder: Address;
  spec: MandateSpec;
  /** The powers as granted, with the units each amount cap was read in. */
  powers: GrantMandateCallReturnType["powers"];
}

/**
 * Proposes `mandates.grant(spec, holder)` as a decision of the circle. The client builds the call and tries it as
 * the circle would make it now, so a malformed spec, an occupied role or an ineligible holder is refused before
 * anything is sent.
 */
export async function proposeGrant(c: Connection, args: GrantArgs): Promise<GrantResult> {
  const spec = parseSpec(args);
  const holder = requireAddress("holder", args.holder);
  const wallet = c.wallet(args.from);
  const { circle, mandates } = await circleOf(c, args);
  const grant = await grantMandateCall(c.publicClient, {
    ...spec,
    mandates,
    holder,
    proposer: wallet.account.address,
    ...(args.description !== undefined ? { description: args.description } : {}),
  });
  const decision = proposalMade(await propose(wallet, { circle, calls: [grant.call], description: grant.description }));
  return { ...decision, holder, spec: grant.spec, powers: grant.powers };
}

export default async function grant(args: GrantArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const result = await proposeGrant(await connect(hre), args);
    report(
      args.json,
      `${result.proposer} proposed to circle ${result.circle} granting the mandate ${describeSpec(result.spec)} to ${result.holder}: ${nextSteps(result)}${describeCaps(result.powers)}`,
      { ...result },
    );
  });
}
