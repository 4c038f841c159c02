/**
 * Real nodes for the end-to-end suite, each a separate process on a free loopback port: Hardhat's own node and
 * Foundry's anvil (from its npm package), so nothing is proven only against Hardhat. Always stop them: `stop()` is
 * safe to call twice and kills the whole process group.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

export interface RunningNode {
  name: string;
  url: string;
  chainId: number;
  /** Everything the node printed, for diagnosing a failure. */
  output(): string;
  stop(): Promise<void>;
}

/** Whether nothing listens on 127.0.0.1:`port` right now. */
export async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** JSON-RPC over HTTP, for the few raw calls the suite makes (time travel, readiness). */
export async function rpc<T>(url: string, method: string, params: unknown[] = []): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: T; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result as T;
}

async function start(name: string, command: string, args: string[], port: number, chainId: number) {
  const child: ChildProcess = spawn(command, args, {
    cwd: process.cwd(),
    detached: true, // its own process group, so stop() also ends anything it spawned
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  let exited = false;
  // Even if the test run itself is interrupted, the node does not outlive it.
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

  const stop = async () => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return; // already gone
    }
    const deadline = Date.now() + 5_000;
    while (!exited && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (!exited) process.kill(-child.pid, "SIGKILL");
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`${name} exited before it was ready:\n${log}`);
    try {
      const id = Number(await rpc<string>(url, "eth_chainId"));
      if (id !== chainId) throw new Error(`${name} answers with chain id ${id}, expected ${chainId}`);
      break;
    } catch (error) {
      if (error instanceof Error && error.message.includes("expected")) {
        await stop();
        throw error;
      }
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`${name} did not answer on ${url} within a minute:\n${log}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return { name, url, chainId, output: () => log, stop } satisfies RunningNode;
}

/** `hardhat node` on `port`, or on a free port (chain id 31337). */
export async function startHardhatNode(port?: number): Promise<RunningNode> {
  port ??= await freePort();
  return start(
    "hardhat node",
    "node_modules/.bin/hardhat",
    ["node", "--hostname", "127.0.0.1", "--port", String(port)],
    port,
    31337,
  );
}

/**
 * anvil on a free port, with chain id `chainId`. Ignition asks before deploying to any chain but 31337: the suite runs
 * anvil as chain 1337 (a common local chain id), so `npm run deploy:local` is proven not to wait for that answer.
 */
export async function startAnvil(chainId = 31337): Promise<RunningNode> {
  const port = await freePort();
  return start(
    "anvil",
    "node_modules/.bin/anvil",
    ["--host", "127.0.0.1", "--port", String(port), "--chain-id", String(chainId), "--silent"],
    port,
    chainId,
  );
}
