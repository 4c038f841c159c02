import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { expect } from "chai";

/**
 * SECURITY.md is a test plan: each guarantee (a bullet opening with a bold claim) names the tests that check it as
 * `` `test/…`: "words of a test's name" ``. This suite keeps those references true.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

interface Guarantee {
  line: number;
  claim: string;
  text: string;
}

interface Reference {
  path: string;
  names: string[];
}

/** Bullets that open with `- **`, with their indented continuation lines. */
export function guaranteesOf(markdown: string): Guarantee[] {
  const guarantees: Guarantee[] = [];
  let current: Guarantee | undefined;
  markdown.split("\n").forEach((line, index) => {
    if (line.startsWith("- **")) {
      current = { line: index + 1, claim: line.slice(4, line.indexOf("**", 4)), text: line };
      guarantees.push(current);
    } else if (current && /^ {2,}\S/.test(line)) {
      current.text += ` ${line.trim()}`;
    } else {
      // A blank line, a heading or any other paragraph or bullet ends the guarantee.
      current = undefined;
    }
  });
  return guarantees;
}

/** `` `path`: "name", "name" `` references; a path alone names a whole file. */
export function referencesOf(text: string): Reference[] {
  const pattern = /`((?:test|e2e)\/[^`\s]+)`((?::\s*"[^"]+")(?:,\s*"[^"]+")*)?/g;
  return [...text.matchAll(pattern)].map((match) => ({
    path: match[1]!,
    names: [...(match[2] ?? "").matchAll(/"([^"]+)"/g)].map((name) => name[1]!),
  }));
}

describe("SECURITY.md", function () {
  const markdown = readFileSync(join(root, "SECURITY.md"), "utf8");
  const guarantees = guaranteesOf(markdown);

  it("states guarantees", function () {
    expect(guarantees.length).to.be.greaterThan(0);
  });

  it("names at least one test for every guarantee", function () {
    const untested = guarantees
      .filter((g) => referencesOf(g.text).length === 0)
      .map((g) => `line ${g.line}: ${g.claim}`);
    expect(untested, "guarantees that name no test").to.deep.equal([]);
  });

  it("names only tests that exist, in guarantees and everywhere else", function () {
    // Paragraphs are read whole (a reference may wrap), so known limits and notes are checked as well.
    const paragraphs = markdown.split(/\n(?=- |\n|#)/).map((p) => p.replace(/\n\s*/g, " "));
    const missing: string[] = [];
    for (const paragraph of paragraphs) {
      for (const reference of referencesOf(paragraph)) {
        const file = join(root, reference.path);
        if (!existsSync(file)) {
          missing.push(`no file ${reference.path} (in "${paragraph.slice(0, 60)}…")`);
          continue;
        }
        // A folder may be named as a whole (`test/invariants/`); test names are looked up in files only.
        const source = statSync(file).isDirectory() ? "" : readFileSync(file, "utf8");
        for (const name of reference.names) {
          if (!source.includes(name)) missing.push(`no test "${name}" in ${reference.path}`);
        }
      }
    }
    expect(missing, "references to tests that do not exist").to.deep.equal([]);
  });

  it("reads references the way they are written", function () {
    const refs = referencesOf('Tests: `test/a.ts`: "one", "two"; `test/b.sol`; `src/x.ts`: "not a test".');
    expect(refs).to.deep.equal([
      { path: "test/a.ts", names: ["one", "two"] },
      { path: "test/b.sol", names: [] },
    ]);
    const parsed = guaranteesOf("- **Claim.** text\n  more `test/a.ts`\n\n  apart\n- plain\n  `test/b.ts`");
    expect(parsed).to.have.length(1);
    expect(parsed[0]!.text).to.include("test/a.ts").and.not.include("apart").and.not.include("test/b.ts");
  });
});
