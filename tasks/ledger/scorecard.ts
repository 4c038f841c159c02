/**
 * `npx hardhat ledger scorecard --circle <address> [--periods <n>] [--thresholds <k=v,…>] [--ledger <url>] [--json]`
 *
 * A circle's sovereignty scorecard from the ledger (client action readScorecard): per temperature period the rotation
 * of its mandates, the voice in its decisions and temperature checks, the reciprocity of its currency and its
 * autonomy, with the drift alerts its thresholds raise; the README's "Sovereignty scorecards" states each formula.
 * Reads the ledger only: no network, no signer. With `--json`, prints the whole scorecard (bigints as strings).
 */
import { readScorecard } from "../../client/actions/ledger/readScorecard.js";
import { DEFAULT_LEDGER_URL } from "../../client/ledger.js";
import { labelsOf, profileBook } from "../../client/names.js";
import {
  formatBps,
  parseScorecardPeriods,
  parseScorecardThresholds,
  type BalanceConcentration,
  type Scorecard,
  type ScorecardPeriod,
} from "../../client/scorecard.js";
import { isoTime } from "../../client/time.js";
import { formatAmount } from "../../client/units.js";
import { duration } from "../circle/shared.js";
import { report, requireAddress, runTask } from "../cli.js";

export interface ScorecardArgs {
  circle?: string;
  periods?: string;
  thresholds?: string;
  ledger?: string;
  json: boolean;
}

/** How many periods the scorecard prints unless told. */
export const DEFAULT_SCORECARD_PERIODS = 4;

function parsePeriods(text: string | undefined): number | undefined {
  return text === undefined ? DEFAULT_SCORECARD_PERIODS : parseScorecardPeriods(text);
}

type Label = (account: string) => string;

const list = (accounts: readonly string[], label: Label) =>
  accounts.length ? accounts.map(label).join(", ") : "nobody";

function periodText(p: ScorecardPeriod, units: { decimals: number; symbol: string } | undefined, label: Label): string {
  const { rotation: r, voice: v, reciprocity: c, autonomy: a } = p;
  const source = { circle: "the circle's own", default: "the defaults", viewer: "yours (--thresholds)" }[
    p.thresholdSource
  ];
  const lines = [
    `Period ${p.period}: ${isoTime(p.start)} to ${isoTime(p.end)}${p.complete ? "" : " (running)"}, ` +
      `${p.members} member(s); thresholds: ${source}`,
    `  Rotation     ${r.tenures} tenure(s) held by ${r.distinctHolders} member(s)` +
      (r.meanTenureSeconds === null ? "" : `, mean tenure ${duration(r.meanTenureSeconds)}`) +
      (r.topHolder
        ? `; ${label(r.topHolder.account)} held ${formatBps(r.topHolder.shareBps)} of mandate-time, ` +
          `Herfindahl ${formatBps(r.herfindahlBps!)}`
        : "; no mandate-time") +
      (r.facilitation
        ? `; a facilitator in office ${formatBps(r.facilitation.coverageBps)} of the time, ` +
          `${r.facilitation.terms} of ${r.facilitation.expectedTerms} term(s) by ${r.facilitation.distinctFacilitators}`
        : ""),
    `  Voice        ${v.proposals} proposal(s)` +
      (v.topProposer ? `, ${formatBps(v.topProposer.shareBps)} by ${label(v.topProposer.account)}` : "") +
      (v.participationBps === null
        ? "; no vote closed"
        : `; participation ${formatBps(v.participationBps)} over ${v.closedVotes} closed vote(s)`) +
      (v.heardAverageCenti === null
        ? "; no temperature reading"
        : `; heard ${(v.heardAverageCenti / 100).toFixed(2)}/5 over ${v.readings} reading(s)` +
          (v.heardChangeCenti === null
            ? ""
            : ` (${v.heardChangeCenti >= 0 ? "+" : "-"}${(Math.abs(v.heardChangeCenti) / 100).toFixed(2)})`)) +
      (v.dominantNamings.length
        ? `; named dominant: ${v.dominantNamings.map((n) => `${label(n.member)} ×${n.namings}`).join(", ")}`
        : "") +
      `; ${v.cooldowns} cooldown(s), ${v.recalls} recall(s), ${v.resets} reset(s)`,
    `  Reciprocity  ${c.payments} payment(s)` +
      (units ? ` (${formatAmount(c.volume, units)})` : "") +
      (c.pairs === 0
        ? ""
        : ` between ${c.pairs} pair(s), ${c.oneSidedPairs} one way only (${formatBps(c.oneSidedPairShareBps!)}); ` +
          `only gave: ${list(c.onlyGave, label)}; only took: ${list(c.onlyTook, label)}`),
    `  Autonomy     ${a.circleDecisions} decision(s) here, ${a.councilDecisions} in councils` +
      (a.circleShareBps === null ? "" : ` (${formatBps(a.circleShareBps)} here)`) +
      `; ${a.reversals} dependency reversal(s) logged by ${a.reversalMembers} member(s)` +
      (a.reversals
        ? ` (${Object.entries(a.reversalsByKind)
            .filter(([, n]) => n > 0)
            .map(([k, n]) => `${k} ${n}`)
            .join(", ")})`
        : ""),
    `  Audits       ${p.audits.held} pair-link audit(s) held, ${p.audits.missed} missed, ${p.audits.skipped} skipped` +
      (p.audits.cancelled ? `, ${p.audits.cancelled} cancelled by a reset` : "") +
      `; ${p.audits.listeningSessions} listening session(s)`,
    ...p.alerts.map((alert) => `  ALERT ${alert.kind}: ${alert.reason}`),
  ];
  return lines.join("\n");
}

function concentrationText(
  what: string,
  c: BalanceConcentration,
  units: { decimals: number; symbol: string },
  label: Label,
): string {
  if (!c.top) return `no ${what}`;
  return (
    `${c.accounts} ${what} holding ${formatAmount(c.total, units)}, ${formatBps(c.top.shareBps)} of it ` +
    `${label(c.top.account)}'s (Herfindahl ${formatBps(c.herfindahlBps!)})`
  );
}

/** Every pair-link audit so far, in one sentence. */
function auditsText(card: Scorecard, label: Label): string {
  const a = card.audits;
  if (!a.latest) return "Pair-link audits: none yet.";
  const latest = a.latest;
  return (
    `Pair-link audits so far: ${a.held} held, ${a.missed} missed, ${a.skipped} skipped, ${a.cancelled} cancelled, ` +
    `${a.running} running; ${a.listeningSessions} listening session(s). The latest, #${latest.auditId}, is ` +
    `${latest.status}` +
    (latest.auditors.length ? ` (auditors ${latest.auditors.map(label).join(" and ")})` : "") +
    "."
  );
}

/** The scorecard in sentences, one block per period, alerts last in each. */
export function scorecardText(card: Scorecard): string {
  const units = card.balances ? { decimals: card.balances.decimals, symbol: card.balances.symbol } : undefined;
  const alerts = card.alerts.length;
  const book = profileBook(Object.entries(card.names).map(([account, name]) => ({ account, name })));
  const label = labelsOf(Object.keys(card.names), book);
  return [
    `The sovereignty scorecard of ${card.name} (${card.circle}), a ${card.kind}, from the ledger as of block ` +
      `${card.block} (${isoTime(card.at)}): ${card.periods.length} period(s), ` +
      (alerts ? `${alerts} drift alert(s).` : "no drift alert."),
    ...card.periods.map((p) => periodText(p, units, label)),
    auditsText(card, label),
    card.balances && units
      ? `Balances now in ${card.balances.symbol} (the commons left out): ` +
        `${concentrationText("creditor(s)", card.balances.creditors, units, label)}; ` +
        `${concentrationText("debtor(s)", card.balances.debtors, units, label)}.`
      : "No currency: no balances to weigh.",
  ].join("\n");
}

export default async function scorecardTask(args: ScorecardArgs): Promise<void> {
  await runTask(args.json, async () => {
    const circle = requireAddress("circle", args.circle);
    const periods = parsePeriods(args.periods);
    const thresholds = parseScorecardThresholds(args.thresholds);
    const url = args.ledger ?? (process.env.COMMONWEAL_LEDGER_URL || DEFAULT_LEDGER_URL);
    const card = await readScorecard({ url }, { circle, periods, thresholds });
    report(args.json, scorecardText(card), { ...card });
  });
}
