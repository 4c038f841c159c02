// The gas goals of issue 16, each checked against figures measured in the same run as its reference. Used by
// scripts/bench/index.ts for the "Goals" section of BENCHMARKS.md.

/** One goal: a measured figure, its reference where it has one, and the bound it must stay within. */
export type Goal =
  | { operation: string; measured: bigint; reference: bigint; kind: "ratio"; max: number }
  | { operation: string; measured: bigint; reference: bigint; kind: "delta"; max: bigint }
  | { operation: string; measured: bigint; kind: "absolute"; max: bigint; unit?: string };

const n = (x: bigint) => x.toLocaleString("en-US");

/** Whether `goal` is met, and the cells of its row. */
export function goalRow(goal: Goal): { met: boolean; cells: string[] } {
  if (goal.kind === "ratio") {
    const ratio = Number(goal.measured) / Number(goal.reference);
    // Compared exactly (measured × 100 ≤ max × 100 × reference, in integers), and shown with three decimals, so
    // that a ratio rounding down to the goal (1.104x) is never counted as met.
    const maxHundredths = BigInt(Math.round(goal.max * 100));
    const met = goal.measured * 100n <= maxHundredths * goal.reference;
    return {
      met,
      cells: [n(goal.measured), n(goal.reference), `${ratio.toFixed(3)}x`, `≤ ${goal.max.toFixed(2)}x`],
    };
  }
  if (goal.kind === "delta") {
    const delta = goal.measured - goal.reference;
    return {
      met: delta <= goal.max,
      cells: [n(goal.measured), n(goal.reference), `${delta >= 0n ? "+" : ""}${n(delta)}`, `≤ +${n(goal.max)}`],
    };
  }
  const unit = goal.unit ? ` ${goal.unit}` : "";
  return { met: goal.measured <= goal.max, cells: [`${n(goal.measured)}${unit}`, "—", "—", `≤ ${n(goal.max)}${unit}`] };
}

/** The goals table: operation | measured | reference | ratio or delta | goal | met? */
export function goalsTable(goals: Goal[]): { table: string; met: number } {
  const rows = goals.map((g) => ({ g, ...goalRow(g) }));
  const table = [
    "| operation | measured | reference | ratio or delta | goal | met? |",
    "|---|---:|---:|---:|---:|:---:|",
    ...rows.map((r) => `| ${r.g.operation} | ${r.cells.join(" | ")} | ${r.met ? "yes" : "**no**"} |`),
  ].join("\n");
  return { table, met: rows.filter((r) => r.met).length };
}
