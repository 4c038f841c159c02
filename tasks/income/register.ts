/**
 * `npx hardhat income register [--inviter <address>] [--hub <address>] [--from <address>] [--json]`
 *
 * Registers the signer as a person at the income hub: with an inviter (a registered person who already trusts
 * them), or with none while the hub is bootstrapping. Income then accrues at 1 token an hour.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { getAddress, zeroAddress, type Address, type Hex } from "viem";

import { incomeHubAbi } from "../../client/abis.js";
import { connect, report, requireAddress, runTask, send, type Connection } from "../cli.js";
import { hubOf, idOf, tokens } from "./hub.js";

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

/** Registers the signer. Refusals (registered already, an invitation needed, not invited) are sentences. */
export async function registerPerson(c: Connection, args: RegisterArgs): Promise<RegisterResult> {
  const inviter = args.inviter === undefined ? null : requireAddress("inviter", args.inviter);
  const wallet = c.wallet(args.from);
  const hub = await hubOf(c, args.hub);
  const person = getAddress(wallet.account.address);
  const { request } = await c.publicClient.simulateContract({
    address: hub,
    abi: incomeHubAbi,
    functionName: "register",
    args: [inviter ?? zeroAddress],
    account: wallet.account,
  });
  const { hash: transaction } = await send(c, wallet, request);
  const welcomeBonus = inviter
    ? await c.publicClient.readContract({
        address: hub,
        abi: incomeHubAbi,
        functionName: "balanceOf",
        args: [person, idOf(person)],
      })
    : 0n;
  return { hub, person, inviter, welcomeBonus, transaction };
}

export default async function register(args: RegisterArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await registerPerson(await connect(hre), args);
    const invited = r.inviter
      ? `, invited by ${r.inviter}, with a welcome bonus of ${tokens(r.welcomeBonus)} of their own token`
      : "";
    report(
      args.json,
      `${r.person} is registered at the income hub ${r.hub}${invited}. Income accrues at 1 token an hour: claim it with npx hardhat income claim. Transaction ${r.transaction}.`,
      { ...r },
    );
  });
}
