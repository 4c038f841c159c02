// What each unmet gas goal's guarantees cost (issue 16): the same transaction measured with a guarantee switched off.
// A variant contract (contracts/mocks/guarantees/, the real contract with one internal hook overridden) has its code
// put in place of the real one's, at the same address, from a snapshot of the very state the real row is measured
// from; the snapshot is restored after, so nothing else in the run moves. No registry or factory ever deploys a
// variant. Used by scripts/bench/index.ts for the "Goals not met" section of BENCHMARKS.md; the section's text is
// made by the pure functions below (tested in test/bench/guarantees.ts).
import type { HardhatEthers } from "@nomicfoundation/hardhat-ethers/types";
import type { NetworkHelpers } from "@nomicfoundation/hardhat-network-helpers/types";

import { goalRow, type Goal } from "./goals.js";

// --- Measuring ------------------------------------------------------------------------------------------------------

/**
 * The runtime code of `contract` as deployed by `deployer` (an address whose immutables it must carry, such as the
 * factory a currency records; impersonated) with constructor `args` (the real contract's, for its immutables), read
 * and then undone: the chain is as it was before.
 */
export async function variantCode(
  ethers: HardhatEthers,
  networkHelpers: NetworkHelpers,
  contract: string,
  deployer?: string,
  args: unknown[] = [],
): Promise<string> {
  const snapshot = await networkHelpers.takeSnapshot();
  let signer;
  if (deployer) {
    await networkHelpers.impersonateAccount(deployer);
    await networkHelpers.setBalance(deployer, 10n ** 18n);
    signer = await ethers.getSigner(deployer);
  }
  const deployed = await ethers.deployContract(contract, args, signer);
  const code = await ethers.provider.getCode(await deployed.getAddress());
  if (deployer) await networkHelpers.stopImpersonatingAccount(deployer);
  await snapshot.restore();
  return code;
}

/** Runs `measure` with the code at each address replaced, then puts the chain back as it was before. */
export async function withCode<T>(
  networkHelpers: NetworkHelpers,
  codes: Record<string, string>,
  measure: () => Promise<T>,
): Promise<T> {
  const snapshot = await networkHelpers.takeSnapshot();
  for (const [address, code] of Object.entries(codes)) await networkHelpers.setCode(address, code);
  const result = await measure();
  await snapshot.restore();
  return result;
}

// --- The section ----------------------------------------------------------------------------------------------------

/** One goal's figure with a guarantee switched off, next to the goal as measured with it. */
export interface Without {
  /** What the figure is, in the sentence ("the first vote"). */
  label: string;
  /** The goal as measured in this run, the guarantee on (its figure, reference and bound). */
  goal: Goal;
  /** The same figure with the guarantee off: the same transaction from the same state, measured in this run. */
  without: bigint;
}

/** A guarantee, the variant that switches it off, and what that saves on each figure it touches. */
export interface Guarantee {
  guarantee: string;
  variant: string;
  on: Without[];
}

/** A goal not met (one or more rows of the goals table) and what its gas pays for. */
export interface Miss {
  /** The goal's name in the section ("castVote"). */
  title: string;
  /** The goals table's operations this entry explains; listed only if one of them is not met. */
  operations: string[];
  guarantees: Guarantee[];
  /** Closing sentences: where the rest goes. */
  notes?: string[];
}

const n = (x: bigint) => x.toLocaleString("en-US");

/** The words for `values` joined as a list: "a", "a and b", "a, b and c". */
function list(values: string[]): string {
  return values.length < 2 ? (values[0] ?? "") : `${values.slice(0, -1).join(", ")} and ${values.at(-1)}`;
}

/** A goal's figure as the table shows it: its ratio or delta, or the measure itself for an absolute goal. */
function figureOf(cells: string[]): string {
  return cells[2] === "—" ? cells[0]! : cells[2]!;
}

/** One guarantee's line: what it saves, measured in this run, and where the goal would be without it. */
export function guaranteeLine(g: Guarantee): string {
  const saved = list(
    g.on.map((w) => {
      const delta = w.goal.measured - w.without;
      return delta < 0n ? `${n(-delta)} gas more on ${w.label}` : `${n(delta)} gas on ${w.label}`;
    }),
  );
  const at = list(
    g.on.map((w) => {
      const row = goalRow({ ...w.goal, measured: w.without });
      return `${figureOf(row.cells)} on ${w.label} (goal ${row.cells[3]}: ${row.met ? "met" : "still not met"})`;
    }),
  );
  return `${g.guarantee} — measured (\`${g.variant}\`): ${saved}; without it, ${at}.`;
}

/** The "Goals not met" entries for the goals that are not met, in the order given. */
export function missesSection(goals: Goal[], misses: Miss[]): string {
  const lines: string[] = [];
  for (const miss of misses) {
    const rows = miss.operations.map((operation) => {
      const goal = goals.find((g) => g.operation === operation);
      if (!goal) throw new Error(`bench: no goal "${operation}"`);
      return { operation, ...goalRow(goal) };
    });
    if (rows.every((r) => r.met)) continue;
    const figures = rows.map((r) => `${r.operation} at ${figureOf(r.cells)}, goal ${r.cells[3]}`);
    lines.push(`- **${miss.title}** — ${figures.join("; ")}:`);
    for (const g of miss.guarantees) lines.push(`  - ${guaranteeLine(g)}`);
    for (const note of miss.notes ?? []) lines.push(`  - ${note}`);
  }
  return lines.join("\n");
}
