// Command-line benchmark: wall time of the CLI as a person runs it, against a real local node. A `hardhat node` is
// started on a free port, the suite deployed with `npm run deploy:local`, and every figure is one whole subprocess,
// start-up included: Node's own start, bare `hardhat --help` (Hardhat with this project's config and plugins), a
// read-only verb (medians of RUNS), and a full admission, each step a separate command (its votes: write verbs).
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { cpus, loadavg } from "node:os";

import { startHardhatNode, type RunningNode } from "../../e2e/nodes.js";

/** How many times each start-up figure is measured (the median is reported); 3 with `BENCH_QUICK=1` (CI). */
export const RUNS = process.env.BENCH_QUICK === "1" ? 3 : 7;

export interface Timing {
  label: string;
  command: string;
  /** Wall times of every run, in milliseconds, in the order measured. */
  ms: number[];
}

export interface CliBench {
  startup: Timing[];
  /** `npm run deploy:local` on the fresh node, then again: wall time and what it printed. */
  deploy: { fresh: { ms: number; out: string }; again: { ms: number; out: string } };
  admission: { step: string; command: string; ms: number }[];
  cores: number;
  /** The 1-minute load average before and after the runs: the machine's other work, which these figures include. */
  load: [number, number];
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
};

/** Runs `command args` to its end and returns its wall time; fails with its output if it fails. */
async function timed(node: RunningNode | undefined, deploymentId: string, command: string, args: string[]) {
  const started = performance.now();
  const { code, out } = await new Promise<{ code: number; out: string }>((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        ...(node ? { COMMONWEAL_RPC_URL: node.url } : {}),
        COMMONWEAL_DEPLOYMENT_ID: deploymentId,
        FORCE_COLOR: "0",
        NO_COLOR: "1",
      },
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("close", (c) => resolve({ code: c ?? 1, out }));
  });
  const ms = performance.now() - started;
  if (code !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${code}:\n${out}`);
  return { ms, out };
}

const HARDHAT = "node_modules/.bin/hardhat";

export async function benchCli(): Promise<CliBench> {
  const deploymentId = `bench-${process.pid}`;
  const load0 = loadavg()[0]!;
  const node = await startHardhatNode();
  try {
    const run = (args: string[]) => timed(node, deploymentId, HARDHAT, ["--network", "localhost", ...args]);
    const deploy = () => timed(node, deploymentId, "npm", ["run", "--silent", "deploy:local"]);
    const fresh = await deploy();
    const again = await deploy();
    const accounts = (await rpcAccounts(node)).slice(0, 7);
    const founders = accounts.slice(0, 6);
    const newcomer = accounts[6]!;

    // Found a circle to read and to admit into (not timed: the admission below is).
    const created = JSON.parse(
      jsonOf(
        (
          await run([
            "circle",
            "create",
            "--name",
            "Bench Garden",
            "--founders",
            founders.join(","),
            "--charter-text",
            "We share the garden.",
            "--json",
          ])
        ).out,
      ),
    ) as { circle: string };

    const startup: Timing[] = [
      { label: "Node.js alone", command: "node -e 0", ms: [] },
      { label: "Hardhat, bare", command: "npx hardhat --help", ms: [] },
      { label: "a read-only verb", command: "npx hardhat circle list --network localhost", ms: [] },
    ];
    // Interleaved, so the machine's other work falls on every figure alike.
    for (let i = 0; i < RUNS; ++i) {
      startup[0]!.ms.push((await timed(undefined, deploymentId, process.execPath, ["-e", "0"])).ms);
      startup[1]!.ms.push((await timed(undefined, deploymentId, HARDHAT, ["--help"])).ms);
      startup[2]!.ms.push((await run(["circle", "list"])).ms);
    }

    // A full admission, each step one command as a person would type it.
    const circle = created.circle;
    const admission: CliBench["admission"] = [];
    const step = async (label: string, args: string[]) => {
      const { ms, out } = await run([...args, "--json"]);
      admission.push({
        step: label,
        command: `npx hardhat ${args.join(" ")}`.replace(/0x[0-9a-fA-F]{40}/g, "0x…"),
        ms,
      });
      return JSON.parse(jsonOf(out)) as Record<string, unknown>;
    };
    await step("the newcomer asks to join", ["circle", "request-admission", "--circle", circle, "--from", newcomer]);
    const proposal = await step("a member proposes the admission", [
      "circle",
      "admit",
      "--circle",
      circle,
      "--member",
      newcomer,
      "--from",
      founders[0]!,
    ]);
    const id = String(proposal.proposalId);
    await step("the voting delay passes (local node)", ["chain", "advance", "1d"]);
    for (const [i, voter] of founders.slice(0, 4).entries()) {
      await step(`vote ${i + 1} of 4`, [
        "circle",
        "vote",
        "--circle",
        circle,
        "--proposal",
        id,
        "--support",
        "for",
        "--from",
        voter,
      ]);
    }
    await step("the voting period ends (local node)", ["chain", "advance", "7d"]);
    await step("anyone executes it", [
      "circle",
      "execute",
      "--circle",
      circle,
      "--proposal",
      id,
      "--from",
      founders[5]!,
    ]);
    for (const a of admission) a.command = a.command.replace(id, "<id>");

    return { startup, deploy: { fresh, again }, admission, cores: cpus().length, load: [load0, loadavg()[0]!] };
  } finally {
    await node.stop();
    rmSync(`deploy/deployments/${deploymentId}`, { recursive: true, force: true });
  }
}

/** The JSON a `--json` command printed (after anything Hardhat printed first). */
function jsonOf(out: string): string {
  return out.slice(out.indexOf("{"));
}

async function rpcAccounts(node: RunningNode): Promise<string[]> {
  const response = await fetch(node.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_accounts", params: [] }),
  });
  return ((await response.json()) as { result: string[] }).result;
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** What a deploy:local run said about compiling. */
function compiledWhat(out: string): string {
  const line = /^(Nothing to compile.*|Compiled \d+ of \d+ files.*)$/m.exec(out)?.[1];
  if (line === undefined) return "its compile line is missing";
  return line.startsWith("Nothing")
    ? "nothing compiled"
    : line.replace(/ \(.*\)\.$/, "").replace(/^Compiled/, "compiled");
}

/** The BENCHMARKS.md section: the figures and what they are made of. */
export function cliReport(b: CliBench): string {
  const [nodeAlone, bare, read] = b.startup.map((t) => median(t.ms)) as [number, number, number];
  const write = median(b.admission.filter((a) => a.step.startsWith("vote")).map((a) => a.ms));
  const rows = b.startup.map(
    (t) => `| ${t.label} | \`${t.command}\` | ${s(median(t.ms))} | ${s(Math.min(...t.ms))} – ${s(Math.max(...t.ms))} |`,
  );
  const total = b.admission.reduce((sum, a) => sum + a.ms, 0);
  const steps = b.admission.map((a) => `| ${a.step} | \`${a.command}\` | ${s(a.ms)} |`);
  return `## Command line

Wall time of whole commands, start-up included, against a \`hardhat node\` on this machine (a separate process),
measured by \`npm run bench\`: the median of ${RUNS} runs each, the runs of the three commands interleaved. Unlike the
gas above these are clock figures: they depend on the machine and on what else it is doing (here ${b.cores} cores, load
average ${b.load[0].toFixed(1)} before the runs and ${b.load[1].toFixed(1)} after).

| what | command | median | range |
|---|---|---:|---:|
${rows.join("\n")}

A CLI call's start-up is the whole read-only call: ${s(read)}. Of that, ${s(nodeAlone)} is Node.js starting, and
${s(bare - nodeAlone)} more is Hardhat itself: its core, TypeScript loading (tsx), this project's config with its
plugins (the toolbox, hardhat-viem) and the task definitions, which is what bare \`--help\` runs. The remaining
${s(read - bare)} is the verb: loading its module, the client and viem (about 400 modules, the largest share), and
its JSON-RPC requests (chain id, accounts, client version, then the reads). A local node (\`accounts: "remote"\`) is
reached with plain viem over HTTP rather than through a Hardhat network connection: creating one runs every plugin's
connection hook (the toolbox's ethers, chai matchers, Ignition, verify, network helpers) and hardhat-viem's chain
lookup, which loads every chain viem knows; through it, the same call used about twice the CPU time. Node's compile
cache (enabled in \`hardhat.config.ts\`) keeps the modules' compiled code between calls. A write verb adds its
simulation, its transaction and the wait for its receipt (polled every 50 ms on a local node): the four votes below
took ${s(write)} (median) against ${s(read)} for the read.

Deploying with \`npm run deploy:local\` took ${s(b.deploy.fresh.ms)} on a fresh node (${compiledWhat(b.deploy.fresh.out)}
after \`npm run build\`: the build profile is the same) and ${s(b.deploy.again.ms)} when run again (${compiledWhat(b.deploy.again.out)}, ${
    /already exists: nothing new to deploy/.test(b.deploy.again.out)
      ? "nothing sent: Ignition's journal\nsays the deployment exists"
      : "yet it deployed again, which it should not"
  }). The end-to-end suite requires the second figure to stay within 15 s.

A full admission through the command line, each step a separate command as a person would type it (the clock moved
by \`chain advance\`, which only a local node allows), took ${s(total)}:

| step | command | wall time |
|---|---|---:|
${steps.join("\n")}
| **total** | | **${s(total)}** |
`;
}
