/** `npx hardhat circle execute --circle <address> --proposal <id> [--from <address>] [--json]`: anyone may execute. */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address, Hex } from "viem";

import { CliError, connect, report, runTask, send, type Connection, type Wallet } from "../cli.js";
import { circleCallAbi, createdIn, findProposal, parseProposalId, resolveBody, schedule, type Call } from "./shared.js";

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
 * Executes a passed proposal of a circle or council. Its calls and description are read back from its
 * ProposalCreated event, so only the id is needed.
 */
export async function executeProposal(c: Connection, args: ExecuteArgs): Promise<ExecuteResult> {
  const proposalId = parseProposalId(args.proposal);
  const wallet = c.wallet(args.from);
  const body = await resolveBody(c, "circle", args.circle, args.registry);
  const p = await findProposal(c, body.circle, proposalId);
  if (p.state === "pending" || p.state === "active") {
    const { votingClosesAt } = await schedule(c, body.circle, proposalId);
    throw new CliError(
      `Proposal ${proposalId} is still ${p.state}: voting closes at ${votingClosesAt}; it can be executed after that, if it passed.`,
    );
  }
  const { request } = await c.publicClient.simulateContract({
    address: body.circle,
    abi: circleCallAbi,
    functionName: "execute",
    args: [[...p.targets], [...p.values], [...p.calldatas], p.descriptionHash],
    account: wallet.account,
  });
  // execute is payable; nothing is sent with it (the circle pays the calls' values from its own balance).
  const { hash, receipt } = await send(c, wallet, request as Parameters<Wallet["writeContract"]>[0]);
  return {
    circle: body.circle,
    proposalId,
    description: p.description,
    calls: p.targets.map((target, i) => ({ target, value: p.values[i]!, data: p.calldatas[i]! })),
    created: createdIn(receipt.logs).map(({ kind, address, name }) => ({ kind, address, name })),
    transaction: hash,
  };
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
