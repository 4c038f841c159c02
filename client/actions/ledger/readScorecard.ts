import type { Address } from "viem";

import { addr, big, bigOrNull, filterAddress, listAll, type LedgerClient } from "../../ledger.js";
import { profileBook } from "../../names.js";
import {
  accountsIn,
  computeScorecard,
  type ComputeScorecardOptions,
  type Scorecard,
  type ScorecardHistory,
} from "../../scorecard.js";
import { listCreditAccounts } from "./listCreditAccounts.js";
import { listDependencyReversals } from "./listDependencyReversals.js";
import { listLedgerPayments } from "./listLedgerPayments.js";
import { listLedgerProfiles } from "./listLedgerProfiles.js";
import { listLedgerAudits } from "./listLedgerAudits.js";
import { listLedgerProposals } from "./listLedgerProposals.js";
import { listLedgerResets } from "./listLedgerResets.js";
import { listMembersOverTime } from "./listMembersOverTime.js";
import { listScorecardThresholdChanges } from "./listScorecardThresholdChanges.js";
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
  const [
    members,
    { proposals },
    history,
    resets,
    temperature,
    ruleChanges,
    { reversals },
    { changes },
    seats,
    { currency, payments },
    { accounts },
    { audits },
  ] = await Promise.all([
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
    listDependencyReversals(ledger, { circle: circle.circle }),
    listScorecardThresholdChanges(ledger, { circle: circle.circle }),
    listAll<{ council: string; seatedAt: string | null; leftAt: string | null }>(ledger, "councilSeats", {
      filterType: "councilSeatFilter",
      where: { circle: filterAddress(circle.circle) },
      orderBy: "id",
      selection: "council seatedAt leftAt",
    }),
    listLedgerPayments(ledger, { circle: circle.circle }),
    listCreditAccounts(ledger, { circle: circle.circle }),
    listLedgerAudits(ledger, { circle: circle.circle }),
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
    currency: currency && { address: currency.currency, symbol: currency.symbol, decimals: currency.decimals },
    // Payments across currencies are one leg of a trade with another circle, not reciprocity between members.
    payments: payments.filter((p) => p.across === null),
    balances: accounts.map(({ account, balance }) => ({ account, balance })),
    audits,
    seats: heldSeats,
    councilDecisions: councilProposals.flatMap(({ council, proposals: list }) =>
      list.map((p) => ({ council, proposalId: p.proposalId, executedAt: p.executedAt })),
    ),
    reversals,
    thresholdChanges: changes,
  };
  const profiles = profileBook(await listLedgerProfiles(ledger, { accounts: accountsIn(scorecardHistory) }));
  return computeScorecard(scorecardHistory, { ...options, profiles });
}
