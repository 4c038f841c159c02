import { expect } from "chai";

import { goalRow, goalsTable } from "../../scripts/bench/goals.js";

// The Goals section of BENCHMARKS.md says "yes" only where a measured figure is within its bound, exactly.
describe("bench goals", function () {
  it("counts a ratio that rounds down to its goal as not met", function () {
    // 1,104 / 1,000 = 1.104x: shown as 1.104x, over 1.10x.
    const over = goalRow({ operation: "x", measured: 1_104n, reference: 1_000n, kind: "ratio", max: 1.1 });
    expect(over.met).to.equal(false);
    expect(over.cells[2]).to.equal("1.104x");
    const at = goalRow({ operation: "x", measured: 1_100n, reference: 1_000n, kind: "ratio", max: 1.1 });
    expect(at.met).to.equal(true);
  });

  it("judges a delta over the reference and an absolute bound", function () {
    const delta = goalRow({ operation: "act", measured: 64_454n, reference: 34_453n, kind: "delta", max: 30_000n });
    expect(delta.met).to.equal(false);
    expect(delta.cells[2]).to.equal("+30,001");
    const absolute = goalRow({ operation: "grant", measured: 350_000n, kind: "absolute", max: 350_000n });
    expect(absolute.met).to.equal(true);
    expect(absolute.cells[1]).to.equal("—");
  });

  it("counts the goals met in a table", function () {
    const { table, met } = goalsTable([
      { operation: "a", measured: 1n, kind: "absolute", max: 2n },
      { operation: "b", measured: 3n, kind: "absolute", max: 2n },
    ]);
    expect(met).to.equal(1);
    expect(table).to.contain("| b | 3 | — | — | ≤ 2 | **no** |");
  });
});
