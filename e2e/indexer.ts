/**
 * The ledger end to end: a real `hardhat node`, the suite deployed with `npm run deploy:local`, a short governance
 * story through the client actions (a circle of six founded with consents, an admission requested, proposed, voted and
 * executed, a mandate granted, a dependency reversal logged, scorecard thresholds decided, people naming themselves), blocks mined one at a time (`evm_mine`: Ponder rejects `hardhat_mine`'s batches), then
 * `npm run indexer` against it. Once the indexer has reached the node's block, every event of every governance ABI is
 * counted twice, with `eth_getLogs` over the addresses the suite created and in its table through the GraphQL API,
 * and the derived tables are read back. Run with `npx hardhat test mocha e2e/indexer.ts`.
 */
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { expect } from "chai";
import { createPublicClient, getAddress, http, type Address, type PublicClient } from "viem";
import { hardhat as hardhatChain } from "viem/chains";

import {
  castVote,
  clearProfile,
  createCircle,
  execute,
  grantMandateCall,
  listLedgerProfiles,
  logDependencyReversal,
  markDuplicateNames,
  profileBook,
  profilesAbi,
  prepareAdmit,
  prepareSetScorecardThresholds,
  readScorecard,
  propose,
  readRulesWithOverrides,
  requestAdmission,
  setProfile,
  Support,
  type DeploymentAddresses,
  type Proposal,
  verifyLedger,
} from "../client/index.js";
import { readDeployment } from "../client/node.js";
import { deployLocal } from "./cli.js";
import {
  expectLedgerMatchesChain,
  ledgerStore,
  startLedger,
  storyPeople,
  type Ledger,
  type LedgerStore,
} from "./ledgerHarness.js";
import { checkMoneyLedger, runMoneyStory } from "./ledgerMoney.js";
import { rpc, startHardhatNode, type RunningNode } from "./nodes.js";

const DEPLOYMENTS = fileURLToPath(new URL("../deploy/deployments", import.meta.url));

describe("the ledger on a hardhat node", function () {
  this.timeout(300_000);
  let node: RunningNode | undefined;
  let ledger: Ledger | undefined;
  let client: PublicClient;
  const deploymentId = `e2e-indexer-${process.pid}`;
  const deploymentDir = `${DEPLOYMENTS}/${deploymentId}`;
  // PGlite, or with COMMONWEAL_LEDGER_DB=postgres a PostgreSQL server of its own (fails, never skips, if it cannot start).
  let store: LedgerStore | undefined;
  // What the money part (after the governance part) reuses: the suite, the circle, the running indexer's API.
  let addresses: DeploymentAddresses;
  let governanceCircle: Address;
  let api = "";

  before(async function () {
    store = await ledgerStore();
    node = await startHardhatNode();
    client = createPublicClient({ chain: hardhatChain, transport: http(node.url) });
  });

  after(async function () {
    // The indexer (its own process group: the script and Ponder) stops before its database folder is removed.
    await ledger?.stop();
    await node?.stop();
    rmSync(deploymentDir, { recursive: true, force: true });
    await store?.dispose();
  });

  /** Moves the clock to `second` (if it is ahead) and mines one block. */
  async function mineAt(second: bigint) {
    const latest = await client.getBlock();
    if (latest.timestamp < second) await rpc(node!.url, "evm_setNextBlockTimestamp", [Number(second)]);
    await rpc(node!.url, "evm_mine");
  }

  it("indexes every governance event of a story, as counted by eth_getLogs", async function () {
    const deployed = await deployLocal(node!, deploymentId);
    expect(deployed.code, deployed.stdout + deployed.stderr).to.equal(0);
    addresses = readDeployment(31337, { folder: DEPLOYMENTS, deploymentId });
    const { registry } = addresses;

    const people = await storyPeople(node!);

    const { ana, ben, cai, dee, eli, fay, gus, founders } = people;

    // --- The story: found, admit, grant ---
    const { rules, mandateRules } = await readRulesWithOverrides(client, { registry });
    const founded = await createCircle(ana, {
      registry,
      rules,
      mandateRules,
      founding: {
        name: "Ledger Garden",
        founders: founders.map((w) => w.account.address),
        charterHash: `0x${"c4".repeat(32)}`,
        charterURI: "ipfs://ledger-garden",
      },
      signers: founders,
    });
    const { circle, mandates } = founded;
    governanceCircle = circle;
    await mineAt((await client.getBlock()).timestamp + 2n);

    /** A decision: proposed, voted for by every founder once voting opens, executed once it closes. */
    async function decide(proposal: Proposal) {
      const { proposalId, schedule } = await propose(ben, { circle, ...proposal });
      await mineAt(schedule.votingOpensAt + 1n);
      for (const [i, voter] of founders.entries()) {
        await castVote(voter, { circle, proposalId, support: i === 5 ? Support.Against : Support.For });
      }
      await mineAt(schedule.deadline + 1n);
      await execute(fay, { circle, proposalId });
    }

    await requestAdmission(gus, { circle, registry });
    const admit = await prepareAdmit(client, { circle, registry, member: gus.account.address });
    await decide({ calls: admit.calls, description: admit.description });
    const grant = await grantMandateCall(client, {
      mandates,
      holder: dee.account.address,
      proposer: ben.account.address,
      role: "treasurer",
      duration: 30 * 86_400,
    });
    await decide({ calls: [grant.call], description: grant.description });
    // The sovereignty scorecard's pieces: a reversal a member logs, and thresholds the circle decides.
    const reversal = await logDependencyReversal(cai, {
      circle,
      registry,
      kind: "tool",
      memo: "Borrowed Ben's ladder",
    });
    const thresholds = await prepareSetScorecardThresholds(client, {
      circle,
      registry,
      thresholds: { maxTopMandateShareBps: 4000, minHeardAverageCenti: 350 },
    });
    await decide({ calls: thresholds.calls, description: thresholds.description });
    // People name themselves: Ana with a profile URI; Ben, who then clears his name; Cai, who takes Ana's name.
    const { profiles } = addresses;
    await setProfile(ana, { profiles, name: "Ana", uri: "ipfs://ana" });
    await setProfile(ben, { profiles, name: "Ben" });
    await clearProfile(ben, { profiles });
    await setProfile(cai, { profiles, name: "Ana" });
    const head = await client.getBlockNumber();

    // --- The indexer, as a person starts it ---
    ledger = await startLedger({ node: node!, deploymentId, store: store! });
    api = ledger.api;
    await ledger.waitFor(head, 120_000);
    const graphql = async <T>(query: string): Promise<T> => {
      const response = await fetch(`${api}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
      if (body.errors) throw new Error(`${query}: ${body.errors.map((e) => e.message).join("; ")}`);
      return body.data as T;
    };

    // --- Every event kind of every governance contract: eth_getLogs against the rows ---
    const { logs, counted } = await expectLedgerMatchesChain(client, ledger, registry, head);
    expect(logs, counted.join(" ")).to.be.greaterThan(50);

    // --- The derived tables ---
    const derived = await graphql<{
      circleOrCouncil: { name: string; memberCount: number };
      memberTerms: { totalCount: number };
      proposals: { items: { forVotes: string; againstVotes: string; voters: number; executedAt: string | null }[] };
      proposalVotes: { totalCount: number };
      mandates: { items: { role: string; holder: string; endedAt: string | null }[] };
      roles: { items: { holders: string[]; currentHolder: string }[] };
      charters: { items: { uri: string; current: boolean }[] };
    }>(`{
      circleOrCouncil(circle: "${circle.toLowerCase()}") { name memberCount }
      memberTerms(where: { circle: "${circle.toLowerCase()}", leftAt: null }) { totalCount }
      proposals(orderBy: "createdAtBlock") { items { forVotes againstVotes voters executedAt } }
      proposalVotes { totalCount }
      mandates { items { role holder endedAt } }
      roles { items { holders currentHolder } }
      charters { items { uri current } }
    }`);
    expect(derived.circleOrCouncil).to.deep.equal({ name: "Ledger Garden", memberCount: 7 });
    expect(derived.memberTerms.totalCount).to.equal(7);
    expect(derived.proposals.items).to.have.length(3);
    for (const p of derived.proposals.items) {
      expect(p).to.include({ forVotes: "5", againstVotes: "1", voters: 6 });
      expect(p.executedAt).to.not.equal(null);
    }
    expect(derived.proposalVotes.totalCount).to.equal(18);
    const dee_ = dee.account.address.toLowerCase();
    expect(derived.mandates.items).to.deep.equal([{ role: "treasurer", holder: dee_, endedAt: null }]);
    expect(derived.roles.items).to.deep.equal([{ holders: [dee_], currentHolder: dee_ }]);
    expect(derived.charters.items).to.deep.equal([{ uri: "ipfs://ledger-garden", current: true }]);

    // --- People's names: every ProfileSet against its rows, and each account's current profile ---
    const profileLogs = await client.getContractEvents({
      address: profiles,
      abi: profilesAbi,
      eventName: "ProfileSet",
      fromBlock: 0n,
      toBlock: head,
    });
    expect(profileLogs).to.have.length(4);
    const { profileSets } = await graphql<{ profileSets: { totalCount: number } }>(`
      {
        profileSets {
          totalCount
        }
      }
    `);
    expect(profileSets.totalCount).to.equal(profileLogs.length);
    const [anaAt, caiAt] = [ana.account.address, cai.account.address];
    const named = await listLedgerProfiles({ url: api });
    const byAccount = (list: typeof named) =>
      list
        .map((p) => [p.account, p.name, p.uri, p.cleared, p.changes])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(byAccount(named)).to.deep.equal(
      byAccount([
        { account: anaAt, name: "Ana", uri: "ipfs://ana", cleared: false, changes: 1 },
        { account: caiAt, name: "Ana", uri: "", cleared: false, changes: 1 },
      ] as typeof named),
    );
    const everyone = await listLedgerProfiles({ url: api }, { includeCleared: true });
    expect(everyone.find((p) => p.account === ben.account.address)).to.include({ name: "", cleared: true, changes: 2 });
    // The same name twice among the founders: the ledger's names flag it, as every face does.
    const marked = markDuplicateNames([anaAt, caiAt], profileBook(named));
    expect(marked.map((m) => m.sharedWith)).to.deep.equal([[caiAt], [anaAt]]);

    // --- The scorecard's tables, field by field ---
    const scorecard = await graphql<{
      dependencyReversalLoggeds: { items: { member: string; kind: number; memo: string; period: string }[] };
      scorecardThresholdsSets: { items: Record<string, number>[] };
    }>(`
      {
        dependencyReversalLoggeds {
          items {
            member
            kind
            memo
            period
          }
        }
        scorecardThresholdsSets {
          items {
            maxTopMandateShareBps
            maxTopProposerShareBps
            minParticipationBps
            minHeardAverageCenti
            maxOneSidedPairShareBps
          }
        }
      }
    `);
    expect(scorecard.dependencyReversalLoggeds.items).to.deep.equal([
      {
        member: cai.account.address.toLowerCase(),
        kind: 0,
        memo: "Borrowed Ben's ladder",
        period: `${reversal.period}`,
      },
    ]);
    expect(scorecard.scorecardThresholdsSets.items).to.deep.equal([
      {
        maxTopMandateShareBps: 4000,
        maxTopProposerShareBps: 5000,
        minParticipationBps: 5000,
        minHeardAverageCenti: 350,
        maxOneSidedPairShareBps: 5000,
      },
    ]);
    // The scorecard judges the period the decision took effect in by the circle's own thresholds, and counts the
    // reversal in the period it was logged in.
    const card = await readScorecard({ url: api }, { circle, periods: 1 });
    expect(card.periods[0]!.thresholdSource).to.equal("circle");
    expect(card.periods[0]!.thresholds).to.deep.include({ maxTopMandateShareBps: 4000, minHeardAverageCenti: 350 });
    const all = await readScorecard({ url: api }, { circle });
    expect(all.periods.find((p) => p.period === reversal.period)!.autonomy.reversalsByKind.tool).to.equal(1);
  });

  it("follows a money story as it happens: every money event counted with eth_getLogs, derived tables, trust graph", async function () {
    if (!api) this.skip(); // the governance part above failed before starting the indexer
    const accounts = (await rpc<Address[]>(node!.url, "eth_accounts")).map((a) => getAddress(a));
    const [ana, ben, cai, dee, , fay, , hal] = accounts as Address[];
    const context = {
      node: node!,
      client,
      addresses,
      circle: governanceCircle,
      people: { ana: ana!, ben: ben!, cai: cai!, dee: dee!, fay: fay!, hal: hal! },
    };
    const story = await runMoneyStory(context);
    // The indexer is live: it follows the new blocks.
    const head = await client.getBlockNumber();
    await ledger!.waitFor(head, 120_000);
    await checkMoneyLedger(context, story, api);
    // The ledger's own check agrees: members, mandates, proposal states, and the currency's balances and pair
    // ledger re-derived from the indexed events equal the contracts' views at the ledger's block.
    const verified = await verifyLedger({ url: api }, { client });
    expect(verified.mismatches).to.deep.equal([]);
    expect(verified.circles).to.include(governanceCircle);
    expect(verified.checked).to.be.greaterThan(20);
  });
});
