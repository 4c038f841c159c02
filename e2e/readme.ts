/**
 * The README is a test: its local-node story runs here command by command, as printed, against a fresh `hardhat
 * node`, so a step that no longer works when pasted fails `npm run e2e`.
 *
 * Every shell block of README.md (```sh, ```bash, ```shell, ```console, ```zsh) carries a mark, an HTML comment
 * (invisible on GitHub) on the last non-blank line before its fence; a shell block without one fails the test, so no
 * new block goes untested by accident:
 *
 * - `<!-- story: node (…) -->`: the block is `npx hardhat node`; the test starts that node itself, on 8545 as printed
 *   when the port is free, else on a free port that `COMMONWEAL_RPC_URL` (documented in the README) points to.
 * - `<!-- story: run -->`: every command of the block runs, in the order of the file, in `bash` at the project's
 *   root; one that exits non-zero fails the test with what it printed.
 * - `<!-- story: not run (why) -->`: skipped, with a reason (testnets, installs, what other tests cover).
 *
 * Commands are the block's lines with `\` continuations joined and comment lines dropped. A line `NAME=value` sets a
 * shell variable the later commands of every block see, as in the reader's terminal. Where the reader copies a value
 * a command printed, the README writes the placeholder `NAME=0x…`, and the test sets NAME to the first address (0x
 * and 40 hex digits) the command just before printed, as a reader copies it.
 *
 * The story deploys as printed, so Ignition writes the record of chain 31337 (deploy/deployments/chain-31337) and
 * the node instance it was made on (cache/.hardhat-network-instances.json); a developer's own record of a local node
 * is moved aside for the run and put back afterwards. Files the story writes with `> file` are removed.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { expect } from "chai";

import { isPortFree, startHardhatNode, type RunningNode } from "./nodes.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const README = join(ROOT, "README.md");
const SHELLS = new Set(["sh", "bash", "shell", "console", "zsh"]);
const PLACEHOLDER = "0x…";

type Mark = { kind: "run" } | { kind: "node" } | { kind: "not run"; reason: string };

interface Block {
  /** The 1-based line of the opening fence. */
  line: number;
  mark: Mark;
  /** The block's commands, continuations joined, comment lines dropped. */
  commands: string[];
}

/** Reads the marks and shell blocks of a Markdown text; throws one message listing every unmarked or stray mark. */
export function readStory(markdown: string): Block[] {
  const lines = markdown.split("\n");
  const blocks: Block[] = [];
  const problems: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[i]!);
    if (!fence) continue;
    const [, indent, ticks, lang] = fence;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !lines[j]!.trim().startsWith(ticks!); j++) body.push(lines[j]!.slice(indent!.length));
    let k = i - 1;
    while (k >= 0 && lines[k]!.trim() === "") k--;
    const comment = k >= 0 ? /^<!--\s*story:\s*(.*?)\s*-->$/.exec(lines[k]!.trim()) : null;
    if (SHELLS.has(lang!.toLowerCase())) {
      if (!comment) {
        problems.push(`line ${i + 1}: a \`\`\`${lang} block without a <!-- story: … --> mark`);
      } else {
        const mark = parseMark(comment[1]!);
        if (typeof mark === "string") problems.push(`line ${k + 1}: ${mark}`);
        else blocks.push({ line: i + 1, mark, commands: commandsOf(body) });
      }
    } else if (comment) {
      problems.push(`line ${k + 1}: a story mark before a block that is not a shell block (\`\`\`${lang})`);
    }
    i = j;
  }
  if (problems.length > 0) throw new Error(`README.md's shell blocks:\n  ${problems.join("\n  ")}`);
  return blocks;
}

function parseMark(text: string): Mark | string {
  if (text === "run") return { kind: "run" };
  if (/^node\b/.test(text)) return { kind: "node" };
  const notRun = /^not run\s*\((.+)\)$/.exec(text);
  if (notRun) return { kind: "not run", reason: notRun[1]! };
  return `"story: ${text}" is not a mark: use run, node (…) or not run (why)`;
}

function commandsOf(body: string[]): string[] {
  const commands: string[] = [];
  let current = "";
  for (const raw of body) {
    const line = raw.trimEnd();
    if (current === "" && (line.trim() === "" || line.trim().startsWith("#"))) continue;
    if (line.endsWith("\\")) {
      current += `${line.slice(0, -1).trim()} `;
      continue;
    }
    commands.push((current + line.trim()).trim());
    current = "";
  }
  if (current !== "") commands.push(current.trim());
  return commands;
}

/** `NAME=value` alone on a line (a trailing comment allowed): a shell variable the reader sets. */
function assignment(command: string): { name: string; value: string } | undefined {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)=(\S*)\s*(#.*)?$/.exec(command);
  return match ? { name: match[1]!, value: match[2]! } : undefined;
}

interface Ran {
  code: number;
  output: string;
}

/**
 * Runs `script` in bash at the project's root and returns what it printed (stdout and stderr, interleaved), shown
 * once it ends: indented, and cut to its first and last lines when long (Ignition redraws its progress many times).
 */
function bash(script: string, env: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["-o", "pipefail", "-c", script], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const lines = output
        .trimEnd()
        .split("\n")
        .filter((l) => l.trim() !== "");
      const shown =
        lines.length > 40 ? [...lines.slice(0, 5), `(… ${lines.length - 25} lines …)`, ...lines.slice(-20)] : lines;
      for (const line of shown) console.log(`      ${line}`);
      resolve({ code: code ?? 1, output });
    });
  });
}

/** Moves a file or folder aside for the run; `restore()` puts it back (or removes what the run left there). */
function setAside(path: string) {
  const aside = `${path}.readme-test-${process.pid}`;
  const existed = existsSync(path);
  if (existed) renameSync(path, aside);
  return {
    restore() {
      rmSync(path, { recursive: true, force: true });
      if (existed) renameSync(aside, path);
    },
  };
}

describe("the README", function () {
  it("marks every shell block as run, node or not run (with a reason)", function () {
    const blocks = readStory(readFileSync(README, "utf8"));
    const runs = blocks.filter((b) => b.mark.kind === "run");
    const nodes = blocks.filter((b) => b.mark.kind === "node");
    expect(runs.length, "blocks marked run").to.be.greaterThan(0);
    expect(
      nodes.map((b) => b.commands),
      "the node block",
    ).to.deep.equal([["npx hardhat node"]]);
    expect(nodes[0]!.line, "the node starts before the first block that runs").to.be.lessThan(runs[0]!.line);
    // A block not run says which test covers it instead: that test must exist.
    const named = blocks.flatMap((b) =>
      b.mark.kind === "not run" ? [...b.mark.reason.matchAll(/\b(?:e2e|test|app\/tests)\/[\w./-]+\.ts\b/g)] : [],
    );
    expect(named.length, "tests named by blocks not run").to.be.greaterThan(0);
    expect(
      named.map((m) => m[0]).filter((path) => !existsSync(join(ROOT, path))),
      "named tests missing",
    ).to.deep.equal([]);
  });

  it("refuses an unmarked shell block, a stray mark and an unknown mark", function () {
    expect(() => readStory("text\n\n```sh\nls\n```\n")).to.throw(/line 3: a ```sh block without a <!-- story/);
    expect(() => readStory("<!-- story: run -->\n```ts\nx\n```\n")).to.throw(/not a shell block/);
    expect(() => readStory("<!-- story: later -->\n```bash\nls\n```\n")).to.throw(/"story: later" is not a mark/);
    expect(() => readStory("<!-- story: not run -->\n```bash\nls\n```\n")).to.throw(/is not a mark/);
    const [block] = readStory(
      "  <!-- story: run -->\n\n  ```sh\n  # a comment\n  a \\\n    b\n  X=0x… # copy\n  ```\n",
    );
    expect(block!.commands).to.deep.equal(["a b", "X=0x… # copy"]);
    expect(assignment(block!.commands[1]!)).to.deep.equal({ name: "X", value: PLACEHOLDER });
  });
});

describe("the README's local-node story, as printed, against a fresh node", function () {
  // Ignition's first deployment compiles the production build profile, which takes minutes on a cold cache.
  this.timeout(20 * 60_000);
  let node: RunningNode | undefined;
  let record: ReturnType<typeof setAside> | undefined;
  const instances = join(ROOT, "cache", ".hardhat-network-instances.json");
  let instancesBefore: string | undefined;
  const written: string[] = [];

  before(async function () {
    record = setAside(join(ROOT, "deploy", "deployments", "chain-31337"));
    instancesBefore = existsSync(instances) ? readFileSync(instances, "utf8") : undefined;
    // As printed, `npx hardhat node` listens on 8545; when something else already does, a free port instead.
    node = await startHardhatNode((await isPortFree(8545)) ? 8545 : undefined);
    console.log(`      (the test started \`npx hardhat node\` at ${node.url})`);
  });

  after(async function () {
    await node?.stop();
    record?.restore();
    if (instancesBefore === undefined) rmSync(instances, { force: true });
    else writeFileSync(instances, instancesBefore);
    for (const file of written) rmSync(join(ROOT, file), { force: true });
  });

  it("runs every command of the blocks marked run, in order, each exiting with 0", async function () {
    const blocks = readStory(readFileSync(README, "utf8"));
    // The reader's terminal: none of the suite's own settings, and the node the test started.
    const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1", COMMONWEAL_RPC_URL: node!.url };
    for (const name of Object.keys(env)) {
      if (/^(COMMONWEAL_(?!RPC_URL$)|HARDHAT_)/.test(name)) delete env[name];
    }
    const variables: string[] = [];
    let previous = "";
    const started = Date.now();
    for (const block of blocks) {
      if (block.mark.kind !== "run") {
        if (block.mark.kind === "not run") console.log(`      (line ${block.line}: not run — ${block.mark.reason})`);
        continue;
      }
      for (const command of block.commands) {
        const set = assignment(command);
        if (set?.value === PLACEHOLDER) {
          const copied = /0x[0-9a-fA-F]{40}/.exec(previous)?.[0];
          if (!copied) {
            throw new Error(
              `README line ${block.line}: \`${command}\` copies an address, but none was printed:\n${previous}`,
            );
          }
          variables.push(`${set.name}=${copied}`);
          console.log(`    $ ${command}\n      (set to ${copied}, the address the command before printed)`);
          continue;
        }
        if (set) {
          variables.push(command);
          console.log(`    $ ${command}`);
          continue;
        }
        for (const redirect of command.matchAll(/>\s*([\w./-]+)/g)) written.push(redirect[1]!);
        const at = Date.now();
        console.log(`    $ ${command}`);
        const ran = await bash([...variables, command].join("\n"), env);
        console.log(`      [exit ${ran.code}, ${((Date.now() - at) / 1000).toFixed(1)} s]`);
        if (ran.code !== 0) {
          throw new Error(`README line ${block.line}: \`${command}\` exited with ${ran.code}:\n${ran.output}`);
        }
        previous = ran.output;
      }
    }
    console.log(`      (the story ran in ${((Date.now() - started) / 1000).toFixed(0)} s)`);
  });
});
