// The client package as an app sees it: a separate project in the system's temp folder that depends on
// `@commonweal/client` by path, compiles against its built declarations with strict TypeScript (a deliberately
// wrong file must fail), and runs compiled against a node over HTTP JSON-RPC. The node is this test's in-process
// Hardhat network, served on a free local port; the example wallet script (scripts/wallet.ts) runs against it too.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { expect } from "chai";
import { network } from "hardhat";
import type { EthereumProvider } from "hardhat/types/providers";
import { getAddress, zeroHash, type Address } from "viem";

import {
  Support,
  executeRequest,
  listCircles,
  listMandates,
  mandatesAbi,
  proposalCall,
  proposalId,
  proposeRequest,
  readCircle,
  voteRequest,
  type Proposal,
} from "../../client/index.js";
import CirclesModule from "../../deploy/modules/Circles.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const TSC = join(ROOT, "node_modules/typescript/bin/tsc");
/** The first Hardhat development account's key (public; the in-process network's first account). */
const DEV_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

const { ignition, networkHelpers, provider, viem } = await network.create();

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command without blocking the event loop (the in-process node must keep answering meanwhile). */
function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

const tsc = (project: string, cwd: string) => run(process.execPath, [TSC, "-p", project], { cwd });

/** Serves an EIP-1193 provider as an HTTP JSON-RPC endpoint (single and batch requests), as `hardhat node` does. */
async function serve(eip1193: EthereumProvider): Promise<{ url: string; server: Server }> {
  type Call = { id?: unknown; method: string; params?: unknown[] };
  const answer = async ({ id, method, params }: Call) => {
    try {
      return { jsonrpc: "2.0", id, result: await eip1193.request({ method, params: params ?? [] }) };
    } catch (caught) {
      const error = caught as { code?: unknown; message?: unknown; data?: unknown };
      const data =
        typeof error.data === "string"
          ? error.data
          : typeof (error.data as { data?: unknown } | undefined)?.data === "string"
            ? (error.data as { data: string }).data
            : undefined;
      return {
        jsonrpc: "2.0",
        id,
        error: {
          code: typeof error.code === "number" ? error.code : -32603,
          message: String(error.message ?? caught),
          data,
        },
      };
    }
  };
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      void (async () => {
        const payload = JSON.parse(body) as Call | Call[];
        const reply = Array.isArray(payload) ? await Promise.all(payload.map(answer)) : await answer(payload);
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(reply));
      })();
    });
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** The consumer's typed use of the client: every annotation and `Expect` must hold under strict TypeScript. */
const CONSUMER = `import {
  circleRegistryAbi,
  describeError,
  describeRevert,
  findPaymentFlow,
  foundingConsentTypedData,
  listCircles,
  readCircle,
  type Address,
} from "@commonweal/client";
import { createPublicClient, createWalletClient, http, zeroHash } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { hardhat } from "viem/chains";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(name + " is not set");
  return value;
};
const registry = env("COMMONWEAL_REGISTRY") as Address;
const founders = env("COMMONWEAL_FOUNDERS").split(",") as Address[];
const account = privateKeyToAccount(env("COMMONWEAL_PRIVATE_KEY") as Address);
const transport = http(env("COMMONWEAL_RPC_URL"));
const publicClient = createPublicClient({ chain: hardhat, transport, pollingInterval: 50 });
const walletClient = createWalletClient({ chain: hardhat, transport, account });

const before = await publicClient.readContract({ address: registry, abi: circleRegistryAbi, functionName: "circleCount" });
const rules = await publicClient.readContract({ address: registry, abi: circleRegistryAbi, functionName: "defaultRules" });
const mandateRules = await publicClient.readContract({
  address: registry,
  abi: circleRegistryAbi,
  functionName: "defaultMandateRules",
});
type _count = Expect<Equal<typeof before, bigint>>;
type _quorum = Expect<Equal<typeof rules.quorumPercent, number>>;

const deadline = (await publicClient.getBlock()).timestamp + 3600n;
const content = { name: "Elm Street Garden", founders, charterHash: zeroHash, charterURI: "ipfs://charter", deadline };
// Every founder but the sender consents: here the node signs for its own accounts (eth_signTypedData_v4).
const consents = await Promise.all(
  founders.map(async (founder) => {
    if (founder.toLowerCase() === account.address.toLowerCase()) return "0x" as const;
    const typedData = await foundingConsentTypedData(publicClient, { registry, founding: content, rules, mandateRules, founder });
    return createWalletClient({ chain: hardhat, transport, account: founder }).signTypedData(typedData);
  }),
);
const founding = { ...content, consents };
const { request, result: created } = await publicClient.simulateContract({
  account,
  address: registry,
  abi: circleRegistryAbi,
  functionName: "createCircle",
  args: [founding, rules, mandateRules],
});
type _created = Expect<Equal<typeof created, Address>>;
await publicClient.waitForTransactionReceipt({ hash: await walletClient.writeContract(request) });

const [circle] = await listCircles(publicClient, registry, before, 1n);
if (!circle) throw new Error("the new circle is not listed");
const info = await readCircle(publicClient, circle);
type _name = Expect<Equal<typeof info.name, string>>;
type _members = Expect<Equal<typeof info.members, readonly Address[]>>;
type _charterExpiry = Expect<Equal<typeof info.charter.expiresAt, bigint>>;

// A refused call, in a sentence.
let refusal: string | undefined;
try {
  await publicClient.simulateContract({
    account,
    address: registry,
    abi: circleRegistryAbi,
    functionName: "createCircle",
    args: [{ ...founding, name: "" }, rules, mandateRules],
  });
} catch (error) {
  refusal = describeRevert(error);
}

// A payment along trust, planned offline: Ana pays Cai through Ben.
const [ana, ben, cai] = founders.map((a) => a.toLowerCase() as Address) as [Address, Address, Address];
const flow = findPaymentFlow(
  new Map([[ben, new Set([ana])], [cai, new Set([ben])]]),
  new Map([[ana, new Map([[ana, 10n]])], [ben, new Map([[ben, 10n]])]]),
  ana,
  cai,
  5n,
);

const json = (value: unknown) => JSON.stringify(value, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
console.log(
  json({
    before,
    after: await publicClient.readContract({ address: registry, abi: circleRegistryAbi, functionName: "circleCount" }),
    created,
    circle: info,
    refusal,
    sentence: describeError("CircleMembershipFull", [10]),
    flow: { amount: flow.amount, edges: flow.edges.length },
  }),
);
`;

/** Wrong uses, one per line, each marked: every marked line (and no other) must fail to type-check. */
const WRONG = `import { circleRegistryAbi, describeError, findPaymentFlow, readCircle, voteRequest, type Address } from "@commonweal/client";
import { createPublicClient, http } from "viem";

const client = createPublicClient({ transport: http() });
const registry: Address = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
await client.readContract({ address: registry, abi: circleRegistryAbi, functionName: "circleCount", args: [1n] }); // WRONG: takes no arguments
await client.readContract({ address: registry, abi: circleRegistryAbi, functionName: "circleCont" }); // WRONG: no such function
const count: string = await client.readContract({ address: registry, abi: circleRegistryAbi, functionName: "circleCount" }); // WRONG: a count is a bigint
const size: number = (await readCircle(client, registry)).memberCount; // WRONG: memberCount is a bigint
await readCircle(client, "garden"); // WRONG: not an address
findPaymentFlow(new Map(), new Map(), registry, registry, 5); // WRONG: amounts are bigints
describeError(42, []); // WRONG: error names are strings
voteRequest(registry, 1n, 3); // WRONG: support is 0, 1 or 2
console.log(count, size);
`;

describe("client package (@commonweal/client) in a consumer project", function () {
  let project: string;
  let url: string;
  let server: Server | undefined;
  let registry: Address;
  let founders: Address[];

  before(async function () {
    this.timeout(300_000);
    // The package's built entry points, as a consumer gets them (incremental: quick when `npm run build` ran).
    const built = await tsc(join(ROOT, "client/tsconfig.json"), ROOT);
    expect(built.code, built.stdout + built.stderr).to.equal(0);

    const deployed = await ignition.deploy(CirclesModule);
    registry = getAddress(await deployed.registry.getAddress());
    founders = (await viem.getWalletClients()).slice(0, 6).map((w) => getAddress(w.account.address));
    ({ url, server } = await serve(provider));

    project = mkdtempSync(join(tmpdir(), "commonweal-consumer-"));
    const viemVersion = (
      JSON.parse(readFileSync(join(ROOT, "node_modules/viem/package.json"), "utf8")) as {
        version: string;
      }
    ).version;
    writeFileSync(
      join(project, "package.json"),
      JSON.stringify(
        {
          name: "commonweal-consumer",
          private: true,
          type: "module",
          dependencies: { "@commonweal/client": `file:${join(ROOT, "client")}`, viem: viemVersion },
          devDependencies: { "@types/node": "*" },
        },
        null,
        2,
      ),
    );
    // What `npm install` would link, without the network: the client by path, viem and Node's types from the repo.
    mkdirSync(join(project, "node_modules/@commonweal"), { recursive: true });
    mkdirSync(join(project, "node_modules/@types"), { recursive: true });
    symlinkSync(join(ROOT, "client"), join(project, "node_modules/@commonweal/client"), "dir");
    symlinkSync(join(ROOT, "node_modules/viem"), join(project, "node_modules/viem"), "dir");
    symlinkSync(join(ROOT, "node_modules/@types/node"), join(project, "node_modules/@types/node"), "dir");

    const strict = {
      strict: true,
      noUncheckedIndexedAccess: true,
      module: "nodenext",
      moduleResolution: "nodenext",
      target: "es2022",
      lib: ["es2023"],
      types: ["node"],
      skipLibCheck: true,
      rootDir: "src",
      outDir: "dist",
    };
    writeFileSync(
      join(project, "tsconfig.json"),
      JSON.stringify({ compilerOptions: strict, include: ["src/consumer.ts"] }, null, 2),
    );
    // The wrong file compiles as a browser app would, without Node's types (so the main entry must not need them),
    // and checks every declaration file too, the client's included.
    writeFileSync(
      join(project, "tsconfig.wrong.json"),
      JSON.stringify(
        {
          compilerOptions: { ...strict, noEmit: true, types: [], lib: ["es2023", "dom"], skipLibCheck: false },
          include: ["src/wrong.ts"],
        },
        null,
        2,
      ),
    );
    mkdirSync(join(project, "src"));
    writeFileSync(join(project, "src/consumer.ts"), CONSUMER);
    writeFileSync(join(project, "src/wrong.ts"), WRONG);
  });

  after(async function () {
    if (server) await new Promise((closed) => server!.close(closed));
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it("type-checks and compiles a consumer's typed calls with strict TypeScript", async function () {
    this.timeout(120_000);
    const { code, stdout, stderr } = await tsc("tsconfig.json", project);
    expect(code, stdout + stderr).to.equal(0);
  });

  it("refuses every wrong call of the consumer, and nothing else", async function () {
    this.timeout(120_000);
    const { code, stdout } = await tsc("tsconfig.wrong.json", project);
    expect(code).to.not.equal(0);
    const marked = WRONG.split("\n").flatMap((line, i) => (line.includes("// WRONG:") ? [i + 1] : []));
    const failed = [...stdout.matchAll(/^src\/wrong\.ts\((\d+),\d+\): error TS\d+/gm)].map((m) => Number(m[1]));
    const others = stdout.split("\n").filter((line) => /error TS/.test(line) && !line.startsWith("src/wrong.ts("));
    expect(others, stdout).to.deep.equal([]);
    expect([...new Set(failed)], stdout).to.deep.equal(marked);
  });

  it("runs compiled against the node: founds a circle and reads it back", async function () {
    this.timeout(120_000);
    const { code, stdout, stderr } = await run(process.execPath, ["dist/consumer.js"], {
      cwd: project,
      env: {
        COMMONWEAL_RPC_URL: url,
        COMMONWEAL_REGISTRY: registry,
        COMMONWEAL_FOUNDERS: founders.join(","),
        COMMONWEAL_PRIVATE_KEY: DEV_KEY,
      },
    });
    expect(code, stderr).to.equal(0);
    const out = JSON.parse(stdout) as {
      before: string;
      after: string;
      created: Address;
      circle: {
        address: Address;
        name: string;
        members: Address[];
        memberCount: string;
        rules: { quorumPercent: number };
      };
      refusal?: string;
      sentence: string;
      flow: { amount: string; edges: number };
    };
    expect(out.before).to.equal("0");
    expect(out.after).to.equal("1");
    expect(out.circle.address).to.equal(out.created);
    expect(out.circle.name).to.equal("Elm Street Garden");
    expect(out.circle.members).to.have.members(founders);
    expect(out.circle.memberCount).to.equal("6");
    expect(out.circle.rules.quorumPercent).to.equal(50);
    expect(out.refusal).to.equal("A name is required.");
    expect(out.sentence).to.equal("The circle is full: it may have at most 10 members.");
    expect(out.flow).to.deep.equal({ amount: "5", edges: 2 });

    // The chain agrees, read through the client from this side.
    const circle = await readCircle(await viem.getPublicClient(), out.created);
    expect(circle.name).to.equal("Elm Street Garden");
    expect(circle.members).to.have.members(founders);
  });

  it("decides a mandate with the request builders, and the wallet script shows it", async function () {
    this.timeout(120_000);
    const publicClient = await viem.getPublicClient();
    const wallets = await viem.getWalletClients();
    const [address] = await listCircles(publicClient, registry, 0n, 1n);
    const circle = await readCircle(publicClient, address!);

    // Ana proposes that Ben keep the books; Ana, Cai and Dee vote for it (half of six is the quorum).
    const [ana, ben, cai, dee] = wallets as [
      (typeof wallets)[0],
      (typeof wallets)[0],
      (typeof wallets)[0],
      (typeof wallets)[0],
    ];
    const grant = proposalCall(circle.mandates, {
      abi: mandatesAbi,
      functionName: "grant",
      args: [
        { role: "treasurer", title: "Keep the books", scopeHash: zeroHash, duration: 30 * 86_400, powers: [] },
        ben.account.address,
      ],
    });
    const proposal: Proposal = { calls: [grant], description: "Ben keeps the books this month" };
    // A proposer's vote is counted a second before the proposal: let the founding block be in the past.
    await networkHelpers.time.increase(1);
    const { request, result: id } = await publicClient.simulateContract({
      account: ana.account,
      ...proposeRequest(circle.address, proposal),
    });
    expect(id).to.equal(proposalId(proposal));
    await ana.writeContract(request);
    await networkHelpers.time.increase(circle.rules.votingDelay + 1);
    for (const voter of [ana, cai, dee]) await voter.writeContract(voteRequest(circle.address, id, Support.For));
    await networkHelpers.time.increase(circle.rules.votingPeriod + 1);
    await cai.writeContract(executeRequest(circle.address, proposal));

    const [mandate, ...more] = await listMandates(publicClient, circle.mandates);
    expect(more).to.deep.equal([]);
    expect(mandate).to.deep.include({ id: 1n, role: "treasurer", title: "Keep the books", live: true });
    expect(mandate!.holder).to.equal(getAddress(ben.account.address));

    const wallet = await run(process.execPath, ["--import", "tsx", "scripts/wallet.ts"], {
      cwd: ROOT,
      env: { COMMONWEAL_RPC_URL: url, COMMONWEAL_REGISTRY: registry, COMMONWEAL_PRIVATE_KEY: "" },
    });
    expect(wallet.code, wallet.stderr).to.equal(0);
    expect(wallet.stdout).to.include(`Wallet ${getAddress(ana.account.address)} on chain 31337`);
    expect(wallet.stdout).to.include(`Registry ${registry}: 1 circle(s)`);
    expect(wallet.stdout).to.include(`1. Elm Street Garden (${circle.address}): 6 of at most 10 members`);
    expect(wallet.stdout).to.include(`- ${getAddress(ana.account.address)} (you)`);
    for (const founder of founders) expect(wallet.stdout).to.include(`- ${founder}`);
    expect(wallet.stdout).to.include("Live mandates: 1");
    expect(wallet.stdout).to.match(
      new RegExp(`- #1 treasurer \\("Keep the books"\\): held by ${getAddress(ben.account.address)} until `),
    );
  });
});
