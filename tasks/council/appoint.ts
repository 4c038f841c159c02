/**
 * `npx hardhat council appoint --circle <address> --council <address> --delegate <member> [--term 90d]
 * [--description "…"] [--from <member>] [--json]`: propose, in the circle, the mandate that makes a member its delegate.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address } from "viem";

import {
  prepareAppointDelegate,
  type PrepareAppointDelegateReturnType,
} from "../../client/actions/council/prepareAppointDelegate.js";
import { CliError, connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { propose } from "../../client/actions/proposal/propose.js";
import { duration, nextSteps, proposalMade, parseDuration, registryOf, type ProposalMade } from "../circle/shared.js";

export interface CouncilAppointArgs {
  circle?: string;
  council?: string;
  delegate?: string;
  term?: string;
  description?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

export interface CouncilAppointResult
  extends ProposalMade, Pick<PrepareAppointDelegateReturnType, "role" | "roleExplanation" | "spec" | "functions"> {
  council: Address;
  delegate: Address;
  /** The mandate's term, in seconds. */
  term: number;
}

/**
 * Proposes, in the circle, that it grant `--delegate` the mandate for the council's delegate role, with exactly the
 * powers a seat needs (built and tried by the client's prepareAppointDelegate); members vote, anyone executes it.
 */
export async function proposeAppointment(c: Connection, args: CouncilAppointArgs): Promise<CouncilAppointResult> {
  const circle = requireAddress("circle", args.circle);
  const council = requireAddress("council", args.council);
  const delegate = requireAddress("delegate", args.delegate);
  const term = args.term ? parseDuration("term", args.term) : undefined;
  if (term === 0) throw new CliError("--term must be more than zero: give a duration such as 90d.");
  const wallet = c.wallet(args.from);
  const registry = registryOf(c, args.registry);
  const prepared = await prepareAppointDelegate(c.publicClient, {
    circle,
    council,
    registry,
    delegate,
    term,
    proposer: wallet.account.address,
    description: args.description,
  });
  const made = proposalMade(await propose(wallet, prepared));
  const { role, roleExplanation, spec, functions } = prepared;
  return { ...made, council: prepared.council, delegate, term: spec.duration, role, roleExplanation, spec, functions };
}

export default async function appoint(args: CouncilAppointArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await proposeAppointment(await connect(hre), args);
    report(
      args.json,
      `${r.proposer} proposed that ${r.circle} appoint ${r.delegate} its delegate to the council ${r.council} for ${duration(r.term)}: ` +
        `${nextSteps(r)} ${r.roleExplanation} The mandate lets the delegate have the circle ` +
        `call ${r.functions.join(", ")} on the council, and nothing else.`,
      { ...r },
    );
  });
}
