// Contract sizes: every deployable contract's runtime bytecode next to the EIP-170 limit of 24,576 bytes, and the
// room the project keeps (at most 85% of the limit). Read from the build's artifacts, so run after `npm run build`
// (or any `hardhat test`, which compiles first). Used by scripts/bench/index.ts and test/caps/ContractSizes.ts.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** EIP-170: the most runtime bytecode a contract may have. */
export const SIZE_LIMIT = 24_576;

/** The project keeps 15% room under the limit: at most 85% of it, 20,889 bytes. */
export const SIZE_BUDGET = Math.floor(SIZE_LIMIT * 0.85);

export interface SizeRow {
  /** The contract's name. */
  name: string;
  /** Its source, relative to the project. */
  source: string;
  /** Runtime bytecode size in bytes. */
  bytes: number;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return entry.endsWith(".json") && !entry.endsWith(".dbg.json") ? [path] : [];
  });
}

/** Whether the source at `path` (still) declares a contract or library named `name`. */
function declares(path: string, name: string): boolean {
  return existsSync(path) && new RegExp(`^\\s*(contract|library)\\s+${name}\\b`, "m").test(readFileSync(path, "utf8"));
}

/**
 * Every deployable contract under contracts/ outside contracts/mocks/, each once. Interfaces and abstract contracts
 * have no runtime code, libraries with only internal functions no ABI: both are left out. So are stale artifacts (a
 * build does not always delete the artifact of a contract moved or removed since; its source no longer declares it),
 * and an artifact seen twice counts once. Largest first.
 */
export function contractSizes(root = process.cwd()): SizeRow[] {
  const artifacts = join(root, "artifacts", "contracts");
  const rows: SizeRow[] = [];
  for (const file of jsonFiles(artifacts)) {
    const artifact = JSON.parse(readFileSync(file, "utf8")) as {
      contractName?: string;
      sourceName?: string;
      deployedBytecode?: string;
      abi?: unknown[];
    };
    const source = artifact.sourceName ?? relative(root, file);
    if (!artifact.contractName || !artifact.deployedBytecode) continue;
    // A library of internal functions only is inlined where it is used and never deployed (its artifact still
    // carries a stub of runtime code, but no ABI).
    if (!artifact.abi || artifact.abi.length === 0) continue;
    if (source.startsWith(`contracts${sep}mocks${sep}`) || source.startsWith("contracts/mocks/")) continue;
    const bytes = (artifact.deployedBytecode.length - 2) / 2;
    if (bytes === 0) continue;
    if (!declares(join(root, source), artifact.contractName)) continue;
    if (rows.some((r) => r.name === artifact.contractName && r.source === source)) continue;
    rows.push({ name: artifact.contractName, source, bytes });
  }
  return rows.sort((a, b) => b.bytes - a.bytes);
}

/** The "Contract sizes" section of BENCHMARKS.md. */
export function sizesReport(rows: SizeRow[]): string {
  const table = [
    `| contract | source | bytes | % of ${SIZE_LIMIT.toLocaleString("en-US")} | margin to the limit (bytes) | margin to 85%, ${SIZE_BUDGET.toLocaleString("en-US")} (bytes) | within 85% |`,
    "|---|---|---:|---:|---:|---:|:---:|",
    ...rows.map(
      (r) =>
        `| ${r.name} | \`${r.source}\` | ${r.bytes} | ${((r.bytes / SIZE_LIMIT) * 100).toFixed(1)}% | ${
          SIZE_LIMIT - r.bytes
        } | ${SIZE_BUDGET - r.bytes} | ${r.bytes <= SIZE_BUDGET ? "yes" : "**no**"} |`,
    ),
  ];
  return `## Contract sizes

Runtime bytecode of every deployable contract (mocks left out), next to the EIP-170 limit of
${SIZE_LIMIT.toLocaleString("en-US")} bytes, and next to the 85% line the project keeps under (at most ${SIZE_BUDGET.toLocaleString("en-US")} bytes, 15% room),
checked by test/caps/ContractSizes.ts: a negative margin to 85% is a contract over it. MandateDraws is not deployed
on its own: the Mandates implementation's constructor creates it, and every circle's mandates run it by
delegatecall, so it counts here like any other contract.

${table.join("\n")}
`;
}
