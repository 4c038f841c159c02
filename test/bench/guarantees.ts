import { expect } from "chai";

import type { Goal } from "../../scripts/bench/goals.js";
import { guaranteeLine, missesSection, type Miss } from "../../scripts/bench/guarantees.js";

// The "Goals not met" section of BENCHMARKS.md: each guarantee's cost is the gas a variant saves on the same
// transaction in the same run, with the ratio the goal would be at without it; counted ones say so.
describe("bench guarantees", function () {
  const vote = {
    goal: { operation: "castVote (first vote)", measured: 1_150n, reference: 1_000n, kind: "ratio", max: 1.1 } as Goal,
    label: "the first vote",
  };

  it("turns a measured pair into the gas saved and where the goal would be", function () {
    const line = guaranteeLine({
      kind: "measured",
      guarantee: "that the voter is still a member",
      variant: "CircleMembershipWithoutLiveCheck",
      on: [
        { ...vote, with: 1_150n, without: 1_100n },
        { ...vote, label: "a later vote", with: 1_200n, without: 1_104n },
      ],
    });
    expect(line).to.equal(
      "that the voter is still a member — measured (`CircleMembershipWithoutLiveCheck`): 50 gas on the first vote " +
        "and 96 gas on a later vote; without it, 1.100x on the first vote (goal ≤ 1.10x: met) and 1.104x on a later vote " +
        "(goal ≤ 1.10x: still not met).",
    );
  });

  it("gives an absolute goal's figure itself, in gas", function () {
    const grant: Goal = { operation: "execute grant", measured: 356_823n, kind: "absolute", max: 350_000n };
    const line = guaranteeLine({
      kind: "measured",
      guarantee: "the badge's names",
      variant: "MandateBadgesWithoutStoredNames",
      on: [
        { goal: grant, label: "the grant", with: 356_823n, without: 312_000n },
        { goal: grant, label: "a heavier grant", with: 380_000n, without: 360_000n },
      ],
    });
    expect(line).to.equal(
      "the badge's names — measured (`MandateBadgesWithoutStoredNames`): 44,823 gas on the grant and 20,000 gas on " +
        "a heavier grant; without it, 312,000 on the grant (goal ≤ 350,000: met) and 360,000 on a heavier grant " +
        "(goal ≤ 350,000: still not met).",
    );
  });

  it("says where a figure is counted rather than measured", function () {
    expect(guaranteeLine({ kind: "counted", guarantee: "the clones", counted: "about 5,200 gas" })).to.equal(
      "the clones — counted from EIP-2929 prices: about 5,200 gas.",
    );
  });

  it("lists only the goals not met, each with its figures and its guarantees", function () {
    const goals: Goal[] = [
      { operation: "a", measured: 1_150n, reference: 1_000n, kind: "ratio", max: 1.1 },
      { operation: "b", measured: 3n, kind: "absolute", max: 2n },
      { operation: "c", measured: 1n, kind: "absolute", max: 2n },
    ];
    const counted = (guarantee: string) => ({ kind: "counted" as const, guarantee, counted: "1 gas" });
    const misses: Miss[] = [
      { title: "A", operations: ["a"], guarantees: [counted("x")] },
      { title: "B", operations: ["b"], guarantees: [counted("y")], note: "A note." },
      { title: "C", operations: ["c"], guarantees: [counted("z")] },
    ];
    expect(missesSection(goals, misses)).to.equal(
      [
        "- **A** — a at 1.150x, goal ≤ 1.10x:",
        "  - x — counted from EIP-2929 prices: 1 gas.",
        "- **B** — b at 3, goal ≤ 2:",
        "  - y — counted from EIP-2929 prices: 1 gas.",
        "  - A note.",
      ].join("\n"),
    );
  });

  it("refuses an entry for a goal that is not in the table", function () {
    expect(() => missesSection([], [{ title: "A", operations: ["a"], guarantees: [] }])).to.throw('no goal "a"');
  });
});
