/**
 * A member's own page: for every circle (and council) of the registry they belong to, what awaits their vote, their
 * mandates and when each ends, their cooldowns and their credit; and their basic income, with what they can claim now.
 */
import { getAddress, type Address, type Chain, type Client, type Transport } from "viem";
import { getBlock } from "viem/actions";

import { isoTime } from "../../time.js";
import { formatTokens } from "../../units.js";
import { listCircles, MAX_PAGE_SIZE } from "../circle/listCircles.js";
import { readIncomeAccount, type ReadIncomeAccountReturnType } from "../income/readIncomeAccount.js";
import { readMemberCircle, type ReadMemberCircleReturnType } from "./readMemberCircle.js";

export interface ReadMemberOverviewParameters {
  member: Address;
  registry: Address;
  /** The income hub (the deployment's `incomeHub`): without it, `income` is null. */
  hub?: Address;
  /** The credit factory (the deployment's `creditFactory`): without it, each circle's `credit` is null. */
  creditFactory?: Address;
}

/** The member's basic income: their own token today, and what a claim would mint now. */
export interface MemberIncome {
  hub: Address;
  registered: ReadIncomeAccountReturnType["registered"];
  /** Whether they stopped their income for good. */
  stopped: boolean;
  /** After demurrage, in the hub's smallest unit (18 decimals). */
  balance: bigint;
  claimable: bigint;
  /** "96 tokens", "1 token". */
  formatted: { balance: string; claimable: string };
}

export interface ReadMemberOverviewReturnType {
  member: Address;
  registry: Address;
  /** The latest block's timestamp, at which cooldowns are judged, and as an ISO date. */
  at: bigint;
  atIso: string;
  /** The circles and councils the member belongs to, oldest first (see readMemberCircle). */
  circles: ReadMemberCircleReturnType[];
  /** Null without `hub`. */
  income: MemberIncome | null;
  /** Totals for a badge: proposals awaiting their vote, live mandates held, cooldowns running. */
  counts: { awaitingVote: number; mandates: number; cooldowns: number };
}

/**
 * Everything on a member's own page, read from the chain at its latest block: every circle of the registry (read page
 * by page, {@link MAX_PAGE_SIZE} at a time, all of them) is checked for membership, and each circle they belong to
 * is read with readMemberCircle; with `hub`, their income account (readIncomeAccount).
 *
 * @example
 * const me = await readMemberOverview(publicClient, { member: ana, registry, hub, creditFactory });
 * console.log(`${me.counts.awaitingVote} proposal(s) await your vote; you can claim ${me.income?.formatted.claimable}`);
 */
export async function readMemberOverview<chain extends Chain | undefined>(
  client: Client<Transport, chain>,
  parameters: ReadMemberOverviewParameters,
): Promise<ReadMemberOverviewReturnType> {
  const { registry, hub, creditFactory } = parameters;
  const member = getAddress(parameters.member);
  const at = (await getBlock(client)).timestamp;
  const addresses: Address[] = [];
  for (let offset = 0n; ; offset += MAX_PAGE_SIZE) {
    const page = await listCircles(client, { registry, offset });
    addresses.push(...page.circles.map((c) => c.address));
    if (offset + MAX_PAGE_SIZE >= page.total) break;
  }
  const [read, income] = await Promise.all([
    Promise.all(addresses.map((circle) => readMemberCircle(client, { member, circle, registry, creditFactory, at }))),
    hub ? readIncomeAccount(client, { hub, account: member }) : null,
  ]);
  const circles = read.filter((c) => c.isMember);
  const sum = (f: (c: ReadMemberCircleReturnType) => number) => circles.reduce((n, c) => n + f(c), 0);
  return {
    member,
    registry,
    at,
    atIso: isoTime(at),
    circles,
    income: income && {
      hub: income.hub,
      registered: income.registered,
      stopped: income.stopped,
      balance: income.balance,
      claimable: income.claimable,
      formatted: { balance: formatTokens(income.balance), claimable: formatTokens(income.claimable) },
    },
    counts: {
      awaitingVote: sum((c) => c.awaitingVote.length),
      mandates: sum((c) => c.mandates.length),
      cooldowns: sum((c) => c.cooldowns.length),
    },
  };
}
