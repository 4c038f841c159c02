/**
 * `npx hardhat circle request-admission --circle <address> [--withdraw] [--from <address>] [--json]`: the signer asks
 * to join a circle (or withdraws the request). No one is admitted without asking; the circle then decides by vote.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { getAddress, type Address, type Hex } from "viem";

import { circleMembershipAbi } from "../../client/abis.js";
import { CliError, connect, report, runTask, send, type Connection } from "../cli.js";
import { resolveBody, withSuiteErrors } from "./shared.js";

export interface RequestAdmissionArgs {
  circle?: string;
  withdraw?: boolean;
  from?: string;
  registry?: string;
  json: boolean;
}

export interface RequestAdmissionResult {
  circle: Address;
  account: Address;
  /** Whether a request is now pending. */
  requested: boolean;
  transaction: Hex;
}

/** The signer asks to join the circle, or with `withdraw` takes the request back. */
export async function requestAdmission(c: Connection, args: RequestAdmissionArgs): Promise<RequestAdmissionResult> {
  const wallet = c.wallet(args.from);
  const body = await resolveBody(c, "circle", args.circle, args.registry);
  if (body.council) {
    throw new CliError(
      `${body.circle} is a council: a circle asks for a seat by its own decision (npx hardhat council join).`,
    );
  }
  const { request } = await c.publicClient.simulateContract({
    address: body.membership,
    abi: withSuiteErrors(circleMembershipAbi),
    functionName: args.withdraw ? "withdrawRequest" : "requestAdmission",
    account: wallet.account,
  });
  const { hash } = await send(c, wallet, request);
  return {
    circle: body.circle,
    account: getAddress(wallet.account.address),
    requested: !args.withdraw,
    transaction: hash,
  };
}

export default async function requestAdmissionTask(
  args: RequestAdmissionArgs,
  hre: HardhatRuntimeEnvironment,
): Promise<void> {
  await runTask(args.json, async () => {
    const r = await requestAdmission(await connect(hre), args);
    report(
      args.json,
      r.requested
        ? `${r.account} asked to join ${r.circle} (transaction ${r.transaction}). A member proposes the admission: npx hardhat circle admit --circle ${r.circle} --member ${r.account}.`
        : `${r.account} withdrew their request to join ${r.circle} (transaction ${r.transaction}).`,
      { ...r },
    );
  });
}
