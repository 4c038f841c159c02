import { getAddress, type Address, type Hash } from "viem";
import { readContract } from "viem/actions";

import { incomeHubAbi } from "../../abis.js";
import { CommonwealError, describeError } from "../../errors.js";
import { AVATAR_KIND_PERSON, tokenIdOf } from "../../income.js";
import { formatTokens } from "../../units.js";
import { type SigningClient } from "../submit.js";
import { setTrust } from "./setTrust.js";

export interface InvitePersonParameters {
  hub: Address;
  /** Who to invite: someone not registered yet. */
  invitee: Address;
  /** How long the inviter trusts them, in seconds from the latest block (default 365 days). */
  duration?: number;
}

export interface InvitePersonReturnType {
  inviter: Address;
  invitee: Address;
  /** When the inviter's trust in the invitee ends, unix seconds. */
  expiry: bigint;
  /** What the invitee's registration will burn of the inviter's own token. */
  invitationCost: bigint;
  transaction: Hash;
}

/** A year of trust: how long an invitation's trust lasts unless told otherwise. */
export const DEFAULT_INVITATION_SECONDS = 365 * 86_400;

/**
 * Invites someone: inviting is trusting first, so the client's account (a registered person) trusts the invitee,
 * who then registers naming them (`registerPerson` with `inviter`); that registration burns the invitation cost of
 * the inviter's own token. Refused with a CommonwealError before anything is sent if the inviter is not a registered
 * person, the invitee is registered already, or the inviter does not hold the invitation cost (the invitee's
 * registration would fail).
 *
 * @example
 * await invitePerson(walletClient, { hub, invitee: gus });
 */
export async function invitePerson(
  client: SigningClient,
  parameters: InvitePersonParameters,
): Promise<InvitePersonReturnType> {
  const { hub, duration = DEFAULT_INVITATION_SECONDS } = parameters;
  const invitee = getAddress(parameters.invitee);
  const inviter = getAddress(client.account.address);
  const read = { address: hub, abi: incomeHubAbi } as const;
  const [inviterKind, inviteeKind, balance, invitationCost] = await Promise.all([
    readContract(client, { ...read, functionName: "avatarKind", args: [inviter] }),
    readContract(client, { ...read, functionName: "avatarKind", args: [invitee] }),
    readContract(client, { ...read, functionName: "balanceOf", args: [inviter, tokenIdOf(inviter)] }),
    readContract(client, { ...read, functionName: "invitationCost" }),
  ]);
  if (inviterKind !== AVATAR_KIND_PERSON) {
    throw new CommonwealError(
      `${describeError("IncomeHubNotRegistered", [inviter])} Register first (\`income register\`).`,
    );
  }
  if (inviteeKind !== 0) {
    throw new CommonwealError(
      `${invitee} is registered already, so needs no invitation; to accept their token, trust them (\`income trust\`).`,
    );
  }
  if (balance < invitationCost) {
    throw new CommonwealError(
      `An invitation burns ${formatTokens(invitationCost)} of your own when ${invitee} registers, and ${inviter} holds ${formatTokens(balance)}: claim your income first (\`income claim\`).`,
    );
  }
  const { expiry, transaction } = await setTrust(client, { hub, trustee: invitee, duration });
  return { inviter, invitee, expiry, invitationCost, transaction };
}
