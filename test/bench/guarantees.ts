import { expect } from "chai";

import type { Goal } from "../../scripts/bench/goals.js";
import { guaranteeLine, missesSection, type Guarantee, type Miss } from "../../scripts/bench/guarantees.js";

// The "Goals not met" section of BENCHMARKS.md: each guarantee's cost is the gas a variant saves on the same
// transaction in the same run, with where the goal would be without it.
describe("bench guarantees", function () {
  const firstVote: Goal = {
    operation: "castVote (first vote)",
    measured: 1_150n,
    reference: 1_000n,
    kind: "ratio",
    max: 1.1,
  };
  const laterVote: Goal = { ...firstVote, operation: "castVote (a later vote)", measured: 1_200n };

  it("turns a measured pair into the gas saved and where the goal would be", function () {
    const line = guaranteeLine({
      guarantee: "that the voter is still a member",
      variant: "CircleMembershipWithoutLiveCheck",
      on: [
        { label: "the first vote", goal: firstVote, without: 1_100n },
        { label: "a later vote", goal: laterVote, without: 1_104n },
      ],
    });
    expect(line).to.equal(
      "that the voter is still a member — measured (`CircleMembershipWithoutLiveCheck`): 50 gas on the first vote " +
        "and 96 gas on a later vote; without it, 1.100x on the first vote (goal ≤ 1.10x: met) and 1.104x on a later vote " +
        "(goal ≤ 1.10x: still not met).",
    );
  });

  it("gives an absolute goal's figure itself, and a variant that costs more as such", function () {
    const perSeat: Goal = { operation: "per seat", measured: 24_000n, kind: "absolute", max: 10_000n };
    expect(
      guaranteeLine({
        guarantee: "live seats",
        variant: "CouncilSeatsWithoutLiveSeats",
        on: [{ label: "each seat", goal: perSeat, without: 6_000n }],
      }),
    ).to.equal(
      "live seats — measured (`CouncilSeatsWithoutLiveSeats`): 18,000 gas on each seat; without it, 6,000 on each seat (goal ≤ 10,000: met).",
    );
    expect(
      guaranteeLine({
        guarantee: "a quorum",
        variant: "V",
        on: [{ label: "the execution", goal: perSeat, without: 24_500n }],
      }),
    ).to.equal(
      "a quorum — measured (`V`): 500 gas more on the execution; without it, 24,500 on the execution (goal ≤ 10,000: still not met).",
    );
  });

  it("lists only the goals not met, each with its figures, its guarantees and its notes", function () {
    const goals: Goal[] = [
      { operation: "a", measured: 1_150n, reference: 1_000n, kind: "ratio", max: 1.1 },
      { operation: "b", measured: 3n, kind: "absolute", max: 2n },
      { operation: "c", measured: 1n, kind: "absolute", max: 2n },
    ];
    const off = (goal: Goal, without: bigint): Guarantee => ({
      guarantee: "x",
      variant: "V",
      on: [{ label: "it", goal, without }],
    });
    const misses: Miss[] = [
      { title: "A", operations: ["a"], guarantees: [off(goals[0]!, 1_000n)] },
      { title: "B", operations: ["b"], guarantees: [off(goals[1]!, 2n)], notes: ["A note."] },
      { title: "C", operations: ["c"], guarantees: [off(goals[2]!, 0n)] },
    ];
    expect(missesSection(goals, misses)).to.equal(
      [
        "- **A** — a at 1.150x, goal ≤ 1.10x:",
        "  - x — measured (`V`): 150 gas on it; without it, 1.000x on it (goal ≤ 1.10x: met).",
        "- **B** — b at 3, goal ≤ 2:",
        "  - x — measured (`V`): 1 gas on it; without it, 2 on it (goal ≤ 2: met).",
        "  - A note.",
      ].join("\n"),
    );
  });

  it("refuses an entry for a goal that is not in the table", function () {
    expect(() => missesSection([], [{ title: "A", operations: ["a"], guarantees: [] }])).to.throw('no goal "a"');
  });
});
