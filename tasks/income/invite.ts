/**
 * `npx hardhat income invite --person <address> [--days 365] [--hub <address>] [--from <address>] [--json]`
 *
 * Inviting is trusting first: the signer (a registered person) trusts the invitee, who then registers naming them
 * (`income register --inviter <signer>`). Their registration burns the invitation cost of the inviter's own token.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import { getAddress, type Address, type Hex } from "viem";

import { incomeHubAbi } from "../../client/abis.js";
import { describeError } from "../../client/errors.js";
import { CliError, connect, report, requireAddress, runTask, send, type Connection } from "../cli.js";
import { hubOf, idOf, isoDate, tokens, trustExpiry } from "./hub.js";

export interface InviteArgs {
  person?: string;
  days?: string;
  hub?: string;
  from?: string;
  json: boolean;
}

export interface InviteResult {
  hub: Address;
  inviter: Address;
  invitee: Address;
  /** When the inviter's trust in the invitee ends (unix seconds), and as an ISO date. */
  expiry: bigint;
  trustedUntil: string;
  /** What the invitee's registration will burn of the inviter's own token. */
  invitationCost: bigint;
  transaction: Hex;
}

/**
 * Trusts the invitee. Refused before anything is sent if the signer is not a registered person, the invitee is
 * registered already, or the signer does not hold the invitation cost of their own token (the invitee's
 * registration would fail).
 */
export async function invitePerson(c: Connection, args: InviteArgs): Promise<InviteResult> {
  const invitee = requireAddress("person", args.person);
  const wallet = c.wallet(args.from);
  const inviter = getAddress(wallet.account.address);
  const hub = await hubOf(c, args.hub);
  const now = (await c.publicClient.getBlock()).timestamp;
  const expiry = trustExpiry({ days: args.days ?? "365" }, now);
  const read = { address: hub, abi: incomeHubAbi } as const;
  const [inviterKind, inviteeKind, balance, invitationCost] = await Promise.all([
    c.publicClient.readContract({ ...read, functionName: "avatarKind", args: [inviter] }),
    c.publicClient.readContract({ ...read, functionName: "avatarKind", args: [invitee] }),
    c.publicClient.readContract({ ...read, functionName: "balanceOf", args: [inviter, idOf(inviter)] }),
    c.publicClient.readContract({ ...read, functionName: "invitationCost" }),
  ]);
  const PERSON = 1;
  if (inviterKind !== PERSON) {
    throw new CliError(
      `${describeError("IncomeHubNotRegistered", [inviter])} Register first: npx hardhat income register.`,
    );
  }
  if (inviteeKind !== 0) {
    throw new CliError(
      `${invitee} is registered already, so needs no invitation; to accept their token, trust them: npx hardhat income trust --person ${invitee} --days 365.`,
    );
  }
  if (balance < invitationCost) {
    throw new CliError(
      `An invitation burns ${tokens(invitationCost)} of your own token when ${invitee} registers, and ${inviter} holds ${tokens(balance)}: claim your income first (npx hardhat income claim).`,
    );
  }
  const { request } = await c.publicClient.simulateContract({
    ...read,
    functionName: "trust",
    args: [invitee, expiry],
    account: wallet.account,
  });
  const { hash: transaction } = await send(c, wallet, request);
  return { hub, inviter, invitee, expiry, trustedUntil: isoDate(expiry), invitationCost, transaction };
}

export default async function invite(args: InviteArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await invitePerson(await connect(hre), args);
    report(
      args.json,
      `${r.inviter} now trusts ${r.invitee} until ${r.trustedUntil}. Tell them to register naming you: npx hardhat income register --inviter ${r.inviter} (it burns ${tokens(r.invitationCost)} of your token and welcomes them with some of theirs). Transaction ${r.transaction}.`,
      { ...r },
    );
  });
}
