// Client actions the demo (scripts/demo.ts) needed and the CLI tests do not reach: publishing a template, a treasury's
// token balance in units, reading a draw by lot, a clearing line's decision, and who a hard reset was triggered by.
import { expect } from "chai";
import { network } from "hardhat";
import { getAddress, keccak256, parseUnits, stringToBytes, type Address } from "viem";

import { publishTemplate } from "../../client/actions/circle/publishTemplate.js";
import { readRulesWithOverrides } from "../../client/actions/circle/readRulesWithOverrides.js";
import { signalReset } from "../../client/actions/circle/signalReset.js";
import { prepareOpenClearingLine } from "../../client/actions/credit/prepareOpenClearingLine.js";
import { readDraw } from "../../client/actions/mandate/readDraw.js";
import { readTokenBalance } from "../../client/actions/mandate/readTokenBalance.js";
import { requestDrawCall } from "../../client/actions/mandate/requestDrawCall.js";
import { DecisionWouldFailError, InvalidParameterError, describeRevert } from "../../client/errors.js";
import { circleFixtures, mandateSpec, type CircleWorld } from "../fixtures/circles.js";

const net = await network.create();
const { ethers, viem, networkHelpers } = net;
const { circleWorld, decide, secondCircle, foundCouncil, grantByDecision } = circleFixtures(net);

const address = async (contract: { getAddress(): Promise<string> }) => getAddress(await contract.getAddress());

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail("expected a refusal"),
    (e: unknown) => e,
  );
}

async function world() {
  const w = await circleWorld();
  const wallets = await viem.getWalletClients();
  return {
    w,
    publicClient: await viem.getPublicClient(),
    wallets,
    registry: await address(w.registry),
    circle: await address(w.circle),
    mandates: await address(w.mandates),
  };
}

/** Two circles seated in one council, each with its currency (0 decimals, credit 100 by default). */
async function twoCurrencies() {
  const base = await networkHelpers.loadFixture(world);
  const a = base.w;
  const b = await secondCircle(a);
  const { council, seats } = await foundCouncil(a, "Market council", { openJoin: true });
  await decide(
    b,
    [{ target: seats.target as string, data: seats.interface.encodeFunctionData("requestSeat") }],
    "Join",
  );
  const factory = await ethers.deployContract("CreditFactory", [await a.registry.getAddress()]);
  async function currencyFor(c: CircleWorld, symbol: string): Promise<Address> {
    const predicted = await factory.currencyOf(c.circle.target);
    await decide(
      c,
      [
        {
          target: factory.target as string,
          data: factory.interface.encodeFunctionData("createCurrency", [symbol, symbol, 0, 100n, 200n]),
        },
        {
          target: c.rituals.target as string,
          data: c.rituals.interface.encodeFunctionData("addRoleModule", [predicted]),
        },
      ],
      `Create ${symbol}`,
    );
    return getAddress(predicted);
  }
  return {
    ...base,
    a,
    b,
    council: await address(council),
    elm: await currencyFor(a, "ELM"),
    birch: await currencyFor(b, "BIRCH"),
  };
}

describe("client actions of the demo", function () {
  it("publishes a template under its name's hash, and refuses the same name twice with the registry's sentence", async function () {
    const { publicClient, wallets, registry } = await networkHelpers.loadFixture(world);
    const { rules, mandateRules } = await readRulesWithOverrides(publicClient, { registry });
    const wallet = wallets[0]!;
    const published = await publishTemplate(wallet, { registry, name: "Allotment circle", rules, mandateRules });
    expect(published.templateId).to.equal(keccak256(stringToBytes("Allotment circle")));
    expect(published.publisher).to.equal(getAddress(wallet.account.address));
    expect(published.rules).to.deep.equal(rules);
    const again = await failure(publishTemplate(wallet, { registry, name: "Allotment circle", rules, mandateRules }));
    expect(describeRevert(again)).to.equal(
      `A template with that name (${published.templateId}) is already published; choose another name.`,
    );
    const unnamed = await failure(publishTemplate(wallet, { registry, name: " ", rules, mandateRules }));
    expect(unnamed).to.be.instanceOf(InvalidParameterError);
  });

  it("reads a treasury's token balance in the token's units, and refuses a contract that is no ERC-20", async function () {
    const { publicClient, w, circle, registry } = await networkHelpers.loadFixture(world);
    const token = await address(w.token);
    await (await w.token.mint(circle, parseUnits("12.5", 18) - 1_000n)).wait();
    const read = await readTokenBalance(publicClient, { token, account: circle });
    expect(read.balance).to.equal(parseUnits("12.5", 18));
    expect(read.formatted).to.equal("12.5 MCT");
    const notToken = await failure(readTokenBalance(publicClient, { token: registry, account: circle }));
    expect(notToken).to.be.instanceOf(InvalidParameterError);
    expect((notToken as Error).message).to.equal(
      `${registry} does not answer decimals(), so it is not an ERC-20 token whose balance can be read in units.`,
    );
  });

  it("reads a requested draw with its frozen pool, and refuses a draw never requested", async function () {
    const { publicClient, w, mandates } = await networkHelpers.loadFixture(world);
    const proposer = getAddress(w.founders[0]!.address);
    const call = await requestDrawCall(publicClient, { mandates, role: "scribe", duration: 86_400, proposer });
    await (await decide(w, [{ target: call.call.target, data: call.call.data }], call.description)).wait();
    const draw = await readDraw(publicClient, { mandates, drawId: 1n });
    expect(draw.role).to.equal("scribe");
    expect(draw.status).to.equal("pending");
    expect(draw.mandateId).to.equal(null);
    expect(draw.proposer).to.equal(proposer);
    expect(draw.pool).to.deep.equal(call.pool);
    expect(draw.pool).to.not.include(proposer);
    expect(draw.ticket).to.equal((await w.mandates.draw(1n)).ticket);
    const none = await failure(readDraw(publicClient, { mandates, drawId: 2n }));
    expect(none).to.be.instanceOf(InvalidParameterError);
    expect((none as Error).message).to.equal(
      `There is no draw 2 in the mandates module ${mandates}: list the pending draws (listPendingDraws).`,
    );
  });

  it("prepares a clearing line the circle can open, and refuses one in a council the other circle is not in", async function () {
    const t = await twoCurrencies();
    const line = await prepareOpenClearingLine(t.publicClient, {
      currency: t.elm,
      other: t.birch,
      council: t.council,
      limits: { creditLimit: 50n, saturationLimit: 50n },
    });
    expect(line.circle).to.equal(t.circle);
    expect(line.otherCircle).to.equal(await address(t.b.circle));
    expect(line.calls).to.have.length(2);
    expect(line.description).to.equal(
      `Open a clearing line from ELM to BIRCH (${line.otherCircle}) in the council ${t.council}, limits credit 50 ELM and saturation 50 ELM`,
    );
    const receipt = await (await decide(t.a, [...line.calls], line.description)).wait();
    const credit = await ethers.getContractAt("MutualCredit", t.elm);
    expect(await credit.limitsOf(line.otherCircle)).to.deep.equal([50n, 50n]);
    expect(receipt!.status).to.equal(1);

    const lonely = await foundCouncil(t.a, "Lonely council");
    const refused = await failure(
      prepareOpenClearingLine(t.publicClient, {
        currency: t.elm,
        other: t.birch,
        council: await address(lonely.council),
      }),
    );
    expect(refused).to.be.instanceOf(DecisionWouldFailError);
    expect((refused as DecisionWouldFailError).errorName).to.equal("MutualCreditNotInCouncil");
    const notCurrency = await failure(
      prepareOpenClearingLine(t.publicClient, { currency: t.elm, other: t.registry, council: t.council }),
    );
    expect(notCurrency).to.be.instanceOf(InvalidParameterError);
  });

  it("names who triggered a hard reset and the mandates it ended; a signal short of the threshold names none", async function () {
    const { w, wallets, circle, registry } = await networkHelpers.loadFixture(world);
    const mandateId = await grantByDecision(w, mandateSpec("gardener", 86_400), w.founders[4]!.address);
    const signals = [];
    for (const wallet of wallets.slice(1, 4)) signals.push(await signalReset(wallet, { circle, registry }));
    expect(signals[0]!.reset).to.equal(false);
    expect(signals[0]!.triggeredBy).to.deep.equal([]);
    expect(signals[0]!.endedMandates).to.deep.equal([]);
    const last = signals.at(-1)!;
    expect(last.reset).to.equal(true);
    expect(last.triggeredBy).to.deep.equal(wallets.slice(1, 4).map((c) => getAddress(c.account.address)));
    expect(last.endedMandates).to.deep.equal([mandateId]);
  });
});
