/**
 * `npx hardhat income register [--inviter <address>] [--hub <address>] [--from <address>] [--json]`
 *
 * Registers the signer as a person at the income hub: with an inviter (a registered person who already trusts
 * them), or with none while the hub is bootstrapping. Income then accrues at 1 token an hour.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address, Hex } from "viem";

import { registerPerson as register } from "../../client/actions/income/registerPerson.js";
import { formatTokens } from "../../client/units.js";
import { connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { hubOf } from "./hub.js";

export interface RegisterArgs {
  inviter?: string;
  hub?: string;
  from?: string;
  json: boolean;
}

export interface RegisterResult {
  hub: Address;
  person: Address;
  /** Who invited them, or null when registered while bootstrapping. */
  inviter: Address | null;
  /** What the invitation gave them of their own token. */
  welcomeBonus: bigint;
  transaction: Hex;
}

/** Registers the signer (the client's `registerPerson`). The hub's refusals are sentences. */
export async function registerPerson(c: Connection, args: RegisterArgs): Promise<RegisterResult> {
  const inviter = args.inviter === undefined ? {} : { inviter: requireAddress("inviter", args.inviter) };
  const wallet = c.wallet(args.from);
  const hub = await hubOf(c, args.hub);
  return { hub, ...(await register(wallet, { hub, ...inviter })) };
}

export default async function registerTask(args: RegisterArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await registerPerson(await connect(hre), args);
    const invited = r.inviter
      ? `, invited by ${r.inviter}, with a welcome bonus of ${formatTokens(r.welcomeBonus)} of their own`
      : "";
    report(
      args.json,
      `${r.person} is registered at the income hub ${r.hub}${invited}. Income accrues at 1 token an hour: claim it with npx hardhat income claim. Transaction ${r.transaction}.`,
      { ...r },
    );
  });
}
