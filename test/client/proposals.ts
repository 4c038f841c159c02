import { expect } from "chai";
import { network } from "hardhat";
import { createWalletClient, custom, getAddress, type Address } from "viem";

import {
  ProposalRefError,
  listProposals,
  propose,
  readProposal,
  readTally,
  resolveProposalRef,
} from "../../client/index.js";
import { TEST_RULES, Vote, circleFixtures } from "../fixtures/circles.js";

const net = await network.create();
const { viem, networkHelpers, provider } = net;
const { circleWorld, createCircle, proposal, propose: proposeWithEthers } = circleFixtures(net);

/**
 * The fixture circle with proposals made by its founders until two ids share their first decimal digit (at most ten,
 * by pigeonhole over the nine leading digits 1-9), so there is an ambiguous one-digit prefix to refuse.
 */
async function proposals() {
  const w = await circleWorld();
  const target = await w.token.getAddress();
  const ids: bigint[] = [];
  for (let i = 0; i < 10; i++) {
    const data = w.token.interface.encodeFunctionData("transfer", [w.founders[0]!.address, BigInt(i + 1)]);
    ids.push(
      await proposeWithEthers(w.circle, w.founders[i % 6]!, proposal([{ target, data }], `Pay ${i + 1}\nline two`)),
    );
    const firsts = ids.map((id) => id.toString()[0]);
    if (new Set(firsts).size < firsts.length) break;
  }
  const publicClient = await viem.getPublicClient();
  return { ...w, ids, publicClient, address: getAddress(await w.circle.getAddress()) as Address };
}

/** The error a promise fails with. */
async function refusal(promise: Promise<unknown>): Promise<ProposalRefError> {
  const error = await promise.then(
    () => expect.fail("expected a refusal"),
    (e: unknown) => e,
  );
  expect(error).to.be.instanceOf(ProposalRefError);
  return error as ProposalRefError;
}

/**
 * A circle founded by outsiders in the latest block (so its founders do not count as members a second ago yet), and
 * a wallet client of `founder` on this network whose node names itself `clientVersion` and answers the pending block
 * as the latest when `samePending`; every method it is asked is recorded.
 */
async function justFounded(name: string, founder: number, clientVersion: string, samePending = false) {
  const w = await networkHelpers.loadFixture(circleWorld);
  const { circle } = await createCircle(w.registry, w.outsiders.slice(0, 6), { ...TEST_RULES }, name);
  const account = getAddress(w.outsiders[founder]!.address);
  const requested: string[] = [];
  const client = createWalletClient({
    account,
    chain: (await viem.getPublicClient()).chain,
    pollingInterval: 20,
    transport: custom({
      request: async ({ method, params = [] }: { method: string; params?: unknown[] }) => {
        requested.push(method);
        if (method === "web3_clientVersion") return clientVersion;
        const pending = samePending && method === "eth_getBlockByNumber" && params[0] === "pending";
        return provider.request({ method, params: pending ? ["latest", ...params.slice(1)] : params });
      },
    }),
  });
  const address = getAddress(await circle.getAddress());
  const made = () => propose(client, { circle: address, calls: [{ target: address, data: "0x" }], description: name });
  return { address, founder: account, requested, propose: made, publicClient: await viem.getPublicClient() };
}

describe("client proposals (short references and one proposal in full)", function () {
  it("resolves a full id, latest, a unique decimal prefix and a unique 0x-hex prefix", async function () {
    const { publicClient, address, ids } = await networkHelpers.loadFixture(proposals);
    const resolve = (ref: string) => resolveProposalRef(publicClient, { circle: address, ref });
    for (const id of ids) {
      expect(await resolve(`${id}`)).to.equal(id);
      expect(await resolve(`0x${id.toString(16)}`)).to.equal(id);
      // The shortest decimal prefix no other id shares.
      const text = id.toString();
      let n = 1;
      while (ids.some((o) => o !== id && o.toString().startsWith(text.slice(0, n)))) n++;
      expect(await resolve(text.slice(0, n))).to.equal(id);
      expect(await resolve(` ${text.slice(0, Math.max(n, 12))} `)).to.equal(id);
    }
    const last = ids.at(-1)!;
    expect(await resolve("latest")).to.equal(last);
    expect(await resolve("LATEST")).to.equal(last);
    expect(await resolve(`0x${last.toString(16).padStart(64, "0").slice(0, 16)}`)).to.equal(last);
  });

  it("refuses an ambiguous prefix, an unknown id, a malformed reference, and latest in a circle with no proposals", async function () {
    const { publicClient, address, ids } = await networkHelpers.loadFixture(proposals);
    const resolve = (ref: string) => resolveProposalRef(publicClient, { circle: address, ref });
    const digit = ids.map((id) => id.toString()[0]!).find((d, i, all) => all.indexOf(d) !== i)!;
    const count = ids.filter((id) => id.toString().startsWith(digit)).length;
    const ambiguous = await refusal(resolve(digit));
    expect(ambiguous.reason).to.equal("ambiguous");
    expect(ambiguous.message).to.equal(
      `${count} proposals of ${address} have ids starting with ${digit}: give more digits (list them with \`npx hardhat circle proposals --circle ${address}\`).`,
    );
    const unknown = `${ids[0]! + 1n}`;
    const none = await refusal(resolve(unknown));
    expect(none.reason).to.equal("none");
    expect(none.message).to.match(new RegExp(`^There is no proposal ${unknown} in ${address}, nor one whose id`));
    for (const bad of ["12abc", "", "-1", "0x", "first"]) {
      expect((await refusal(resolve(bad))).reason, bad).to.equal("malformed");
    }
    const empty = getAddress(await (await networkHelpers.loadFixture(circleWorld)).circle.getAddress());
    const nothing = await refusal(resolveProposalRef(publicClient, { circle: empty, ref: "latest" }));
    expect(nothing.message).to.equal(`There is no proposal in ${empty} yet: make one first.`);
  });

  it("reads a proposal's state, tally, quorum, votes with reasons, schedule and next step", async function () {
    const { publicClient, address, ids, circle, founders } = await networkHelpers.loadFixture(proposals);
    const id = ids[0]!;
    const pending = await readProposal(publicClient, { circle: address, proposalId: id });
    expect(pending.stateName).to.equal("Pending");
    expect(pending.description).to.equal("Pay 1\nline two");
    expect(pending.schedule.snapshot).to.equal(await circle.proposalSnapshot(id));
    expect(pending.schedule.votingOpensAt).to.equal(await circle.proposalVotingOpensAt(id));
    expect(pending.schedule.deadline).to.equal(await circle.proposalDeadline(id));
    expect(pending.next).to.deep.equal({ action: "wait", until: pending.schedule.votingOpensAt });
    expect(pending.quorum).to.equal(await circle.quorum(pending.schedule.snapshot));

    await networkHelpers.time.increase(TEST_RULES.votingDelay + 1);
    await (await circle.connect(founders[1]!).castVoteWithReason(id, Vote.For, "Fair pay")).wait();
    await (await circle.connect(founders[2]!).castVote(id, Vote.Against)).wait();
    await (await circle.connect(founders[3]!).castVote(id, Vote.Abstain)).wait();
    const active = await readProposal(publicClient, { circle: address, proposalId: id });
    expect(active.stateName).to.equal("Active");
    expect(active.tally).to.deep.equal({ for: 1n, against: 1n, abstain: 1n });
    expect(
      active.votes.map(({ voter, support, weight, reason }) => ({ voter, support, weight, reason })),
    ).to.deep.equal([
      { voter: founders[1]!.address, support: "for", weight: 1n, reason: "Fair pay" },
      { voter: founders[2]!.address, support: "against", weight: 1n, reason: "" },
      { voter: founders[3]!.address, support: "abstain", weight: 1n, reason: "" },
    ]);
    expect(active.next).to.deep.equal({ action: "vote", until: active.schedule.deadline });
    // The same list the resolver reads: one way to find proposals.
    expect((await listProposals(publicClient, { circle: address })).map((p) => p.id)).to.deep.equal(ids);
    expect(await readTally(publicClient, { circle: address, proposalId: id })).to.deep.equal({
      snapshot: active.schedule.snapshot,
      stateName: "Active",
      tally: active.tally,
    });
    await refusal(readProposal(publicClient, { circle: address, proposalId: 7n }));
    expect((await refusal(readTally(publicClient, { circle: address, proposalId: 7n }))).message).to.equal(
      `There is no proposal 7 in ${address}.`,
    );
  });

  it("proposes right after a founding on a live network by waiting for its next block, mining nothing", async function () {
    // The same node, answering as a live network's client would: nothing may be mined or moved on it.
    const { address, founder, requested, propose, publicClient } = await justFounded(
      "Live circle",
      0,
      "Geth/v1.14.12-stable/linux-amd64/go1.23.4",
    );
    const founded = await publicClient.getBlockNumber();
    const made = propose();
    // The founders joined in the latest block's second: propose waits, sending nothing, until the chain moves on.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await publicClient.getBlockNumber()).to.equal(founded);
    expect(requested).to.include("web3_clientVersion");
    await networkHelpers.mine(1);
    const { proposalId, note, proposer } = await made;
    expect(proposer).to.equal(founder);
    expect(note).to.equal(
      `Waited for block ${founded + 1n} so that ${founder}, a member only since block ${founded}, counts as one a second before the proposal, as the circle requires.`,
    );
    expect(requested.filter((m) => m.startsWith("evm_") || m.startsWith("hardhat_"))).to.deep.equal([]);
    expect((await listProposals(publicClient, { circle: address })).map((p) => p.id)).to.deep.equal([proposalId]);
  });

  it("on a local node that would reuse the latest second, mines one block in the next second", async function () {
    // The node as anvil answers when its clock has not passed the latest block's second: the pending block in it too.
    const { requested, propose, publicClient } = await justFounded("Anvil circle", 1, "anvil/v1.7.1", true);
    const founded = await publicClient.getBlock();
    const { note } = await propose();
    expect(note).to.match(/^Mined one block on the local node \(anvil\/v1\.7\.1\) so that /);
    expect(requested.filter((m) => m.startsWith("evm_"))).to.deep.equal(["evm_setNextBlockTimestamp", "evm_mine"]);
    const mined = await publicClient.getBlock({ blockNumber: founded.number + 1n });
    expect(mined.timestamp).to.equal(founded.timestamp + 1n);
    expect(await publicClient.getBlockNumber()).to.equal(founded.number + 2n);
  });
});
