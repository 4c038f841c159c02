/**
 * `npx hardhat mandate grant --circle <address> --holder <address> --role treasurer --days 30
 *   [--title <text>] [--scope <text>] [--powers 0xToken:transfer(address,uint256):amount=100,...] [--description <text>]
 *   [--from <address>] [--registry <address>] [--json]`
 *
 * A grant is a decision of the circle: this proposes it; the members vote; anyone executes it once it passes.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { encodeFunctionData, type Address } from "viem";

import { mandatesAbi } from "../../client/abis.js";
import { describeError } from "../../client/errors.js";
import { CliError, connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { circleOf, describeSpec, parseSpec, type MandateSpec, type SpecArgs } from "./common.js";
import { nextSteps, proposeDecision, wouldFail, type ProposedDecision } from "./decision.js";

export interface GrantArgs extends SpecArgs {
  circle?: string;
  holder?: string;
  description?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

export interface GrantResult extends ProposedDecision {
  holder: Address;
  spec: MandateSpec;
}

/**
 * Proposes `mandates.grant(spec, holder)` as a decision of the circle. The grant is first tried as the circle would
 * make it now, so a malformed spec, an occupied role or an ineligible holder is refused before anything is sent.
 */
export async function proposeGrant(c: Connection, args: GrantArgs): Promise<GrantResult> {
  const spec = parseSpec(args);
  const holder = requireAddress("holder", args.holder);
  const wallet = c.wallet(args.from);
  const { circle, mandates } = await circleOf(c, args);
  await c.publicClient
    .simulateContract({
      address: mandates,
      abi: mandatesAbi,
      functionName: "grant",
      args: [spec, holder],
      account: circle,
    })
    .catch((error: unknown) => {
      throw wouldFail(error);
    });
  const rules = await c.publicClient.readContract({ address: mandates, abi: mandatesAbi, functionName: "rules" });
  if (rules.proposerStepsAside && holder.toLowerCase() === wallet.account.address.toLowerCase()) {
    throw new CliError(`${describeError("MandateProposerCannotHold", [holder])} Ask another member to propose it.`);
  }
  const data = encodeFunctionData({ abi: mandatesAbi, functionName: "grant", args: [spec, holder] });
  const description = args.description ?? `Grant the mandate ${describeSpec(spec)} to ${holder}`;
  const decision = await proposeDecision(c, circle, wallet, [{ target: mandates, data }], description);
  return { ...decision, holder, spec };
}

export default async function grant(args: GrantArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const result = await proposeGrant(await connect(hre), args);
    report(
      args.json,
      `${result.proposer} proposed to circle ${result.circle} granting the mandate ${describeSpec(result.spec)} to ${result.holder}. ${nextSteps(result)}`,
      { ...result },
    );
  });
}
