import type { Address } from "viem";

import { addr, big, bigOrNull, filterAddress, listAll, type LedgerClient } from "../../ledger.js";
import {
  computeScorecard,
  type ComputeScorecardOptions,
  type Scorecard,
  type ScorecardHistory,
} from "../../scorecard.js";
import type { ScorecardThresholds } from "../../scorecardThresholds.js";
import { listLedgerProposals } from "./listLedgerProposals.js";
import { listLedgerResets } from "./listLedgerResets.js";
import { listMembersOverTime } from "./listMembersOverTime.js";
import { listTemperatureReadings } from "./listTemperatureReadings.js";
import { readLedgerCircle } from "./readLedgerCircle.js";
import { readLedgerStatus } from "./readLedgerStatus.js";
import { readMandateHistory } from "./readMandateHistory.js";

export interface ReadScorecardParameters extends ComputeScorecardOptions {
  /** The circle (or council) to score. */
  circle: Address;
}

export type ReadScorecardReturnType = Scorecard;

interface LogRow {
  timestamp: string;
}

/**
 * A circle's sovereignty scorecard from the ledger: per temperature period, how mandates rotated, whose voice
 * carried decisions and temperature checks, whether its currency flows both ways, how much it decided for itself and
 * the dependency reversals its members logged, with the drift alerts its thresholds raise (see client/scorecard.ts
 * and the README's "Sovereignty scorecards" for the formulas). Everything is read at the ledger's last block.
 *
 * @example
 * const card = await readScorecard({ url }, { circle, periods: 4 });
 * for (const alert of card.alerts) console.log(alert.reason);
 */
export async function readScorecard(
  ledger: LedgerClient,
  parameters: ReadScorecardParameters,
): Promise<ReadScorecardReturnType> {
  const { circle: address, ...options } = parameters;
  const status = await readLedgerStatus(ledger);
  const circle = await readLedgerCircle(ledger, { circle: address });
  const at = status.timestamp;
  const rituals = { contract: filterAddress(circle.rituals) };
  const [members, { proposals }, history, resets, temperature, ruleChanges, reversals, thresholds, seats, currency] =
    await Promise.all([
      listMembersOverTime(ledger, { circle: circle.circle }),
      listLedgerProposals(ledger, { circle: circle.circle, at }),
      readMandateHistory(ledger, { circle: circle.circle, at }),
      listLedgerResets(ledger, { circle: circle.circle }),
      listTemperatureReadings(ledger, { circle: circle.circle }),
      listAll<LogRow & { temperaturePeriod: string }>(ledger, "ritualRulesSets", {
        filterType: "ritualRulesSetFilter",
        where: rituals,
        orderBy: "id",
        selection: "timestamp temperaturePeriod",
      }),
      listAll<LogRow & { period: string; member: string; kind: number; memo: string }>(
        ledger,
        "dependencyReversalLoggeds",
        {
          filterType: "dependencyReversalLoggedFilter",
          where: rituals,
          orderBy: "id",
          selection: "timestamp period member kind memo",
        },
      ),
      listAll<LogRow & ScorecardThresholds>(ledger, "scorecardThresholdsSets", {
        filterType: "scorecardThresholdsSetFilter",
        where: rituals,
        orderBy: "id",
        selection:
          "timestamp maxTopMandateShareBps maxTopProposerShareBps minParticipationBps minHeardAverageCenti maxOneSidedPairShareBps",
      }),
      listAll<{ council: string; seatedAt: string | null; leftAt: string | null }>(ledger, "councilSeats", {
        filterType: "councilSeatFilter",
        where: { circle: filterAddress(circle.circle) },
        orderBy: "id",
        selection: "council seatedAt leftAt",
      }),
      readCurrencyOf(ledger, circle.circle),
    ]);

  const heldSeats = seats
    .filter((s) => s.seatedAt !== null)
    .map((s) => ({ council: addr(s.council), seatedAt: big(s.seatedAt!), leftAt: bigOrNull(s.leftAt) }));
  const councils = [...new Set(heldSeats.map((s) => s.council))];
  const councilProposals = await Promise.all(
    councils.map(async (council) => ({ council, ...(await listLedgerProposals(ledger, { circle: council, at })) })),
  );

  const scorecardHistory: ScorecardHistory = {
    circle: circle.circle,
    name: circle.name,
    kind: circle.kind,
    createdAt: circle.createdAt,
    dissolvedAt: circle.dissolvedAt,
    block: status.block,
    at,
    temperaturePeriod: BigInt(circle.rules.temperaturePeriod as string | number),
    ritualRuleChanges: ruleChanges.map((r) => ({ at: big(r.timestamp), temperaturePeriod: big(r.temperaturePeriod) })),
    facilitationPeriod: BigInt((circle.mandateRules.facilitationPeriod as string | number | undefined) ?? 0),
    members: members.terms,
    mandates: history.mandates,
    proposals,
    temperature: temperature.readings,
    cooldowns: temperature.cooldowns,
    resets: resets.resets,
    resetSignals: resets.signals,
    currency: currency?.currency ?? null,
    payments: currency?.payments ?? [],
    balances: currency?.balances ?? [],
    seats: heldSeats,
    councilDecisions: councilProposals.flatMap(({ council, proposals: list }) =>
      list.map((p) => ({ council, proposalId: p.proposalId, executedAt: p.executedAt })),
    ),
    reversals: reversals.map((r) => ({
      period: big(r.period),
      member: addr(r.member),
      kind: r.kind,
      memo: r.memo,
      at: big(r.timestamp),
    })),
    thresholdChanges: thresholds.map(({ timestamp, ...t }) => ({
      at: big(timestamp),
      thresholds: {
        maxTopMandateShareBps: t.maxTopMandateShareBps,
        maxTopProposerShareBps: t.maxTopProposerShareBps,
        minParticipationBps: t.minParticipationBps,
        minHeardAverageCenti: t.minHeardAverageCenti,
        maxOneSidedPairShareBps: t.maxOneSidedPairShareBps,
      },
    })),
  };
  return computeScorecard(scorecardHistory, options);
}

/** The circle's currency (if it runs one), its payments between accounts (not across currencies) and balances. */
async function readCurrencyOf(
  ledger: LedgerClient,
  circle: Address,
): Promise<Pick<ScorecardHistory, "currency" | "payments" | "balances"> | null> {
  const currencies = await listAll<{ address: string; symbol: string | null; decimals: number | null }>(
    ledger,
    "currencys",
    {
      filterType: "currencyFilter",
      where: { circle: filterAddress(circle) },
      orderBy: "address",
      selection: "address symbol decimals",
    },
  );
  const currency = currencies[0];
  if (!currency) return null;
  const where = { currency: currency.address };
  const [payments, accounts] = await Promise.all([
    listAll<{ payer: string; payee: string; amount: string; timestamp: string; across: string | null }>(
      ledger,
      "creditPayments",
      { filterType: "creditPaymentFilter", where, orderBy: "id", selection: "payer payee amount timestamp across" },
    ),
    listAll<{ account: string; balance: string }>(ledger, "creditAccounts", {
      filterType: "creditAccountFilter",
      where,
      orderBy: "account",
      selection: "account balance",
    }),
  ]);
  return {
    currency: { address: addr(currency.address), symbol: currency.symbol ?? "", decimals: currency.decimals ?? 18 },
    payments: payments
      .filter((p) => p.across === null)
      .map((p) => ({ payer: addr(p.payer), payee: addr(p.payee), amount: big(p.amount), at: big(p.timestamp) })),
    balances: accounts.map((a) => ({ account: addr(a.account), balance: big(a.balance) })),
  };
}
