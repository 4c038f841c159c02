/**
 * The mandates drawn on a time axis: a row per role, a bar per tenure from its grant to its end (or its expiry while
 * live), coloured and marked by how it ended (recalled ✕, handed back ↩, ended by a reset ⟲), and a tick where one
 * holder handed the role to the next. An image to assistive technology; the list below it is its text alternative.
 */
import type { ReadMandateHistoryReturnType } from "../../../client/actions/ledger/readMandateHistory.js";
import { isoTime } from "../../../client/time.js";

const ROW = 34;
const LABEL = 120;
const WIDTH = 720;
const MARKS: Partial<Record<string, string>> = { recalled: "✕", "handed back": "↩", reset: "⟲", "holder left": "⇥" };

export function MandateChart({ history }: { history: ReadMandateHistoryReturnType }) {
  const byId = new Map(history.mandates.map((m) => [m.mandateId, m]));
  const end = (t: { mandateId: bigint; until: bigint | null }) => t.until ?? byId.get(t.mandateId)?.expiresAt ?? 0n;
  const tenures = history.roles.flatMap((r) => r.tenures);
  if (tenures.length === 0) return null;
  const start = tenures.reduce((m, t) => (t.from < m ? t.from : m), tenures[0]!.from);
  const stop = tenures.reduce((m, t) => (end(t) > m ? end(t) : m), history.at);
  const span = Number(stop - start) || 1;
  const x = (at: bigint) => LABEL + (Number(at - start) / span) * (WIDTH - LABEL - 10);
  const height = history.roles.length * ROW + 24;
  const handOffs = history.roles.reduce((n, r) => n + Math.max(0, r.tenures.length - 1), 0);
  return (
    // Wider than a phone: it scrolls sideways, so it takes the focus to scroll by keyboard.
    <div className="scroll" tabIndex={0} role="group" aria-label="The mandates' time line (scrolls sideways)">
      <svg
        className="mandate-chart"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={`Mandates on a time line from ${isoTime(start).slice(0, 10)} to ${isoTime(stop).slice(0, 10)}: ${tenures.length} tenure(s) in ${history.roles.length} role(s), ${handOffs} hand-off(s); the list below says the same`}
        data-testid="mandate-chart"
        data-tenures={tenures.length}
      >
        {history.roles.map((role, row) => {
          const y = row * ROW + 6;
          return (
            <g key={role.roleId}>
              <text x={0} y={y + 15} className="role-label">
                {role.role.length > 16 ? `${role.role.slice(0, 15)}…` : role.role}
              </text>
              {role.tenures.map((t, i) => {
                const x0 = x(t.from);
                const x1 = Math.max(x(end(t)), x0 + 3);
                const mark = MARKS[t.status];
                return (
                  <g key={t.mandateId.toString()}>
                    <rect
                      className={`tenure status-${t.status.replace(/ /g, "-")}`}
                      x={x0}
                      y={y}
                      width={x1 - x0}
                      height={20}
                      rx={3}
                    >
                      <title>{`${role.role}: ${t.holder}, ${isoTime(t.from)} to ${isoTime(end(t))}, ${t.status}`}</title>
                    </rect>
                    {i > 0 ? <line className="hand-off" x1={x0} x2={x0} y1={y - 3} y2={y + 23} /> : null}
                    {mark ? (
                      <text className="end-mark" x={x1 + 2} y={y + 15}>
                        {mark}
                      </text>
                    ) : null}
                  </g>
                );
              })}
            </g>
          );
        })}
        <text x={LABEL} y={height - 4} className="axis-label">
          {isoTime(start).slice(0, 10)}
        </text>
        <text x={WIDTH - 10} y={height - 4} className="axis-label" textAnchor="end">
          {isoTime(stop).slice(0, 10)}
        </text>
      </svg>
      <p className="legend">
        Bars: <span className="key status-live">live</span> <span className="key status-expired">ended</span>{" "}
        <span className="key status-recalled">recalled ✕</span> · ↩ handed back · ⟲ ended by a reset · a tick where the
        role passed to the next holder.
      </p>
    </div>
  );
}
