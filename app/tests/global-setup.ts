/**
 * Before the browser tests: the demo story on a fresh stack (e2e/demoStack.ts: a hardhat node, the suite, the ledger,
 * `npm run demo`), then one new proposal in Elm Street Garden, open for voting, for the tests to vote on. What the
 * tests need is passed in COMMONWEAL_APP_TEST (JSON): Playwright's workers inherit the environment set here.
 * Returns the teardown, which stops everything it started.
 */
import { createWalletClient, getAddress, http, type Address } from "viem";

import { listCircles } from "../../client/actions/circle/listCircles.js";
import { readCircle } from "../../client/actions/circle/readCircle.js";
import { propose } from "../../client/actions/proposal/propose.js";
import { readSchedule } from "../../client/actions/proposal/readSchedule.js";
import { rpc } from "../../e2e/nodes.js";
import { startDemoStack } from "../../e2e/demoStack.js";
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
}

export default async function globalSetup() {
  const started = Date.now();
  const stack = await startDemoStack({
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
    const [proposer, ...voters] = members;
    const outsider = accounts.find((a) => !members.includes(a) && accounts.indexOf(a) >= 10);
    if (!proposer || voters.length < 4 || !outsider)
      throw new Error(`Elm Street Garden has too few members: ${members}`);

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
    };
    process.env.COMMONWEAL_APP_TEST = JSON.stringify(setup);
    console.log(`[app tests] ready in ${Math.round((Date.now() - started) / 1000)} s`);
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return () => stack.stop();
}
