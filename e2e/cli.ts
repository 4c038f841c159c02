/**
 * Runs the Commonweal CLI as a person would: `hardhat --network localhost <noun> <verb> ...` in a subprocess,
 * against one of the suite's nodes, with the deployment record the suite made.
 */
import { spawn } from "node:child_process";

import type { RunningNode } from "./nodes.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `hardhat <args>` against `node`, with `deploymentId` as the deployment record to read. */
export async function hardhat(node: RunningNode, deploymentId: string, args: string[], input = ""): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn("node_modules/.bin/hardhat", ["--network", "localhost", ...args], {
      cwd: process.cwd(),
      stdio: ["pipe", "pipe", "pipe"],
      env: {
        ...process.env,
        COMMONWEAL_RPC_URL: node.url,
        COMMONWEAL_DEPLOYMENT_ID: deploymentId,
        COMMONWEAL_CONFIRMATIONS: "1",
        FORCE_COLOR: "0",
        NO_COLOR: "1",
      },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(input);
  });
}

export interface DeployRun extends CliRun {
  /** Wall time of the whole command, in milliseconds. */
  ms: number;
}

/**
 * `npm run deploy:local` against `node`, recorded as `deploymentId`, exactly as the README says to deploy, with stdin
 * closed: a command that asked a question would fail here rather than wait.
 */
export async function deployLocal(node: RunningNode, deploymentId: string): Promise<DeployRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", "deploy:local"], {
      cwd: process.cwd(),
      stdio: ["ignore", "pipe", "pipe"],
      env: deployEnv(node, deploymentId),
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr, ms: Date.now() - started }));
  });
}

/** The environment `npm run deploy:local` needs to reach `node` and write the record `deploymentId`. */
export function deployEnv(node: RunningNode, deploymentId: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    COMMONWEAL_RPC_URL: node.url,
    COMMONWEAL_DEPLOYMENT_ID: deploymentId,
    FORCE_COLOR: "0",
    NO_COLOR: "1",
  };
}

/** Runs a task with `--json` and parses its result; fails with everything it printed if it did not succeed. */
export async function json<T = Record<string, unknown>>(
  node: RunningNode,
  deploymentId: string,
  args: string[],
): Promise<T> {
  const run = await hardhat(node, deploymentId, [...args, "--json"]);
  if (run.code !== 0) {
    throw new Error(`hardhat ${args.join(" ")} exited with ${run.code}:\n${run.stderr}\n${run.stdout}`);
  }
  const start = run.stdout.indexOf("{");
  if (start < 0) throw new Error(`hardhat ${args.join(" ")} printed no JSON:\n${run.stdout}`);
  return JSON.parse(run.stdout.slice(start)) as T;
}
