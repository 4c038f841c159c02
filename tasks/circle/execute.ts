/**
 * `npx hardhat circle execute --circle <address> --proposal <id|prefix|latest> [--from <address>] [--json]`: anyone
 * may execute.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address, Hex } from "viem";

import { execute as executeClient } from "../../client/actions/proposal/execute.js";
import { connect, report, runTask, type Connection } from "../cli.js";
import { resolveBody, resolveProposal, type Call } from "./shared.js";

export interface ExecuteArgs {
  circle?: string;
  proposal?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

export interface ExecuteResult {
  circle: Address;
  proposalId: bigint;
  description: string;
  calls: Call[];
  /** Circles or councils the decision founded, if any. */
  created: { kind: "circle" | "council"; address: Address; name: string }[];
  transaction: Hex;
}

/**
 * Executes a passed proposal of a circle or council with the client's execute, which reads its calls and description
 * back from its ProposalCreated event: only the id (or a unique prefix of it, or latest) is needed.
 */
export async function executeProposal(c: Connection, args: ExecuteArgs): Promise<ExecuteResult> {
  const wallet = c.wallet(args.from);
  const body = await resolveBody(c, "circle", args.circle, args.registry);
  const proposalId = await resolveProposal(c, body.circle, args.proposal);
  const r = await executeClient(wallet, { circle: body.circle, proposalId });
  return { ...r, created: r.created.map(({ kind, address, name }) => ({ kind, address, name })) };
}

export default async function execute(args: ExecuteArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await executeProposal(await connect(hre), args);
    const founded = r.created.map((x) => ` It founded the ${x.kind} "${x.name}" at ${x.address}.`).join("");
    report(
      args.json,
      `Executed proposal ${r.proposalId} of ${r.circle} (${r.calls.length} call(s), transaction ${r.transaction}): ${r.description}.${founded}`,
      { ...r },
    );
  });
}
