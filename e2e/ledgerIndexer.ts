/**
 * `npm run indexer` as a person starts it, for the end-to-end suite: against a running node and the deployment record
 * the suite made, with its PGlite files in a folder of the caller's (a fresh one per node: a reset chain poisons
 * Ponder's RPC cache), on a free port. `caughtUp` waits, through the client's own readLedgerStatus, until the ledger
 * has reached a block. `stop()` ends the script and Ponder (their own process group) and is safe to call twice.
 */
import { spawn } from "node:child_process";

import { readLedgerStatus } from "../client/actions/ledger/readLedgerStatus.js";
import { freePort, type RunningNode } from "./nodes.js";

export interface RunningLedger {
  /** The ledger's base URL (http://127.0.0.1:<port>). */
  url: string;
  /** Everything the indexer printed, for diagnosing a failure. */
  output(): string;
  /** Waits until the ledger has indexed `block` (at most `ms`), or throws with the indexer's output. */
  caughtUp(block: bigint, ms?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `npm run indexer`'s script against `node` and the deployment record `deploymentId`, storing in `dataDir`. */
export async function startLedger(node: RunningNode, deploymentId: string, dataDir: string): Promise<RunningLedger> {
  const port = await freePort();
  const child = spawn("node_modules/.bin/tsx", ["scripts/indexer.ts", "--port", String(port), "--data", dataDir], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, COMMONWEAL_RPC_URL: node.url, COMMONWEAL_DEPLOYMENT_ID: deploymentId, DATABASE_URL: "" },
  });
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  let exited = false;
  const killOnExit = () => {
    if (!exited && child.pid !== undefined) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  };
  process.once("exit", killOnExit);
  child.on("exit", () => {
    exited = true;
    process.off("exit", killOnExit);
  });
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    output: () => log,
    async caughtUp(block, ms = 120_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        if (exited) throw new Error(`The indexer exited:\n${log}`);
        try {
          if ((await readLedgerStatus({ url }, { block })).caughtUp) return;
        } catch {
          // not listening yet
        }
        if (Date.now() > deadline) throw new Error(`The ledger did not reach block ${block} in ${ms} ms:\n${log}`);
        await new Promise((r) => setTimeout(r, 300));
      }
    },
    async stop() {
      if (exited || child.pid === undefined) return;
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        return;
      }
      const deadline = Date.now() + 10_000;
      while (!exited && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      if (!exited) process.kill(-child.pid, "SIGKILL");
    },
  };
}
