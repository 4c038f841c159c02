// The client package as an app gets it: `npm pack` in client/ (its prepack builds it), then a fresh project in the
// system's temp folder ("type": "module") installs the tarball and viem (a peer dependency: one copy), compiles against
// the package's declarations with strict TypeScript under both `nodenext` and `bundler` module resolution (a
// deliberately wrong file must fail, line by line, under both), and runs compiled against a node over HTTP JSON-RPC,
// finding the registry through `readDeployment` in a folder of records it names. The node is this test's in-process
// Hardhat network, served on a free local port; the example wallet script (scripts/wallet.ts) runs against it too.
import { spawn } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
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
  castVote,
  execute,
  listCircles,
  listMandates,
  mandatesAbi,
  proposalCall,
  proposalId,
  propose,
  readCircle,
  readProposal,
  type Proposal,
} from "../../client/index.js";
import { DEPLOYED } from "../../client/networks.js";
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
import { readDeployment } from "@commonweal/client/node";
import { fileURLToPath } from "node:url";
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
const founders = env("COMMONWEAL_FOUNDERS").split(",") as Address[];
const account = privateKeyToAccount(env("COMMONWEAL_PRIVATE_KEY") as Address);
const transport = http(env("COMMONWEAL_RPC_URL"));
const publicClient = createPublicClient({ chain: hardhat, transport, pollingInterval: 50 });
const walletClient = createWalletClient({ chain: hardhat, transport, account });
// This project's own records, named from this module (never from the current folder).
const records = fileURLToPath(new URL("../records", import.meta.url));
const { registry } = readDeployment(await publicClient.getChainId(), { folder: records });
type _registry = Expect<Equal<typeof registry, Address>>;

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

const [listed] = (await listCircles(publicClient, { registry, offset: before, limit: 1n })).circles;
if (!listed) throw new Error("the new circle is not listed");
type _listedCount = Expect<Equal<typeof listed.memberCount, bigint>>;
const info = await readCircle(publicClient, { circle: listed.address });
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
    registry,
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
const WRONG = `import { castVote, circleRegistryAbi, describeError, findPaymentFlow, readCircle, type Address } from "@commonweal/client";
import { readDeployment } from "@commonweal/client/node";
import { createPublicClient, createWalletClient, http } from "viem";

const client = createPublicClient({ transport: http() });
const registry: Address = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const wallet = createWalletClient({ account: registry, transport: http() });
await castVote(wallet, { circle: registry, proposalId: 1n, support: 1 });
await client.readContract({ address: registry, abi: circleRegistryAbi, functionName: "circleCount", args: [1n] }); // WRONG: takes no arguments
await client.readContract({ address: registry, abi: circleRegistryAbi, functionName: "circleCont" }); // WRONG: no such function
const count: string = await client.readContract({ address: registry, abi: circleRegistryAbi, functionName: "circleCount" }); // WRONG: a count is a bigint
const size: number = (await readCircle(client, { circle: registry })).memberCount; // WRONG: memberCount is a bigint
await readCircle(client, { circle: "garden" }); // WRONG: not an address
findPaymentFlow(new Map(), new Map(), registry, registry, 5); // WRONG: amounts are bigints
describeError(42, []); // WRONG: error names are strings
await castVote(wallet, { circle: registry, proposalId: 1n, support: 3 }); // WRONG: support is 0, 1 or 2
await castVote(client, { circle: registry, proposalId: 1n, support: 1 }); // WRONG: a public client cannot sign
readDeployment(31337, "deploy/deployments"); // WRONG: the folder is named as { folder }
readDeployment(31337, { folder: "records" }).registri; // WRONG: no such contract
console.log(count, size);
`;

/** Each module resolution a consumer may use: its config for the consumer and for the wrong file. */
const RESOLUTIONS = [
  ["nodenext", "tsconfig.json", "tsconfig.wrong.json"],
  ["bundler", "tsconfig.bundler.json", "tsconfig.wrong.bundler.json"],
] as const;

describe("client package (@commonweal/client) in a consumer project", function () {
  let project: string;
  let url: string;
  let server: Server | undefined;
  let registry: Address;
  let founders: Address[];

  let packed: string;
  let tarball: string;
  let checks: Record<string, Run>;

  before(async function () {
    this.timeout(300_000);
    // The package as npm publishes it: `npm pack` runs its prepack, which builds dist/ (incremental: quick when
    // `npm run build` ran).
    packed = mkdtempSync(join(tmpdir(), "commonweal-pack-"));
    const pack = await run("npm", ["pack", "--json", "--pack-destination", packed], { cwd: join(ROOT, "client") });
    expect(pack.code, pack.stdout + pack.stderr).to.equal(0);
    const [{ filename }] = JSON.parse(pack.stdout) as [{ filename: string }];
    tarball = join(packed, filename);

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
    const manifest = (dependencies: Record<string, string>) =>
      writeFileSync(
        join(project, "package.json"),
        JSON.stringify({ name: "commonweal-consumer", private: true, type: "module", dependencies }, null, 2),
      );
    // A real install of the tarball, offline (the package depends on nothing but its peer). viem, the peer, is the
    // repository's copy, linked as the app's own dependency (installing its files takes ~15 s of a 2-core machine);
    // the package must then resolve the app's viem, with no copy of its own ("installs exactly one copy of viem").
    manifest({ "@commonweal/client": `file:${tarball}` });
    const install = await run(
      "npm",
      [
        "install",
        "--offline",
        "--legacy-peer-deps",
        "--no-audit",
        "--no-fund",
        "--no-package-lock",
        "--loglevel=error",
      ],
      { cwd: project },
    );
    expect(install.code, install.stdout + install.stderr).to.equal(0);
    manifest({ "@commonweal/client": `file:${tarball}`, viem: viemVersion });
    symlinkSync(join(ROOT, "node_modules/viem"), join(project, "node_modules/viem"), "dir");
    // Node's types for the consumer's own use of `process` and `node:url` (not a dependency of the package).
    mkdirSync(join(project, "node_modules/@types"), { recursive: true });
    symlinkSync(join(ROOT, "node_modules/@types/node"), join(project, "node_modules/@types/node"), "dir");

    // The project's own deployment records, in the folder the consumer names (Ignition's layout).
    const record = Object.fromEntries(
      await Promise.all(
        (Object.keys(DEPLOYED) as (keyof typeof DEPLOYED)[]).map(async (key) => [
          DEPLOYED[key],
          getAddress(await deployed[key].getAddress()),
        ]),
      ),
    );
    mkdirSync(join(project, "records/chain-31337"), { recursive: true });
    writeFileSync(join(project, "records/chain-31337/deployed_addresses.json"), JSON.stringify(record, null, 2));

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
    const bundler = { module: "esnext", moduleResolution: "bundler", noEmit: true };
    const config = (name: string, compilerOptions: object, file: string) =>
      writeFileSync(join(project, name), JSON.stringify({ compilerOptions, include: [file] }, null, 2));
    config("tsconfig.json", strict, "src/consumer.ts");
    config("tsconfig.bundler.json", { ...strict, ...bundler }, "src/consumer.ts");
    // The wrong file compiles as a browser app would, without Node's types (so the entries must not need them),
    // and checks every declaration file too, the client's included.
    const browser = { ...strict, noEmit: true, types: [], lib: ["es2023", "dom"], skipLibCheck: false };
    config("tsconfig.wrong.json", browser, "src/wrong.ts");
    config("tsconfig.wrong.bundler.json", { ...browser, ...bundler }, "src/wrong.ts");
    mkdirSync(join(project, "src"));
    writeFileSync(join(project, "src/consumer.ts"), CONSUMER);
    writeFileSync(join(project, "src/wrong.ts"), WRONG);
    // The four compilations at once (each mostly waits on reading viem's declarations).
    checks = Object.fromEntries(
      await Promise.all(
        RESOLUTIONS.flatMap(([, ...configs]) => configs).map(async (config) => [config, await tsc(config, project)]),
      ),
    );
  });

  after(async function () {
    if (server) await new Promise((closed) => server!.close(closed));
    for (const folder of [project, packed]) if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it("packs a publishable package: built entries, no sources or build state, viem as a peer", function () {
    const installed = join(project, "node_modules/@commonweal/client");
    expect(lstatSync(installed).isSymbolicLink(), "installed from the tarball, not linked").to.equal(false);
    const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8")) as Record<string, unknown>;
    expect(manifest).to.not.have.property("private");
    expect(manifest.peerDependencies).to.deep.equal({ viem: "^2.57.0" });
    expect(manifest).to.not.have.property("dependencies");
    for (const entry of ["index.js", "index.d.ts", "node.js", "node.d.ts", "abis.js", "networks.d.ts"]) {
      expect(existsSync(join(installed, "dist", entry)), entry).to.equal(true);
    }
    expect(readdirSync(installed).sort()).to.deep.equal(["dist", "package.json"]);
    expect(readdirSync(join(installed, "dist")).filter((f) => f.endsWith(".tsbuildinfo"))).to.deep.equal([]);
  });

  it("installs exactly one copy of viem", function () {
    const copies: string[] = [];
    const walk = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.name === "viem" && existsSync(join(path, "package.json"))) copies.push(path);
        if (entry.isDirectory()) walk(path); // not into links: the linked viem is the app's one copy
      }
    };
    walk(join(project, "node_modules"));
    expect(copies).to.deep.equal([join(project, "node_modules/viem")]);
  });

  for (const [resolution, consumer, wrong] of RESOLUTIONS) {
    it(`type-checks a consumer's typed calls with strict TypeScript (${resolution} resolution)`, async function () {
      const { code, stdout, stderr } = checks[consumer]!;
      expect(code, stdout + stderr).to.equal(0);
    });

    it(`refuses every wrong call of the consumer, and nothing else (${resolution} resolution)`, async function () {
      const { code, stdout } = checks[wrong]!;
      expect(code).to.not.equal(0);
      const marked = WRONG.split("\n").flatMap((line, i) => (line.includes("// WRONG:") ? [i + 1] : []));
      const failed = [...stdout.matchAll(/^src\/wrong\.ts\((\d+),\d+\): error TS\d+/gm)].map((m) => Number(m[1]));
      const others = stdout.split("\n").filter((line) => /error TS/.test(line) && !line.startsWith("src/wrong.ts("));
      expect(others, stdout).to.deep.equal([]);
      expect([...new Set(failed)], stdout).to.deep.equal(marked);
    });
  }

  it("runs compiled against the node: founds a circle and reads it back", async function () {
    this.timeout(120_000);
    const { code, stdout, stderr } = await run(process.execPath, ["dist/consumer.js"], {
      cwd: project,
      env: {
        COMMONWEAL_RPC_URL: url,
        COMMONWEAL_FOUNDERS: founders.join(","),
        COMMONWEAL_PRIVATE_KEY: DEV_KEY,
      },
    });
    expect(code, stderr).to.equal(0);
    const out = JSON.parse(stdout) as {
      registry: Address;
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
    expect(out.registry).to.equal(registry);
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
    const circle = await readCircle(await viem.getPublicClient(), { circle: out.created });
    expect(circle.name).to.equal("Elm Street Garden");
    expect(circle.members).to.have.members(founders);
  });

  it("decides a mandate with the proposal actions, and the wallet script shows it", async function () {
    this.timeout(120_000);
    const publicClient = await viem.getPublicClient();
    const wallets = await viem.getWalletClients();
    const [listed] = (await listCircles(publicClient, { registry, limit: 1n })).circles;
    const circle = await readCircle(publicClient, { circle: listed!.address });

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
    const made = await propose(ana, { circle: circle.address, ...proposal });
    expect(made.proposalId).to.equal(proposalId(proposal));
    expect(made.schedule.deadline - made.schedule.votingOpensAt).to.equal(BigInt(circle.rules.votingPeriod));
    const id = made.proposalId;
    await networkHelpers.time.increase(circle.rules.votingDelay + 1);
    for (const voter of [ana, cai, dee]) {
      await castVote(voter, { circle: circle.address, proposalId: id, support: Support.For, reason: "Ben is careful" });
    }
    await networkHelpers.time.increase(circle.rules.votingPeriod + 1);
    const executed = await execute(cai, { circle: circle.address, proposalId: id });
    expect(executed.calls).to.deep.equal([{ target: grant.target, value: 0n, data: grant.data }]);
    const read = await readProposal(publicClient, { circle: circle.address, proposalId: id });
    expect(read.stateName).to.equal("Executed");
    expect(read.votes.map((v) => v.reason)).to.deep.equal(["Ben is careful", "Ben is careful", "Ben is careful"]);

    const [mandate, ...more] = await listMandates(publicClient, { mandates: circle.mandates });
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
