/**
 * Fault test: a deployment killed halfway on a local node resumes to a complete, correct deployment. A real
 * `hardhat node` (a separate process on a free port), the Ignition module deployed by `npm run deploy:local` in a
 * subprocess, killed with SIGKILL (its whole process group, as a crash or a pulled plug would) after some but not
 * all of its contracts are deployed, then the very same command run again. Run with `npm run e2e`.
 *
 * Deterministic, not a race: the node's automine is switched off before the first run, so nothing is mined unless
 * this test mines it (`evm_mine`). The test mines the first batch's transactions, waits until Ignition has recorded
 * them as deployed and has sent (and journaled) the second batch's transaction (today the Mandates implementation,
 * which takes the audit module of the first batch), and kills it there: the first batch deployed (today 7 of 13
 * contracts), one transaction sent but not mined, the hardest point to resume from (a
 * careless resume would send it again). With automine on, Ignition on a fast machine could finish before any kill
 * arrives. The second run is given interval mining (a block every 250 ms), the way a public chain mines, which also
 * mines the transaction the first run left pending.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { expect } from "chai";
import {
  createPublicClient,
  createWalletClient,
  getAddress,
  http,
  parseAbi,
  type Address,
  type Hash,
  type Hex,
  type PublicClient,
} from "viem";

import { circleRegistryAbi, foundingConsentTypedData } from "../client/index.js";
import CirclesModule from "../deploy/modules/Circles.js";
import { deployEnv } from "./cli.js";
import { rpc, startHardhatNode, type RunningNode } from "./nodes.js";

/** The module's futures, as Ignition names them: every one a contract deployment ("Circles#CircleRegistry"...). */
const FUTURES = [...CirclesModule.futures].map((f) => f.id);
/** The first batch: the futures that depend on nothing (the implementations the registry takes). The kill comes
 * right after it, while the second batch's one transaction waits to be mined. */
const FIRST_BATCH = [...CirclesModule.futures].filter((f) => f.dependencies.size === 0).map((f) => f.id);
/** The second batch: the futures that depend on the first batch only (today the Mandates implementation alone). */
const SECOND_BATCH = [...CirclesModule.futures]
  .filter((f) => !FIRST_BATCH.includes(f.id) && [...f.dependencies].every((d) => FIRST_BATCH.includes(d.id)))
  .map((f) => f.id);

interface JournalEntry {
  type: string;
  futureId?: string;
  transaction?: { hash: Hash };
}

function readJournal(path: string): JournalEntry[] {
  if (!existsSync(path)) return [];
  // Ignition starts each entry with a newline. The file may be read while an entry is being appended: a last entry
  // that does not parse yet is left for the next read.
  const lines = readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "");
  const entries: JournalEntry[] = [];
  for (const [i, line] of lines.entries()) {
    try {
      entries.push(JSON.parse(line) as JournalEntry);
    } catch (error) {
      if (i < lines.length - 1) throw error;
    }
  }
  return entries;
}

const completed = (journal: JournalEntry[]) =>
  journal.filter((e) => e.type === "DEPLOYMENT_EXECUTION_STATE_COMPLETE").map((e) => e.futureId!);
const sent = (journal: JournalEntry[]) => journal.filter((e) => e.type === "TRANSACTION_SEND");

async function waitFor<T>(
  what: string,
  check: () => T | undefined | false,
  log: () => string,
  timeoutMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("a deployment killed halfway on a local node", function () {
  this.timeout(300_000);
  let node: RunningNode | undefined;
  let client: PublicClient;
  let deployer: ChildProcess | undefined;
  const deploymentId = `e2e-resume-${process.pid}`;
  const deploymentDir = fileURLToPath(new URL(`../deploy/deployments/${deploymentId}`, import.meta.url));
  const journalPath = join(deploymentDir, "journal.jsonl");
  const addressesPath = join(deploymentDir, "deployed_addresses.json");
  let started = 0;

  /** `npm run deploy:local`, as a person would run it, in its own process group. */
  function deploy(): {
    child: ChildProcess;
    log: () => string;
    done: Promise<{ code: number | null; signal: string | null; log: string }>;
  } {
    const child = spawn("npm", ["run", "--silent", "deploy:local"], {
      cwd: process.cwd(),
      detached: true, // its own process group: the kill reaches everything it started
      stdio: ["ignore", "pipe", "pipe"],
      // Automine is off below: Ignition would then wait for five confirmations per transaction, as on a public chain.
      env: { ...deployEnv(node!, deploymentId), COMMONWEAL_CONFIRMATIONS: "1" },
    });
    let log = "";
    child.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
    const done = new Promise<{ code: number | null; signal: string | null; log: string }>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (code, signal) => resolve({ code, signal, log }));
    });
    return { child, log: () => log, done };
  }

  function killGroup(child: ChildProcess | undefined) {
    if (child?.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }

  before(async function () {
    started = Date.now();
    node = await startHardhatNode();
    client = createPublicClient({ transport: http(node.url) });
    rmSync(deploymentDir, { recursive: true, force: true });
  });

  afterEach(function () {
    // A failed step leaves no deployer running into the next one.
    if (this.currentTest?.state === "failed") killGroup(deployer);
  });

  after(async function () {
    // The node and any deployer still running are stopped whatever happened, and the record removed.
    killGroup(deployer);
    await node?.stop();
    rmSync(deploymentDir, { recursive: true, force: true });
    console.log(`      (fault test took ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  });

  let beforeKill: Record<string, Address>;
  let pendingHash: Hash;

  it("is killed after the first batch is deployed and the next transaction is sent, not yet mined", async function () {
    // Every future of the module is a contract deployment, so each is one contract creation on chain (checked below).
    for (const future of CirclesModule.futures) expect(future.type, future.id).to.match(/CONTRACT_DEPLOYMENT$/);
    expect(FIRST_BATCH.length).to.be.within(1, FUTURES.length - 2);
    expect(SECOND_BATCH, "one transaction to leave pending").to.have.length(1);
    await rpc(node!.url, "evm_setAutomine", [false]);
    const first = deploy();
    deployer = first.child;
    const failedEarly = first.done.then((r) => {
      throw new Error(`the deployment ended before the kill (${r.code}):\n${r.log}`);
    });
    failedEarly.catch(() => undefined);

    // Ignition sends the first batch's seven transactions without waiting for each; mine them in one block.
    await Promise.race([
      waitFor(
        "the first batch to be sent",
        () => sent(readJournal(journalPath)).length >= FIRST_BATCH.length,
        first.log,
      ),
      failedEarly,
    ]);
    await rpc(node!.url, "evm_mine");
    // Ignition records them deployed, then sends the second batch's transaction, which nobody mines.
    const pending = await Promise.race([
      waitFor(
        "the second batch's transaction to be sent",
        () => {
          const journal = readJournal(journalPath);
          return (
            completed(journal).length === FIRST_BATCH.length &&
            sent(journal).find((e) => e.futureId === SECOND_BATCH[0])
          );
        },
        first.log,
      ),
      failedEarly,
    ]);
    pendingHash = pending.transaction!.hash;
    process.kill(-first.child.pid!, "SIGKILL");
    const ended = await first.done;
    expect(ended.signal).to.equal("SIGKILL");

    // Incomplete: the first batch recorded and on chain, the next transaction still waiting in the mempool.
    const journal = readJournal(journalPath);
    expect(completed(journal)).to.have.members([...FIRST_BATCH]);
    beforeKill = JSON.parse(readFileSync(addressesPath, "utf8")) as Record<string, Address>;
    expect(Object.keys(beforeKill)).to.have.members([...FIRST_BATCH]);
    for (const [future, address] of Object.entries(beforeKill)) {
      expect(await client.getCode({ address }), future).to.not.equal(undefined);
    }
    const tx = await rpc<{ blockNumber: string | null }>(node!.url, "eth_getTransactionByHash", [pendingHash]);
    expect(tx.blockNumber).to.equal(null);
  });

  it("resumes with the same command to a complete deployment, sending nothing twice", async function () {
    // A block every 250 ms from now on, like a public chain; it also mines what the first run left pending.
    await rpc(node!.url, "evm_setIntervalMining", [250]);
    const second = deploy();
    deployer = second.child;
    const result = await second.done;
    expect(result.code, result.log).to.equal(0);

    const journal = readJournal(journalPath);
    expect(completed(journal)).to.have.members([...FUTURES]);
    const addresses = JSON.parse(readFileSync(addressesPath, "utf8")) as Record<string, Address>;
    expect(Object.keys(addresses)).to.have.members([...FUTURES]);
    // What the first run deployed was kept, not deployed again.
    for (const [future, address] of Object.entries(beforeKill)) expect(addresses[future], future).to.equal(address);
    // The second batch's contract is the transaction the first run sent: waited for, not sent again.
    const receipt = await client.getTransactionReceipt({ hash: pendingHash });
    expect(getAddress(receipt.contractAddress!)).to.equal(getAddress(addresses[SECOND_BATCH[0]!]!));
    const sends = sent(journal).map((e) => e.futureId);
    expect(sends).to.have.length(FUTURES.length);
    expect(new Set(sends).size).to.equal(FUTURES.length);

    // Exactly one contract creation per contract on the whole chain: no duplicate anywhere.
    const latest = await client.getBlockNumber();
    let creations = 0;
    for (let n = 1n; n <= latest; ++n) {
      const block = await client.getBlock({ blockNumber: n, includeTransactions: true });
      creations += block.transactions.filter((t) => t.to === null).length;
    }
    expect(creations).to.equal(FUTURES.length);
    for (const [future, address] of Object.entries(addresses)) {
      expect(await client.getCode({ address }), future).to.not.equal(undefined);
    }
  });

  it("wires the registry and the factories as the module says, and founds a circle through it", async function () {
    const addresses = JSON.parse(readFileSync(addressesPath, "utf8")) as Record<string, Address>;
    const at = (contract: string) => getAddress(addresses[`Circles#${contract}`]!);
    const registry = at("CircleRegistry");
    const read = (address: Address, signature: string) =>
      client.readContract({ address, abi: parseAbi([signature]), functionName: signature.split(/[ (]/)[1]! });
    const wiring: [Address, string, Address][] = [
      [registry, "function circleImplementation() view returns (address)", at("Circle")],
      [registry, "function membershipImplementation() view returns (address)", at("CircleMembership")],
      [registry, "function ritualsImplementation() view returns (address)", at("CircleRituals")],
      [registry, "function mandatesImplementation() view returns (address)", at("Mandates")],
      [registry, "function badgesImplementation() view returns (address)", at("MandateBadges")],
      [registry, "function seatsImplementation() view returns (address)", at("CouncilSeats")],
      [registry, "function defaultRandomness() view returns (address)", at("PrevrandaoRandomness")],
      [at("CreditFactory"), "function registry() view returns (address)", registry],
      [at("IncomeHub"), "function registry() view returns (address)", registry],
      [at("IncomeWrappers"), "function hub() view returns (address)", at("IncomeHub")],
    ];
    for (const [address, signature, expected] of wiring) {
      expect(getAddress((await read(address, signature)) as Address), signature).to.equal(expected);
    }

    await rpc(node!.url, "evm_setAutomine", [true]);
    const accounts = (await rpc<Address[]>(node!.url, "eth_accounts")).map((a) => getAddress(a));
    const wallet = createWalletClient({ account: accounts[0]!, transport: http(node!.url) });
    const rules = await client.readContract({
      address: registry,
      abi: circleRegistryAbi,
      functionName: "defaultRules",
    });
    const mandateRules = await client.readContract({
      address: registry,
      abi: circleRegistryAbi,
      functionName: "defaultMandateRules",
    });
    // Every founder but the sender consents: the node's unlocked accounts sign through eth_signTypedData_v4.
    const latest = await client.getBlock();
    const founding = {
      name: "Resumed Garden",
      founders: accounts.slice(0, 6),
      charterHash: `0x${"c4".repeat(32)}` as Hex,
      charterURI: "",
      deadline: latest.timestamp + 86_400n,
    };
    const consents: Hex[] = [];
    for (const founder of founding.founders) {
      if (founder === accounts[0]) {
        consents.push("0x");
        continue;
      }
      const typedData = await foundingConsentTypedData(client, { registry, founding, rules, mandateRules, founder });
      const signer = createWalletClient({ account: founder, transport: http(node!.url) });
      consents.push(await signer.signTypedData(typedData));
    }
    const hash = await wallet.writeContract({
      chain: null,
      address: registry,
      abi: circleRegistryAbi,
      functionName: "createCircle",
      args: [{ ...founding, consents }, rules, mandateRules],
    });
    expect((await client.waitForTransactionReceipt({ hash })).status).to.equal("success");
    expect(
      await client.readContract({ address: registry, abi: circleRegistryAbi, functionName: "circleCount" }),
    ).to.equal(1n);
    const [circle] = await client.readContract({
      address: registry,
      abi: circleRegistryAbi,
      functionName: "circles",
      args: [0n, 1n],
    });
    expect(
      await client.readContract({
        address: registry,
        abi: circleRegistryAbi,
        functionName: "isCircle",
        args: [circle!],
      }),
    ).to.equal(true);
    expect(await read(circle!, "function name() view returns (string)")).to.equal("Resumed Garden");
  });
});
