/**
 * `npx hardhat circle request-admission --circle <address> [--withdraw] [--from <address>] [--json]`: the signer asks
 * to join a circle (or withdraws the request). No one is admitted without asking; the circle then decides by vote.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import {
  requestAdmission as request,
  type RequestAdmissionReturnType,
} from "../../client/actions/circle/requestAdmission.js";
import { connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { registryOf } from "./shared.js";

export interface RequestAdmissionArgs {
  circle?: string;
  withdraw?: boolean;
  from?: string;
  registry?: string;
  json: boolean;
}

export type RequestAdmissionResult = RequestAdmissionReturnType;

/** The signer asks to join the circle, or with `withdraw` takes the request back (the client's requestAdmission). */
export async function requestAdmission(c: Connection, args: RequestAdmissionArgs): Promise<RequestAdmissionResult> {
  const wallet = c.wallet(args.from);
  const circle = requireAddress("circle", args.circle);
  return request(wallet, { circle, registry: registryOf(c, args.registry), withdraw: args.withdraw });
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
