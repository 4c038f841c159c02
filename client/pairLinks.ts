/**
 * The pair-link map for a pair-link audit (issue 17): who works with whom in a circle, computed from its events, so
 * that two members drawn by lot can look for informal cliques. Four kinds of link, each between two accounts:
 *
 * - **agreement**: for each unordered pair, the proposals both voted on and on how many they voted the same way
 *   (against, for or abstain: an abstention agrees only with an abstention), with the rate in basis points;
 * - **proposes for**: the proposer of a decision → the member it named: a mandate granted by decision, or an admission
 *   (a `membership.admit` call of an executed proposal); a mandate drawn by lot is counted apart (`drawn`), since the
 *   proposer of a draw does not choose the holder;
 * - **pays**: payer → payee in the circle's mutual-credit currency (the pair ledger: every `Transfer` that moves
 *   balances, non-zero and between two accounts, as the contract's `givenTo` counts it);
 * - **holds after**: for each role, its successive holders in grant order, previous → next (a holder who follows
 *   themself, a second term, is no pair).
 *
 * This module is pure (no network, no clock): {@link computePairLinks} takes plain event records, so it is tested
 * without a chain and can serve the app or the indexer; `readPairLinks` (actions/circle/readPairLinks.ts) reads the
 * records from the chain. Shares are basis points, rounded to the nearest (see `shareBps`).
 *
 * @example
 * const links = computePairLinks({ circle, members, votes, mandates, proposals: [], payments: [] });
 * links.agreement[0]; // { a, b, shared: 4, agreed: 4, opposed: 0, rateBps: 10000 }: the pair that agrees most
 */
import { decodeFunctionData, getAddress, isAddressEqual, type Address, type Hex } from "viem";

import { circleMembershipAbi } from "./abis.js";
import { shareBps } from "./scorecard.js";
import { formatAmount, type AmountUnits } from "./units.js";

// --- Records in ------------------------------------------------------------------------------------------------------

/** A vote (`VoteCast` or `VoteCastWithParams`): support 0 against, 1 for, 2 abstain. */
export interface PairLinkVote {
  voter: Address;
  proposalId: bigint;
  support: number;
}

/** A mandate granted (`MandateGranted`). */
export interface PairLinkMandate {
  mandateId: bigint;
  roleId: Hex;
  role: string;
  holder: Address;
  /** Who proposed the decision that granted it or requested its draw; zero for a facilitator draw. */
  proposer: Address;
  drawn: boolean;
}

/** A proposal of the circle (`ProposalCreated`), and whether it was executed (`ProposalExecuted`). */
export interface PairLinkProposal {
  proposalId: bigint;
  proposer: Address;
  calls: readonly { target: Address; data: Hex }[];
  executed: boolean;
}

/** A `Transfer` of the circle's currency. */
export interface PairLinkPayment {
  from: Address;
  to: Address;
  amount: bigint;
}

/** What {@link computePairLinks} is computed from. */
export interface PairLinkHistory {
  circle: Address;
  /** The members now, in the membership's order. */
  members: readonly Address[];
  /** Everyone ever admitted (`MemberAdmitted`): those not members now are former members. */
  admitted?: readonly Address[];
  /** The circle's membership contract: admissions are its `admit` calls (none are counted without it). */
  membership?: Address;
  votes: readonly PairLinkVote[];
  mandates: readonly PairLinkMandate[];
  proposals: readonly PairLinkProposal[];
  payments: readonly PairLinkPayment[];
  /** The currency's units, to write amounts (default: 18 decimals, no symbol). */
  units?: AmountUnits;
}

// --- Links out -------------------------------------------------------------------------------------------------------

/**
 * Who an account is to the circle: a member now; a former member (admitted once, or seen voting, proposing or holding
 * a mandate); the circle itself (its commons, in payments); or outside (another circle's commons, an admitted
 * account of the currency).
 */
export type PairLinkStatus = "member" | "former" | "circle" | "outside";

/** An account of the map. */
export interface PairLinkAccount {
  account: Address;
  status: PairLinkStatus;
}

/** Two accounts' votes on the proposals both voted on; `a` comes before `b` in the accounts' order. */
export interface AgreementLink {
  a: Address;
  b: Address;
  /** Proposals both voted on. */
  shared: number;
  /** Of those, how many they voted the same way (both against, both for, or both abstaining). */
  agreed: number;
  /** Of those, how many one voted for and the other against. */
  opposed: number;
  /** agreed / shared, in basis points. */
  rateBps: number;
}

/** Decisions `proposer` proposed that named `member`. */
export interface ProposesForLink {
  proposer: Address;
  member: Address;
  /** Mandates granted by decision to `member` on `proposer`'s proposal. */
  mandates: number;
  /** Admissions of `member` on `proposer`'s proposal (executed). */
  admissions: number;
  /** Mandates `member` was drawn by lot for in draws `proposer` requested (chance, not choice: not in `strength`). */
  drawn: number;
  /** mandates + admissions: what the links are sorted by. */
  strength: number;
}

/** What `payer` paid `payee` in the circle's currency. */
export interface PaysLink {
  payer: Address;
  payee: Address;
  /** In the currency's smallest unit, and written in its units. */
  amount: bigint;
  formatted: string;
  payments: number;
}

/** How often `next` held a role right after `previous`. */
export interface HoldsAfterLink {
  previous: Address;
  next: Address;
  count: number;
  /** The roles, each once, in the order first seen. */
  roles: string[];
}

/** One account's strongest link of a kind, and with whom (null when it has none). */
export interface StrongestLink {
  account: Address;
  /** The link's strength: agreements, decisions, payments' amount (raw), or successions. */
  strength: bigint | number;
}

/** A member's (or former member's) strongest links, each null when there is none. */
export interface PairLinkSummary {
  account: Address;
  status: PairLinkStatus;
  /** Proposals they voted on. */
  votes: number;
  /** Their highest agreement rate (ties: more shared proposals). */
  agreesWith: (StrongestLink & { rateBps: number; shared: number }) | null;
  proposesFor: StrongestLink | null;
  proposedBy: StrongestLink | null;
  pays: StrongestLink | null;
  paidBy: StrongestLink | null;
  /** Whom they most often held a role after, and who most often held one after them. */
  follows: StrongestLink | null;
  followedBy: StrongestLink | null;
}

/** The pair-link map. Every list is sorted strongest first (ties in the accounts' order). */
export interface PairLinks {
  circle: Address;
  /** Members now (in the membership's order), then former members, the circle, and outside accounts. */
  accounts: PairLinkAccount[];
  /** Pairs with at least one proposal both voted on, by rateBps, then shared. */
  agreement: AgreementLink[];
  /** By strength, then drawn. */
  proposesFor: ProposesForLink[];
  /** By amount, then payments. */
  pays: PaysLink[];
  /** By count. */
  holdsAfter: HoldsAfterLink[];
  /** For each member and former member, in the accounts' order. */
  summary: PairLinkSummary[];
}

// --- Computing -------------------------------------------------------------------------------------------------------

const ZERO: Address = "0x0000000000000000000000000000000000000000";

/** A key for an ordered pair of addresses. */
const pairKey = (a: Address, b: Address) => `${a}>${b}`;

/**
 * The pair-link map of a circle from its history: pure, deterministic (the same records in any order give the same
 * map, except that a voter's last vote on a proposal counts and mandates are taken in id order).
 *
 * @example
 * const { agreement, proposesFor, pays, holdsAfter, summary } = computePairLinks(history);
 */
export function computePairLinks(history: PairLinkHistory): PairLinks {
  const circle = getAddress(history.circle);
  const members = history.members.map((m) => getAddress(m));
  const current = new Set(members);
  const seenAsMember = new Set<Address>((history.admitted ?? []).map((a) => getAddress(a)));
  const seen = new Set<Address>();
  const note = (account: Address, asMember: boolean) => {
    seen.add(account);
    if (asMember) seenAsMember.add(account);
  };

  // Agreement: each voter's (last) vote per proposal.
  const ballots = new Map<bigint, Map<Address, number>>();
  for (const v of history.votes) {
    const voter = getAddress(v.voter);
    note(voter, true);
    let byVoter = ballots.get(v.proposalId);
    if (!byVoter) ballots.set(v.proposalId, (byVoter = new Map()));
    byVoter.set(voter, v.support);
  }

  // Proposes for: mandates granted or drawn, and executed admissions.
  const proposing = new Map<string, ProposesForLink>();
  const proposal = (proposer: Address, member: Address) => {
    const key = pairKey(proposer, member);
    let link = proposing.get(key);
    if (!link) {
      link = { proposer, member, mandates: 0, admissions: 0, drawn: 0, strength: 0 };
      proposing.set(key, link);
    }
    return link;
  };
  const mandates = [...history.mandates].sort((x, y) => (x.mandateId < y.mandateId ? -1 : 1));
  for (const m of mandates) {
    const [holder, proposer] = [getAddress(m.holder), getAddress(m.proposer)];
    note(holder, true);
    if (proposer === ZERO) continue; // a facilitator draw: nobody proposed it
    note(proposer, true);
    if (proposer === holder) continue;
    const link = proposal(proposer, holder);
    if (m.drawn) link.drawn += 1;
    else link.mandates += 1;
  }
  for (const { proposer, admitted } of admissionsOf(history.proposals, history.membership)) {
    note(proposer, true);
    note(admitted, true);
    if (proposer !== admitted) proposal(proposer, admitted).admissions += 1;
  }
  for (const link of proposing.values()) link.strength = link.mandates + link.admissions;

  // Pays: the pair ledger.
  const paying = new Map<string, PaysLink>();
  for (const p of history.payments) {
    const [payer, payee] = [getAddress(p.from), getAddress(p.to)];
    if (p.amount === 0n || payer === payee || payer === ZERO || payee === ZERO) continue;
    note(payer, false);
    note(payee, false);
    const key = pairKey(payer, payee);
    const link = paying.get(key) ?? { payer, payee, amount: 0n, formatted: "", payments: 0 };
    link.amount += p.amount;
    link.payments += 1;
    paying.set(key, link);
  }
  for (const link of paying.values()) link.formatted = formatAmount(link.amount, history.units);

  // Holds after: successive holders of each role, in grant order.
  const following = new Map<string, HoldsAfterLink>();
  const lastHolder = new Map<Hex, Address>();
  for (const m of mandates) {
    const holder = getAddress(m.holder);
    const previous = lastHolder.get(m.roleId);
    lastHolder.set(m.roleId, holder);
    if (previous === undefined || previous === holder) continue;
    const key = pairKey(previous, holder);
    const link = following.get(key) ?? { previous, next: holder, count: 0, roles: [] };
    link.count += 1;
    if (!link.roles.includes(m.role)) link.roles.push(m.role);
    following.set(key, link);
  }

  // The accounts, in a fixed order: members now, former members, the circle, outside accounts.
  const statusOf = (account: Address): PairLinkStatus =>
    current.has(account) ? "member" : account === circle ? "circle" : seenAsMember.has(account) ? "former" : "outside";
  const rank: Record<PairLinkStatus, number> = { member: 0, former: 1, circle: 2, outside: 3 };
  const others = [...new Set([...seenAsMember, ...seen])]
    .filter((a) => !current.has(a))
    .sort((x, y) => rank[statusOf(x)] - rank[statusOf(y)] || x.localeCompare(y));
  const accounts = [...members, ...others].map((account) => ({ account, status: statusOf(account) }));
  const order = new Map(accounts.map((a, i) => [a.account, i]));
  const byOrder = (x: Address, y: Address) => order.get(x)! - order.get(y)!;

  // Agreement pairs, `a` before `b` in the accounts' order.
  const agreeing = new Map<string, AgreementLink>();
  for (const byVoter of ballots.values()) {
    const voters = [...byVoter.keys()].sort(byOrder);
    for (let i = 0; i < voters.length; i++) {
      for (let j = i + 1; j < voters.length; j++) {
        const [a, b] = [voters[i]!, voters[j]!];
        const [sa, sb] = [byVoter.get(a)!, byVoter.get(b)!];
        const key = pairKey(a, b);
        const link = agreeing.get(key) ?? { a, b, shared: 0, agreed: 0, opposed: 0, rateBps: 0 };
        link.shared += 1;
        if (sa === sb) link.agreed += 1;
        else if (sa !== 2 && sb !== 2) link.opposed += 1;
        agreeing.set(key, link);
      }
    }
  }
  for (const link of agreeing.values()) link.rateBps = shareBps(link.agreed, link.shared) ?? 0;

  const cmp = (x: bigint | number, y: bigint | number) => (x > y ? -1 : x < y ? 1 : 0); // descending
  const agreement = [...agreeing.values()].sort(
    (x, y) => cmp(x.rateBps, y.rateBps) || cmp(x.shared, y.shared) || byOrder(x.a, y.a) || byOrder(x.b, y.b),
  );
  const proposesFor = [...proposing.values()].sort(
    (x, y) =>
      cmp(x.strength, y.strength) ||
      cmp(x.drawn, y.drawn) ||
      byOrder(x.proposer, y.proposer) ||
      byOrder(x.member, y.member),
  );
  const pays = [...paying.values()].sort(
    (x, y) =>
      cmp(x.amount, y.amount) || cmp(x.payments, y.payments) || byOrder(x.payer, y.payer) || byOrder(x.payee, y.payee),
  );
  const holdsAfter = [...following.values()].sort(
    (x, y) => cmp(x.count, y.count) || byOrder(x.previous, y.previous) || byOrder(x.next, y.next),
  );

  // Each member's strongest links: the first of each sorted list that involves them.
  const strongest = <L>(
    links: readonly L[],
    other: (l: L) => Address | undefined,
    strength: (l: L) => bigint | number,
  ) => {
    const link = links.find((l) => other(l) !== undefined);
    return link === undefined ? null : { account: other(link)!, strength: strength(link) };
  };
  const summary = accounts
    .filter((a) => a.status === "member" || a.status === "former")
    .map(({ account, status }): PairLinkSummary => {
      const votes = [...ballots.values()].filter((b) => b.has(account)).length;
      const agreed = agreement.find((l) => l.a === account || l.b === account);
      const when =
        <L>(pick: (l: L) => Address, mine: (l: L) => Address) =>
        (l: L) =>
          mine(l) === account ? pick(l) : undefined;
      return {
        account,
        status,
        votes,
        agreesWith: agreed
          ? {
              account: agreed.a === account ? agreed.b : agreed.a,
              strength: agreed.agreed,
              rateBps: agreed.rateBps,
              shared: agreed.shared,
            }
          : null,
        proposesFor: strongest(
          proposesFor.filter((l) => l.strength > 0),
          when(
            (l) => l.member,
            (l) => l.proposer,
          ),
          (l) => l.strength,
        ),
        proposedBy: strongest(
          proposesFor.filter((l) => l.strength > 0),
          when(
            (l) => l.proposer,
            (l) => l.member,
          ),
          (l) => l.strength,
        ),
        pays: strongest(
          pays,
          when(
            (l) => l.payee,
            (l) => l.payer,
          ),
          (l) => l.amount,
        ),
        paidBy: strongest(
          pays,
          when(
            (l) => l.payer,
            (l) => l.payee,
          ),
          (l) => l.amount,
        ),
        follows: strongest(
          holdsAfter,
          when(
            (l) => l.previous,
            (l) => l.next,
          ),
          (l) => l.count,
        ),
        followedBy: strongest(
          holdsAfter,
          when(
            (l) => l.next,
            (l) => l.previous,
          ),
          (l) => l.count,
        ),
      };
    });

  return { circle, accounts, agreement, proposesFor, pays, holdsAfter, summary };
}

/**
 * The admissions among `proposals`: each `admit(member)` call to `membership` of an executed proposal, with the
 * proposal's proposer. Calls to other targets, or that do not decode as `admit`, are not admissions.
 *
 * @example
 * admissionsOf(proposals, membership); // [{ proposalId, proposer: ana, admitted: gus }]
 */
export function admissionsOf(
  proposals: readonly PairLinkProposal[],
  membership: Address | undefined,
): { proposalId: bigint; proposer: Address; admitted: Address }[] {
  if (membership === undefined) return [];
  const found: { proposalId: bigint; proposer: Address; admitted: Address }[] = [];
  for (const p of proposals) {
    if (!p.executed) continue;
    for (const call of p.calls) {
      if (!isAddressEqual(call.target, membership)) continue;
      try {
        const decoded = decodeFunctionData({ abi: circleMembershipAbi, data: call.data });
        if (decoded.functionName !== "admit") continue;
        found.push({
          proposalId: p.proposalId,
          proposer: getAddress(p.proposer),
          admitted: getAddress(decoded.args[0]),
        });
      } catch {
        continue; // not a call the membership knows
      }
    }
  }
  return found;
}
