/**
 * A circle's sovereignty scorecard (the ledger, computed by the client's readScorecard): per period, how much of
 * the mandate-time its top holder held, how many voted, how heard members felt, and how much of the trade went one
 * way only, each drawn against the threshold in force then; the drift alerts with their reasons; and where the
 * thresholds come from (the circle's own, the defaults, or a viewer's).
 */
import type { Address as Addr } from "viem";

import type { LedgerAudit } from "../../../client/actions/ledger/listLedgerAudits.js";
import { formatBps, type Scorecard, type ScorecardPeriod } from "../../../client/scorecard.js";
import { SCORECARD_THRESHOLD_FIELDS } from "../../../client/scorecardThresholds.js";
import { Loaded, PublishedUri, Section, Time } from "../components/basics.js";
import { Person } from "../components/Person.js";
import { LineChartFigure, type ChartPoint } from "../components/LineChartFigure.js";
import { useScorecard } from "../hooks/reads.js";
import { href } from "../routes.js";

const percent = (bps: number) => formatBps(bps);
const heard = (centi: number) => (centi / 100).toFixed(2);

/** The charts: what each measures in a period, and the threshold it is judged by. */
const CHARTS: {
  id: string;
  title: string;
  value: (p: ScorecardPeriod) => number | null;
  threshold: (p: ScorecardPeriod) => number;
  rule: string;
  format: (n: number) => string;
  domain: [number, number];
}[] = [
  {
    id: "chart-mandate",
    title: "Mandate-time held by the top holder",
    value: (p) => p.rotation.topHolder?.shareBps ?? null,
    threshold: (p) => p.thresholds.maxTopMandateShareBps,
    rule: "an alert above it",
    format: percent,
    domain: [0, 10_000],
  },
  {
    id: "chart-participation",
    title: "Participation in closed votes",
    value: (p) => p.voice.participationBps,
    threshold: (p) => p.thresholds.minParticipationBps,
    rule: "an alert below it",
    format: percent,
    domain: [0, 10_000],
  },
  {
    id: "chart-heard",
    title: "Heard average (temperature, 1 to 5)",
    value: (p) => p.voice.heardAverageCenti,
    threshold: (p) => p.thresholds.minHeardAverageCenti,
    rule: "an alert below it",
    format: heard,
    domain: [100, 500],
  },
  {
    id: "chart-one-sided",
    title: "One-sided trading pairs",
    value: (p) => p.reciprocity.oneSidedPairShareBps,
    threshold: (p) => p.thresholds.maxOneSidedPairShareBps,
    rule: "an alert above it",
    format: percent,
    domain: [0, 10_000],
  },
];

const SOURCES = {
  circle: "the circle's own, set by its decision",
  default: "the defaults (the circle has set none)",
  viewer: "a viewer's own",
} as const;

const AUDIT_STATUS: Record<LedgerAudit["status"], string> = {
  requested: "auditors being drawn",
  drawn: "running",
  published: "held: both reports published",
  missed: "missed",
  skipped: "skipped: fewer than two members eligible",
  cancelled: "cancelled by a hard reset",
};

/** Every pair-link audit of the circle: how it closed, who audited, their reports and the listening session. */
function AuditList({ audits }: { audits: Scorecard["audits"] }) {
  if (!audits.latest) {
    return <p>No pair-link audit yet: once an audit period has begun, anyone may start its draw.</p>;
  }
  return (
    <>
      <p data-testid="audit-summary">
        {audits.held} held, {audits.missed} missed, {audits.skipped} skipped, {audits.cancelled} cancelled,{" "}
        {audits.running} running; {audits.listeningSessions} listening session(s) held. An audit is held when both
        auditors drawn by lot publish their report within its period.
      </p>
      <ol className="audits" reversed>
        {audits.list
          .slice()
          .reverse()
          .map((a) => (
            <li key={a.auditId.toString()}>
              <strong>Audit {a.auditId.toString()}</strong> (audit period {a.period.toString()}):{" "}
              {AUDIT_STATUS[a.status]}
              {a.auditors.length > 0 && (
                <>
                  {"; auditors "}
                  <Person account={a.auditors[0]!} /> and <Person account={a.auditors[1]!} />
                </>
              )}
              {a.reports.length > 0 && (
                <ul>
                  {a.reports.map((r) => (
                    <li key={r.auditor}>
                      <Person account={r.auditor} /> published on <Time at={r.at} />:{" "}
                      <code className="hash">{r.contentHash}</code>
                      {r.uri ? (
                        <>
                          {", "}
                          <PublishedUri uri={r.uri} />
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
              {a.listeningSessionAt !== null && (
                <>
                  {"; listening session held "}
                  <Time at={a.listeningSessionAt} />
                </>
              )}
              .
            </li>
          ))}
      </ol>
    </>
  );
}

export function ScorecardPage({ circle }: { circle: Addr }) {
  const scorecard = useScorecard(circle);
  return (
    <Loaded query={scorecard} what="the scorecard">
      {(s) => {
        const latest = s.periods.at(-1);
        return (
          <>
            <p className="crumbs">
              <a href={href({ page: "circle", circle })}>← {s.name}</a>
            </p>
            <h1>{s.name}: sovereignty scorecard</h1>
            <p className="lede">
              {s.periods.length} temperature period(s) since its founding, read from the ledger at block {s.block} (
              <Time at={s.at} />
              ); the last is still running. Each chart shows a period’s measure (solid) and the threshold in force then
              (dashed).
            </p>
            <Section id="charts" title="Over time">
              <div className="charts">
                {CHARTS.map((c) => (
                  <LineChartFigure
                    key={c.id}
                    id={c.id}
                    title={c.title}
                    threshold={c.rule}
                    format={c.format}
                    domain={c.domain}
                    points={s.periods.map((p): ChartPoint => ({
                      x: p.period.toString(),
                      value: c.value(p),
                      threshold: c.threshold(p),
                    }))}
                  />
                ))}
              </div>
            </Section>
            <Section id="alerts" title="Drift alerts">
              {s.alerts.length === 0 ? (
                <p>No alerts: no period crossed a threshold.</p>
              ) : (
                <ol className="alerts" data-testid="alerts">
                  {s.alerts.map((a) => (
                    <li key={`${a.kind}-${a.period}`}>
                      <strong>Period {a.period.toString()}</strong> · {a.kind.replace(/-/g, " ")}: {a.reason}
                    </li>
                  ))}
                </ol>
              )}
            </Section>
            <Section id="audits" title="Pair-link audits">
              <AuditList audits={s.audits} />
            </Section>
            <Section id="thresholds" title="Thresholds">
              {latest ? (
                <>
                  <p data-testid="threshold-source">
                    The running period is judged by {SOURCES[latest.thresholdSource]}.
                  </p>
                  <ul>
                    {SCORECARD_THRESHOLD_FIELDS.map((f) => {
                      const value = latest.thresholds[f.name];
                      return (
                        <li key={f.name}>
                          {f.name === "minHeardAverageCenti" ? heard(value) : percent(value)}: {f.description}
                        </li>
                      );
                    })}
                  </ul>
                </>
              ) : (
                <p>No period yet.</p>
              )}
            </Section>
          </>
        );
      }}
    </Loaded>
  );
}
