/**
 * Roles over time from the ledger: for each role, its holders in order with when each tenure began and ended and
 * how (live, expired, handed back, recalled, ended by a reset, …), and the draws by lot.
 */
import type { ReadMandateHistoryReturnType } from "../../../client/actions/ledger/readMandateHistory.js";
import { Time } from "./basics.js";
import { MandateChart } from "./MandateChart.js";
import { Person } from "./Person.js";

export function MandateTimeline({ history }: { history: ReadMandateHistoryReturnType }) {
  if (history.mandates.length === 0) return <p>No mandate has been granted yet.</p>;
  const byId = new Map(history.mandates.map((m) => [m.mandateId, m]));
  return (
    <>
      <MandateChart history={history} />
      {history.roles.map((role) => (
        <div key={role.roleId} className="role">
          <h3>{role.role}</h3>
          <p>
            {role.currentHolder ? (
              <>
                Held now by <Person account={role.currentHolder} />
              </>
            ) : (
              "Vacant now."
            )}
          </p>
          <ol className="timeline">
            {role.tenures.map((t, i) => {
              const m = byId.get(t.mandateId);
              const before = i > 0 ? role.tenures[i - 1]!.holder : null;
              return (
                <li key={t.mandateId.toString()}>
                  <Person account={t.holder} />: from <Time at={t.from} />{" "}
                  {t.until !== null ? (
                    <>
                      to <Time at={t.until} />
                    </>
                  ) : m ? (
                    <>
                      until <Time at={m.expiresAt} />
                    </>
                  ) : null}{" "}
                  · <span className={`status status-${t.status.replace(/ /g, "-")}`}>{t.status}</span>
                  {m?.drawn ? " · drawn by lot" : ""}
                  {m && m.recallSignals > 0 ? ` · ${m.recallSignals} recall signal(s)` : ""}
                  {before ? (
                    <>
                      {" "}
                      · took over from <Person account={before} />
                    </>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </div>
      ))}
      {history.draws.length > 0 ? (
        <>
          <h3>Draws by lot</h3>
          <ul>
            {history.draws.map((d) => (
              <li key={d.drawId.toString()}>
                {d.role}: requested <Time at={d.requestedAt} /> from a pool of {d.pool.length}, {d.status}
                {d.holder ? (
                  <>
                    , drawn: <Person account={d.holder} />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
