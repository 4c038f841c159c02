/**
 * The read pages' data (issue 15: council, currency, person, scorecard): each hook wraps one client action in
 * TanStack Query, as hooks/queries.ts does for the first pages. Kept in their own file so the pages that write
 * (governance, money, names) and these reads merge without touching each other's hooks.
 */
import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";

import { listSeatsOfCircle } from "../../../client/actions/council/listSeatsOfCircle.js";
import { readSeats } from "../../../client/actions/council/readSeats.js";
import { readIncomeAccount } from "../../../client/actions/income/readIncomeAccount.js";
import { listLedgerPayments } from "../../../client/actions/ledger/listLedgerPayments.js";
import { readReciprocityGraph } from "../../../client/actions/ledger/readReciprocityGraph.js";
import { readScorecard } from "../../../client/actions/ledger/readScorecard.js";
import { readTrustGraphAround } from "../../../client/actions/ledger/readTrustGraphAround.js";
import { useApp } from "../context.js";

/** A council's seats now: the seated circles, probation, delegates (the chain). */
export function useSeats(council: Address) {
  const { publicClient, config } = useApp();
  const registry = config.addresses.registry;
  return useQuery({ queryKey: ["seats", council], queryFn: () => readSeats(publicClient, { council, registry }) });
}

/** The councils a circle holds a seat in, with its seat in each (the chain). */
export function useSeatsOfCircle(circle: Address) {
  const { publicClient, config } = useApp();
  const registry = config.addresses.registry;
  return useQuery({
    queryKey: ["seats of", circle],
    queryFn: () => listSeatsOfCircle(publicClient, { circle, registry }),
  });
}

/** A circle's currency as a graph: balances and who gave whom how much (the ledger). */
export function useReciprocityGraph(circle: Address) {
  const { ledger } = useApp();
  return useQuery({
    queryKey: ["ledger", "reciprocity", circle],
    queryFn: () => readReciprocityGraph(ledger, { circle }),
  });
}

/** Every payment in a circle's currency, with its memo (the ledger). */
export function usePayments(circle: Address) {
  const { ledger } = useApp();
  return useQuery({ queryKey: ["ledger", "payments", circle], queryFn: () => listLedgerPayments(ledger, { circle }) });
}

/** A person's (or circle's) account in the income hub: registered, balance, claimable (the chain). */
export function useIncomeAccount(account: Address) {
  const { publicClient, config } = useApp();
  const hub = config.addresses.incomeHub;
  return useQuery({
    queryKey: ["income", hub, account],
    queryFn: () => readIncomeAccount(publicClient, { hub, account }),
  });
}

/** The trust around a person, `depth` steps out (the ledger). */
export function useTrustAround(person: Address, depth: number) {
  const { ledger, config } = useApp();
  const hub = config.addresses.incomeHub;
  return useQuery({
    queryKey: ["ledger", "trust", person, String(depth)],
    queryFn: () => readTrustGraphAround(ledger, { person, depth, hub }),
  });
}

/** A circle's sovereignty scorecard, every period since its founding (the ledger). */
export function useScorecard(circle: Address) {
  const { ledger } = useApp();
  return useQuery({ queryKey: ["ledger", "scorecard", circle], queryFn: () => readScorecard(ledger, { circle }) });
}
