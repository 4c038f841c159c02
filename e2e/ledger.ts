/**
 * The ledger's reads end to end: a real `hardhat node`, the suite deployed with `npm run deploy:local`, a short
 * governance story through the client actions (a circle of six founded; Gus admitted; Dee granted the treasurer's
 * mandate, which she hands back; Eli granted it next; a scribe's mandate voted down), then the money story of
 * e2e/ledgerMoney.ts on the same circle (its currency, payments with and without memos, Fay leaving, a jubilee; not
 * its basic-income part), blocks mined one at a time (`evm_mine`), then `npm run indexer` against it. The client's ledger actions are checked against what the story
 * itself recorded (receipts, schedules, the chain's own reads): proposals with every vote and reason, the defeated
 * one derived as Defeated, the mandate history and rotation, members over time; then `npx hardhat ledger export` in
 * CSV (exact files, the payments row for row as the story paid them) and JSON; then `npx hardhat ledger verify`, which finds the ledger and the chain agree, and reports a
 * ledger made to lie (a proxy that hides a member). Run with `npx hardhat test mocha e2e/ledger.ts`.
 */
import { createServer } from "node:http";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { expect } from "chai";
import {
  createPublicClient,
  getAddress,
  http,
  keccak256,
  stringToBytes,
  stringToHex,
  type Address,
  type Hash,
  type PublicClient,
} from "viem";
import { hardhat as hardhatChain } from "viem/chains";

import {
  castVote,
  createCircle,
  execute,
  grantMandateCall,
  handBack,
  ledgerExportTables,
  listLedgerProposals,
  listMembersOverTime,
  prepareAdmit,
  propose,
  readLedgerExport,
  readLedgerStatus,
  readMandate,
  readMandateHistory,
  readRulesWithOverrides,
  requestAdmission,
  Support,
  SUPPORT_NAMES,
  toCsv,
  type CircleRules,
  type Proposal,
} from "../client/index.js";
import { mutualCreditAbi } from "../client/abis.js";
import { readDeployment } from "../client/node.js";
import { deployLocal, hardhat } from "./cli.js";
import {
  ledgerStore,
  startLedger,
  storyPeople,
  type Ledger,
  type LedgerStore,
  type StoryWallet,
} from "./ledgerHarness.js";
import { runMoneyStory, type MoneyStory } from "./ledgerMoney.js";
import { freePort, rpc, startHardhatNode, type RunningNode } from "./nodes.js";

const DEPLOYMENTS = fileURLToPath(new URL("../deploy/deployments", import.meta.url));

/** A vote as the story cast it. */
interface CastVote {
  proposalId: bigint;
  voter: Address;
  support: number;
  reason: string;
  block: bigint;
  time: bigint;
}

/** A proposal as the story made it, and how it ended. */
interface Made {
  proposalId: bigint;
  proposer: Address;
  proposal: Proposal;
  created: { block: bigint; time: bigint };
  voteStart: bigint;
  voteEnd: bigint;
  electorate: bigint;
  tally: { for: bigint; against: bigint; abstain: bigint };
  executedAt: bigint | null;
  state: "Executed" | "Defeated";
}

describe("the ledger's reads and audit export on a hardhat node", function () {
  this.timeout(300_000);
  let node: RunningNode | undefined;
  let ledger: Ledger | undefined;
  let store: LedgerStore | undefined;
  let client: PublicClient;
  const deploymentId = `e2e-ledger-${process.pid}`;
  const deploymentDir = `${DEPLOYMENTS}/${deploymentId}`;
  const outDir = mkdtempSync(join(tmpdir(), "commonweal-export-"));

  // What the story recorded, to check the ledger against.
  let circle: Address;
  let mandates: Address;
  let rules: CircleRules;
  let accounts: Address[];
  const made: Made[] = [];
  const votes: CastVote[] = [];
  let founded: { block: bigint; time: bigint };
  let gusJoined: { block: bigint; time: bigint };
  let handedBack: { block: bigint; time: bigint };
  let money: MoneyStory;
  let head: bigint;

  /** Moves the clock to `second` (if it is ahead) and mines one block. */
  async function mineAt(second: bigint) {
    const latest = await client.getBlock();
    if (latest.timestamp < second) await rpc(node!.url, "evm_setNextBlockTimestamp", [Number(second)]);
    await rpc(node!.url, "evm_mine");
  }

  /** The block and time of a transaction. */
  async function when(hash: Hash) {
    const receipt = await client.getTransactionReceipt({ hash });
    const block = await client.getBlock({ blockNumber: receipt.blockNumber });
    return { block: receipt.blockNumber, time: block.timestamp };
  }

  before(async function () {
    node = await startHardhatNode();
    client = createPublicClient({ chain: hardhatChain, transport: http(node.url) });
    const deployed = await deployLocal(node, deploymentId);
    expect(deployed.code, deployed.stdout + deployed.stderr).to.equal(0);
    const addresses = readDeployment(31337, { folder: DEPLOYMENTS, deploymentId });
    const { registry } = addresses;

    const people = await storyPeople(node);
    accounts = people.accounts;

    const { ana, ben, cai, dee, eli, fay, gus, founders } = people;

    // --- The story ---
    const read = await readRulesWithOverrides(client, { registry });
    rules = read.rules;
    const circleFounded = await createCircle(ana, {
      registry,
      rules: read.rules,
      mandateRules: read.mandateRules,
      founding: {
        name: "Audit Orchard",
        founders: founders.map((w) => w.account.address),
        charterHash: `0x${"a1".repeat(32)}`,
        charterURI: "ipfs://audit-orchard",
      },
      signers: founders,
    });
    ({ circle, mandates } = circleFounded);
    founded = await when(circleFounded.transaction);
    await mineAt((await client.getBlock()).timestamp + 2n);

    /** A decision by Ben: every member votes as `ballot` says (with a reason), then it is executed if it passed. */
    async function decide(proposal: Proposal, ballot: [StoryWallet, number, string][], electorate: bigint) {
      const p = await propose(ben, { circle, ...proposal });
      const created = await when(p.transaction);
      await mineAt(p.schedule.votingOpensAt + 1n);
      const tally = { for: 0n, against: 0n, abstain: 0n };
      for (const [voter, support, reason] of ballot) {
        const cast = await castVote(voter, { circle, proposalId: p.proposalId, support: support as Support, reason });
        votes.push({
          proposalId: p.proposalId,
          voter: voter.account.address,
          support,
          reason,
          ...(await when(cast.transaction)),
        });
        tally[SUPPORT_NAMES[support]!] += 1n;
      }
      await mineAt(p.schedule.deadline + 1n);
      const quorum = (electorate * BigInt(rules.quorumPercent)) / 100n;
      const passed = tally.for + tally.abstain >= quorum && tally.for > tally.against;
      const executed = passed ? await execute(fay, { circle, proposalId: p.proposalId }) : undefined;
      made.push({
        proposalId: p.proposalId,
        proposer: ben.account.address,
        proposal,
        created,
        voteStart: p.schedule.votingOpensAt,
        voteEnd: p.schedule.deadline,
        electorate,
        tally,
        executedAt: executed ? (await when(executed.transaction)).time : null,
        state: passed ? "Executed" : "Defeated",
      });
      return executed;
    }

    await requestAdmission(gus, { circle, registry });
    const admit = await prepareAdmit(client, { circle, registry, member: gus.account.address });
    const admitted = await decide(
      { calls: admit.calls, description: admit.description },
      founders.map((w, i) => [w, i === 5 ? Support.Against : Support.For, i === 5 ? "Too soon" : "Welcome, Gus"]),
      6n,
    );
    gusJoined = await when(admitted!.transaction);
    const all = [...founders, gus];

    const treasurer = (holder: StoryWallet) =>
      grantMandateCall(client, {
        mandates,
        holder: holder.account.address,
        proposer: ben.account.address,
        role: "treasurer",
        duration: 30 * 86_400,
      });
    const toDee = await treasurer(dee);
    await decide(
      { calls: [toDee.call], description: toDee.description },
      all.map((w) => [w, Support.For, "Dee keeps good books"]),
      7n,
    );
    handedBack = await when((await handBack(dee, { mandates, mandateId: 1n })).transaction);
    await mineAt((await client.getBlock()).timestamp + 2n);
    const toEli = await treasurer(eli);
    await decide(
      { calls: [toEli.call], description: toEli.description },
      all.map((w, i) => [w, i === 6 ? Support.Abstain : Support.For, i === 6 ? "" : "Eli next"]),
      7n,
    );
    // Voted down: more against than for, though the quorum is reached.
    const scribe = await grantMandateCall(client, {
      mandates,
      holder: cai.account.address,
      proposer: ben.account.address,
      role: "scribe",
      duration: 7 * 86_400,
    });
    await decide(
      { calls: [scribe.call], description: "A scribe, Cai, for a week" },
      all.map((w, i) => [w, i < 2 ? Support.For : Support.Against, i < 2 ? "Notes help" : "We take turns instead"]),
      7n,
    );

    // --- The money story, on the same circle: Hal (not a member) is admitted to hold; Fay leaves ---
    const [ana_, ben_, cai_, dee_, , fay_, , hal] = accounts as Address[];
    money = await runMoneyStory(
      {
        node,
        client,
        addresses,
        circle,
        people: { ana: ana_!, ben: ben_!, cai: cai_!, dee: dee_!, fay: fay_!, hal: hal! },
      },
      { income: false },
    );
    head = await client.getBlockNumber();

    store = await ledgerStore();
    ledger = await startLedger({ node, deploymentId, store });
    await ledger.waitFor(head);
  });

  after(async function () {
    await ledger?.stop();
    await node?.stop();
    rmSync(deploymentDir, { recursive: true, force: true });
    await store?.dispose();
    rmSync(outDir, { recursive: true, force: true });
  });

  it("says how far the ledger has got", async function () {
    const status = await readLedgerStatus({ url: ledger!.api }, { block: head });
    expect(status).to.include({ chain: "localhost", chainId: 31337, caughtUp: true });
    expect(status.block >= head).to.equal(true);
    expect((await readLedgerStatus({ url: ledger!.api }, { block: status.block + 1n })).caughtUp).to.equal(false);
  });

  it("lists a circle's proposals with every vote and reason, the one voted down as Defeated", async function () {
    const { at, proposals } = await listLedgerProposals({ url: ledger!.api }, { circle });
    expect(at).to.equal((await client.getBlock({ blockNumber: head })).timestamp);
    expect(proposals.map((p) => p.state)).to.deep.equal(["Executed", "Executed", "Executed", "Defeated"]);
    expect(proposals.map(({ votes: _, state: __, resetEpoch: ___, ...p }) => p)).to.deep.equal(
      made.map((m) => ({
        proposalId: m.proposalId,
        proposer: m.proposer,
        description: m.proposal.description,
        calls: m.proposal.calls.map((c) => ({ target: c.target, value: c.value ?? 0n, data: c.data })),
        createdAt: m.created.time,
        createdAtBlock: m.created.block,
        voteStart: m.voteStart,
        voteEnd: m.voteEnd,
        quorum: (m.electorate * BigInt(rules.quorumPercent)) / 100n,
        expiresAt: m.voteEnd + BigInt(rules.executionWindow),
        tally: m.tally,
        voters: Number(m.tally.for + m.tally.against + m.tally.abstain),
        executedAt: m.executedAt,
        canceledAt: null,
        endedByResetAt: null,
      })),
    );
    expect(proposals.flatMap((p) => p.votes)).to.deep.equal(
      votes.map((v) => ({
        voter: v.voter,
        support: v.support,
        supportName: SUPPORT_NAMES[v.support],
        weight: 1n,
        reason: v.reason,
        params: null,
        castAt: v.time,
        castAtBlock: v.block,
      })),
    );
    // The chain agrees on the derived state.
    const defeated = proposals[3]!;
    const onChain = await client.readContract({
      address: circle,
      abi: [
        {
          type: "function",
          name: "state",
          inputs: [{ type: "uint256" }],
          outputs: [{ type: "uint8" }],
          stateMutability: "view",
        },
      ] as const,
      functionName: "state",
      args: [defeated.proposalId],
    });
    expect(onChain).to.equal(3); // Defeated
  });

  it("reads the mandate history: each role's holders over time", async function () {
    const history = await readMandateHistory({ url: ledger!.api }, { circle });
    const [dee, eli] = [accounts[3]!, accounts[4]!];
    const granted = [made[1]!.executedAt!, made[2]!.executedAt!];
    const titles = await Promise.all([1n, 2n].map((id) => readMandate(client, { mandates, id }).then((m) => m.title)));
    expect(history.mandates.map(({ scopeHash: _, grantedAtBlock: __, ...m }) => m)).to.deep.equal([
      {
        mandateId: 1n,
        roleId: keccak256(stringToBytes("treasurer")),
        role: "treasurer",
        title: titles[0],
        holder: dee,
        proposer: accounts[1],
        drawn: false,
        grantedAt: granted[0],
        expiresAt: granted[0]! + 30n * 86_400n,
        endedAt: handedBack.time,
        status: "handed back",
        actions: 0,
        recallSignals: 0,
      },
      {
        mandateId: 2n,
        roleId: keccak256(stringToBytes("treasurer")),
        role: "treasurer",
        title: titles[1],
        holder: eli,
        proposer: accounts[1],
        drawn: false,
        grantedAt: granted[1],
        expiresAt: granted[1]! + 30n * 86_400n,
        endedAt: null,
        status: "live",
        actions: 0,
        recallSignals: 0,
      },
    ]);
    expect(history.roles).to.deep.equal([
      {
        roleId: keccak256(stringToBytes("treasurer")),
        role: "treasurer",
        tenures: [
          { holder: dee, mandateId: 1n, from: granted[0], until: handedBack.time, status: "handed back" },
          { holder: eli, mandateId: 2n, from: granted[1], until: null, status: "live" },
        ],
        currentHolder: eli,
      },
    ]);
    expect(history.draws).to.deep.equal([]);
  });

  it("lists the members over time", async function () {
    const { terms, members } = await listMembersOverTime({ url: ledger!.api }, { circle });
    const joined = (member: Address, at: { block: bigint; time: bigint }) => ({
      member,
      joinedAt: at.time,
      joinedAtBlock: at.block,
      leftAt: null as bigint | null,
      leftAtBlock: null as bigint | null,
      leftHow: null as string | null,
    });
    // Fay left during the money story.
    const fay = accounts[5]!;
    const leftAt = (await client.getBlock({ blockNumber: money.left.block })).timestamp;
    expect(terms).to.deep.equal([
      ...accounts
        .slice(0, 6)
        .map((a) =>
          a === fay
            ? { ...joined(a, founded), leftAt, leftAtBlock: money.left.block, leftHow: "left" }
            : joined(a, founded),
        ),
      joined(accounts[6]!, gusJoined),
    ]);
    expect(members).to.deep.equal(accounts.slice(0, 7).filter((a) => a !== fay));
  });

  it("exports the circle's ledger as CSV files, row for row", async function () {
    const run = await hardhat(node!, deploymentId, [
      "ledger",
      "export",
      "--circle",
      circle,
      "--out",
      join(outDir, "csv"),
      "--ledger",
      ledger!.api,
    ]);
    expect(run.code, run.stdout + run.stderr).to.equal(0);
    expect(run.stdout).to.match(
      /4 decision\(s\) with 27 vote\(s\), 2 mandate\(s\), 7 payment\(s\) in LHR\. Wrote 19 CSV file\(s\)/,
    );
    const files = readdirSync(join(outDir, "csv")).sort();
    expect(files).to.deep.equal(
      [
        "circle.csv",
        "members.csv",
        "proposals.csv",
        "votes.csv",
        "mandates.csv",
        "rotations.csv",
        "draws.csv",
        "resets.csv",
        "reset-signals.csv",
        "temperature.csv",
        "cooldowns.csv",
        "reversals.csv",
        "thresholds.csv",
        "currency.csv",
        "accounts.csv",
        "payments.csv",
        "pairs.csv",
        "jubilees.csv",
        "clearing-lines.csv",
      ].sort(),
    );
    const csv = (file: string) => readFileSync(join(outDir, "csv", file), "utf8");
    const lines = (file: string) => csv(file).split("\r\n").slice(0, -1);
    // A text cell as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break.
    const q = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

    // The votes, as the story cast them.
    expect(lines("votes.csv")).to.deep.equal([
      "proposalId,voter,support,weight,reason,castAt,castAtBlock",
      ...votes.map((v) => [v.proposalId, v.voter, SUPPORT_NAMES[v.support], 1, q(v.reason), v.time, v.block].join(",")),
    ]);
    // The proposals: outcome, quorum, deadlines and calls.
    expect(lines("proposals.csv")).to.deep.equal([
      "proposalId,proposer,description,createdAt,createdAtBlock,voteStart,voteEnd,quorum,expiresAt,for,against," +
        "abstain,voters,state,executedAt,canceledAt,endedByResetAt,targets,values,calldatas",
      ...made.map((m) =>
        [
          m.proposalId,
          m.proposer,
          q(m.proposal.description),
          m.created.time,
          m.created.block,
          m.voteStart,
          m.voteEnd,
          (m.electorate * BigInt(rules.quorumPercent)) / 100n,
          m.voteEnd + BigInt(rules.executionWindow),
          m.tally.for,
          m.tally.against,
          m.tally.abstain,
          m.tally.for + m.tally.against + m.tally.abstain,
          m.state,
          m.executedAt ?? "",
          "",
          "",
          m.proposal.calls.map((c) => c.target).join(";"),
          m.proposal.calls.map((c) => c.value ?? 0n).join(";"),
          m.proposal.calls.map((c) => c.data).join(";"),
        ].join(","),
      ),
    ]);
    // The rotation: the treasurer's holders in turn.
    const treasurerId = keccak256(stringToBytes("treasurer"));
    expect(lines("rotations.csv")).to.deep.equal([
      "role,tenure,holder,mandateId,from,until,status,roleId",
      `treasurer,1,${accounts[3]},1,${made[1]!.executedAt},${handedBack.time},handed back,${treasurerId}`,
      `treasurer,2,${accounts[4]},2,${made[2]!.executedAt},,live,${treasurerId}`,
    ]);
    const fayLeft = `${(await client.getBlock({ blockNumber: money.left.block })).timestamp},${money.left.block},left`;
    expect(lines("members.csv")).to.deep.equal([
      "member,joinedAt,joinedAtBlock,leftAt,leftAtBlock,leftHow",
      ...accounts.slice(0, 6).map((a, i) => `${a},${founded.time},${founded.block},${i === 5 ? fayLeft : ",,"}`),
      `${accounts[6]},${gusJoined.time},${gusJoined.block},,,`,
    ]);

    // The money: the currency, and every payment as the story paid it, with the balances the chain had after it.
    const currencyRow = lines("currency.csv")[1]!.split(",");
    expect(lines("currency.csv")[0]).to.equal(
      "currency,name,symbol,decimals,defaultCreditLimit,defaultSaturationLimit,payments,volume,jubilees,createdAt,createdAtBlock",
    );
    const volume = money.payments.reduce((sum, p) => sum + p.amount, 0n);
    expect(currencyRow.slice(0, 9)).to.deep.equal([
      money.currency,
      "Ledger hours",
      "LHR",
      "0",
      "120",
      "200",
      "7",
      `${volume}`,
      "1",
    ]);
    const balanceAt = (account: Address, blockNumber: bigint) =>
      client.readContract({
        address: money.currency,
        abi: mutualCreditAbi,
        functionName: "signedBalanceOf",
        args: [account],
        blockNumber,
      });
    const paid = await Promise.all(
      money.payments.map(async (p) =>
        [
          p.payer,
          p.payee,
          p.amount,
          p.memo === null ? "" : q(p.memo),
          await balanceAt(p.payer, p.block),
          await balanceAt(p.payee, p.block),
          "",
          "",
          "",
          (await client.getBlock({ blockNumber: p.block })).timestamp,
          p.block,
          p.transactionHash,
          p.logIndex,
          p.memo === null ? "" : keccak256(stringToHex(p.memo)),
        ].join(","),
      ),
    );
    expect(lines("payments.csv")).to.deep.equal([
      "payer,payee,amount,memo,payerBalanceAfter,payeeBalanceAfter,across,otherCurrency,acrossTo,at,block," +
        "transactionHash,logIndex,memoHash",
      ...paid,
    ]);
    // Each account's balance and totals as the contract keeps them; the balances sum to zero.
    const accountRows = lines("accounts.csv")
      .slice(1)
      .map((line) => line.split(","));
    let sum = 0n;
    for (const [account, balance, , , , given, received] of accountRows) {
      const [onChain, [g, r]] = await Promise.all([
        balanceAt(account as Address, head),
        client.readContract({
          address: money.currency,
          abi: mutualCreditAbi,
          functionName: "totals",
          args: [account as Address],
          blockNumber: head,
        }),
      ]);
      expect([balance, given, received], account).to.deep.equal([`${onChain}`, `${g}`, `${r}`]);
      sum += BigInt(balance!);
    }
    expect(sum).to.equal(0n);
    expect(lines("jubilees.csv")).to.have.length(2);
    // Nothing of these kinds happened: the header alone.
    for (const [file, header] of [
      ["clearing-lines.csv", "other,council,open,openedAt,openedAtBlock,closedAt,closedAtBlock,paidOut,clearedIn"],
      ["draws.csv", "drawId,role,pool,requestedAt,status,mandateId,holder,settledAt,roleId"],
      ["resets.csv", "epoch,at,block,triggeredBy,proposalsEnded,mandatesEnded,transactionHash"],
      ["reset-signals.csv", "round,member,signals,roundEndsAt,at,block"],
      ["temperature.csv", "period,member,heard,dominant,at,block"],
      ["cooldowns.csv", "member,period,until,at,block"],
    ] as const) {
      expect(lines(file), file).to.deep.equal([header]);
    }
    // Every file is what the client's own tables make of the same ledger.
    const full = await readLedgerExport({ url: ledger!.api }, { circle });
    for (const table of ledgerExportTables(full)) expect(csv(table.file), table.file).to.equal(toCsv(table));
  });

  it("exports the circle's ledger as JSON, bigints as strings", async function () {
    const run = await hardhat(node!, deploymentId, [
      "ledger",
      "export",
      "--circle",
      circle,
      "--format",
      "json",
      "--out",
      join(outDir, "json"),
      "--ledger",
      ledger!.api,
    ]);
    expect(run.code, run.stdout + run.stderr).to.equal(0);
    expect(readdirSync(join(outDir, "json"))).to.deep.equal(["ledger.json"]);
    const json = JSON.parse(readFileSync(join(outDir, "json", "ledger.json"), "utf8")) as {
      circle: { circle: string; name: string; memberCount: number };
      proposals: { proposalId: string; state: string; votes: { voter: string; reason: string }[] }[];
      roles: { role: string; tenures: { holder: string }[] }[];
      members: unknown[];
      currency: { symbol: string; decimals: number };
      payments: { payer: string; payee: string; amount: string; memo: string | null }[];
    };
    expect(json.circle).to.include({ circle, name: "Audit Orchard", memberCount: 6 });
    expect(json.currency).to.include({ symbol: "LHR", decimals: 0 });
    expect(json.payments.map(({ payer, payee, amount, memo }) => ({ payer, payee, amount, memo }))).to.deep.equal(
      money.payments.map((p) => ({ payer: p.payer, payee: p.payee, amount: p.amount.toString(), memo: p.memo })),
    );
    expect(json.proposals.map((p) => [p.proposalId, p.state])).to.deep.equal(
      made.map((m) => [m.proposalId.toString(), m.state]),
    );
    expect(json.proposals.flatMap((p) => p.votes.map((v) => v.reason))).to.deep.equal(votes.map((v) => v.reason));
    expect(json.roles.map((r) => [r.role, r.tenures.map((t) => t.holder)])).to.deep.equal([
      ["treasurer", [accounts[3], accounts[4]]],
    ]);
    expect(json.members).to.have.length(7);
  });

  it("verifies the ledger against the chain at the ledger's block: all match", async function () {
    const run = await hardhat(node!, deploymentId, ["ledger", "verify", "--ledger", ledger!.api, "--json"]);
    expect(run.code, run.stdout + run.stderr).to.equal(0);
    const result = JSON.parse(run.stdout) as { block: string; circles: string[]; checked: number; mismatches: [] };
    expect(BigInt(result.block) >= head).to.equal(true);
    expect(result.circles).to.deep.equal([circle]);
    // 6 members, Eli's live mandate, 4 proposals, the currency's balances and pairs at least.
    expect(result.checked).to.be.at.least(20);
    expect(result.mismatches).to.deep.equal([]);
  });

  it("reports a ledger that disagrees with the chain, with exit code 1", async function () {
    // The plant: any change on chain emits events the indexer sees, and its store cannot be edited while it runs, so
    // the ledger is made to lie instead. A proxy in front of the real ledger forwards every request and drops Gus's
    // term from the members over time it answers (the memberTerms query), as an indexer that missed his admission
    // would. `ledger verify --ledger <proxy>` must then find Gus a member on chain but not in the ledger, and nothing
    // else (the rest of the proxy's answers are the ledger's own).
    const gus = accounts[6]!;
    const proxy = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        void (async () => {
          const forwarded = await fetch(`${ledger!.api}${request.url}`, {
            method: request.method,
            headers: body ? { "content-type": "application/json" } : {},
            body: body || undefined,
          });
          let text = await forwarded.text();
          if (body.includes("memberTerms")) {
            const answer = JSON.parse(text) as { data: { page: { items: { member: string }[] } } };
            answer.data.page.items = answer.data.page.items.filter((t) => getAddress(t.member) !== gus);
            text = JSON.stringify(answer);
          }
          response.writeHead(forwarded.status, { "content-type": "application/json" }).end(text);
        })();
      });
    });
    const port = await freePort();
    await new Promise<void>((resolve) => proxy.listen(port, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${port}`;
      const json = await hardhat(node!, deploymentId, [
        "ledger",
        "verify",
        "--circle",
        circle,
        "--ledger",
        url,
        "--json",
      ]);
      expect(json.code, json.stdout + json.stderr).to.equal(1);
      expect((JSON.parse(json.stdout) as { mismatches: unknown[] }).mismatches).to.deep.equal([
        { what: "member", circle, key: gus, ledger: "not a member", chain: "member" },
      ]);
      const human = await hardhat(node!, deploymentId, ["ledger", "verify", "--circle", circle, "--ledger", url]);
      expect(human.code, human.stdout + human.stderr).to.equal(1);
      expect(human.stdout).to.include("1 mismatch(es):");
      expect(human.stdout).to.include(`${gus} is not a member in ${circle} by the ledger, but is on chain.`);
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it("says how to start the ledger when nothing answers", async function () {
    const url = `http://127.0.0.1:${await freePort()}`;
    const run = await hardhat(node!, deploymentId, ["ledger", "export", "--circle", circle, "--ledger", url]);
    expect(run.code).to.equal(1);
    expect(run.stderr).to.match(
      new RegExp(`The ledger at ${url} does not answer \\(.*\\): start it with npm run indexer\\.`),
    );
  });
});
