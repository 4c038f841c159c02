/** Temperature checks over time from the ledger: per decision period, how many answered and how heard they felt. */
import type { ListTemperatureReadingsReturnType } from "../../../client/actions/ledger/listTemperatureReadings.js";
import { temperatureByPeriod } from "../../../client/actions/circle/readCircleRituals.js";
import { Time } from "./basics.js";
import { LineChartFigure } from "./LineChartFigure.js";
import { Person } from "./Person.js";

export function TemperatureTable({ data }: { data: ListTemperatureReadingsReturnType }) {
  if (data.readings.length === 0) return <p>No temperature check recorded yet.</p>;
  const periods = new Map<bigint, typeof data.readings>();
  for (const r of data.readings) periods.set(r.period, [...(periods.get(r.period) ?? []), r]);
  return (
    <>
      <LineChartFigure
        id="chart-temperature"
        title="Average heard per period (1 to 5)"
        domain={[1, 5]}
        format={(n) => n.toFixed(2)}
        points={temperatureByPeriod(data.readings).map((p) => ({ x: p.period.toString(), value: p.average }))}
      />
      <div className="scroll">
        <table>
          <caption>Readings per decision period (heard: how heard members felt)</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">Readings</th>
              <th scope="col">Average heard</th>
              <th scope="col">Named as dominant</th>
            </tr>
          </thead>
          <tbody>
            {[...periods].map(([period, readings]) => {
              const average = readings.reduce((sum, r) => sum + r.heard, 0) / readings.length;
              const dominant = readings.filter((r) => r.dominant !== null).length;
              return (
                <tr key={period.toString()}>
                  <th scope="row">{period.toString()}</th>
                  <td>{readings.length}</td>
                  <td>{average.toFixed(1)}</td>
                  <td>{dominant}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {data.cooldowns.length > 0 ? (
        <ul>
          {data.cooldowns.map((c) => (
            <li key={`${c.member}-${c.period}`}>
              <Person account={c.member} /> cools down (named dominant by many) until <Time at={c.until} />
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
