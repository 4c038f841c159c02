/**
 * A series over periods drawn with Recharts, with an optional threshold line, and the same numbers in a table below
 * (the text alternative). The drawing is an image to assistive technology (role="img", named by the title); the
 * container carries how many points it holds (data-points) for the tests.
 */
import { CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from "recharts";

export interface ChartPoint {
  /** The x axis label: a period number. */
  x: string;
  /** Null: nothing to measure in that period (no gap is drawn over). */
  value: number | null;
  /** The threshold in force in that period (it may change when the circle sets new ones). */
  threshold?: number;
}

export function LineChartFigure({
  id,
  title,
  points,
  format,
  domain,
  threshold,
  xLabel = "Period",
}: {
  id: string;
  title: string;
  points: ChartPoint[];
  /** How a value is written in the table and on the axis. */
  format: (value: number) => string;
  domain: [number, number];
  /** What the threshold line means, when the points carry thresholds ("alert above 50%"). */
  threshold?: string;
  xLabel?: string;
}) {
  const measured = points.filter((p) => p.value !== null).length;
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`} data-testid={id}>
      <figcaption id={`${id}-caption`}>
        {title}
        {threshold ? ` (dashed: ${threshold})` : ""}
      </figcaption>
      <div
        role="img"
        aria-label={`${title}: a line over ${points.length} period(s), ${measured} measured; the numbers are in the table below`}
        data-points={points.length}
        data-measured={measured}
      >
        <ResponsiveContainer width="100%" height={200}>
          <LineChart data={points} margin={{ top: 10, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid stroke="#d5d9d3" strokeDasharray="3 3" />
            <XAxis dataKey="x" tick={{ fill: "#1b1f1d", fontSize: 12 }} />
            <YAxis domain={domain} tickFormatter={format} width={56} tick={{ fill: "#1b1f1d", fontSize: 12 }} />
            {threshold ? (
              <Line
                type="stepAfter"
                dataKey="threshold"
                name="threshold"
                className="threshold"
                stroke="#9b1c1c"
                strokeDasharray="6 4"
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            ) : null}
            <Line
              type="linear"
              dataKey="value"
              name={title}
              className="measured"
              stroke="#1f5f3f"
              strokeWidth={2}
              dot={{ r: 4, fill: "#1f5f3f" }}
              isAnimationActive={false}
              connectNulls={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <details>
        <summary>The numbers</summary>
        <div className="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{xLabel}</th>
                <th scope="col">{title}</th>
                {threshold ? <th scope="col">Threshold</th> : null}
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.x}>
                  <th scope="row">{p.x}</th>
                  <td>{p.value === null ? "not measured" : format(p.value)}</td>
                  {threshold ? <td>{p.threshold === undefined ? "" : format(p.threshold)}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
