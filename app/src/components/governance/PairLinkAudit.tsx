/**
 * The pair-link audit of a circle (issue 17): the audit period running now, the latest audit in words, its two
 * auditors drawn by lot and their reports, the listening session; and each step a member takes from the page, shown
 * when the audit's status lets it apply: start this period's audit (anyone), draw the auditors once the randomness
 * is out (anyone; the client's completeAuditorDraw finds the proof), publish my report (an auditor), record the
 * listening session (an auditor) and record the audit as missed (anyone, after the period). Every step is the client's
 * write action, which simulates first: what the contract would refuse (not an auditor, the period not over, a date out
 * of range) is the CLI's sentence, and nothing is sent. The audit's state is the chain's (listAudits); the reports'
 * hash and URI are in events only, read from the ledger (listLedgerAudits).
 */
import { useState, type FormEvent } from "react";
import type { Address as Addr } from "viem";

import { completeAuditorDraw } from "../../../../client/actions/audit/completeAuditorDraw.js";
import { publishAudit } from "../../../../client/actions/audit/publishAudit.js";
import type { Audit, AuditStatusName } from "../../../../client/actions/audit/readAudit.js";
import { recordAuditMissed } from "../../../../client/actions/audit/recordAuditMissed.js";
import { recordListeningSession } from "../../../../client/actions/audit/recordListeningSession.js";
import { requestAuditorDraw } from "../../../../client/actions/audit/requestAuditorDraw.js";
import type { LedgerAudit } from "../../../../client/actions/ledger/listLedgerAudits.js";
import { InvalidParameterError } from "../../../../client/errors.js";
import { formatDuration, isoTime } from "../../../../client/time.js";
import { useWrite } from "../../hooks/governance.js";
import { useAudits, useChainTime, useLedgerAudits } from "../../hooks/queries.js";
import { href } from "../../routes.js";
import { Loaded, PublishedUri, Refusal, Section, Time } from "../basics.js";
import { Person } from "../Person.js";
import { contentHash, ReportInputs, text, type Fields } from "./ProposeForm.js";

/** An audit's status in words. */
export const AUDIT_STATUS_WORDS: Record<AuditStatusName, string> = {
  none: "not recorded",
  pending: "waiting for its two auditors to be drawn by lot (anyone may draw them once the randomness is out)",
  drawn: "running: its two auditors write their reports until the period ends",
  published: "held: both auditors published their reports",
  missed: "missed: an auditor did not publish within the period",
  skipped: "skipped: fewer than two members could audit",
  cancelled: "cancelled by a hard reset",
};

export function PairLinkAudit({
  circle,
  mandates,
  auditPeriod,
}: {
  circle: Addr;
  mandates: Addr;
  auditPeriod: number;
}) {
  const audits = useAudits(mandates);
  return (
    <Section id="audit" title="Pair-link audit">
      <p>
        Once per audit period two members drawn by lot read{" "}
        <a href={href({ page: "pair-links", circle })}>the pair-link map</a> (“Who works with whom”, drawn from the
        chain), and each publishes a report on the pairs that work together most; the circle then holds a listening
        session on them. The map is public, like every vote and payment it comes from.
      </p>
      <Loaded query={audits} what="the pair-link audits">
        {({ total, audits: [latest], current }) => (
          <>
            <p data-testid="audit-period">
              {auditPeriod === 0 || current === null ? (
                "No audits: the circle's rules set none."
              ) : (
                <>
                  Audit period {current.period.toString()} runs from <Time at={current.startsAt} /> to{" "}
                  <Time at={current.endsAt} /> (a period every {formatDuration(auditPeriod)}
                  {total === 0n ? ", counted from the first audit request" : ""}).{" "}
                  {current.auditId === null
                    ? "Its audit has not been started: anyone may start it."
                    : `Its audit is audit ${current.auditId}.`}
                </>
              )}
            </p>
            {latest ? <LatestAudit circle={circle} audit={latest} /> : <p>No pair-link audit so far.</p>}
            <AuditSteps
              mandates={mandates}
              latest={latest}
              canStart={
                auditPeriod > 0 &&
                current !== null &&
                (current.auditId === null || (latest?.auditId === current.auditId && latest.status === "cancelled"))
              }
            />
          </>
        )}
      </Loaded>
    </Section>
  );
}

/** The latest audit: its status in words, its auditors and their reports, its listening session. */
function LatestAudit({ circle, audit: a }: { circle: Addr; audit: Audit }) {
  const ledger = useLedgerAudits(circle);
  const reports = ledger.data?.audits.find((l) => l.auditId === a.auditId)?.reports ?? [];
  return (
    <>
      <h3>Audit {a.auditId.toString()}</h3>
      <p data-testid="audit-status">
        Audit {a.auditId.toString()} (period {a.period.toString()}, until <Time at={a.endsAt} />
        ): {AUDIT_STATUS_WORDS[a.status]}.
      </p>
      {a.auditors.length > 0 ? (
        <ul data-testid="auditors" aria-label="Auditors and their reports">
          {a.auditors.map((auditor) => (
            <li key={auditor.address}>
              <Person account={auditor.address} />, auditor by lot:{" "}
              <Report publishedAt={auditor.publishedAt} report={reports.find((r) => r.auditor === auditor.address)} />
            </li>
          ))}
        </ul>
      ) : null}
      <p data-testid="listening-session">
        {a.session ? (
          <>
            The listening session was held on <Time at={a.session.heldAt} />, recorded by{" "}
            <Person account={a.session.recordedBy} />.
          </>
        ) : a.status === "published" ? (
          "No listening session recorded yet: an auditor records it once the circle has held it (or the circle, by decision)."
        ) : (
          "The listening session follows once both reports are published."
        )}
      </p>
    </>
  );
}

/** One auditor's report: when they published, its hash and where it can be read (from the ledger). */
function Report({
  publishedAt,
  report,
}: {
  publishedAt: number | null;
  report: LedgerAudit["reports"][number] | undefined;
}) {
  if (publishedAt === null) return <>has not published a report yet.</>;
  return (
    <>
      published their report on <Time at={publishedAt} />
      {report ? (
        <>
          : <code className="hash">{report.contentHash}</code>
          {report.uri ? (
            <>
              {", "}
              <PublishedUri uri={report.uri} />
            </>
          ) : (
            ", no URI"
          )}
        </>
      ) : (
        " (its hash and URI show once the ledger has read it)"
      )}
      .
    </>
  );
}

/** Unix seconds of a datetime-local value read as UTC; refused in a sentence when it is no date. */
function utcSeconds(value: string): number {
  const ms = Date.parse(`${value}Z`);
  if (!value || Number.isNaN(ms)) {
    throw new InvalidParameterError("heldAt", `"${value}" is not a date: give the day and time the session was held.`);
  }
  return Math.floor(ms / 1000);
}

/**
 * The steps, each shown while the audit's status lets it apply; the rest (who may, and when) the contract decides,
 * refused in the CLI's sentence. Every step stays mounted, so its outcome still shows once the page has moved on.
 */
function AuditSteps({ mandates, latest, canStart }: { mandates: Addr; latest: Audit | undefined; canStart: boolean }) {
  const status = latest?.status;
  return (
    <>
      <StartAudit mandates={mandates} applies={canStart} />
      <DrawAuditors mandates={mandates} audit={status === "pending" ? latest : undefined} />
      <PublishReport mandates={mandates} audit={status === "drawn" ? latest : undefined} />
      <RecordSession mandates={mandates} audit={status === "published" && !latest?.session ? latest : undefined} />
      <RecordMissed mandates={mandates} audit={status === "drawn" ? latest : undefined} />
    </>
  );
}

function StartAudit({ mandates, applies }: { mandates: Addr; applies: boolean }) {
  const start = useWrite((wallet, _: void) => requestAuditorDraw(wallet, { mandates }));
  const outcome = start.isSuccess ? (
    <p role="status" className="ok">
      {start.data.outcome === "requested"
        ? `Audit ${start.data.auditId} is started: its two auditors are drawn from ${start.data.pool.length} members once the randomness of block ${start.data.ticket} is out.`
        : `Audit ${start.data.auditId} is skipped: only ${start.data.eligible} member(s) could audit.`}
    </p>
  ) : null;
  if (!applies) return outcome;
  return (
    <div className="act">
      <h3>Start this period's audit</h3>
      <p>Anyone may start it: the members who can audit are fixed now, and two are drawn by lot from them.</p>
      <button type="button" disabled={!start.ready || start.isPending} onClick={() => start.mutate()}>
        {start.isPending ? "Starting …" : "Start this period's audit"}
      </button>
      {start.isError ? <Refusal error={start.error} /> : null}
      {outcome}
    </div>
  );
}

function DrawAuditors({ mandates, audit }: { mandates: Addr; audit: Audit | undefined }) {
  const draw = useWrite((wallet, auditId: bigint) => completeAuditorDraw(wallet, { mandates, auditId }));
  const drawn = draw.data?.audit;
  const outcome = drawn ? (
    <p role="status" className="ok">
      Audit {drawn.auditId.toString()} is {drawn.status}
      {drawn.auditors.length > 0 ? (
        <>
          : <Person account={drawn.auditors[0]!.address} /> and <Person account={drawn.auditors[1]!.address} /> audit
          until <Time at={drawn.endsAt} />
        </>
      ) : null}
      .
    </p>
  ) : null;
  if (!audit) return outcome;
  return (
    <div className="act">
      <h3>Draw the auditors</h3>
      <p>Anyone may draw them once the randomness is out (a few blocks after the start); the app finds its proof.</p>
      <button type="button" disabled={!draw.ready || draw.isPending} onClick={() => draw.mutate(audit.auditId)}>
        {draw.isPending ? "Drawing …" : "Draw the auditors"}
      </button>
      {draw.isError ? <Refusal error={draw.error} /> : null}
      {outcome}
    </div>
  );
}

/** An auditor's report: a text (its hash is published) or a hash, and where it can be read. */
function PublishReport({ mandates, audit }: { mandates: Addr; audit: Audit | undefined }) {
  const [fields, setFields] = useState<Fields>({});
  const publish = useWrite((wallet, input: { auditId: bigint; fields: Fields }) =>
    publishAudit(wallet, {
      mandates,
      auditId: input.auditId,
      contentHash: contentHash(input.fields, "auditHash", "auditText", "the report"),
      uri: text(input.fields, "auditURI"),
    }),
  );
  const outcome = publish.isSuccess ? (
    <p role="status" className="ok">
      Your report on audit {publish.data.auditId.toString()} is published
      {publish.data.complete ? ": both reports are in, the audit is held." : "; the other auditor's is awaited."}
    </p>
  ) : null;
  if (!audit) return outcome;
  const set = (key: string) => (value: string) => setFields((f) => ({ ...f, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    publish.mutate({ auditId: audit.auditId, fields });
  };
  return (
    <form onSubmit={submit} className="act" aria-labelledby="audit-report-title">
      <h3 id="audit-report-title">Publish my report</h3>
      <p>
        For the two auditors, until <Time at={audit.endsAt} />: publishing completes your auditor's mandate.
      </p>
      <ReportInputs id="audit" fields={fields} set={set} hashIs="published" uriOptional={false} />
      <button type="submit" disabled={!publish.ready || publish.isPending}>
        {publish.isPending ? "Publishing …" : "Publish my report"}
      </button>
      {publish.isError ? <Refusal error={publish.error} /> : null}
      {outcome}
    </form>
  );
}

/** An auditor records that the circle held the listening session, with its date and time (UTC, to the second). */
function RecordSession({ mandates, audit }: { mandates: Addr; audit: Audit | undefined }) {
  const now = useChainTime();
  const [own, setOwn] = useState<string | null>(null);
  // The chain's time by default: never before the publication, never in the chain's future.
  const heldAt = own ?? (now.data ? isoTime(now.data).slice(0, 19) : "");
  const record = useWrite((wallet, input: { auditId: bigint; heldAt: string }) =>
    recordListeningSession(wallet, { mandates, auditId: input.auditId, heldAt: utcSeconds(input.heldAt) }),
  );
  const outcome = record.isSuccess ? (
    <p role="status" className="ok">
      The listening session of audit {record.data.auditId.toString()} is recorded: held <Time at={record.data.heldAt} />
      .
    </p>
  ) : null;
  if (!audit) return outcome;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate({ auditId: audit.auditId, heldAt });
  };
  return (
    <form onSubmit={submit} className="act" aria-labelledby="audit-session-title">
      <h3 id="audit-session-title">Record the listening session</h3>
      <p>
        For an auditor, once the circle has met on the reports: not before they were published, not in the future. (The
        circle can record it by a decision too.)
      </p>
      <label htmlFor="audit-session">When it was held (UTC)</label>
      <input
        id="audit-session"
        type="datetime-local"
        step={1}
        value={heldAt}
        onChange={(e) => setOwn(e.target.value)}
      />
      <button type="submit" disabled={!record.ready || record.isPending}>
        {record.isPending ? "Recording …" : "Record the listening session"}
      </button>
      {record.isError ? <Refusal error={record.error} /> : null}
      {outcome}
    </form>
  );
}

/** Anyone records, after the period, that an auditor did not publish. */
function RecordMissed({ mandates, audit }: { mandates: Addr; audit: Audit | undefined }) {
  const missed = useWrite((wallet, auditId: bigint) => recordAuditMissed(wallet, { mandates, auditId }));
  const outcome = missed.isSuccess ? (
    <p role="status" className="ok">
      Audit {missed.data.auditId.toString()} is recorded missed: {missed.data.missing.length} auditor(s) did not
      publish.
    </p>
  ) : null;
  if (!audit) return outcome;
  return (
    <div className="act">
      <h3>Record as missed</h3>
      <p>
        After <Time at={audit.endsAt} />, anyone may record the audit as missed if an auditor has not published.
      </p>
      <button type="button" disabled={!missed.ready || missed.isPending} onClick={() => missed.mutate(audit.auditId)}>
        {missed.isPending ? "Recording …" : "Record as missed"}
      </button>
      {missed.isError ? <Refusal error={missed.error} /> : null}
      {outcome}
    </div>
  );
}
