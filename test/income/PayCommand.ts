import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { expect } from "chai";

import { network } from "hardhat";
import { getAddress, parseEther, zeroAddress, type Address } from "viem";

import { DeploymentRecordError, readDeployment } from "../../client/deployments.js";
import { CommonwealError, describeError, describeRevert } from "../../client/errors.js";
import { readIncomeGraph } from "../../client/actions/income/readIncomeGraph.js";
import { PathfinderError } from "../../client/pathfinder.js";
import { CliError, connection, explain } from "../../tasks/cli.js";
import { payAlongTrust } from "../../tasks/income/pay.js";

const { viem, networkHelpers } = await network.create();
const { time } = networkHelpers;
const DAY = 86_400;

/** Ana, Ben, Cai and Dan with two days of income each, on a chain of trust: Ben trusts Ana, Cai Ben, Dan Cai. */
async function payWorld() {
  const publicClient = await viem.getPublicClient();
  const wallets = await viem.getWalletClients();
  const [ana, ben, cai, dan] = wallets.slice(0, 4) as [
    (typeof wallets)[0],
    (typeof wallets)[0],
    (typeof wallets)[0],
    (typeof wallets)[0],
  ];
  const now = await time.latest();
  const hub = await viem.deployContract("IncomeHub", [
    {
      registry: ana.account.address,
      dayZero: BigInt(Math.floor(now / DAY) * DAY),
      bootstrapPeriod: BigInt(30 * DAY),
      invitationCost: parseEther("96"),
      welcomeBonus: parseEther("48"),
      uri: "",
    },
  ]);
  const people = [ana, ben, cai, dan];
  for (const p of people) await hub.write.register([zeroAddress], { account: p.account });
  await time.increase(2 * DAY);
  for (const p of people) await hub.write.claim({ account: p.account });
  const expiry = BigInt((await time.latest()) + 365 * DAY);
  for (let i = 1; i < people.length; ++i) {
    await hub.write.trust([people[i - 1]!.account.address, expiry], { account: people[i]!.account });
  }
  return { publicClient, wallets, hub, ana, ben, cai, dan };
}

describe("income pay (the CLI's payment along trust)", function () {
  it("pays Ana → Dan 25 in one transaction, through Ben and Cai", async function () {
    const { publicClient, wallets, hub, ana, cai, dan } = await networkHelpers.loadFixture(payWorld);
    const before = await hub.read.balanceOf([dan.account.address, BigInt(cai.account.address)]);
    const result = await payAlongTrust(connection(publicClient, wallets, 31337), {
      from: ana.account.address,
      to: dan.account.address,
      amount: "25",
      hub: hub.address,
      json: false,
    });
    expect(result.amount).to.equal(parseEther("25"));
    expect(result.hops).to.equal(3);
    expect(result.transfers).to.equal(3);
    expect(await hub.read.balanceOf([dan.account.address, BigInt(cai.account.address)])).to.equal(
      before + parseEther("25"),
    );
    // The graph the pathfinder reads back shows the new holdings.
    const { graph, holdings } = await readIncomeGraph(publicClient, { hub: hub.address });
    const lower = (a: Address) => a.toLowerCase() as Address;
    expect(graph.get(lower(dan.account.address))?.has(lower(cai.account.address))).to.equal(true);
    expect(holdings.get(lower(dan.account.address))?.get(lower(cai.account.address))).to.equal(
      before + parseEther("25"),
    );
  });

  it("refuses bad input before sending anything, in sentences", async function () {
    const { publicClient, wallets, hub, ana, dan } = await networkHelpers.loadFixture(payWorld);
    const base = { from: ana.account.address, to: dan.account.address, hub: hub.address, json: false };
    const nonce = await publicClient.getTransactionCount({ address: ana.account.address });
    const cases: [Partial<typeof base> & { amount?: string }, RegExp][] = [
      [{ amount: "twenty" }, /--amount "twenty" is not an amount/],
      [{ amount: "1.0000000000000000001" }, /at most 18 decimals/],
      [{ amount: "0" }, /more than zero/],
      [{ amount: "1", to: "0x1234" }, /--to "0x1234" is not an address/],
      [{ amount: "1", from: "0x00000000000000000000000000000000000000aa" }, /is not one of this network's accounts/],
      [{ amount: "1", hub: "0x00000000000000000000000000000000000000aa" }, /There is no income hub at/],
    ];
    for (const [override, message] of cases) {
      const error = await payAlongTrust(connection(publicClient, wallets, 31337), { ...base, ...override }).catch(
        (e: unknown) => e,
      );
      // Refused as bad input (the CLI's or the client's sentence), never as a crash.
      expect(error instanceof CliError || error instanceof CommonwealError, String(message)).to.equal(true);
      expect(explain(error)).to.match(message);
    }
    const tooMuch = await payAlongTrust(connection(publicClient, wallets, 31337), { ...base, amount: "1000" }).catch(
      (e: unknown) => e,
    );
    expect(tooMuch).to.be.instanceOf(PathfinderError);
    // In tokens, as the hub's balanceOf reads them, not in its smallest unit.
    expect(explain(tooMuch)).to.match(/can pay .* at most [\d.]+ tokens, not 1000 tokens \(along paths of trust/);
    expect(await publicClient.getTransactionCount({ address: ana.account.address })).to.equal(nonce);
  });

  it("explains a contract's refusal with its custom error as a sentence", async function () {
    const { publicClient, hub, ana, cai } = await networkHelpers.loadFixture(payWorld);
    // Cai does not trust Ana: a direct hop of Ana's token is refused by the hub itself.
    const [first, second] = [ana.account.address, cai.account.address].sort((x, y) =>
      BigInt(x) < BigInt(y) ? -1 : 1,
    ) as [Address, Address];
    const anaIndex = first === ana.account.address ? 0 : 1;
    const error = await publicClient
      .simulateContract({
        address: hub.address,
        abi: hub.abi,
        functionName: "payAlongTrust",
        args: [
          [first, second],
          [{ from: anaIndex, to: 1 - anaIndex, token: anaIndex, amount: 1n }],
          cai.account.address,
          1n,
        ],
        account: ana.account,
      })
      .catch((e: unknown) => e);
    const sentence = describeError("IncomeHubUntrustedHop", [
      0n,
      getAddress(cai.account.address),
      getAddress(ana.account.address),
    ]);
    expect(describeRevert(error)).to.equal(sentence);
    expect(explain(error)).to.equal(sentence);
    expect(describeRevert(new Error("plain"))).to.equal(undefined);
  });

  it("says how to deploy when a network has no deployment record", function () {
    const empty = mkdtempSync(join(tmpdir(), "commonweal-"));
    expect(() => readDeployment(12345, { folder: empty }))
      .to.throw(DeploymentRecordError)
      .with.property("message")
      .that.matches(/No deployment record for chain 12345.*ignition deploy/);
  });
});
