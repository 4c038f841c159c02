/**
 * `npx hardhat income invite --person <address> [--for 52w] [--hub <address>] [--from <address>] [--json]`
 *
 * Inviting is trusting first: the signer (a registered person) trusts the invitee, who then registers naming them
 * (`income register --inviter <signer>`). Their registration burns the invitation cost of the inviter's own token.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { Address, Hex } from "viem";

import { invitePerson as invite } from "../../client/actions/income/invitePerson.js";
import { isoTime } from "../../client/time.js";
import { formatTokens } from "../../client/units.js";
import { connect, report, requireAddress, runTask, type Connection } from "../cli.js";
import { hubOf, parseTrustDuration } from "./hub.js";

export interface InviteArgs {
  person?: string;
  for?: string;
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
 * Trusts the invitee for `--for` (default a year), through the client's `invitePerson`, which refuses before anything
 * is sent an invitation that could not be taken up.
 */
export async function invitePerson(c: Connection, args: InviteArgs): Promise<InviteResult> {
  const invitee = requireAddress("person", args.person);
  const duration = args.for === undefined ? {} : { duration: parseTrustDuration(args.for) };
  const wallet = c.wallet(args.from);
  const hub = await hubOf(c, args.hub);
  const r = await invite(wallet, { hub, invitee, ...duration });
  return { hub, ...r, trustedUntil: isoTime(r.expiry) };
}

export default async function inviteTask(args: InviteArgs, hre: HardhatRuntimeEnvironment): Promise<void> {
  await runTask(args.json, async () => {
    const r = await invitePerson(await connect(hre), args);
    report(
      args.json,
      `${r.inviter} now trusts ${r.invitee} until ${r.trustedUntil}. Tell them to register naming you: npx hardhat income register --inviter ${r.inviter} (it burns ${formatTokens(r.invitationCost)} of your own and welcomes them with some of theirs). Transaction ${r.transaction}.`,
      { ...r },
    );
  });
}
