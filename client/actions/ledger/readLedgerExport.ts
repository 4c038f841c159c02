import type { Address } from "viem";

import type { LedgerClient } from "../../ledger.js";
import { listClearingLines, type LedgerClearingLine } from "./listClearingLines.js";
import { listCreditAccounts, type LedgerCreditAccount } from "./listCreditAccounts.js";
import { listCreditPairs, type LedgerCreditPair } from "./listCreditPairs.js";
import { listDependencyReversals, type LedgerDependencyReversal } from "./listDependencyReversals.js";
import { listJubilees, type LedgerJubilee } from "./listJubilees.js";
import { listLedgerCharters, type LedgerCharter } from "./listLedgerCharters.js";
import { listLedgerPayments, type LedgerPayment } from "./listLedgerPayments.js";
import { listLedgerProfiles, type LedgerProfile } from "./listLedgerProfiles.js";
import { listLedgerProposals, type LedgerProposal } from "./listLedgerProposals.js";
import { listLedgerResets, type ListLedgerResetsReturnType } from "./listLedgerResets.js";
import { listMembersOverTime, type LedgerMemberTerm } from "./listMembersOverTime.js";
import { listScorecardThresholdChanges, type LedgerScorecardThresholdChange } from "./listScorecardThresholdChanges.js";
import { listTemperatureReadings, type ListTemperatureReadingsReturnType } from "./listTemperatureReadings.js";
import { readLedgerCircle, type LedgerCircle } from "./readLedgerCircle.js";
import { readLedgerCurrency, type LedgerCurrency } from "./readLedgerCurrency.js";
import { readLedgerStatus, type ReadLedgerStatusReturnType } from "./readLedgerStatus.js";
import { readMandateHistory, type ReadMandateHistoryReturnType } from "./readMandateHistory.js";

export interface ReadLedgerExportParameters {
  /** The circle (or council) whose ledger to read. */
  circle: Address;
}

/** The full ledger of one circle, as of the ledger's last block. */
export interface ReadLedgerExportReturnType {
  /** The ledger's position: every part below is as of `ledger.block` (derived states at `ledger.timestamp`). */
  ledger: ReadLedgerStatusReturnType;
  circle: LedgerCircle;
  /** Charters in the order ratified, each with when it lapsed (as of the ledger's clock). */
  charters: LedgerCharter[];
  members: LedgerMemberTerm[];
  /** Decisions, with every vote and reason. */
  proposals: LedgerProposal[];
  /** Mandates, each role's holders over time (rotations), draws. */
  mandates: ReadMandateHistoryReturnType["mandates"];
  roles: ReadMandateHistoryReturnType["roles"];
  draws: ReadMandateHistoryReturnType["draws"];
  resets: ListLedgerResetsReturnType["resets"];
  resetSignals: ListLedgerResetsReturnType["signals"];
  temperature: ListTemperatureReadingsReturnType["readings"];
  cooldowns: ListTemperatureReadingsReturnType["cooldowns"];
  /** Dependency reversals members logged, and each time the circle set its scorecard thresholds. */
  reversals: LedgerDependencyReversal[];
  thresholdChanges: LedgerScorecardThresholdChange[];
  /**
   * The circle's mutual-credit currency, or null if it has none (then the money parts below are empty). Its
   * `decimals` and `symbol` are the units of every amount below, which are in its smallest unit.
   */
  currency: LedgerCurrency | null;
  accounts: LedgerCreditAccount[];
  /** Every payment, with its memo, in chain order. */
  payments: LedgerPayment[];
  /** The pair ledger: what each account gave each other. */
  pairs: LedgerCreditPair[];
  jubilees: LedgerJubilee[];
  clearingLines: LedgerClearingLine[];
  /**
   * The display names of the people in this ledger (members, proposers, voters, holders, payers and payees, those
   * who logged or took a reading) who set one: not unique and proving nothing, so always shown with the address.
   */
  profiles: LedgerProfile[];
}

/**
 * The full ledger of a circle for an audit: the circle, its charters and their lapses, its members over time, its decisions with every vote and
 * reason, its mandates, rotations and draws, its resets, its power temperature, the dependency reversals its
 * members logged and the scorecard thresholds it set, and its money: its mutual-credit
 * currency, the accounts, every payment with its memo, the pair ledger, jubilees and clearing lines, all read from
 * the ledger at one moment (its last block).
 *
 * @example
 * const full = await readLedgerExport({ url }, { circle });
 * console.log(`${full.proposals.length} decisions, ${full.mandates.length} mandates as of block ${full.ledger.block}`);
 */
export async function readLedgerExport(
  ledger: LedgerClient,
  parameters: ReadLedgerExportParameters,
): Promise<ReadLedgerExportReturnType> {
  const status = await readLedgerStatus(ledger);
  const circle = await readLedgerCircle(ledger, parameters);
  const at = status.timestamp;
  const [members, { proposals }, history, resets, temperature, { reversals }, { changes }, { charters }] =
    await Promise.all([
      listMembersOverTime(ledger, parameters),
      listLedgerProposals(ledger, { ...parameters, at }),
      readMandateHistory(ledger, { ...parameters, at }),
      listLedgerResets(ledger, parameters),
      listTemperatureReadings(ledger, parameters),
      listDependencyReversals(ledger, parameters),
      listScorecardThresholdChanges(ledger, parameters),
      listLedgerCharters(ledger, { ...parameters, at }),
    ]);
  // The money: each list reads the currency too (one small query), so each stands alone.
  const [currency, { accounts }, { payments }, { pairs }, { jubilees }, { lines }] = await Promise.all([
    readLedgerCurrency(ledger, parameters),
    listCreditAccounts(ledger, parameters),
    listLedgerPayments(ledger, parameters),
    listCreditPairs(ledger, parameters),
    listJubilees(ledger, parameters),
    listClearingLines(ledger, parameters),
  ]);
  const people = new Set<Address>([
    ...members.terms.map((t) => t.member),
    ...proposals.flatMap((p) => [p.proposer, ...p.votes.map((v) => v.voter)]),
    ...history.mandates.map((m) => m.holder),
    ...payments.flatMap((p) => [p.payer, p.payee]),
    ...reversals.map((r) => r.member),
    ...temperature.readings.map((r) => r.member),
  ]);
  const profiles = people.size ? await listLedgerProfiles(ledger, { accounts: [...people] }) : [];
  return {
    ledger: status,
    circle,
    charters,
    members: members.terms,
    proposals,
    mandates: history.mandates,
    roles: history.roles,
    draws: history.draws,
    resets: resets.resets,
    resetSignals: resets.signals,
    temperature: temperature.readings,
    cooldowns: temperature.cooldowns,
    reversals,
    thresholdChanges: changes,
    currency,
    accounts,
    payments,
    pairs,
    jubilees,
    clearingLines: lines,
    profiles,
  };
}
