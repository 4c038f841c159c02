/**
 * The circle's mentorship as it stands: the pairs of the last inversion still standing (a newer member mentoring a
 * more senior one), who is unpaired until the next inversion, everyone's admission time, and when the next inversion
 * is due or whether one is waiting for its randomness.
 */
import { getAddress, parseAbi, zeroAddress, type Address, type Chain, type Client, type Transport } from "viem";
import { getBlock, readContract } from "viem/actions";

import { circleMembershipAbi, circleRitualsAbi, mandatesAbi } from "../../abis.js";
import { isoTime } from "../../time.js";
import { readProfiles } from "../profile/readProfiles.js";
import { resolveBody } from "./resolveBody.js";

/** What the mentorship reads of a randomness source (IRandomnessSource). */
const randomnessSourceAbi = parseAbi([
  "function isReady(uint256 ticket) view returns (bool)",
  "function isExpired(uint256 ticket) view returns (bool)",
]);

export interface ReadMentorshipParameters {
  /** The circle. */
  circle: Address;
  registry: Address;
  /** A Profiles registry to name the members from; without it every name is "". */
  profiles?: Address;
}

/** A member as the mentorship shows them. */
export interface MentorshipMember {
  /** Checksummed. */
  account: Address;
  /** The display name they set in the Profiles registry; "" for none (or no registry given). */
  name: string;
  /** Their admission time (the founding for founders who never left), unix seconds. */
  admittedAt: bigint;
  admittedAtIso: string;
}

export interface ReadMentorshipReturnType {
  circle: Address;
  /** The latest block's time. */
  at: bigint;
  /** Whether the circle's mandate rules allow inversions (`inversionPeriod` above 0). */
  enabled: boolean;
  /** The inversion period, in seconds. */
  period: number;
  /** The completed inversion the pairs are from; 0n before the first. */
  number: bigint;
  completedAt: bigint | null;
  completedAtIso: string | null;
  /** The pairs still standing, newest mentor first. */
  pairs: { mentor: MentorshipMember; mentee: MentorshipMember }[];
  /** The members in no standing pair: the median of an odd count, partners of those who left, newcomers. */
  unpaired: MentorshipMember[];
  /** An inversion waiting for its randomness, or null. */
  pending: { number: bigint; ticket: bigint; source: Address; ready: boolean; expired: boolean } | null;
  /** When the next inversion may be requested; null when inversions are off. */
  nextDueAt: bigint | null;
  nextDueAtIso: string | null;
  /** Whether anyone may request the next inversion now: on, none pending, and due. */
  canRequest: boolean;
}

/**
 * Reads the rituals' `mentorshipPairs()` and `inversion()`, the mandates' rules, and every member's admission time
 * (`admittedAt`), from the chain at its latest block; names from `profiles` when given. Refuses an address that is no
 * body of `registry` (see resolveBody).
 *
 * @example
 * const m = await readMentorship(publicClient, { circle, registry, profiles });
 * for (const { mentor, mentee } of m.pairs) console.log(`${mentor.name || mentor.account} mentors ${mentee.account}`);
 * if (m.canRequest) await requestInversion(walletClient, { circle, registry });
 */
export async function readMentorship<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ReadMentorshipParameters,
): Promise<ReadMentorshipReturnType> {
  const body = await resolveBody(client, { address: parameters.circle, registry: parameters.registry });
  const rituals = { address: body.rituals, abi: circleRitualsAbi } as const;
  const [block, [number, standing], [requested, completed, source, ticket, dueAt, completedAt], rules, members] =
    await Promise.all([
      getBlock(client),
      readContract(client, { ...rituals, functionName: "mentorshipPairs" }),
      readContract(client, { ...rituals, functionName: "inversion" }),
      readContract(client, { address: body.mandates, abi: mandatesAbi, functionName: "rules" }),
      readContract(client, { address: body.membership, abi: circleMembershipAbi, functionName: "members" }),
    ]);
  const accounts = members.map((m) => getAddress(m));
  const [times, book] = await Promise.all([
    Promise.all(
      accounts.map((account) =>
        readContract(client, {
          address: body.membership,
          abi: circleMembershipAbi,
          functionName: "admittedAt",
          args: [account],
        }),
      ),
    ),
    parameters.profiles ? readProfiles(client, { profiles: parameters.profiles, accounts }) : undefined,
  ]);
  const byAccount = new Map<Address, MentorshipMember>(
    accounts.map((account, i) => [
      account,
      {
        account,
        name: book?.get(account)?.name ?? "",
        admittedAt: BigInt(times[i]!),
        admittedAtIso: isoTime(times[i]!),
      },
    ]),
  );
  // Every account of a standing pair is a member now (the contract drops pairs with a departed member).
  const pairs = standing.map((p) => ({
    mentor: byAccount.get(getAddress(p.mentor))!,
    mentee: byAccount.get(getAddress(p.mentee))!,
  }));
  const paired = new Set(pairs.flatMap((p) => [p.mentor.account, p.mentee.account]));
  const unpaired = [...byAccount.values()]
    .filter((m) => !paired.has(m.account))
    .sort((a, b) => (a.admittedAt > b.admittedAt ? -1 : a.admittedAt < b.admittedAt ? 1 : 0));
  let pending: ReadMentorshipReturnType["pending"] = null;
  if (requested > completed && source !== zeroAddress) {
    const read = (functionName: "isReady" | "isExpired") =>
      readContract(client, { address: source, abi: randomnessSourceAbi, functionName, args: [ticket] });
    const [ready, expired] = await Promise.all([read("isReady"), read("isExpired")]);
    pending = { number: requested, ticket, source: getAddress(source), ready, expired };
  }
  const enabled = rules.inversionPeriod > 0;
  const at = block.timestamp;
  return {
    circle: body.circle,
    at,
    enabled,
    period: rules.inversionPeriod,
    number,
    completedAt: completedAt === 0n ? null : BigInt(completedAt),
    completedAtIso: completedAt === 0n ? null : isoTime(completedAt),
    pairs,
    unpaired,
    pending,
    nextDueAt: enabled ? BigInt(dueAt) : null,
    nextDueAtIso: enabled ? isoTime(dueAt) : null,
    canRequest: enabled && pending === null && requested === completed && at >= BigInt(dueAt),
  };
}
