/**
 * `npx hardhat mandate complete --circle <address> --id 1 [--hand-back] [--from <address>] [--registry <address>]
 *   [--json]`
 *
 * The holder marks the task done (the mandate ends with it), or with `--hand-back` gives the mandate back undone.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address, Hex } from "viem";

import { mandateBadgesAbi, mandatesAbi } from "../../client/abis.js";
import { connect, report, runTask, send, type Connection } from "../cli.js";
import { circleOf, mandatesCallAbi, parseId } from "./common.js";

export interface CompleteArgs {
  circle?: string;
  id?: string;
  handBack: boolean;
  from?: string;
  registry?: string;
  json: boolean;
}

export interface CompleteResult {
  circle: Address;
  mandateId: bigint;
  role: string;
  holder: Address;
  /** "completed" or "handed back". */
  ended: "completed" | "handed back";
  transaction: Hex;
}

/** Ends mandate `--id` as its holder: completed, or handed back. Refusals (not the holder, ended) are sentences. */
export async function completeMandate(c: Connection, args: CompleteArgs): Promise<CompleteResult> {
  const mandateId = parseId("id", args.id);
  const wallet = c.wallet(args.from);
  const { circle, mandates } = await circleOf(c, args);
  const { request } = await c.publicClient.simulateContract({
    address: mandates,
    abi: mandatesCallAbi,
    functionName: args.handBack ? "handBack" : "complete",
    args: [mandateId],
    account: wallet.account,
  });
  const { hash: transaction } = await send(c, wallet, request);
  const [m, badges] = await Promise.all([
    c.publicClient.readContract({ address: mandates, abi: mandatesAbi, functionName: "mandate", args: [mandateId] }),
    c.publicClient.readContract({ address: mandates, abi: mandatesAbi, functionName: "badges" }),
  ]);
  const role = await c.publicClient.readContract({
    address: badges,
    abi: mandateBadgesAbi,
    functionName: "roleName",
    args: [m.roleId],
  });
  return {
    circle,
    mandateId,
    role,
    holder: m.holder,
    ended: args.handBack ? "handed back" : "completed",
    transaction,
  };
}

export default async function complete(args: CompleteArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await completeMandate(await connect(hre), args);
    report(
      args.json,
      `${r.holder} ${r.ended === "completed" ? "completed" : "handed back"} mandate ${r.mandateId} ("${r.role}") of circle ${r.circle}: it has ended, and the role is open again. Transaction ${r.transaction}.`,
      { ...r },
    );
  });
}
