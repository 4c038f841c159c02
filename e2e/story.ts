/**
 * End to end: a real `hardhat node` and a real anvil, each a separate process on a free port. The suite is deployed
 * with the Ignition module, a governance story is driven only through the CLI (subprocesses, as a person would),
 * and the results are checked through the client package. Run with `npm run e2e`.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { expect } from "chai";
import { createPublicClient, getAddress, http, parseEther, type Address, type PublicClient } from "viem";

import { readCircle, readIncomeAccount } from "../client/index.js";
import { deployLocal, hardhat, json } from "./cli.js";
import { rpc, startAnvil, startHardhatNode, type RunningNode } from "./nodes.js";

const CHARTER_HASH = `0x${"c4".repeat(32)}`;

/** Moves the node's clock to `iso` (or one second past `iso` with `after`) and mines a block. */
async function travelTo(node: RunningNode, iso: string) {
  const target = Math.floor(new Date(iso).getTime() / 1000) + 1;
  const latest = await rpc<{ timestamp: string }>(node.url, "eth_getBlockByNumber", ["latest", false]);
  if (Number(latest.timestamp) < target) await rpc(node.url, "evm_setNextBlockTimestamp", [target]);
  await rpc(node.url, "evm_mine");
}

async function travel(node: RunningNode, seconds: number) {
  await rpc(node.url, "evm_increaseTime", [seconds]);
  await rpc(node.url, "evm_mine");
}

// Both nodes by default; COMMONWEAL_E2E_NODES="anvil" (or "hardhat node") runs one, when diagnosing.
// anvil runs as chain 1337: Ignition would ask before deploying there, and `npm run deploy:local` must not wait.
const NODES = [
  ["hardhat node", startHardhatNode],
  ["anvil", () => startAnvil(1337)],
] as const;
const only = process.env.COMMONWEAL_E2E_NODES;

for (const [name, start] of NODES.filter(([n]) => !only || only.split(",").includes(n))) {
  describe(`end to end on ${name}`, function () {
    this.timeout(300_000);
    let node: RunningNode | undefined;
    let client: PublicClient;
    const deploymentId = `e2e-${name.replace(" ", "-")}-${process.pid}`;
    const deploymentDir = fileURLToPath(new URL(`../deploy/deployments/${deploymentId}`, import.meta.url));
    const cli = (...args: string[]) => hardhat(node!, deploymentId, args);
    const cliJson = <T>(...args: string[]) => json<T>(node!, deploymentId, args);
    let circle: Address;
    // The node's own unlocked development accounts (never use such accounts on a real network).
    let ana: Address, ben: Address, cai: Address, dee: Address, eli: Address, fay: Address, gus: Address;
    let hal: Address;

    before(async function () {
      node = await start();
      client = createPublicClient({ transport: http(node.url) });
      const accounts = await rpc<Address[]>(node.url, "eth_accounts");
      [ana, ben, cai, dee, eli, fay, gus, hal] = accounts.map((a) => getAddress(a)) as [
        Address,
        Address,
        Address,
        Address,
        Address,
        Address,
        Address,
        Address,
      ];
    });

    after(async function () {
      // The node is stopped whatever happened, and the suite's deployment record removed.
      await node?.stop();
      rmSync(deploymentDir, { recursive: true, force: true });
    });

    it("deploys the whole suite with npm run deploy:local, stdin closed; a second run takes at most 15 s and changes nothing", async function () {
      const first = await deployLocal(node!, deploymentId);
      const firstLog = first.stdout + first.stderr;
      expect(first.code, firstLog).to.equal(0);
      expect(firstLog).to.not.match(/Confirm deploy/);
      expect(first.stdout).to.match(/Deployed: 13 contracts in place, 13 transaction\(s\) sent/);
      expect(first.stdout).to.include(`Record: deploy/deployments/${deploymentId}/deployed_addresses.json`);
      expect(first.stdout).to.match(/Next: .*npx hardhat circle create --network localhost/);
      const record = join(deploymentDir, "deployed_addresses.json");
      expect(existsSync(record)).to.equal(true);
      const addresses = JSON.parse(readFileSync(record, "utf8")) as Record<string, Address>;
      for (const contract of ["CircleRegistry", "CreditFactory", "IncomeHub", "IncomeWrappers"]) {
        const address = addresses[`Circles#${contract}`];
        expect(address, contract).to.match(/^0x[0-9a-fA-F]{40}$/);
        expect(await client.getCode({ address: address! }), contract).to.not.equal(undefined);
      }
      // After a build (CI's `npm run build`, or the first run above), the same command compiles nothing, finds the
      // deployment in Ignition's journal, sends nothing, and is done within 15 seconds, start-up included.
      const blockBefore = await client.getBlockNumber();
      const again = await deployLocal(node!, deploymentId);
      expect(again.code, again.stdout + again.stderr).to.equal(0);
      expect(again.stdout).to.match(/Nothing to compile: all \d+ files are up to date/);
      expect(again.stdout).to.match(/The deployment already exists: nothing new to deploy, 13 contracts in place/);
      expect(again.ms, `the second run took ${again.ms} ms`).to.be.at.most(15_000);
      expect(await client.getBlockNumber()).to.equal(blockBefore);
      expect(JSON.parse(readFileSync(record, "utf8"))).to.deep.equal(addresses);
    });

    it("founds a circle from the command line, read back through the client package", async function () {
      const created = await cliJson<{ circle: Address }>(
        "circle",
        "create",
        "--name",
        "End-to-end Garden",
        "--founders",
        [ana, ben, cai, dee, eli, fay].join(","),
        "--charter-hash",
        CHARTER_HASH,
        "--charter-uri",
        "ipfs://e2e-garden",
      );
      circle = created.circle;
      // Members vote from the second after they join: let the founding settle before anyone proposes.
      await travel(node!, 2);
      const read = await readCircle(client, { circle });
      expect(read.name).to.equal("End-to-end Garden");
      expect(read.memberCount).to.equal(6n);
      const info = await cliJson<{ members: unknown[]; name: string }>("circle", "info", "--circle", circle);
      expect(info.name).to.equal("End-to-end Garden");
      expect(info.members).to.have.length(6);
    });

    it("admits a member by proposal, votes (one by signature) and execution", async function () {
      // No one is admitted without asking: Gus asks first.
      await cliJson("circle", "request-admission", "--circle", circle, "--from", gus);
      const proposal = await cliJson<{ proposalId: string; votingOpensAt: string; votingClosesAt: string }>(
        "circle",
        "admit",
        "--circle",
        circle,
        "--member",
        gus,
        "--from",
        ana,
      );
      await travelTo(node!, proposal.votingOpensAt);
      for (const voter of [ana, ben, cai]) {
        const vote = await cliJson<{ support: string }>(
          "circle",
          "vote",
          "--circle",
          circle,
          "--proposal",
          proposal.proposalId,
          "--support",
          "for",
          "--from",
          voter,
        );
        expect(vote.support).to.equal("for");
      }
      const signed = await cli(
        "circle",
        "vote-by-signature",
        "--sign",
        "--circle",
        circle,
        "--proposal",
        proposal.proposalId,
        "--support",
        "for",
        "--from",
        dee,
        "--json",
      );
      expect(signed.code, signed.stderr).to.equal(0);
      const ballot = signed.stdout.slice(signed.stdout.indexOf("{")).trim();
      const relayed = await cliJson<{ voter: Address; relayer: Address }>(
        "circle",
        "vote-by-signature",
        "--relay",
        ballot,
        "--from",
        eli,
      );
      expect(relayed.voter.toLowerCase()).to.equal(dee.toLowerCase());
      expect(relayed.relayer.toLowerCase()).to.equal(eli.toLowerCase());
      await travelTo(node!, proposal.votingClosesAt);
      await cliJson("circle", "execute", "--circle", circle, "--proposal", proposal.proposalId, "--from", fay);
      const read = await readCircle(client, { circle });
      expect(read.members).to.include(gus);
      expect(read.memberCount).to.equal(7n);
    });

    it("refuses bad input before sending anything, and explains a contract's refusal, exiting non-zero", async function () {
      const nonce = await client.getTransactionCount({ address: ana });
      const malformed = await cli("circle", "info", "--circle", "0x1234");
      expect(malformed.code).to.equal(1);
      expect(malformed.stderr).to.match(/--circle "0x1234" is not an address/);
      const unknown = await cli("circle", "info", "--circle", hal);
      expect(unknown.code).to.equal(1);
      expect(unknown.stderr).to.match(/is not a circle or council/);
      const amount = await cli("income", "pay", "--to", ben, "--amount", "twenty", "--from", ana);
      expect(amount.code).to.equal(1);
      expect(amount.stderr).to.match(/--amount "twenty" is not an amount/);
      const noRecord = await hardhat(node!, `${deploymentId}-missing`, ["circle", "info", "--circle", circle]);
      expect(noRecord.code).to.equal(1);
      expect(noRecord.stderr).to.match(/No deployment record .* ignition deploy/);
      expect(await client.getTransactionCount({ address: ana })).to.equal(nonce);
      // Hal is not a member: the membership contract's own refusal, decoded into a sentence.
      const refused = await cli("circle", "leave", "--circle", circle, "--from", hal);
      expect(refused.code).to.equal(1);
      expect(refused.stderr).to.match(/is not a member/);
    });

    it("pays in basic income along a chain of trust", async function () {
      const hub = JSON.parse(readFileSync(join(deploymentDir, "deployed_addresses.json"), "utf8"))[
        "Circles#IncomeHub"
      ] as Address;
      for (const person of [ana, ben, cai]) await cliJson("income", "register", "--from", person);
      await travel(node!, 2 * 86_400);
      for (const person of [ana, ben, cai]) await cliJson("income", "claim", "--from", person);
      await cliJson("income", "trust", "--person", ana, "--for", "30d", "--from", ben);
      await cliJson("income", "trust", "--person", ben, "--for", "30d", "--from", cai);
      const paid = await cliJson<{ hops: number }>("income", "pay", "--to", cai, "--amount", "12.5", "--from", ana);
      expect(paid.hops).to.equal(2);
      // Cai holds 12.5 of Ben's tokens: Ana paid along Ana → Ben → Cai, each swapping for tokens they trust.
      const caiHolds = await readIncomeAccount(client, { hub, account: cai, all: true });
      expect(caiHolds.others?.find((o) => o.tokenOf === ben)?.balance).to.equal(parseEther("12.5"));
    });

    it("resets the circle when three members signal", async function () {
      let last: { reset: boolean; epoch: string } | undefined;
      for (const member of [ben, cai, dee]) {
        last = await cliJson<{ reset: boolean; epoch: string }>(
          "circle",
          "hard-reset",
          "--circle",
          circle,
          "--from",
          member,
        );
      }
      expect(last!.reset).to.equal(true);
      expect((await readCircle(client, { circle })).resetEpoch).to.equal(1n);
    });
  });
}
