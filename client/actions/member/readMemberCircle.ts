/**
 * What one member sees of one circle on their own page: the proposals awaiting their vote, the mandates they hold and
 * when each ends (with the recall signals against it), the cooldowns they sit out, and their account in the circle's
 * currency. Composed of the circle, proposal, mandate and credit reads; every time is given in seconds and as an ISO
 * date, every amount raw and in the currency's units.
 */
import { getAddress, isAddressEqual, type Address, type Chain, type Client, type Hex, type Transport } from "viem";
import { getBlock, readContract } from "viem/actions";

import { getContractEventsPaged } from "../../pagedEvents.js";
import { circleAbi, circleMembershipAbi, circleRitualsAbi, mandatesAbi } from "../../abis.js";
import { formatLimit } from "../../credit.js";
import { isoTime } from "../../time.js";
import { formatAmount } from "../../units.js";
import { resolveBody } from "../circle/resolveBody.js";
import { readCreditAccount } from "../credit/readCreditAccount.js";
import { readCurrency } from "../credit/readCurrency.js";
import { readCurrencyAddress } from "../credit/readCurrencyAddress.js";
import { listMandates } from "../mandate/listMandates.js";
import { listProposals, type ListedProposal } from "../proposal/listProposals.js";

export interface ReadMemberCircleParameters {
  member: Address;
  /** The circle (or council). */
  circle: Address;
  registry: Address;
  /** The credit factory (the deployment's `creditFactory`): without it, the member's credit is not read. */
  creditFactory?: Address;
  /**
   * The time to judge cooldowns at (default: the latest block's timestamp). Proposal states are the chain's at its
   * latest block.
   */
  at?: bigint;
}

/** A proposal open for votes that the member may vote on and has not. */
export interface AwaitingVote {
  proposalId: bigint;
  description: string;
  proposer: Address;
  /** The last second votes are taken (seconds, and ISO). */
  deadline: bigint;
  deadlineIso: string;
}

/** A live mandate the member holds. */
export interface MemberMandate {
  id: bigint;
  role: string;
  title: string;
  grantedAt: bigint;
  grantedAtIso: string;
  /** When the mandate ends by itself (it cannot act from then on). */
  expiresAt: bigint;
  expiresAtIso: string;
  drawn: boolean;
  /** Recall signals of current members against it so far, and how many end it (a majority). */
  recall: { signals: bigint; needed: bigint };
}

/**
 * A cooldown running at `at`: "dominance" (named dominant by a majority in a temperature check: no role until it
 * ends), "reset" (their signal completed a hard reset: no reset signal until it ends), "term" (they reached the
 * consecutive-term limit of `role`: not that role until it ends).
 */
export interface MemberCooldown {
  kind: "dominance" | "reset" | "term";
  /** For a term cooldown: the role. */
  role: string | null;
  until: bigint;
  untilIso: string;
}

/** The member's account in the circle's currency: raw amounts, and the same written in its units. */
export interface MemberCredit {
  currency: Address;
  name: string;
  symbol: string;
  decimals: number;
  /** Signed: below zero is credit used. */
  balance: bigint;
  creditLimit: bigint;
  saturationLimit: bigint;
  canPay: bigint;
  canReceive: bigint;
  /** "-12.5 HRS"; limits at the currency's maximum read "unlimited". */
  formatted: { balance: string; creditLimit: string; saturationLimit: string; canPay: string; canReceive: string };
}

export interface ReadMemberCircleReturnType {
  circle: Address;
  name: string;
  council: boolean;
  member: Address;
  /** Whether `member` is a member now; when not, every list below is empty and `credit` null. */
  isMember: boolean;
  at: bigint;
  awaitingVote: AwaitingVote[];
  mandates: MemberMandate[];
  cooldowns: MemberCooldown[];
  /** Null without `creditFactory`, or when the circle has no currency. */
  credit: MemberCredit | null;
}

/**
 * One circle as one member sees it. Awaiting their vote: the proposals Active now for which they had a vote at
 * the proposal's electorate timepoint and have not voted, soonest deadline first. Their live mandates, with recall
 * signals. Their cooldowns running at `at`: dominance (`rituals.cooldownEndsAt`), reset (`resetCooldownEndsAt`) and
 * term limits (`mandates.termOf`, for every role they were ever granted). Their credit account, with
 * `creditFactory`. Refuses an address that is not a body of `registry` (see resolveBody).
 *
 * @example
 * const mine = await readMemberCircle(publicClient, { member: ana, circle, registry, creditFactory });
 * for (const p of mine.awaitingVote) console.log(`${p.description}: vote by ${p.deadlineIso}`);
 */
export async function readMemberCircle<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ReadMemberCircleParameters,
): Promise<ReadMemberCircleReturnType> {
  const member = getAddress(parameters.member);
  const body = await resolveBody(client, { address: parameters.circle, registry: parameters.registry });
  const at = parameters.at ?? (await getBlock(client)).timestamp;
  const [name, isMember] = await Promise.all([
    readContract(client, { address: body.circle, abi: circleAbi, functionName: "name" }),
    readContract(client, {
      address: body.membership,
      abi: circleMembershipAbi,
      functionName: "isMember",
      args: [member],
    }),
  ]);
  const base = { circle: body.circle, name, council: body.council, member, isMember, at };
  if (!isMember) return { ...base, awaitingVote: [], mandates: [], cooldowns: [], credit: null };
  const [awaitingVote, mandates, cooldowns, credit] = await Promise.all([
    awaitingVoteOf(client, body.circle, member),
    mandatesOf(client, body.mandates, member),
    cooldownsOf(client, body, member, at),
    parameters.creditFactory ? creditOf(client, parameters.creditFactory, body.circle, member) : null,
  ]);
  return { ...base, awaitingVote, mandates, cooldowns, credit };
}

async function awaitingVoteOf<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  circle: Address,
  member: Address,
): Promise<AwaitingVote[]> {
  const read = { address: circle, abi: circleAbi } as const;
  const active = (await listProposals(client, { circle })).filter((p) => p.stateName === "Active");
  const open = await Promise.all(
    active.map(async (p: ListedProposal) => {
      const [voted, snapshot] = await Promise.all([
        readContract(client, { ...read, functionName: "hasVoted", args: [p.id, member] }),
        readContract(client, { ...read, functionName: "proposalSnapshot", args: [p.id] }),
      ]);
      if (voted) return null;
      const weight = await readContract(client, { ...read, functionName: "getVotes", args: [member, snapshot] });
      if (weight === 0n) return null;
      return {
        proposalId: p.id,
        description: p.description,
        proposer: getAddress(p.proposer),
        deadline: p.voteEnd,
        deadlineIso: isoTime(p.voteEnd),
      };
    }),
  );
  return open
    .filter((p) => p !== null)
    .sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0));
}

async function mandatesOf<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  mandates: Address,
  member: Address,
): Promise<MemberMandate[]> {
  const held = (await listMandates(client, { mandates })).filter((m) => isAddressEqual(m.holder, member));
  return Promise.all(
    held.map(async (m) => {
      const [signals, needed] = await readContract(client, {
        address: mandates,
        abi: mandatesAbi,
        functionName: "recallSignals",
        args: [m.id],
      });
      const grantedAt = BigInt(m.grantedAt);
      const expiresAt = BigInt(m.expiresAt);
      return {
        id: m.id,
        role: m.role,
        title: m.title,
        grantedAt,
        grantedAtIso: isoTime(grantedAt),
        expiresAt,
        expiresAtIso: isoTime(expiresAt),
        drawn: m.drawn,
        recall: { signals, needed },
      };
    }),
  );
}

async function cooldownsOf<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  body: { rituals: Address; mandates: Address },
  member: Address,
  at: bigint,
): Promise<MemberCooldown[]> {
  const rituals = { address: body.rituals, abi: circleRitualsAbi } as const;
  const [dominance, reset, granted] = await Promise.all([
    readContract(client, { ...rituals, functionName: "cooldownEndsAt", args: [member] }),
    readContract(client, { ...rituals, functionName: "resetCooldownEndsAt", args: [member] }),
    // The roles they were ever granted: a term limit can only bind those.
    getContractEventsPaged(client, {
      address: body.mandates,
      abi: mandatesAbi,
      eventName: "MandateGranted",
      args: { holder: member },
      fromBlock: 0n,
      strict: true,
    }),
  ]);
  const roles = new Map<Hex, string>(granted.map((log) => [log.args.roleId, log.args.role]));
  const terms = await Promise.all(
    [...roles].map(async ([roleId, role]) => {
      const [, availableAt] = await readContract(client, {
        address: body.mandates,
        abi: mandatesAbi,
        functionName: "termOf",
        args: [roleId, member],
      });
      return { kind: "term" as const, role, until: BigInt(availableAt) };
    }),
  );
  const all = [
    { kind: "dominance" as const, role: null, until: BigInt(dominance) },
    { kind: "reset" as const, role: null, until: BigInt(reset) },
    ...terms,
  ];
  return all.filter((c) => c.until > at).map((c) => ({ ...c, untilIso: isoTime(c.until) }));
}

async function creditOf<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  factory: Address,
  circle: Address,
  member: Address,
): Promise<MemberCredit | null> {
  const { currency, exists } = await readCurrencyAddress(client, { factory, circle });
  if (!exists) return null;
  const [units, account] = await Promise.all([
    readCurrency(client, { currency }),
    readCreditAccount(client, { currency, account: member }),
  ]);
  const amount = (n: bigint) => formatAmount(n, units);
  const limit = (n: bigint) => formatLimit(n, units);
  return {
    currency,
    name: units.name,
    symbol: units.symbol,
    decimals: units.decimals,
    balance: account.signedBalance,
    creditLimit: account.creditLimit,
    saturationLimit: account.saturationLimit,
    canPay: account.canPay,
    canReceive: account.canReceive,
    formatted: {
      balance: amount(account.signedBalance),
      creditLimit: limit(account.creditLimit),
      saturationLimit: limit(account.saturationLimit),
      canPay: limit(account.canPay),
      canReceive: limit(account.canReceive),
    },
  };
}
