// Event reads through an RPC that refuses wide eth_getLogs ranges, as public testnet RPCs do: getContractEventsPaged
// returns what one unlimited call returns, the actions built on it answer alike through either transport, other
// errors pass through, and a single block refused is a clear error.
import { expect } from "chai";
import { network } from "hardhat";
import { createPublicClient, custom, getAddress, hexToBigInt, type EIP1193Parameters, type Hex } from "viem";
import { getContractEvents } from "viem/actions";

import { circleAbi } from "../../client/abis.js";
import { readPairLinks } from "../../client/actions/circle/readPairLinks.js";
import { listProposals } from "../../client/actions/proposal/listProposals.js";
import { readProposal } from "../../client/actions/proposal/readProposal.js";
import {
  getContractEventsPaged,
  isLogRangeRefusal,
  LOG_RANGE_REFUSALS,
  LogRangeRefusedError,
} from "../../client/pagedEvents.js";
import { circleFixtures, mandateSpec, Vote } from "../fixtures/circles.js";

const net = await network.create();
const { viem, networkHelpers, provider } = net;
const { circleWorld, decide, grantByDecision, proposal, propose, openVoting } = circleFixtures(net);
const plain = await viem.getPublicClient();

/** An eth_getLogs request as the transport sees it, and whether it was refused. */
type Call = { fromBlock: bigint; toBlock: bigint; refused: boolean };

/**
 * A client whose node refuses `eth_getLogs`: over more than `limit` blocks as Infura does (-32602 "range N exceeds
 * limit of M"), or returning more than `limit` logs as geth does (-32005 "query returned more than M results"), or
 * always with `error`. Everything else is the in-process network's answer.
 */
function refusingClient(refuse: { blocks: bigint } | { results: number } | { error: object }) {
  const calls: Call[] = [];
  const request = async ({ method, params }: EIP1193Parameters) => {
    if (method !== "eth_getLogs") return provider.request({ method, params: params as object | undefined });
    const [filter] = params as [{ fromBlock: Hex; toBlock: Hex }];
    const call = { fromBlock: hexToBigInt(filter.fromBlock), toBlock: hexToBigInt(filter.toBlock), refused: true };
    calls.push(call);
    if ("error" in refuse) throw refuse.error;
    const span = call.toBlock - call.fromBlock + 1n;
    if ("blocks" in refuse && span > refuse.blocks) {
      throw Object.assign(new Error(`range ${span} exceeds limit of ${refuse.blocks}`), { code: -32602 });
    }
    const logs = (await provider.request({ method, params: params as object | undefined })) as unknown[];
    if ("results" in refuse && logs.length > refuse.results) {
      throw { code: -32005, message: `query returned more than ${refuse.results} results` };
    }
    call.refused = false;
    return logs;
  };
  // No retries: viem retries -32005 by default, which would only slow the test.
  const client = createPublicClient({ chain: plain.chain, transport: custom({ request }, { retryCount: 0 }) });
  return { client, calls };
}

/** The error `promise` fails with (it must fail). */
const failure = (promise: Promise<unknown>): Promise<Error> =>
  promise.then(
    () => expect.fail("expected a failure"),
    (error: Error) => error,
  );

/** A circle with a history over a few hundred blocks: proposals, votes, an admission-free grant, empty stretches. */
async function history() {
  const w = await circleWorld();
  const [ana, ben, cai, dan] = w.founders;
  const target = await w.token.getAddress();
  const ids: bigint[] = [];
  for (let i = 0; i < 4; i++) {
    await networkHelpers.mine(60);
    const data = w.token.interface.encodeFunctionData("transfer", [ana!.address, BigInt(i + 1)]);
    ids.push(await propose(w.circle, w.founders[i]!, proposal([{ target, data }], `Pay ${i + 1}`)));
  }
  await openVoting(w.circle);
  for (const [i, voter] of [ben, cai, dan].entries()) {
    await networkHelpers.mine(25);
    for (const id of ids.slice(i)) await (await w.circle.connect(voter!).castVote(id, Vote.For)).wait();
  }
  await grantByDecision(w, mandateSpec("treasurer", 30 * 86_400), ben!.address);
  await decide(w, [{ target, data: w.token.interface.encodeFunctionData("transfer", [cai!.address, 5n]) }], "Pay cai");
  await networkHelpers.mine(40);
  return {
    w,
    ids,
    circle: getAddress(await w.circle.getAddress()),
    registry: getAddress(await w.registry.getAddress()),
    head: await plain.getBlockNumber({ cacheTime: 0 }),
  };
}

describe("getContractEventsPaged (event reads over RPCs that refuse wide ranges)", function () {
  it("returns exactly the logs of one unlimited call, in block order, through a node that refuses ranges", async function () {
    const { circle, head } = await networkHelpers.loadFixture(history);
    const query = { address: circle, abi: circleAbi, fromBlock: 0n, toBlock: head } as const;
    const all = await getContractEvents(plain, query);
    const votes = await getContractEvents(plain, { ...query, eventName: "VoteCast", strict: true });
    expect(head).to.be.greaterThan(300n);
    expect(votes).to.have.length(17); // 4 + 3 + 2 on the four proposals, 4 on each decision

    const { client, calls } = refusingClient({ blocks: 32n });
    expect(await getContractEventsPaged(client, query)).to.deep.equal(all);
    // Halved until served (head+1 > 32 blocks: refused ⌈log2((head+1)/32)⌉ times), then straight to the span served.
    const refused = calls.filter((c) => c.refused);
    expect(refused.length).to.be.within(1, 5);
    const served = calls.filter((c) => !c.refused);
    expect(served[0]!.fromBlock).to.equal(0n);
    expect(served.at(-1)!.toBlock).to.equal(head);
    served.slice(1).forEach((c, i) => expect(c.fromBlock).to.equal(served[i]!.toBlock + 1n));
    expect(calls.slice(refused.length).every((c) => !c.refused)).to.equal(true);

    // Typed and decoded like getContractEvents: `args` of a strict read are the event's fields.
    const paged = await getContractEventsPaged(client, { ...query, eventName: "VoteCast", strict: true });
    expect(paged).to.deep.equal(votes);
    expect(paged.map((log) => log.args.support)).to.deep.equal(votes.map(() => Vote.For));
  });

  it("returns the same logs through a node that refuses on the number of results", async function () {
    const { circle, head } = await networkHelpers.loadFixture(history);
    const query = { address: circle, abi: circleAbi, eventName: "VoteCast", strict: true } as const;
    const { client, calls } = refusingClient({ results: 3 });
    expect(await getContractEventsPaged(client, query)).to.deep.equal(
      await getContractEvents(plain, { ...query, fromBlock: 0n, toBlock: head }),
    );
    expect(calls.some((c) => c.refused)).to.equal(true);
  });

  it("gives listProposals, readProposal and readPairLinks the same answers as a plain node", async function () {
    const { circle, registry, ids } = await networkHelpers.loadFixture(history);
    const { client, calls } = refusingClient({ blocks: 20n });
    const proposals = await listProposals(plain, { circle });
    expect(proposals).to.have.length(6);
    expect(await listProposals(client, { circle })).to.deep.equal(proposals);
    expect(await readProposal(client, { circle, proposalId: ids[0]! })).to.deep.equal(
      await readProposal(plain, { circle, proposalId: ids[0]! }),
    );
    const links = await readPairLinks(plain, { circle, registry });
    expect(links.agreement.length).to.be.greaterThan(0);
    expect(await readPairLinks(client, { circle, registry })).to.deep.equal(links);
    expect(calls.some((c) => c.refused)).to.equal(true);
  });

  it("throws any other error as it came, after one request", async function () {
    const { circle } = await networkHelpers.loadFixture(history);
    const other = { code: -32000, message: "header not found" };
    const query = { address: circle, abi: circleAbi, fromBlock: 0n, toBlock: 10n } as const;
    const expected = await failure(getContractEvents(refusingClient({ error: other }).client, query));
    const { client, calls } = refusingClient({ error: other });
    const thrown = await failure(getContractEventsPaged(client, query));
    expect(thrown).to.be.instanceOf(Error).and.not.instanceOf(LogRangeRefusedError);
    expect([thrown.name, thrown.message]).to.deep.equal([expected.name, expected.message]);
    expect(isLogRangeRefusal(thrown)).to.equal(false);
    expect(calls).to.have.length(1);
  });

  it("refuses clearly when the node refuses a single block", async function () {
    const { circle, head } = await networkHelpers.loadFixture(history);
    const [first] = await getContractEvents(plain, { address: circle, abi: circleAbi, fromBlock: 0n, toBlock: head });
    const { client } = refusingClient({ results: 0 });
    const error = await failure(getContractEventsPaged(client, { address: circle, abi: circleAbi }));
    expect(error).to.be.instanceOf(LogRangeRefusedError);
    expect((error as LogRangeRefusedError).block).to.equal(first!.blockNumber);
    expect(error.message).to.equal(
      `The node refused the events of block ${first!.blockNumber} alone as too many: use an RPC with a higher ` +
        `eth_getLogs limit (or a node of your own).`,
    );
    expect(isLogRangeRefusal((error as LogRangeRefusedError).cause)).to.equal(true);
  });

  it("recognises the refusals public RPCs send, and not rate limits or reverts", function () {
    const refusals: { code: number; message: string }[] = [
      { code: -32005, message: "query returned more than 10000 results" },
      { code: -32602, message: "range 1000000 exceeds limit of 10000" },
      { code: -32602, message: "query exceeds max block range 100000" },
      { code: -32602, message: "query exceeds max results 20000, retry with the range 23879634-23879696" },
      { code: -32000, message: "exceed maximum block range: 5000" },
      { code: -32000, message: "block range is too wide (maximum 1024)" },
      { code: -32000, message: "block range is bigger than maxBlockRange" },
      { code: -32603, message: "eth_getLogs range is too large, max is 1k blocks" },
      { code: -32602, message: "eth_getLogs is limited to 1024 block range." },
      { code: 35, message: "ranges over 10000 blocks are not supported on freetier" },
      { code: -32000, message: "Log response size exceeded. You can make eth_getLogs requests with up to a 2K range" },
      { code: -32005, message: "Maximum allowed number of requested blocks is 1000" },
      { code: -32005, message: "limit exceeded" },
    ];
    for (const refusal of refusals) expect(isLogRangeRefusal(refusal), refusal.message).to.equal(true);
    // A wrapper whose cause is the node's answer (as viem's RpcRequestError wraps it).
    expect(isLogRangeRefusal(new Error("RPC failed", { cause: refusals[1] }))).to.equal(true);
    const others = [
      { code: -32005, message: "rate limit exceeded" },
      { code: -32602, message: "invalid argument 0: hex string without 0x prefix" },
      { code: 3, message: "execution reverted" },
      { code: -32000, message: "header not found" },
    ];
    for (const other of others) expect(isLogRangeRefusal(other), other.message).to.equal(false);
    expect(LOG_RANGE_REFUSALS.every(({ source }) => source.length > 0)).to.equal(true);
  });
});
