/**
 * `npx hardhat circle execute --circle <address> --proposal <id|prefix|latest> [--from <address>] [--json]`: anyone
 * may execute.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address, Hex } from "viem";

import { CliError, connect, report, runTask, send, type Connection, type Wallet } from "../cli.js";
import { descriptionHash } from "../../client/circles.js";
import { readProposal } from "../../client/proposals.js";
import { circleCallAbi, createdIn, iso, resolveBody, resolveProposal, type Call } from "./shared.js";

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
 * ProposalCreated event by the client, so only the id (or a unique prefix of it, or latest) is needed.
 */
export async function executeProposal(c: Connection, args: ExecuteArgs): Promise<ExecuteResult> {
  const wallet = c.wallet(args.from);
  const body = await resolveBody(c, "circle", args.circle, args.registry);
  const proposalId = await resolveProposal(c, body.circle, args.proposal);
  const p = await readProposal(c.publicClient, body.circle, proposalId);
  if (p.stateName === "Pending" || p.stateName === "Active") {
    throw new CliError(
      `Proposal ${proposalId} is still ${p.stateName.toLowerCase()}: voting closes at ${iso(p.schedule.deadline)}; it can be executed after that, if it passed.`,
    );
  }
  const calls: Call[] = p.calls.map((x) => ({ target: x.target, value: x.value ?? 0n, data: x.data }));
  const { request } = await c.publicClient.simulateContract({
    address: body.circle,
    abi: circleCallAbi,
    functionName: "execute",
    args: [
      calls.map((x) => x.target),
      calls.map((x) => x.value),
      calls.map((x) => x.data),
      descriptionHash(p.description),
    ],
    account: wallet.account,
  });
  // execute is payable; nothing is sent with it (the circle pays the calls' values from its own balance).
  const { hash, receipt } = await send(c, wallet, request as Parameters<Wallet["writeContract"]>[0]);
  return {
    circle: body.circle,
    proposalId,
    description: p.description,
    calls,
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
