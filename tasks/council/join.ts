/** `npx hardhat council join --circle <address> --council <address> [--description "…"] [--from <member>] [--json]` */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { encodeFunctionData, type Address } from "viem";

import { circleAbi, councilSeatsAbi } from "../../client/abis.js";
import { CliError, connect, report, runTask, type Connection } from "../cli.js";
import { nextSteps, proposeInCircle, resolveBody, withSuiteErrors, type ProposalMade } from "../circle/shared.js";
import { resolveCouncil } from "./delegate.js";

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
  const body = await resolveBody(c, "circle", args.circle, args.registry);
  const council = await resolveCouncil(c, args.council, args.registry);
  const seats = council.membership;
  const read = (functionName: "hasSeat" | "hasRequested") =>
    c.publicClient.readContract({ address: seats, abi: councilSeatsAbi, functionName, args: [body.circle] });
  const [seated, requested, openJoin] = await Promise.all([
    read("hasSeat"),
    read("hasRequested"),
    c.publicClient.readContract({ address: seats, abi: councilSeatsAbi, functionName: "openJoin" }),
  ]);
  if (seated) throw new CliError(`${body.circle} already holds a seat in the council ${council.circle}.`);
  if (requested) {
    throw new CliError(`${body.circle} already asked for a seat in ${council.circle}; the council has yet to decide.`);
  }
  // Dry run as the circle itself, so any other refusal is told now, before the circle votes on it.
  await c.publicClient.simulateContract({
    address: seats,
    abi: withSuiteErrors(councilSeatsAbi),
    functionName: "requestSeat",
    account: body.circle,
  });
  const name = await c.publicClient.readContract({ address: council.circle, abi: circleAbi, functionName: "name" });
  const call = {
    target: seats,
    value: 0n,
    data: encodeFunctionData({ abi: councilSeatsAbi, functionName: "requestSeat" }),
  };
  const made = await proposeInCircle(
    c,
    wallet,
    body,
    [call],
    args.description || `Ask for a seat in the council "${name}"`,
  );
  return { ...made, council: council.circle, openJoin };
}

export default async function join(args: JoinArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await proposeJoin(await connect(hre), args);
    const then = r.openJoin
      ? "The council is open-join: executing it seats the circle at once, on probation (its seat counts once that ends; council seat shows when)."
      : `Once executed, the council seats the circle by its own decision (a delegate proposes admit(${r.circle}) on its seats).`;
    report(
      args.json,
      `${r.proposer} proposed that ${r.circle} ask for a seat in the council ${r.council}: proposal ${r.proposalId} (transaction ${r.transaction}). ${nextSteps(r)} ${then}`,
      { ...r },
    );
  });
}
