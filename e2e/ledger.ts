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
  logDependencyReversal,
  prepareAdmit,
  propose,
  readLedgerExport,
  readLedgerStatus,
  readMandate,
  readMandateHistory,
  readRulesWithOverrides,
  readScorecard,
  recordTemperature,
  setProfile,
  shortAddress,
  requestAdmission,
  Support,
  SUPPORT_NAMES,
  toCsv,
  type CircleRules,
  type DriftAlert,
  type Proposal,
  type Scorecard,
  type ScorecardPeriod,
} from "../client/index.js";
import { mutualCreditAbi } from "../client/abis.js";
import { readDeployment } from "../client/node.js";
import { deployLocal, hardhat } from "./cli.js";
import {
  ledgerStore,
  startLedger,
  startLyingLedger,
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

/** The scorecard as `--json` prints it and the API serves it: bigints as strings. */
type ScorecardJson = Omit<Scorecard, "periods" | "alerts" | "balances" | "block" | "at"> & {
  periods: (Omit<ScorecardPeriod, "period" | "start" | "end" | "reciprocity"> & {
    period: string;
    reciprocity: Omit<ScorecardPeriod["reciprocity"], "volume"> & { volume: string };
  })[];
  alerts: (Omit<DriftAlert, "period"> & { period: string })[];
  balances: {
    symbol: string;
    decimals: number;
    creditors: { accounts: number; total: string; top: unknown; herfindahlBps: number | null };
    debtors: { accounts: number; total: string; top: unknown; herfindahlBps: number | null };
  } | null;
};

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
  /** The temperature period of a second, counted as the circle's rituals count it (no change of length here). */
  let periodOf: (t: bigint) => bigint;
  let moneyPeriod: bigint;
  const reversals: Hash[] = [];

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

  /** `npx hardhat ledger scorecard --circle <the story's circle> <args> --ledger <the ledger>`. */
  const scorecardCli = (...args: string[]) =>
    hardhat(node!, deploymentId, ["ledger", "scorecard", "--circle", circle, ...args, "--ledger", ledger!.api]);

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

    // --- For the scorecard: a temperature check about the money story's period, then dependency reversals ---
    const { temperaturePeriod } = rules;
    periodOf = (t: bigint) => (t - founded.time) / BigInt(temperaturePeriod);
    moneyPeriod = periodOf((await client.getBlock()).timestamp);
    await mineAt(founded.time + (moneyPeriod + 1n) * BigInt(temperaturePeriod) + 1n);
    for (const [who, heard, dominant] of [
      [ana, 2, ben],
      [cai, 1, ben],
      [dee, 3, undefined],
      [eli, 2, ben],
    ] as const) {
      await recordTemperature(who, { circle, registry, heard, dominant: dominant?.account.address });
    }
    for (const [who, kind, memo] of [
      [ana, "tool", "Borrowed Cai's ladder instead of buying one"],
      [ana, "tool", "Shared the orchard's pruning saw"],
      [cai, "meal", "Harvest supper cooked together"],
    ] as const) {
      reversals.push((await logDependencyReversal(who, { circle, registry, kind, memo })).transaction);
    }
    // Eli, who holds the treasurer's mandate, names himself: the scorecard and the export name him.
    await setProfile(eli, { profiles: addresses.profiles, name: "Eli", uri: "https://example.org/eli" });
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
      /4 decision\(s\) with 27 vote\(s\), 2 mandate\(s\), 7 payment\(s\) in LHR\. Wrote 21 CSV file\(s\)/,
    );
    const files = readdirSync(join(outDir, "csv")).sort();
    expect(files).to.deep.equal(
      [
        "circle.csv",
        "charters.csv",
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
        "profiles.csv",
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
      ["cooldowns.csv", "member,period,until,at,block"],
      [
        "thresholds.csv",
        "maxTopMandateShareBps,maxTopProposerShareBps,minParticipationBps,minHeardAverageCenti,maxOneSidedPairShareBps,at,block,transactionHash",
      ],
    ] as const) {
      expect(lines(file), file).to.deep.equal([header]);
    }
    // The temperature check about the money story's period, and the dependency reversals logged after it.
    const [ana, ben, cai, dee, eli] = accounts as [Address, Address, Address, Address, Address];
    const firstCells = (file: string, n: number) =>
      lines(file)
        .slice(1)
        .map((line) => line.split(",").slice(0, n).join(","));
    expect(firstCells("temperature.csv", 4)).to.deep.equal([
      `${moneyPeriod},${ana},2,${ben}`,
      `${moneyPeriod},${cai},1,${ben}`,
      `${moneyPeriod},${dee},3,`,
      `${moneyPeriod},${eli},2,${ben}`,
    ]);
    // The people of this ledger who named themselves: Eli.
    expect(firstCells("profiles.csv", 3)).to.deep.equal([`${eli},Eli,https://example.org/eli`]);
    // The founding charter, in force (not lapsed) at the ledger's clock.
    expect(lines("charters.csv")).to.deep.equal([
      "contentHash,uri,ratifiedAt,expiresAt,supersededAt,lapsedAt,current",
      `0x${"a1".repeat(32)},ipfs://audit-orchard,${founded.time},${founded.time + BigInt(rules.charterTerm)},,,true`,
    ]);
    expect(lines("reversals.csv")[0]).to.equal("period,member,kind,memo,at,block,transactionHash");
    expect(firstCells("reversals.csv", 4)).to.deep.equal([
      `${moneyPeriod + 1n},${ana},tool,Borrowed Cai's ladder instead of buying one`,
      `${moneyPeriod + 1n},${ana},tool,Shared the orchard's pruning saw`,
      `${moneyPeriod + 1n},${cai},meal,Harvest supper cooked together`,
    ]);
    expect(
      lines("reversals.csv")
        .slice(1)
        .map((line) => line.split(",").at(-1)),
    ).to.deep.equal(reversals);
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
    const proxy = await startLyingLedger(ledger!, (body, text) => {
      if (!body.includes("memberTerms")) return text;
      const answer = JSON.parse(text) as { data: { page: { items: { member: string }[] } } };
      answer.data.page.items = answer.data.page.items.filter((t) => getAddress(t.member) !== gus);
      return JSON.stringify(answer);
    });
    try {
      const { url } = proxy;
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
      await proxy.close();
    }
  });

  it("scores the circle period by period with `ledger scorecard --json`, as worked out by hand from the story", async function () {
    const run = await scorecardCli("--periods", "all", "--json");
    expect(run.code, run.stdout + run.stderr).to.equal(0);
    const card = JSON.parse(run.stdout) as ScorecardJson;
    const [ana, ben, , dee, eli, fay] = accounts as [Address, Address, Address, Address, Address, Address];
    const running = moneyPeriod + 1n;
    // One period per seven days since the founding, the last one running.
    expect(card.periods.map((p) => [p.period, p.complete])).to.deep.equal(
      Array.from({ length: Number(running) + 1 }, (_, i) => [String(i), i < Number(running)]),
    );
    const period = (n: bigint) => card.periods[Number(n)]!;
    expect(card.periods.every((p) => p.thresholdSource === "default")).to.equal(true);
    expect(card.names).to.deep.equal({ [eli]: "Eli" });
    expect(card.alerts.at(-1)!.reason).to.equal(
      `Eli (${shortAddress(eli)}) held 100% of the period's mandate-time (the circle's limit is 50%): roles are not rotating.`,
    );

    // Rotation: Dee held the treasurer's mandate for a moment (she handed it back), then Eli from his grant on;
    // each period with mandate-time has one holder, so one member holds all of it.
    const deePeriod = periodOf(made[1]!.executedAt!);
    const eliPeriod = periodOf(made[2]!.executedAt!);
    expect(period(deePeriod).rotation.topHolder).to.deep.equal({ account: dee, shareBps: 10_000 });
    expect(period(moneyPeriod).rotation).to.deep.include({ tenures: 1, distinctHolders: 1, herfindahlBps: 10_000 });
    expect(period(moneyPeriod).rotation.topHolder).to.deep.equal({ account: eli, shareBps: 10_000 });

    // Voice: one decision at most per period (each takes eight days), every member voting on each.
    for (const m of made) {
      const p = period(periodOf(m.created.time));
      expect([p.voice.proposals, p.voice.closedVotes, p.voice.participationBps], `#${m.proposalId}`).to.deep.equal([
        1, 1, 10_000,
      ]);
    }
    // The temperature check about the money story's period: (2 + 1 + 3 + 2) / 4 = 2.00; Ben named by three.
    expect(period(moneyPeriod).voice).to.deep.include({ readings: 4, heardAverageCenti: 200, cooldowns: 0 });
    expect(period(moneyPeriod).voice.dominantNamings).to.deep.equal([{ member: ben, namings: 3 }]);

    // Reciprocity in the money story: seven payments of 10 + 4 + 3 + 2 + 1 + 1 + 7 = 28 LHR between six pairs, of
    // which only Ana and Ben paid each other both ways; Dee and Fay only took, nobody only gave.
    expect(period(moneyPeriod).reciprocity).to.deep.equal({
      payments: 7,
      volume: "28",
      pairs: 6,
      oneSidedPairs: 5,
      oneSidedPairShareBps: 8333,
      onlyGave: [],
      onlyTook: [dee, fay].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
    });
    // Autonomy: the reversals logged in the running period, two by Ana (2 of 3 = 66.67%).
    expect(period(running).autonomy).to.deep.include({
      circleDecisions: 0,
      councilDecisions: 0,
      reversals: 3,
      reversalMembers: 2,
    });
    expect(period(running).autonomy.reversalsByKind).to.deep.equal({ tool: 2, meal: 1, dispute: 0, care: 0, other: 0 });
    expect(period(running).autonomy.topReversalLogger).to.deep.equal({ account: ana, shareBps: 6667 });
    expect(period(periodOf(made[0]!.executedAt!)).autonomy.circleShareBps).to.equal(10_000);
    // Balances now: the jubilee cleared every balance, then Ben paid Ana 7 LHR.
    expect(card.balances).to.deep.include({ symbol: "LHR", decimals: 0 });
    expect(card.balances!.creditors).to.deep.equal({
      accounts: 1,
      total: "7",
      top: { account: ana, shareBps: 10_000 },
      herfindahlBps: 10_000,
    });
    expect(card.balances!.debtors.top).to.deep.equal({ account: ben, shareBps: 10_000 });

    // The drift alerts: one holder in every period with mandate-time, then the money story's period felt unheard
    // and traded one way.
    const mandatePeriods = [deePeriod];
    for (let p = eliPeriod; p <= running; p++) if (p !== deePeriod) mandatePeriods.push(p);
    expect(card.alerts.map((a) => [a.period, a.kind, a.value, a.threshold])).to.deep.equal(
      [
        ...mandatePeriods.map((p) => [String(p), "mandate-concentration", 10_000, 5000]),
        [String(moneyPeriod), "temperature-rising", 200, 300],
        [String(moneyPeriod), "one-sided-reciprocity", 8333, 5000],
      ].sort((a, b) => Number(a[0]) - Number(b[0])),
    );
  });

  it("serves the same scorecard at the ledger's /scorecard/<circle>, and judges by a viewer's thresholds", async function () {
    const cli = await scorecardCli("--json");
    expect(cli.code, cli.stderr).to.equal(0);
    const served = await fetch(`${ledger!.api}/scorecard/${circle}?periods=4`);
    expect(served.status).to.equal(200);
    expect(await served.json()).to.deep.equal(JSON.parse(cli.stdout));

    // The client action reads the same, typed.
    const typed = await readScorecard(
      { url: ledger!.api },
      { circle, periods: 2, thresholds: { minHeardAverageCenti: 150 } },
    );
    expect(typed.periods.map((p) => [p.period, p.thresholdSource])).to.deep.equal([
      [moneyPeriod, "viewer"],
      [moneyPeriod + 1n, "viewer"],
    ]);
    expect(typed.alerts.map((a) => a.kind)).to.not.include("temperature-rising");

    const viewer = (await (
      await fetch(`${ledger!.api}/scorecard/${circle}?periods=2&minHeardAverageCenti=150&maxOneSidedPairShareBps=9000`)
    ).json()) as ScorecardJson;
    expect(viewer.alerts.map((a) => a.kind)).to.deep.equal(["mandate-concentration", "mandate-concentration"]);

    const nowhere = await fetch(`${ledger!.api}/scorecard/0x${"42".repeat(20)}`);
    expect(nowhere.status).to.equal(404);
    expect(((await nowhere.json()) as { error: string }).error).to.match(/has no circle or council 0x4242/);
    const wrong = await fetch(`${ledger!.api}/scorecard/${circle}?minTurnout=10`);
    expect(wrong.status).to.equal(400);
    expect(((await wrong.json()) as { error: string }).error).to.equal(
      'query field "minTurnout" is not a threshold: use maxTopMandateShareBps, maxTopProposerShareBps, minParticipationBps, minHeardAverageCenti, maxOneSidedPairShareBps.',
    );
  });

  it("prints the scorecard in sentences, alerts last in each period", async function () {
    const run = await scorecardCli("--periods", "2");
    expect(run.code, run.stdout + run.stderr).to.equal(0);
    expect(run.stdout).to.match(
      /^The sovereignty scorecard of Audit Orchard \(0x[0-9a-fA-F]{40}\), a circle, .*: 2 period\(s\), 4 drift alert\(s\)\./,
    );
    expect(run.stdout).to.include("Reciprocity  7 payment(s) (28 LHR) between 6 pair(s), 5 one way only (83.33%)");
    expect(run.stdout).to.include(
      "ALERT temperature-rising: Members felt heard 2.00 out of 5 on average over 4 reading(s)",
    );
    expect(run.stdout).to.include("Balances now in LHR (the commons left out): 1 creditor(s) holding 7 LHR");
    const bad = await scorecardCli("--periods", "0");
    expect(bad.code).to.equal(1);
    expect(bad.stderr).to.include('--periods "0" is not a count of periods (1 or more) or "all".');
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
