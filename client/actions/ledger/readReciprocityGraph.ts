/**
 * A circle's currency as a graph for a page: its accounts with their balances, and who gave whom what, from the
 * ledger's pair ledger, with the pairs that only ever paid one way marked as the sovereignty scorecard marks them.
 */
import type { Address } from "viem";

import { addr, big, filterAddress, listAll, type LedgerClient } from "../../ledger.js";
import { shareBps } from "../../scorecard.js";
import { isoTime } from "../../time.js";
import { formatAmount } from "../../units.js";
import { listCreditAccounts, type LedgerCreditAccount } from "./listCreditAccounts.js";
import { listCreditPairs, type LedgerCreditPair } from "./listCreditPairs.js";
import type { LedgerCurrency } from "./readLedgerCurrency.js";

export interface ReadReciprocityGraphParameters {
  /** The circle (or council) whose currency to draw. */
  circle: Address;
}

/** An account of the currency. */
export interface ReciprocityNode {
  account: Address;
  /** The circle's own account (its commons). */
  commons: boolean;
  /** Signed, in the smallest unit, and written in the currency's units ("-12.5 HRS"). */
  balance: bigint;
  formattedBalance: string;
  admitted: boolean;
  departed: boolean;
  /** Among the pairs that count (see {@link ReciprocityEdge.counted}): gave and never received, or the reverse. */
  onlyGave: boolean;
  onlyTook: boolean;
}

/** What `giver` gave `receiver` in payments inside the circle (legs of payments across currencies left out). */
export interface ReciprocityEdge {
  giver: Address;
  receiver: Address;
  given: bigint;
  formattedGiven: string;
  payments: number;
  firstAt: bigint;
  firstAtIso: string;
  lastAt: bigint;
  lastAtIso: string;
  /** Whether reciprocity counts it: false for a payment to or from the commons, as in the scorecard. */
  counted: boolean;
  /** Counted, and the two never paid the other way. */
  oneSided: boolean;
}

export interface ReadReciprocityGraphReturnType {
  /** The currency (its units), or null for a circle without one: then no nodes or edges. */
  currency: LedgerCurrency | null;
  nodes: ReciprocityNode[];
  /** By giver, then receiver. */
  edges: ReciprocityEdge[];
  /** Over all time: the pairs of people who paid each other in either direction, those who paid one way only, and its share. */
  pairs: number;
  oneSidedPairs: number;
  oneSidedPairShareBps: number | null;
  /** The legs of payments across currencies, left out of the edges. */
  across: { payments: number; volume: bigint };
}

/** One leg of a payment across currencies, as the ledger lists it. */
export interface AcrossLeg {
  payer: Address;
  payee: Address;
  amount: bigint;
}

/**
 * The graph from what the ledger lists (pure, so tested without a ledger). The scorecard's reciprocity rule
 * (client/scorecard.ts): payments across currencies are left out (subtracted from their pair), and a payment to or
 * from the circle's own account (its commons) does not count; a pair of two accounts counts once, and is one-sided
 * when only one of them ever paid the other. The scorecard applies it per period, this graph over all time.
 */
export function reciprocityGraph(
  circle: Address,
  currency: LedgerCurrency | null,
  accounts: readonly LedgerCreditAccount[],
  pairs: readonly LedgerCreditPair[],
  across: readonly AcrossLeg[],
): ReadReciprocityGraphReturnType {
  const key = (a: Address, b: Address) => `${a.toLowerCase()}-${b.toLowerCase()}`;
  const acrossByPair = new Map<string, { amount: bigint; payments: number }>();
  for (const leg of across) {
    const k = key(leg.payer, leg.payee);
    const sum = acrossByPair.get(k) ?? { amount: 0n, payments: 0 };
    acrossByPair.set(k, { amount: sum.amount + leg.amount, payments: sum.payments + 1 });
  }
  const commons = circle.toLowerCase();
  const isCommons = (a: Address) => a.toLowerCase() === commons;
  const units = currency ?? {};
  const inside = pairs.flatMap((p) => {
    const leg = acrossByPair.get(key(p.giver, p.receiver));
    const payments = p.payments - (leg?.payments ?? 0);
    return payments > 0 ? [{ ...p, given: p.given - (leg?.amount ?? 0n), payments }] : [];
  });
  const paid = new Set(inside.map((p) => key(p.giver, p.receiver)));
  const edges = inside.map((p): ReciprocityEdge => {
    const counted = !isCommons(p.giver) && !isCommons(p.receiver);
    return {
      giver: p.giver,
      receiver: p.receiver,
      given: p.given,
      formattedGiven: formatAmount(p.given, units),
      payments: p.payments,
      firstAt: p.firstAt,
      firstAtIso: isoTime(p.firstAt),
      lastAt: p.lastAt,
      lastAtIso: isoTime(p.lastAt),
      counted,
      oneSided: counted && !paid.has(key(p.receiver, p.giver)),
    };
  });
  const counted = edges.filter((e) => e.counted);
  const unordered = new Map<string, boolean>();
  for (const e of counted) {
    const [a, b] = [e.giver.toLowerCase(), e.receiver.toLowerCase()].sort();
    unordered.set(`${a}-${b}`, e.oneSided);
  }
  const oneSidedPairs = [...unordered.values()].filter(Boolean).length;
  const gave = new Set(counted.map((e) => e.giver.toLowerCase()));
  const took = new Set(counted.map((e) => e.receiver.toLowerCase()));
  const nodes = accounts.map((a): ReciprocityNode => {
    const lower = a.account.toLowerCase();
    return {
      account: a.account,
      commons: isCommons(a.account),
      balance: a.balance,
      formattedBalance: formatAmount(a.balance, units),
      admitted: a.admitted,
      departed: a.departed,
      onlyGave: gave.has(lower) && !took.has(lower),
      onlyTook: took.has(lower) && !gave.has(lower),
    };
  });
  return {
    currency,
    nodes,
    edges,
    pairs: unordered.size,
    oneSidedPairs,
    oneSidedPairShareBps: shareBps(oneSidedPairs, unordered.size),
    across: { payments: across.length, volume: across.reduce((sum, leg) => sum + leg.amount, 0n) },
  };
}

/**
 * A circle's reciprocity graph from the ledger: nodes are the accounts of its currency (listCreditAccounts) with
 * their balances, edges what one gave another (listCreditPairs), the legs of payments across currencies subtracted
 * (read from the payments marked across, the only payments read), with the one-sided pairs marked by the scorecard's
 * rule (see {@link reciprocityGraph}). Throws a LedgerUnavailableError if nothing answers.
 *
 * @example
 * const { nodes, edges, oneSidedPairs } = await readReciprocityGraph({ url }, { circle });
 * for (const e of edges.filter((e) => e.oneSided)) console.log(`${e.giver} → ${e.receiver}: ${e.formattedGiven}`);
 */
export async function readReciprocityGraph(
  ledger: LedgerClient,
  parameters: ReadReciprocityGraphParameters,
): Promise<ReadReciprocityGraphReturnType> {
  const { circle } = parameters;
  const [{ currency, pairs }, { accounts }] = await Promise.all([
    listCreditPairs(ledger, { circle }),
    listCreditAccounts(ledger, { circle }),
  ]);
  const across = currency
    ? await listAll<{ payer: string; payee: string; amount: string }>(ledger, "creditPayments", {
        filterType: "creditPaymentFilter",
        where: { currency: filterAddress(currency.currency), across_in: ["out", "in"] },
        orderBy: "id",
        selection: "payer payee amount",
      })
    : [];
  return reciprocityGraph(
    circle,
    currency,
    accounts,
    pairs,
    across.map((r) => ({ payer: addr(r.payer), payee: addr(r.payee), amount: big(r.amount) })),
  );
}
