/**
 * Sovereignty scorecards: what the public ledger says about how power is shared in a circle, period by period (the
 * circle's temperature period), and the drift alerts a circle set thresholds for. Seed practice: "measuring
 * sovereignty turns values into data".
 *
 * This module is the formulas only: {@link computeScorecard} is pure (no network, no clock), fed by
 * `readScorecard` (actions/ledger/readScorecard.ts), which reads the history from the ledger. The README's
 * "Sovereignty scorecards" section states each formula, the healthy range and the alerts; the tests check them on
 * hand-computed histories.
 *
 * Conventions: shares are basis points (0–10,000 = 0–100%), rounded to the nearest; times are unix seconds; a
 * metric with nothing to measure (no mandates, no proposals, no readings) is `null`, never 0, so "nobody held a
 * mandate" does not read as "perfectly rotated".
 */
import { getAddress, keccak256, toHex, type Address } from "viem";

import type { LedgerAudit } from "./actions/ledger/listLedgerAudits.js";
import type { LedgerMandate } from "./actions/ledger/readMandateHistory.js";
import type { LedgerMemberTerm } from "./actions/ledger/listMembersOverTime.js";
import type { LedgerProposal } from "./actions/ledger/listLedgerProposals.js";
import type { LedgerCooldown, LedgerTemperatureReading } from "./actions/ledger/listTemperatureReadings.js";
import type { LedgerReset, LedgerResetSignal } from "./actions/ledger/listLedgerResets.js";
import { CommonwealError } from "./errors.js";
import { labelsOf, namesOf, type ProfileBook } from "./names.js";
import {
  SCORECARD_THRESHOLD_DEFAULTS,
  SCORECARD_THRESHOLD_FIELDS,
  type ScorecardThresholds,
} from "./scorecardThresholds.js";

// --- Thresholds ------------------------------------------------------------------------------------------------

/**
 * The smallest samples an alert needs, so that one proposal or one payment does not raise a flag: the concentration
 * of proposals needs 3 proposals, one-sided trading 2 trading pairs; the others need one item measured.
 */
export const SCORECARD_MIN_SAMPLES = Object.freeze({ proposals: 3, pairs: 2 });

/** The facilitator's role id (`keccak256("facilitator")`, MandatesBase.FACILITATOR_ROLE). */
export const FACILITATOR_ROLE_ID = keccak256(toHex("facilitator"));

/** The kinds of dependency reversal members log, in the contract's numbering (`DependencyReversalLogged.kind`). */
export const DEPENDENCY_REVERSAL_KINDS = [
  { name: "tool", description: "a borrowed or lent tool instead of a purchase" },
  { name: "meal", description: "a shared meal instead of a bought one" },
  { name: "dispute", description: "a dispute settled inside, without an outside authority" },
  { name: "care", description: "care or work exchanged instead of bought" },
  { name: "other", description: "another dependency reversed" },
] as const;

/** A reversal kind by name. */
export type DependencyReversalKindName = (typeof DEPENDENCY_REVERSAL_KINDS)[number]["name"];

/** A threshold or a count of periods written wrong (CLI option, API query). */
export class ScorecardOptionError extends CommonwealError {
  override name = "ScorecardOptionError";
}

const THRESHOLD_NAMES = SCORECARD_THRESHOLD_FIELDS.map((f) => f.name);

/** One threshold `name` = `value` as written by a person, checked against its range. */
function parseThreshold(name: string, value: string, label: string): [keyof ScorecardThresholds, number] {
  const spec = SCORECARD_THRESHOLD_FIELDS.find((f) => f.name === name);
  if (!spec) {
    throw new ScorecardOptionError(`${label} "${name}" is not a threshold: use ${THRESHOLD_NAMES.join(", ")}.`);
  }
  if (!/^\d+$/.test(value) || Number(value) < spec.min || Number(value) > spec.max) {
    throw new ScorecardOptionError(
      `${label} ${spec.name}=${value} is out of range: a whole number from ${spec.min} to ${spec.max}.`,
    );
  }
  return [spec.name, Number(value)];
}

/**
 * A viewer's thresholds written as `name=value` pairs separated by commas (the CLI's `--thresholds`), e.g.
 * `"minParticipationBps=4000,maxTopMandateShareBps=6000"`; empty or undefined: none.
 */
export function parseScorecardThresholds(
  text: string | undefined,
  label = "--thresholds",
): Partial<ScorecardThresholds> {
  const thresholds: Partial<ScorecardThresholds> = {};
  if (text === undefined || text.trim() === "") return thresholds;
  for (const pair of text.split(",")) {
    const [name = "", value, extra] = pair.split("=").map((s) => s.trim());
    if (value === undefined || extra !== undefined) {
      throw new ScorecardOptionError(`${label} "${pair}" is not name=value (e.g. minParticipationBps=4000).`);
    }
    const [field, n] = parseThreshold(name, value, label);
    thresholds[field] = n;
  }
  return thresholds;
}

/** A count of latest periods as written by a person: a whole number from 1, or "all" (undefined). */
export function parseScorecardPeriods(text: string, label = "--periods"): number | undefined {
  if (text === "all") return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw new ScorecardOptionError(`${label} "${text}" is not a count of periods (1 or more) or "all".`);
  }
  return Number(text);
}

/**
 * The options of the ledger API's `/scorecard/<circle>` from its query: `periods` (a count or "all", default all)
 * and any threshold by name (`?minParticipationBps=4000`); anything else is refused.
 */
export function parseScorecardQuery(query: Record<string, string>): ComputeScorecardOptions {
  const options: ComputeScorecardOptions = {};
  const thresholds: Partial<ScorecardThresholds> = {};
  for (const [name, value] of Object.entries(query)) {
    if (name === "periods") {
      const periods = parseScorecardPeriods(value, "periods");
      if (periods !== undefined) options.periods = periods;
    } else {
      const [field, n] = parseThreshold(name, value, "query field");
      thresholds[field] = n;
    }
  }
  if (Object.keys(thresholds).length) options.thresholds = thresholds;
  return options;
}

// --- The history a scorecard is computed from ------------------------------------------------------------------

/** A dependency reversal a member logged (`DependencyReversalLogged`). */
export interface ScorecardReversal {
  /** The temperature period the rituals counted it in. */
  period: bigint;
  member: Address;
  kind: number;
  memo: string;
  at: bigint;
}

/** A payment in the circle's currency (payments across currencies are left out of reciprocity). */
export interface ScorecardPayment {
  payer: Address;
  payee: Address;
  amount: bigint;
  at: bigint;
}

/** A decision a council took: `executedAt` null while not executed. */
export interface ScorecardCouncilDecision {
  council: Address;
  proposalId: bigint;
  executedAt: bigint | null;
}

/** A seat the circle held (or holds) in a council. */
export interface ScorecardSeat {
  council: Address;
  seatedAt: bigint;
  leftAt: bigint | null;
}

/** Everything {@link computeScorecard} reads, as the ledger holds it at one moment (`at`). */
export interface ScorecardHistory {
  circle: Address;
  name: string;
  kind: "circle" | "council";
  createdAt: bigint;
  dissolvedAt: bigint | null;
  /** The ledger's block and its timestamp: the running period ends here. */
  block: bigint;
  at: bigint;
  /** The temperature period at founding, in seconds. */
  temperaturePeriod: bigint;
  /** Each later change of the ritual rules (`RitualRulesSet`), with the temperature period it set. */
  ritualRuleChanges: { at: bigint; temperaturePeriod: bigint }[];
  /** The facilitator's term (0: no rotating facilitator). */
  facilitationPeriod: bigint;
  members: LedgerMemberTerm[];
  mandates: LedgerMandate[];
  proposals: LedgerProposal[];
  temperature: LedgerTemperatureReading[];
  cooldowns: LedgerCooldown[];
  resets: LedgerReset[];
  resetSignals: LedgerResetSignal[];
  /** The circle's currency, if it runs one, and every payment in it. */
  currency: { address: Address; symbol: string; decimals: number } | null;
  payments: ScorecardPayment[];
  /** Each account's balance now (signed: below zero is a debt). */
  balances: { account: Address; balance: bigint }[];
  seats: ScorecardSeat[];
  councilDecisions: ScorecardCouncilDecision[];
  reversals: ScorecardReversal[];
  /** The thresholds the circle set, each from the moment it set them (oldest first). */
  thresholdChanges: { at: bigint; thresholds: ScorecardThresholds }[];
  /** The circle's pair-link audits, oldest first. */
  audits: LedgerAudit[];
}

// --- The scorecard ---------------------------------------------------------------------------------------------

/** Where the thresholds of a period come from. */
export type ScorecardThresholdSource = "circle" | "default" | "viewer";

export type DriftAlertKind =
  | "mandate-concentration"
  | "voice-concentration"
  | "participation-collapse"
  | "temperature-rising"
  | "one-sided-reciprocity"
  | "audit-missed";

/** A flag that a circle drifts toward hidden hierarchy, with its reason in a sentence. */
export interface DriftAlert {
  kind: DriftAlertKind;
  period: bigint;
  /** The measured value and the threshold it crossed, in the threshold's unit (bps, or heard ×100). */
  value: number;
  threshold: number;
  reason: string;
}

export interface ScorecardShare {
  account: Address;
  /** Basis points of the whole. */
  shareBps: number;
}

export interface ScorecardRotation {
  /** Tenures (mandates) that overlap the period. */
  tenures: number;
  /** Members who held a mandate at some moment of the period. */
  distinctHolders: number;
  /** Mean length of those tenures, each from its grant to its end (or to the ledger's time while live), seconds. */
  meanTenureSeconds: number | null;
  /** Mandate-time in the period: the sum over tenures of the seconds each overlapped it. */
  mandateSeconds: number;
  /** The member with the most mandate-time, and their share of it. */
  topHolder: ScorecardShare | null;
  /** Herfindahl index of mandate-time: the sum of each holder's squared share, in bps (10,000: one holder). */
  herfindahlBps: number | null;
  /** The rotating facilitator: null when the circle has none (facilitation period 0). */
  facilitation: {
    /** Facilitator terms the period had room for: floor(period length / facilitation period). */
    expectedTerms: number;
    /** Facilitator tenures that began in the period. */
    terms: number;
    distinctFacilitators: number;
    /** Share of the period with a facilitator in office (bps). */
    coverageBps: number;
  } | null;
}

export interface ScorecardVoice {
  /** Proposals made in the period. */
  proposals: number;
  topProposer: ScorecardShare | null;
  /** Proposals made in the period whose voting has closed (and that were not cancelled before it closed). */
  closedVotes: number;
  /** Mean over those of voters / electorate (members at the vote's snapshot), bps. */
  participationBps: number | null;
  /** Temperature readings about the period. */
  readings: number;
  /** Their "heard" average, 1–5 ×100 (300 = 3.00). */
  heardAverageCenti: number | null;
  /** Change from the previous period's average (negative: members felt less heard). */
  heardChangeCenti: number | null;
  /** Who was named as the dominant voice, how often, most first. */
  dominantNamings: { member: Address; namings: number }[];
  /** Members sent to sit out roles for dominating, from readings about the period. */
  cooldowns: number;
  /** Mandates ended by recall in the period. */
  recalls: number;
  /** Hard resets in the period, and reset signals given. */
  resets: number;
  resetSignals: number;
}

export interface ScorecardReciprocity {
  /** Payments between people in the period (the commons and payments across currencies left out), and their sum. */
  payments: number;
  volume: bigint;
  /** Unordered pairs of people who paid each other in the period, and those where money went one way only. */
  pairs: number;
  oneSidedPairs: number;
  oneSidedPairShareBps: number | null;
  /** People who only paid (gave) in the period, and who only were paid (took). */
  onlyGave: Address[];
  onlyTook: Address[];
}

export interface ScorecardAutonomy {
  /** Decisions executed in the circle in the period. */
  circleDecisions: number;
  /** Decisions executed in councils while the circle held a seat in them. */
  councilDecisions: number;
  /** circle / (circle + council), bps. */
  circleShareBps: number | null;
  /** Dependency reversals logged for the period, by kind, and by how many members. */
  reversals: number;
  reversalsByKind: Record<DependencyReversalKindName, number>;
  reversalMembers: number;
  /** The member who logged most, and their share (a count pumped by one member shows here). */
  topReversalLogger: ScorecardShare | null;
}

/**
 * The pair-link audits that closed in a period (by the time they closed: both reports published, recorded missed,
 * skipped with fewer than two eligible members, cancelled by a hard reset), and the listening sessions held in it.
 */
export interface ScorecardAudits {
  held: number;
  missed: number;
  skipped: number;
  cancelled: number;
  listeningSessions: number;
}

export interface ScorecardPeriod {
  /** The rituals' period number (the one temperature readings name). */
  period: bigint;
  start: bigint;
  /** Exclusive; for the running period, the ledger's time. */
  end: bigint;
  /** False for the running period. */
  complete: boolean;
  /** Members at the period's end. */
  members: number;
  thresholds: ScorecardThresholds;
  thresholdSource: ScorecardThresholdSource;
  rotation: ScorecardRotation;
  voice: ScorecardVoice;
  reciprocity: ScorecardReciprocity;
  autonomy: ScorecardAutonomy;
  audits: ScorecardAudits;
  alerts: DriftAlert[];
}

/** How concentrated one sign of the balances is: creditors (above zero) or debtors (below), each on its own. */
export interface BalanceConcentration {
  accounts: number;
  total: bigint;
  top: ScorecardShare | null;
  herfindahlBps: number | null;
}

export interface Scorecard {
  circle: Address;
  name: string;
  kind: "circle" | "council";
  block: bigint;
  at: bigint;
  /** Oldest first; the last one is the running period. */
  periods: ScorecardPeriod[];
  /** Balances in the circle's currency now (people only: the commons is the circle itself). */
  balances: {
    currency: Address;
    symbol: string;
    decimals: number;
    creditors: BalanceConcentration;
    debtors: BalanceConcentration;
  } | null;
  /**
   * Every pair-link audit so far, whatever the periods shown: how many were held (both reports published), missed,
   * skipped, cancelled or are still running, how many held their listening session, and the latest.
   */
  audits: {
    held: number;
    missed: number;
    skipped: number;
    cancelled: number;
    running: number;
    listeningSessions: number;
    latest: LedgerAudit | null;
    /** Every audit, oldest first. */
    list: LedgerAudit[];
  };
  /** Every alert of the periods shown, oldest first. */
  alerts: DriftAlert[];
  /** The display names of the named accounts it mentions, by checksummed address (empty without profiles). */
  names: Record<Address, string>;
}

export interface ComputeScorecardOptions {
  /** Thresholds to judge by instead of the circle's (a viewer's own view); unset fields keep the circle's. */
  thresholds?: Partial<ScorecardThresholds>;
  /** Only the latest this many periods (default: every period since founding). */
  periods?: number;
  /**
   * People's display names (client/names.ts): the alerts' sentences then name an account as "Ana (0xAbC1…89Ef)"
   * (names are not unique, so always with the address; two accounts of one name are told apart).
   */
  profiles?: ProfileBook;
}

// --- Formulas --------------------------------------------------------------------------------------------------

const BPS = 10_000;

/** part / whole in basis points, rounded to the nearest (half up); null when the whole is zero. */
export function shareBps(part: bigint | number, whole: bigint | number): number | null {
  const p = BigInt(part);
  const w = BigInt(whole);
  if (w === 0n) return null;
  return Number((p * BigInt(BPS) * 2n + w) / (2n * w));
}

/** The Herfindahl index of `parts` (each one's squared share, summed) in bps; null when they sum to zero. */
export function herfindahlBps(parts: readonly bigint[]): number | null {
  const total = parts.reduce((a, b) => a + b, 0n);
  if (total === 0n) return null;
  const squares = parts.reduce((a, b) => a + b * b, 0n);
  return Number((squares * BigInt(BPS) * 2n + total * total) / (2n * total * total));
}

/** A percentage for a sentence: 6250 → "62.5%". */
export function formatBps(bps: number): string {
  return `${Number((bps / 100).toFixed(2))}%`;
}

/** The largest entry of `amounts` as a share of their sum (ties: the first address in sort order). */
function topShare(amounts: Map<Address, bigint>): ScorecardShare | null {
  const total = [...amounts.values()].reduce((a, b) => a + b, 0n);
  if (total === 0n) return null;
  const [account, amount] = [...amounts.entries()].sort(([a, x], [b, y]) =>
    x === y ? a.toLowerCase().localeCompare(b.toLowerCase()) : x > y ? -1 : 1,
  )[0]!;
  return { account, shareBps: shareBps(amount, total)! };
}

const add = (map: Map<Address, bigint>, key: Address, amount: bigint) => map.set(key, (map.get(key) ?? 0n) + amount);

/** Seconds two half-open intervals share. */
function overlap(from: bigint, until: bigint, start: bigint, end: bigint): bigint {
  const lo = from > start ? from : start;
  const hi = until < end ? until : end;
  return hi > lo ? hi - lo : 0n;
}

/**
 * The circle's temperature periods from its founding to `until`, numbered as its rituals number them: period `n`
 * starts `n` lengths after founding; a change of length ends the running period at once and the next starts then.
 */
export function temperaturePeriods(
  createdAt: bigint,
  length: bigint,
  changes: readonly { at: bigint; temperaturePeriod: bigint }[],
  until: bigint,
): { period: bigint; start: bigint; end: bigint; complete: boolean }[] {
  const periods: { period: bigint; start: bigint; end: bigint; complete: boolean }[] = [];
  let number = 0n;
  let start = createdAt;
  const push = (end: bigint, complete: boolean) => {
    if (end > start) periods.push({ period: number, start, end, complete });
  };
  for (const change of [...changes].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))) {
    if (change.at > until) break;
    if (change.temperaturePeriod === length || change.at < createdAt) continue;
    const whole = (change.at - start) / length;
    for (let i = 0n; i < whole; i++) {
      push(start + length, true);
      start += length;
      number++;
    }
    push(change.at, true);
    number++;
    start = change.at;
    length = change.temperaturePeriod;
  }
  while (start < until) {
    const end = start + length;
    push(end < until ? end : until, end <= until);
    start = end;
    number++;
  }
  return periods;
}

function rotationOf(history: ScorecardHistory, start: bigint, end: bigint): ScorecardRotation {
  const seconds = new Map<Address, bigint>();
  const lengths: bigint[] = [];
  let facilitatorSeconds = 0n;
  let facilitatorTerms = 0;
  const facilitators = new Set<Address>();
  for (const m of history.mandates) {
    const until = m.endedAt ?? history.at;
    const inPeriod = overlap(m.grantedAt, until, start, end);
    if (inPeriod === 0n) continue;
    add(seconds, m.holder, inPeriod);
    lengths.push(until - m.grantedAt);
    if (m.roleId.toLowerCase() === FACILITATOR_ROLE_ID) {
      facilitatorSeconds += inPeriod;
      facilitators.add(m.holder);
      if (m.grantedAt >= start) facilitatorTerms++;
    }
  }
  const mandateSeconds = [...seconds.values()].reduce((a, b) => a + b, 0n);
  const facilitation =
    history.facilitationPeriod === 0n
      ? null
      : {
          expectedTerms: Number((end - start) / history.facilitationPeriod),
          terms: facilitatorTerms,
          distinctFacilitators: facilitators.size,
          coverageBps: shareBps(facilitatorSeconds, end - start) ?? 0,
        };
  return {
    tenures: lengths.length,
    distinctHolders: seconds.size,
    meanTenureSeconds: lengths.length ? Math.round(Number(lengths.reduce((a, b) => a + b, 0n)) / lengths.length) : null,
    mandateSeconds: Number(mandateSeconds),
    topHolder: topShare(seconds),
    herfindahlBps: herfindahlBps([...seconds.values()]),
    facilitation,
  };
}

/** Members at second `t`: admitted at or before it and not gone by it. */
function membersAt(terms: readonly LedgerMemberTerm[], t: bigint): number {
  return terms.filter((m) => m.joinedAt <= t && (m.leftAt === null || m.leftAt > t)).length;
}

function voiceOf(
  history: ScorecardHistory,
  period: bigint,
  start: bigint,
  end: bigint,
  previousHeard: number | null,
): ScorecardVoice {
  const made = history.proposals.filter((p) => p.createdAt >= start && p.createdAt < end);
  const byProposer = new Map<Address, bigint>();
  for (const p of made) add(byProposer, p.proposer, 1n);
  const closed = made.filter((p) => p.voteEnd < history.at && (p.canceledAt === null || p.canceledAt > p.voteEnd));
  const turnouts = closed
    .map((p) => shareBps(p.voters, membersAt(history.members, p.voteStart)))
    .filter((x): x is number => x !== null);
  const readings = history.temperature.filter((r) => r.period === period);
  const heardSum = readings.reduce((a, r) => a + r.heard, 0);
  const heardAverageCenti = readings.length ? Math.round((heardSum * 100) / readings.length) : null;
  const namings = new Map<Address, bigint>();
  for (const r of readings) if (r.dominant) add(namings, r.dominant, 1n);
  const inPeriod = (t: bigint) => t >= start && t < end;
  return {
    proposals: made.length,
    topProposer: topShare(byProposer),
    closedVotes: closed.length,
    participationBps: turnouts.length ? Math.round(turnouts.reduce((a, b) => a + b, 0) / turnouts.length) : null,
    readings: readings.length,
    heardAverageCenti,
    heardChangeCenti: heardAverageCenti !== null && previousHeard !== null ? heardAverageCenti - previousHeard : null,
    dominantNamings: [...namings.entries()]
      .sort(([a, x], [b, y]) => (x === y ? a.localeCompare(b) : x > y ? -1 : 1))
      .map(([member, n]) => ({ member, namings: Number(n) })),
    cooldowns: history.cooldowns.filter((c) => c.period === period).length,
    recalls: history.mandates.filter((m) => m.status === "recalled" && m.endedAt !== null && inPeriod(m.endedAt))
      .length,
    resets: history.resets.filter((r) => inPeriod(r.at)).length,
    resetSignals: history.resetSignals.filter((s) => inPeriod(s.at)).length,
  };
}

function reciprocityOf(history: ScorecardHistory, start: bigint, end: bigint): ScorecardReciprocity {
  const commons = history.circle.toLowerCase();
  const payments = history.payments.filter(
    (p) =>
      p.at >= start &&
      p.at < end &&
      p.payer.toLowerCase() !== commons &&
      p.payee.toLowerCase() !== commons &&
      p.payer.toLowerCase() !== p.payee.toLowerCase(),
  );
  const directions = new Map<string, Set<string>>();
  const gave = new Set<Address>();
  const took = new Set<Address>();
  for (const p of payments) {
    const [a, b] = [p.payer.toLowerCase(), p.payee.toLowerCase()].sort();
    const key = `${a}-${b}`;
    directions.set(key, (directions.get(key) ?? new Set()).add(p.payer.toLowerCase()));
    gave.add(getAddress(p.payer));
    took.add(getAddress(p.payee));
  }
  const oneSided = [...directions.values()].filter((d) => d.size === 1).length;
  const sorted = (set: Iterable<Address>) => [...set].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
  return {
    payments: payments.length,
    volume: payments.reduce((a, p) => a + p.amount, 0n),
    pairs: directions.size,
    oneSidedPairs: oneSided,
    oneSidedPairShareBps: shareBps(oneSided, directions.size),
    onlyGave: sorted([...gave].filter((a) => !took.has(a))),
    onlyTook: sorted([...took].filter((a) => !gave.has(a))),
  };
}

function autonomyOf(history: ScorecardHistory, period: bigint, start: bigint, end: bigint): ScorecardAutonomy {
  const inPeriod = (t: bigint | null): t is bigint => t !== null && t >= start && t < end;
  const circleDecisions = history.proposals.filter((p) => inPeriod(p.executedAt)).length;
  const councilDecisions = history.councilDecisions.filter(
    (d) =>
      inPeriod(d.executedAt) &&
      history.seats.some(
        (s) =>
          s.council.toLowerCase() === d.council.toLowerCase() &&
          s.seatedAt <= d.executedAt! &&
          (s.leftAt === null || s.leftAt > d.executedAt!),
      ),
  ).length;
  const reversals = history.reversals.filter((r) => r.period === period);
  const byKind = Object.fromEntries(DEPENDENCY_REVERSAL_KINDS.map((k) => [k.name, 0])) as Record<
    DependencyReversalKindName,
    number
  >;
  const byMember = new Map<Address, bigint>();
  for (const r of reversals) {
    const kind = DEPENDENCY_REVERSAL_KINDS[r.kind]?.name ?? "other";
    byKind[kind] += 1;
    add(byMember, r.member, 1n);
  }
  return {
    circleDecisions,
    councilDecisions,
    circleShareBps: shareBps(circleDecisions, circleDecisions + councilDecisions),
    reversals: reversals.length,
    reversalsByKind: byKind,
    reversalMembers: byMember.size,
    topReversalLogger: topShare(byMember),
  };
}

function alertsOf(
  p: Omit<ScorecardPeriod, "alerts">,
  members: number,
  label: (account: Address) => string,
): DriftAlert[] {
  const t = p.thresholds;
  const alerts: DriftAlert[] = [];
  const raise = (kind: DriftAlertKind, value: number, threshold: number, reason: string) =>
    alerts.push({ kind, period: p.period, value, threshold, reason });
  const top = p.rotation.topHolder;
  if (top && members >= 2 && top.shareBps > t.maxTopMandateShareBps) {
    raise(
      "mandate-concentration",
      top.shareBps,
      t.maxTopMandateShareBps,
      `${label(top.account)} held ${formatBps(top.shareBps)} of the period's mandate-time (the circle's limit is ` +
        `${formatBps(t.maxTopMandateShareBps)}): roles are not rotating.`,
    );
  }
  const proposer = p.voice.topProposer;
  if (
    proposer &&
    p.voice.proposals >= SCORECARD_MIN_SAMPLES.proposals &&
    proposer.shareBps > t.maxTopProposerShareBps
  ) {
    raise(
      "voice-concentration",
      proposer.shareBps,
      t.maxTopProposerShareBps,
      `${label(proposer.account)} made ${formatBps(proposer.shareBps)} of the period's ${p.voice.proposals} proposals ` +
        `(the limit is ${formatBps(t.maxTopProposerShareBps)}): one voice sets the agenda.`,
    );
  }
  const turnout = p.voice.participationBps;
  if (turnout !== null && turnout < t.minParticipationBps) {
    raise(
      "participation-collapse",
      turnout,
      t.minParticipationBps,
      `On average ${formatBps(turnout)} of the electorate voted on the period's ${p.voice.closedVotes} closed ` +
        `vote(s) (the floor is ${formatBps(t.minParticipationBps)}): decisions are left to a few.`,
    );
  }
  const heard = p.voice.heardAverageCenti;
  if (heard !== null && heard < t.minHeardAverageCenti) {
    raise(
      "temperature-rising",
      heard,
      t.minHeardAverageCenti,
      `Members felt heard ${(heard / 100).toFixed(2)} out of 5 on average over ${p.voice.readings} reading(s) ` +
        `(the floor is ${(t.minHeardAverageCenti / 100).toFixed(2)})` +
        (p.voice.heardChangeCenti !== null && p.voice.heardChangeCenti < 0
          ? `, down ${(-p.voice.heardChangeCenti / 100).toFixed(2)} from the period before`
          : "") +
        ": some voices dominate.",
    );
  }
  const oneSided = p.reciprocity.oneSidedPairShareBps;
  if (oneSided !== null && p.reciprocity.pairs >= SCORECARD_MIN_SAMPLES.pairs && oneSided > t.maxOneSidedPairShareBps) {
    raise(
      "one-sided-reciprocity",
      oneSided,
      t.maxOneSidedPairShareBps,
      `${p.reciprocity.oneSidedPairs} of the period's ${p.reciprocity.pairs} trading pairs paid one way only ` +
        `(${formatBps(oneSided)}; the limit is ${formatBps(t.maxOneSidedPairShareBps)}): some only give, some only take.`,
    );
  }
  if (p.audits.missed > 0) {
    raise(
      "audit-missed",
      p.audits.missed,
      0,
      `${p.audits.missed} pair-link audit(s) closed missed in the period: the auditors drawn did not both publish, ` +
        `so nobody reported who works with whom.`,
    );
  }
  return alerts;
}

/** The audits that closed in [start, end), and the listening sessions held in it. */
function auditsOf(history: ScorecardHistory, start: bigint, end: bigint): ScorecardAudits {
  const inPeriod = (t: bigint | null) => t !== null && t >= start && t < end;
  const closed = history.audits.filter((a) => inPeriod(a.closedAt));
  const count = (status: LedgerAudit["status"]) => closed.filter((a) => a.status === status).length;
  return {
    held: count("published"),
    missed: count("missed"),
    skipped: count("skipped"),
    cancelled: count("cancelled"),
    listeningSessions: history.audits.filter((a) => inPeriod(a.listeningSessionAt)).length,
  };
}

/** Every account a history mentions: members, holders, proposers, voters, payers and payees, readers, loggers. */
export function accountsIn(history: ScorecardHistory): Address[] {
  const accounts = new Set<Address>([
    ...history.members.map((m) => m.member),
    ...history.mandates.map((m) => m.holder),
    ...history.proposals.flatMap((p) => [p.proposer, ...p.votes.map((v) => v.voter)]),
    ...history.payments.flatMap((p) => [p.payer, p.payee]),
    ...history.balances.map((b) => b.account),
    ...history.temperature.flatMap((r) => (r.dominant ? [r.member, r.dominant] : [r.member])),
    ...history.reversals.map((r) => r.member),
    ...history.audits.flatMap((a) => a.auditors),
  ]);
  return [...accounts].map((a) => getAddress(a));
}

function concentrationOf(amounts: Map<Address, bigint>): BalanceConcentration {
  const total = [...amounts.values()].reduce((a, b) => a + b, 0n);
  return { accounts: amounts.size, total, top: topShare(amounts), herfindahlBps: herfindahlBps([...amounts.values()]) };
}

/**
 * The scorecard of one circle from its history: per temperature period the rotation of mandates, the voice in
 * decisions and temperature checks, the reciprocity of its currency and its autonomy, each period judged by the
 * thresholds in force at its end; and the concentration of balances now.
 *
 * @example
 * const card = computeScorecard(history);
 * for (const alert of card.alerts) console.log(`period ${alert.period}: ${alert.reason}`);
 */
export function computeScorecard(history: ScorecardHistory, options: ComputeScorecardOptions = {}): Scorecard {
  const mentioned = accountsIn(history);
  const label = options.profiles ? labelsOf(mentioned, options.profiles) : (account: Address) => account;
  const until = history.dissolvedAt !== null && history.dissolvedAt < history.at ? history.dissolvedAt : history.at;
  let periods = temperaturePeriods(history.createdAt, history.temperaturePeriod, history.ritualRuleChanges, until);
  // The previous period's heard average is needed for the first period shown.
  const first = options.periods !== undefined ? Math.max(0, periods.length - options.periods) : 0;
  const previous = first > 0 ? periods[first - 1] : undefined;
  periods = periods.slice(first);
  let previousHeard = previous
    ? voiceOf(history, previous.period, previous.start, previous.end, null).heardAverageCenti
    : null;

  const viewer = options.thresholds && Object.keys(options.thresholds).length > 0 ? options.thresholds : undefined;
  const shown = periods.map(({ period, start, end, complete }) => {
    // A complete period ends where the next begins; the running one ends now, and a change made now is in force.
    const set = history.thresholdChanges.filter((c) => c.at < end || (!complete && c.at === end)).at(-1);
    const thresholds = { ...SCORECARD_THRESHOLD_DEFAULTS, ...set?.thresholds, ...viewer };
    const thresholdSource: ScorecardThresholdSource = viewer ? "viewer" : set ? "circle" : "default";
    const voice = voiceOf(history, period, start, end, previousHeard);
    previousHeard = voice.heardAverageCenti ?? previousHeard;
    const members = membersAt(history.members, end - 1n);
    const card = {
      period,
      start,
      end,
      complete,
      members,
      thresholds,
      thresholdSource,
      rotation: rotationOf(history, start, end),
      voice,
      reciprocity: reciprocityOf(history, start, end),
      autonomy: autonomyOf(history, period, start, end),
      audits: auditsOf(history, start, end),
    };
    return { ...card, alerts: alertsOf(card, members, label) };
  });

  let balances: Scorecard["balances"] = null;
  if (history.currency) {
    const creditors = new Map<Address, bigint>();
    const debtors = new Map<Address, bigint>();
    for (const { account, balance } of history.balances) {
      if (account.toLowerCase() === history.circle.toLowerCase()) continue;
      if (balance > 0n) creditors.set(account, balance);
      if (balance < 0n) debtors.set(account, -balance);
    }
    balances = {
      currency: history.currency.address,
      symbol: history.currency.symbol,
      decimals: history.currency.decimals,
      creditors: concentrationOf(creditors),
      debtors: concentrationOf(debtors),
    };
  }
  return {
    circle: history.circle,
    name: history.name,
    kind: history.kind,
    block: history.block,
    at: history.at,
    periods: shown,
    balances,
    audits: {
      held: history.audits.filter((a) => a.status === "published").length,
      missed: history.audits.filter((a) => a.status === "missed").length,
      skipped: history.audits.filter((a) => a.status === "skipped").length,
      cancelled: history.audits.filter((a) => a.status === "cancelled").length,
      running: history.audits.filter((a) => a.status === "requested" || a.status === "drawn").length,
      listeningSessions: history.audits.filter((a) => a.listeningSessionAt !== null).length,
      latest: history.audits.at(-1) ?? null,
      list: history.audits,
    },
    alerts: shown.flatMap((p) => p.alerts),
    names: options.profiles ? namesOf(history.members.map((m) => m.member).concat(mentioned), options.profiles) : {},
  };
}
