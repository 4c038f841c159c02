import { expect } from "chai";

import { network } from "hardhat";
import { getAddress, parseEther, zeroAddress, type Address } from "viem";

import { payAlongTrust } from "../../client/actions/income/payAlongTrust.js";
import { syncPathfinderIndex } from "../../client/actions/income/syncPathfinderIndex.js";
import { PathfinderIndex, paymentFlowFromJson } from "../../client/pathfinder.js";
import { startPathfinderService } from "../../scripts/pathfinder.js";

const { viem, networkHelpers } = await network.create();
const { time } = networkHelpers;
const DAY = 86_400;

/**
 * Six people with two days of income each and trust in a ring with chords, so payments swap along paths: each trusts
 * the one before, and everyone trusts Ana.
 */
async function trustWorld() {
  const publicClient = await viem.getPublicClient();
  const wallets = (await viem.getWalletClients()).slice(0, 6);
  const now = await time.latest();
  const hub = await viem.deployContract("IncomeHub", [
    {
      registry: wallets[0]!.account.address,
      dayZero: BigInt(Math.floor(now / DAY) * DAY),
      bootstrapPeriod: BigInt(30 * DAY),
      invitationCost: parseEther("96"),
      welcomeBonus: parseEther("48"),
      uri: "",
    },
  ]);
  for (const w of wallets) await hub.write.register([zeroAddress], { account: w.account });
  await time.increase(2 * DAY);
  for (const w of wallets) await hub.write.claim({ account: w.account });
  const expiry = BigInt((await time.latest()) + 365 * DAY);
  for (let i = 1; i < wallets.length; i++) {
    await hub.write.trust([wallets[i - 1]!.account.address, expiry], { account: wallets[i]!.account });
    if (i > 1) await hub.write.trust([wallets[0]!.account.address, expiry], { account: wallets[i]!.account });
  }
  return { publicClient, wallets, hub };
}

const post = (url: string, body: unknown) =>
  fetch(`${url}/flow`, { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body) });

describe("npm run pathfinder (the pathfinder service) and the index built from the chain", function () {
  it("builds the index from the hub's events with every balance equal to the hub's, days later too", async function () {
    const { publicClient, wallets, hub } = await networkHelpers.loadFixture(trustWorld);
    const { index, block } = await syncPathfinderIndex(publicClient, { hub: hub.address });
    const check = async (at: PathfinderIndex) => {
      for (const holder of wallets) {
        for (const owner of wallets) {
          const [h, o] = [holder.account.address, owner.account.address];
          expect(at.balanceOf(h, o)).to.equal(await hub.read.balanceOf([h, BigInt(o)]));
        }
      }
    };
    await check(index);
    // Days pass and one more payment is made: the index follows from the next block.
    await time.increase(3 * DAY);
    await hub.write.safeTransferFrom(
      [
        wallets[1]!.account.address,
        wallets[2]!.account.address,
        BigInt(wallets[1]!.account.address),
        parseEther("3"),
        "0x",
      ],
      { account: wallets[1]!.account },
    );
    await syncPathfinderIndex(publicClient, { hub: hub.address, index, fromBlock: block + 1n });
    await check(index);
  });

  it("answers /health, /status and /flow, and the hub accepts the flow it plans, balances moved as planned", async function () {
    const { publicClient, wallets, hub } = await networkHelpers.loadFixture(trustWorld);
    const service = await startPathfinderService({ client: publicClient, hub: hub.address, interval: 0 });
    try {
      expect(await (await fetch(`${service.url}/health`)).json()).to.deep.equal({ ok: true });
      const status = (await (await fetch(`${service.url}/status`)).json()) as Record<string, unknown>;
      expect(status).to.include({ hub: hub.address, people: 6, trustEdges: 9, holdings: 6 });

      // Ben pays Dan, who does not trust Ben: Ben's token goes to Cai, who trusts Ben, and Cai's to Dan.
      const [ben, dan] = [wallets[1]!, wallets[3]!];
      const amount = parseEther("30");
      const answer = await post(service.url, {
        from: ben.account.address,
        to: dan.account.address,
        amount: amount.toString(),
      });
      expect(answer.status).to.equal(200);
      const json = (await answer.json()) as Record<string, unknown>;
      expect(json).to.include({ amount: amount.toString(), tokens: "30 tokens" });
      const flow = paymentFlowFromJson(json);
      const before = new Map<string, bigint>();
      const key = (h: Address, t: Address) => `${h.toLowerCase()}:${t.toLowerCase()}`;
      for (const e of flow.edges) {
        for (const h of [flow.vertices[e.from]!, flow.vertices[e.to]!]) {
          const t = flow.vertices[e.token]!;
          before.set(key(h, t), await hub.read.balanceOf([h, BigInt(t)]));
        }
      }
      expect(json).to.include({ hops: 2, transfers: 2 });
      await payAlongTrust(ben, { hub: hub.address, to: dan.account.address, amount, flow });
      const planned = new Map(before);
      for (const e of flow.edges) {
        const [from, to, token] = [flow.vertices[e.from]!, flow.vertices[e.to]!, flow.vertices[e.token]!];
        planned.set(key(from, token), planned.get(key(from, token))! - e.amount);
        planned.set(key(to, token), planned.get(key(to, token))! + e.amount);
      }
      for (const [k, value] of planned) {
        const [h, t] = k.split(":") as [Address, Address];
        expect(await hub.read.balanceOf([h, BigInt(t)]), k).to.equal(value);
      }

      // The service follows: after a sync its index holds the new balances.
      await service.sync();
      const after = (await (await fetch(`${service.url}/status`)).json()) as { block: string };
      expect(BigInt(after.block)).to.equal(await publicClient.getBlockNumber());
      const [h, t] = [dan.account.address, flow.vertices[flow.edges.at(-1)!.token]!];
      expect(service.index.balanceOf(h, t)).to.equal(await hub.read.balanceOf([h, BigInt(t)]));
    } finally {
      await service.close();
    }
  });

  it("refuses what it cannot answer with a 4xx and a sentence", async function () {
    const { publicClient, wallets, hub } = await networkHelpers.loadFixture(trustWorld);
    const service = await startPathfinderService({ client: publicClient, hub: hub.address, interval: 0 });
    try {
      const [ben, dan] = [wallets[1]!.account.address, wallets[3]!.account.address];
      const refusal = async (response: Response, status: number, pattern: RegExp) => {
        expect(response.status).to.equal(status);
        expect(((await response.json()) as { error: string }).error).to.match(pattern);
      };
      await refusal(await post(service.url, "not json"), 400, /must be a JSON object/);
      await refusal(
        await post(service.url, { from: "ana", to: ben, amount: "1" }),
        400,
        /"from" must be an account address/,
      );
      await refusal(
        await post(service.url, { from: ben, to: dan, amount: "2.5" }),
        400,
        /"amount" must be a positive whole number of wei/,
      );
      await refusal(await post(service.url, { from: ben, to: ben, amount: "1" }), 400, /the same account/);
      const tooMuch = await post(service.url, { from: ben, to: dan, amount: parseEther("10000").toString() });
      expect(tooMuch.status).to.equal(422);
      const body = (await tooMuch.json()) as { error: string; code: string; available: string };
      expect(body.code).to.equal("insufficient-flow");
      expect(body.error).to.match(
        new RegExp(`${getAddress(ben).toLowerCase()} can pay .* at most .* tokens, not 10000 tokens`),
      );
      expect(BigInt(body.available) > 0n).to.equal(true);
      await refusal(await fetch(`${service.url}/flow`), 405, /does not take GET: use POST/);
      await refusal(await fetch(`${service.url}/nowhere`), 404, /There is no \/nowhere here/);
    } finally {
      await service.close();
    }
  });
});
