/**
 * Before the browser tests: the demo story on a fresh stack (e2e/demoStack.ts: a hardhat node, the suite, the ledger,
 * `npm run demo`; or the one COMMONWEAL_DEMO_STACK names, which e2e/demoLedger.ts has read before), then one new
 * proposal in Elm Street Garden, open for voting, for the tests to vote on. What the tests need is passed in
 * COMMONWEAL_APP_TEST (JSON): Playwright's workers inherit the environment set here. Returns the teardown, which stops
 * everything it started.
 */
import { createWalletClient, encodeFunctionData, getAddress, http, type Address, type Hex } from "viem";

import { listCircles } from "../../client/actions/circle/listCircles.js";
import { readCircle } from "../../client/actions/circle/readCircle.js";
import { listLedgerResets } from "../../client/actions/ledger/listLedgerResets.js";
import { propose } from "../../client/actions/proposal/propose.js";
import { readSchedule } from "../../client/actions/proposal/readSchedule.js";
import { castVote } from "../../client/actions/proposal/castVote.js";
import { execute } from "../../client/actions/proposal/execute.js";
import { grantMandateCall } from "../../client/actions/mandate/grantMandateCall.js";
import { circleAbi, circleMembershipAbi } from "../../client/abis.js";
import { advanceChain } from "../../client/chain.js";
import { charterHash } from "../../client/charter.js";
import { Support } from "../../client/proposals.js";
import { rpc } from "../../e2e/nodes.js";
import { demoStack, type DemoStack } from "../../e2e/demoStack.js";
import type { AppConfig } from "../src/appConfig.js";

/** What the tests read from COMMONWEAL_APP_TEST. */
export interface AppTestSetup {
  config: AppConfig;
  /** Elm Street Garden. */
  circle: Address;
  /** The open proposal the tests vote on. */
  proposalId: string;
  /** Members of the circle who have not voted on it, in turn for each test that votes. */
  voters: Address[];
  /** A node account outside the circle: the contract refuses its vote. */
  outsider: Address;
  /** The demo's people the money tests act as (scripts/demo.ts: the node's accounts 0, 1, 6 and 11). */
  people: { ana: Address; ben: Address; gus: Address; hal: Address };
  /** What governance.spec.ts acts on (see governanceFixtures). */
  governance: GovernanceSetup;
}

/**
 * Per width (the project's name): the member who signs a ballot, signals and records a reading, the member who
 * relays that ballot, and the passed proposal to execute with the charter it ratifies.
 */
export interface GovernanceSetup {
  /** The member who proposes, relays ballots and executes. */
  proposer: Address;
  byWidth: Record<string, { member: Address; relayer: Address; execute: string; charter: Hex }>;
  /** A passed proposal whose call the membership refuses (admitting someone who never asked). */
  refusedExecute: string;
  /** A live mandate the tests signal to recall. */
  mandateId: string;
}

/**
 * For governance.spec.ts, decided before the open proposal is made (the clock moves past a whole vote here, never in
 * the tests): per width a passed proposal that ratifies a new charter, one passed proposal whose execution the
 * contract refuses, and a granted mandate (a scribe) to recall.
 */
async function governanceFixtures(
  stack: DemoStack,
  circle: Address,
  members: readonly Address[],
  actor: Address,
  outsider: Address,
): Promise<GovernanceSetup> {
  const { node, client } = stack;
  const [proposer, ...others] = members as [Address, ...Address[]];
  const wallet = (account: Address) => createWalletClient({ account, chain: client.chain, transport: http(node.url) });
  const { membership, mandates } = await readCircle(client, { circle });
  const widths = ["1280", "390"] as const;
  const charters = widths.map((width) => charterHash(`Elm Street Garden, charter v2 (${width})`));
  // The scribe: the first other member the mandate rules let hold it (one named dominant sits out for a while).
  let grant;
  for (const holder of others.filter((m) => m !== actor)) {
    grant = await grantMandateCall(client, { mandates, holder, proposer, role: "scribe", duration: 30 * 86_400 }).catch(
      () => undefined,
    );
    if (grant) break;
  }
  if (!grant) throw new Error("No member of Elm Street Garden may hold a scribe's mandate now.");
  const ratify = (width: string, hash: Hex) => ({
    calls: [
      {
        target: circle,
        value: 0n,
        data: encodeFunctionData({
          abi: circleAbi,
          functionName: "ratifyCharter",
          args: [hash, `ipfs://elm/charter-v2-${width}`],
        }),
      },
    ],
    description: `Ratify the charter v2 (${width})`,
  });
  const decisions = [
    ratify(widths[0], charters[0]!),
    ratify(widths[1], charters[1]!),
    {
      calls: [
        {
          target: membership,
          value: 0n,
          data: encodeFunctionData({ abi: circleMembershipAbi, functionName: "admit", args: [outsider] }),
        },
      ],
      description: "Admit someone who never asked",
    },
    { calls: [grant.call], description: grant.description },
  ];
  const made = [];
  for (const d of decisions) made.push(await propose(wallet(proposer), { circle, ...d }));
  const passSecond = async (second: bigint) => {
    const now = (await client.getBlock()).timestamp;
    await advanceChain(client, { seconds: Math.max(1, Number(second - now) + 1) });
  };
  await passSecond(made.at(-1)!.schedule.votingOpensAt);
  for (const p of made) {
    for (const voter of others.slice(0, 4)) {
      await castVote(wallet(voter), { circle, proposalId: p.proposalId, support: Support.For });
    }
  }
  await passSecond(made.at(-1)!.schedule.deadline);
  await execute(wallet(proposer), { circle, proposalId: made[3]!.proposalId });
  const mandateId = (await readCircle(client, { circle })).liveMandates.at(-1)!;
  return {
    proposer,
    byWidth: {
      "1280": { member: actor, relayer: proposer, execute: made[0]!.proposalId.toString(), charter: charters[0]! },
      "390": { member: proposer, relayer: actor, execute: made[1]!.proposalId.toString(), charter: charters[1]! },
    },
    refusedExecute: made[2]!.proposalId.toString(),
    mandateId: mandateId.toString(),
  };
}

export default async function globalSetup() {
  const started = Date.now();
  // The stack .ci/run shares with e2e/demoLedger.ts (COMMONWEAL_DEMO_STACK), else one of its own.
  const stack = await demoStack({
    deploymentId: `app-test-${process.pid}`,
    onStep: (step) => console.log(`[app tests] ${step} (${Math.round((Date.now() - started) / 1000)} s)`),
  });
  try {
    const { node, client, addresses } = stack;
    const { circles } = await listCircles(client, { registry: addresses.registry });
    const elm = circles.find((c) => c.name === "Elm Street Garden");
    if (!elm) throw new Error(`The demo made no "Elm Street Garden": ${circles.map((c) => c.name).join(", ")}`);
    const { members } = await readCircle(client, { circle: elm.address });
    const accounts = (await rpc<string[]>(node.url, "eth_accounts")).map((a) => getAddress(a));
    // The members who act in governance.spec.ts: the proposer, and one who did not trigger the demo's hard reset
    // (they are in its cooldown); the others vote in vote.spec.ts.
    const { resets } = await listLedgerResets({ url: stack.ledger.api }, { circle: elm.address });
    const triggered = new Set(resets.flatMap((r) => r.triggeredBy.map((m) => m.toLowerCase())));
    const [proposer] = members;
    const actor = members.find((m) => m !== proposer && !triggered.has(m.toLowerCase()));
    const voters = members.filter((m) => m !== proposer && m !== actor);
    const outsider = accounts.find((a) => !members.includes(a) && accounts.indexOf(a) >= 10);
    if (!proposer || !actor || voters.length < 4 || !outsider)
      throw new Error(`Elm Street Garden has too few members: ${members}`);

    const governance = await governanceFixtures(stack, elm.address, members, actor, outsider);
    const wallet = createWalletClient({ account: proposer, chain: client.chain, transport: http(node.url) });
    const { proposalId } = await propose(wallet, {
      circle: elm.address,
      calls: [{ target: elm.address, value: 0n, data: "0x" }],
      description: "Buy a second wheelbarrow for the compost",
    });
    // Past the voting delay: the proposal is open when the tests start.
    const { votingOpensAt } = await readSchedule(client, { circle: elm.address, proposalId });
    const now = (await client.getBlock()).timestamp;
    await rpc(node.url, "evm_increaseTime", [Number(votingOpensAt - now) + 1]);
    await rpc(node.url, "evm_mine");
    await stack.ledger.waitFor(await client.getBlockNumber());

    const setup: AppTestSetup = {
      config: {
        chainId: node.chainId,
        chainName: "Hardhat (tests)",
        rpcUrl: node.url,
        ledgerUrl: stack.ledger.api,
        deployments: { [String(node.chainId)]: addresses },
      },
      circle: elm.address,
      proposalId: proposalId.toString(),
      voters: voters.slice(0, 4),
      outsider,
      people: { ana: accounts[0]!, ben: accounts[1]!, gus: accounts[6]!, hal: accounts[11]! },
      governance,
    };
    process.env.COMMONWEAL_APP_TEST = JSON.stringify(setup);
    console.log(`[app tests] ready in ${Math.round((Date.now() - started) / 1000)} s`);
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return () => stack.stop();
}
