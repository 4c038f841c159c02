// `npm run pathfinder [-- --port <port>] [--hub <address>] [--interval <ms>]`: the pathfinder as a small HTTP service,
// for wallets that should not hold the trust graph. It keeps a `PathfinderIndex` of the income hub in memory, follows
// the chain (COMMONWEAL_RPC_URL, default http://127.0.0.1:8545; the hub from the deployment record of the chain, as
// the CLI reads it, or --hub), polling for the hub's events every --interval ms (default 1000), and answers:
//   GET  /health  → {"ok":true}
//   GET  /status  → the block and time it is up to date with, its day, people, trust edges, holdings, when built
//   POST /flow {"from","to","amount"} (amount: a decimal string of wei; optional "maxHops") → the payment's flow in the
//        shape `payAlongTrust` takes (read it with `paymentFlowFromJson`), amounts as decimal strings of wei and in
//        tokens; a 4xx answer carries {"error": "<a sentence>"}.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { createPublicClient, getAddress, http, isAddress, type Address, type PublicClient } from "viem";

import { syncPathfinderIndex } from "../client/actions/income/syncPathfinderIndex.js";
import { readDeployment } from "../client/deployments.js";
import { PathfinderError, flowHops, paymentFlowToJson, type PathfinderIndex } from "../client/pathfinder.js";
import { isoTime } from "../client/time.js";
import { formatTokens } from "../client/units.js";

export interface PathfinderServiceOptions {
  /** A client of the chain the hub is on. */
  client: PublicClient;
  hub: Address;
  /** Where to listen (default 127.0.0.1 and a free port). */
  host?: string;
  port?: number;
  /** How often to look for new blocks, in ms (default 1000; 0: only when `sync()` is called). */
  interval?: number;
}

export interface PathfinderService {
  /** The service's base URL, e.g. http://127.0.0.1:42070. */
  url: string;
  index: PathfinderIndex;
  /** Brings the index up to the latest block now (the poller does the same every `interval` ms). */
  sync: () => Promise<void>;
  close: () => Promise<void>;
}

/** A refusal the client can fix, with its HTTP status and the sentence to show. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: Record<string, string> = {},
  ) {
    super(message);
  }
}

const MAX_BODY = 16 * 1024;

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  let body = "";
  for await (const chunk of request) {
    body += chunk;
    if (body.length > MAX_BODY) throw new Refusal(413, `The request body is larger than ${MAX_BODY} bytes.`);
  }
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new Refusal(
    400,
    'The body must be a JSON object such as {"from":"0x…","to":"0x…","amount":"25000000000000000000"}.',
  );
}

function addressField(body: Record<string, unknown>, name: string): Address {
  const value = body[name];
  if (typeof value !== "string" || !isAddress(value, { strict: false })) {
    throw new Refusal(
      400,
      `"${name}" must be an account address (0x and 40 hex digits), not ${JSON.stringify(value)}.`,
    );
  }
  return getAddress(value);
}

/**
 * Starts the service: builds the index from the hub's events up to the latest block, then listens and follows.
 *
 * @example
 * const service = await startPathfinderService({ client: publicClient, hub, interval: 1000 });
 * const answer = await fetch(`${service.url}/flow`, { method: "POST", body: JSON.stringify({ from, to, amount: "25000000000000000000" }) });
 */
export async function startPathfinderService(options: PathfinderServiceOptions): Promise<PathfinderService> {
  const { client, hub } = options;
  const builtStarted = performance.now();
  const first = await syncPathfinderIndex(client, { hub });
  const index = first.index;
  const builtAt = new Date();
  const buildMilliseconds = Math.round(performance.now() - builtStarted);
  let block = first.block;
  let timestamp = first.timestamp;
  let syncing: Promise<void> | undefined;
  let lastError: string | undefined;

  const sync = (): Promise<void> =>
    (syncing ??= (async () => {
      try {
        const next = await syncPathfinderIndex(client, { hub, index, fromBlock: block + 1n });
        ({ block, timestamp } = next);
        lastError = undefined;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
      } finally {
        syncing = undefined;
      }
    })());

  const answer = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
    response.end(JSON.stringify(body));
  };

  const flow = async (request: IncomingMessage) => {
    const body = await readJson(request);
    const from = addressField(body, "from");
    const to = addressField(body, "to");
    if (typeof body.amount !== "string" || !/^[0-9]+$/.test(body.amount) || BigInt(body.amount) === 0n) {
      throw new Refusal(
        400,
        `"amount" must be a positive whole number of wei as a decimal string (25 tokens: "25000000000000000000"), not ${JSON.stringify(body.amount)}.`,
      );
    }
    const maxHops = body.maxHops;
    if (maxHops !== undefined && (!Number.isInteger(maxHops) || (maxHops as number) < 1 || (maxHops as number) > 16)) {
      throw new Refusal(400, `"maxHops" must be a whole number from 1 to 16, not ${JSON.stringify(maxHops)}.`);
    }
    if (from === to) throw new Refusal(400, `"from" and "to" are the same account, ${from}.`);
    const amount = BigInt(body.amount);
    try {
      const found = index.findPaymentFlow(from, to, amount, {
        format: formatTokens,
        ...(maxHops === undefined ? {} : { maxHops: maxHops as number }),
      });
      return {
        from,
        to,
        ...paymentFlowToJson(found),
        tokens: formatTokens(amount),
        transfers: found.edges.length,
        hops: flowHops(found),
        block: block.toString(),
      };
    } catch (error) {
      if (!(error instanceof PathfinderError)) throw error;
      const details: Record<string, string> = { code: error.code };
      if (error.available !== undefined) details.available = error.available.toString();
      if (error.edges !== undefined) details.edges = String(error.edges);
      throw new Refusal(error.code === "invalid-input" ? 400 : 422, error.message, details);
    }
  };

  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://service").pathname;
    void (async () => {
      try {
        if (path === "/health" && request.method === "GET") return answer(response, 200, { ok: true });
        if (path === "/status" && request.method === "GET") {
          const stats = index.stats();
          return answer(response, 200, {
            hub,
            block: block.toString(),
            time: isoTime(timestamp),
            day: stats.day.toString(),
            people: stats.people,
            trustEdges: stats.trustEdges,
            holdings: stats.holdings,
            builtAt: builtAt.toISOString(),
            buildMilliseconds,
            ...(lastError === undefined ? {} : { lastSyncError: lastError }),
          });
        }
        if (path === "/flow" && request.method === "POST") return answer(response, 200, await flow(request));
        if (["/health", "/status", "/flow"].includes(path)) {
          throw new Refusal(405, `${path} does not take ${request.method}: use ${path === "/flow" ? "POST" : "GET"}.`);
        }
        throw new Refusal(
          404,
          `There is no ${path} here: the service answers GET /health, GET /status and POST /flow.`,
        );
      } catch (error) {
        if (error instanceof Refusal) return answer(response, error.status, { error: error.message, ...error.details });
        answer(response, 500, { error: error instanceof Error ? error.message : String(error) });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const { address, port } = server.address() as AddressInfo;
  const poller = options.interval === 0 ? undefined : setInterval(() => void sync(), options.interval ?? 1000);

  return {
    url: `http://${address}:${port}`,
    index,
    sync,
    close: async () => {
      if (poller) clearInterval(poller);
      await syncing;
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

// --- Run as a script ----------------------------------------------------------------------------------------------

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "42070" },
      host: { type: "string", default: "127.0.0.1" },
      hub: { type: "string" },
      interval: { type: "string", default: "1000" },
    },
  });
  const rpcUrl = process.env.COMMONWEAL_RPC_URL || "http://127.0.0.1:8545";
  const client = createPublicClient({ transport: http(rpcUrl) });
  const hub = values.hub
    ? getAddress(values.hub)
    : readDeployment(await client.getChainId(), {
        folder: fileURLToPath(new URL("../deploy/deployments", import.meta.url)),
        ...(process.env.COMMONWEAL_DEPLOYMENT_ID ? { deploymentId: process.env.COMMONWEAL_DEPLOYMENT_ID } : {}),
      }).incomeHub;
  const service = await startPathfinderService({
    client,
    hub,
    host: values.host,
    port: Number(values.port),
    interval: Number(values.interval),
  });
  const stats = service.index.stats();
  console.log(
    `[pathfinder] ${service.url}: the income hub ${hub} on ${rpcUrl}, ${stats.people} people, ${stats.trustEdges} trust edges; following every ${values.interval} ms.`,
  );
  const stop = () => void service.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
