/** `npx hardhat circle leave --circle <address> [--from <address>] [--json]`: the signer leaves, at once. */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { getAddress, type Address, type Hex } from "viem";

import { circleMembershipAbi } from "../../client/abis.js";
import { CliError, connect, report, runTask, send, type Connection } from "../cli.js";
import { resolveBody, withSuiteErrors } from "./shared.js";

export interface LeaveArgs {
  circle?: string;
  from?: string;
  registry?: string;
  json: boolean;
}

export interface LeaveResult {
  circle: Address;
  member: Address;
  membersLeft: bigint;
  transaction: Hex;
}

/** The signer leaves the circle at once: no vote, no fee, no penalty; any mandates they hold end. */
export async function leaveCircle(c: Connection, args: LeaveArgs): Promise<LeaveResult> {
  const wallet = c.wallet(args.from);
  const body = await resolveBody(c, "circle", args.circle, args.registry);
  if (body.council) {
    throw new CliError(
      `${body.circle} is a council: its members are circles, which leave by their own decision (npx hardhat council leave).`,
    );
  }
  const { request } = await c.publicClient.simulateContract({
    address: body.membership,
    abi: withSuiteErrors(circleMembershipAbi),
    functionName: "leave",
    account: wallet.account,
  });
  const { hash } = await send(c, wallet, request);
  const membersLeft = await c.publicClient.readContract({
    address: body.membership,
    abi: circleMembershipAbi,
    functionName: "memberCount",
  });
  return { circle: body.circle, member: getAddress(wallet.account.address), membersLeft, transaction: hash };
}

export default async function leave(args: LeaveArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await leaveCircle(await connect(hre), args);
    report(
      args.json,
      `${r.member} left ${r.circle}; ${r.membersLeft} member(s) remain (transaction ${r.transaction}).`,
      { ...r },
    );
  });
}
