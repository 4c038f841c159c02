/**
 * `npx hardhat income accept-vouch --circle <address> [--hub <address>] [--from <address>] [--json]`
 *
 * The signer accepts their circle's vouching and becomes a registered person: no one is registered without their
 * own transaction.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address, Hex } from "viem";

import { acceptVouch as accept } from "../../client/actions/income/acceptVouch.js";
import { connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { hubOf } from "./hub.js";

export interface AcceptVouchArgs {
  circle?: string;
  hub?: string;
  from?: string;
  json: boolean;
}

export interface AcceptVouchResult {
  hub: Address;
  person: Address;
  circle: Address;
  transaction: Hex;
}

/** Accepts the circle's offer (the client's `acceptVouch`). Refusals (no offer, no longer a member) are sentences. */
export async function acceptVouch(c: Connection, args: AcceptVouchArgs): Promise<AcceptVouchResult> {
  const circle = requireAddress("circle", args.circle);
  const wallet = c.wallet(args.from);
  const hub = await hubOf(c, args.hub);
  return { hub, ...(await accept(wallet, { hub, circle })) };
}

export default async function acceptVouchTask(args: AcceptVouchArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await acceptVouch(await connect(hre), args);
    report(
      args.json,
      `${r.person} accepted ${r.circle}'s vouching and is registered at the income hub ${r.hub}. Income accrues at 1 token an hour. Transaction ${r.transaction}.`,
      { ...r },
    );
  });
}
