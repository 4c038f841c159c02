// Fails when line coverage of contracts/ (test-only mocks excluded) is under a minimum.
// Usage: node .ci/coverage-threshold.ts coverage/lcov.info 90
import { readFileSync } from "node:fs";

const [lcovPath = "coverage/lcov.info", minimumArg = "90"] = process.argv.slice(2);
const minimum = Number(minimumArg);

// One record per source file: SF:<path> ... LF:<lines found> LH:<lines hit> ... end_of_record (LF/LH in any order).
const perFile = new Map<string, { found: number; hit: number }>();
let file = "";
for (const line of readFileSync(lcovPath, "utf8").split("\n")) {
  if (line.startsWith("SF:")) {
    file = line.slice(3);
    perFile.set(file, { found: 0, hit: 0 });
  } else if (line.startsWith("LF:")) {
    perFile.get(file)!.found = Number(line.slice(3));
  } else if (line.startsWith("LH:")) {
    perFile.get(file)!.hit = Number(line.slice(3));
  }
}

let found = 0;
let hit = 0;
for (const [path, lines] of [...perFile].sort(([a], [b]) => a.localeCompare(b))) {
  if (!path.startsWith("contracts/") || path.startsWith("contracts/mocks/")) continue;
  found += lines.found;
  hit += lines.hit;
  const pct = lines.found === 0 ? 100 : (100 * lines.hit) / lines.found;
  console.log(`${pct.toFixed(2).padStart(7)}%  ${lines.hit}/${lines.found}  ${path}`);
}
const total = found === 0 ? 0 : (100 * hit) / found;
console.log(`line coverage of contracts/: ${total.toFixed(2)}% (${hit}/${found} lines), minimum ${minimum}%`);
if (found === 0 || total < minimum) {
  console.error(`coverage: ${total.toFixed(2)}% is under the ${minimum}% minimum`);
  process.exit(1);
}
