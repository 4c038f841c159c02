// Fails when line coverage of contracts/ (test-only mocks excluded) is under a minimum.
// Usage: node .ci/coverage-threshold.ts coverage/lcov.info 90
import { readFileSync } from "node:fs";

const [lcovPath = "coverage/lcov.info", minimumArg = "90"] = process.argv.slice(2);
const minimum = Number(minimumArg);

let file = "";
let found = 0;
let hit = 0;
const perFile: { file: string; found: number; hit: number }[] = [];
for (const line of readFileSync(lcovPath, "utf8").split("\n")) {
  if (line.startsWith("SF:")) file = line.slice(3);
  const counted = file.startsWith("contracts/") && !file.startsWith("contracts/mocks/");
  if (!counted) continue;
  if (line.startsWith("LF:")) {
    const n = Number(line.slice(3));
    found += n;
    perFile.push({ file, found: n, hit: 0 });
  }
  if (line.startsWith("LH:")) {
    const n = Number(line.slice(3));
    hit += n;
    perFile[perFile.length - 1]!.hit = n;
  }
}

for (const f of perFile.sort((a, b) => a.file.localeCompare(b.file))) {
  const pct = f.found === 0 ? 100 : (100 * f.hit) / f.found;
  console.log(`${pct.toFixed(2).padStart(7)}%  ${f.hit}/${f.found}  ${f.file}`);
}
const total = found === 0 ? 0 : (100 * hit) / found;
console.log(`line coverage of contracts/: ${total.toFixed(2)}% (${hit}/${found} lines), minimum ${minimum}%`);
if (found === 0 || total < minimum) {
  console.error(`coverage: ${total.toFixed(2)}% is under the ${minimum}% minimum`);
  process.exit(1);
}
