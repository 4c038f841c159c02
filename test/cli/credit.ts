import { expect } from "chai";
import { network } from "hardhat";
import { getAddress, maxUint256, type Address } from "viem";

import { mutualCreditAbi } from "../../client/abis.js";
import { MAX_CREDIT_VALUE } from "../../client/credit.js";
import { ContractRefusalError, DecisionWouldFailError, describeError } from "../../client/errors.js";
import { connection, errorJson, explain } from "../../tasks/cli.js";
import { proposeCurrency, type CreateArgs } from "../../tasks/credit/create.js";
import { proposeJubilee } from "../../tasks/credit/jubilee.js";
import { creditLedger } from "../../tasks/credit/ledger.js";
import { creditLimits, type LimitsArgs } from "../../tasks/credit/limits.js";
import { payInCredit, type PayArgs } from "../../tasks/credit/pay.js";
import type { ProposalMade } from "../../tasks/circle/shared.js";
import { circleFixtures, Vote, type CircleWorld } from "../fixtures/circles.js";
import { expectRefusals, failure } from "../fixtures/cli.js";

const net = await network.create();
const { ethers, viem, networkHelpers } = net;
const { time, loadFixture } = networkHelpers;
const { circleWorld, decide } = circleFixtures(net);
const publicClient = await viem.getPublicClient();
const wallets = await viem.getWalletClients();
const cli = () => connection(publicClient, wallets, 31337);

/** A circle and a credit factory on its registry; no currency yet. */
async function factoryWorld() {
  const w = await circleWorld();
  const factory = await ethers.deployContract("CreditFactory", [await w.registry.getAddress()]);
  const [ana, ben, cai] = w.founders.map((f) => getAddress(f.address)) as Address[];
  return {
    ...w,
    factory,
    factoryAddress: getAddress(await factory.getAddress()),
    circleAddress: getAddress(await w.circle.getAddress()),
    tokenAddress: getAddress(await w.token.getAddress()),
    ana: ana!,
    ben: ben!,
    cai: cai!,
    outsider: getAddress(w.outsiders[0]!.address),
  };
}

/** The circle's currency "Elm hours" (HRS, 2 decimals): credit limit 100.00, saturation 200.00 by default. */
async function creditWorld() {
  const w = await factoryWorld();
  const currency = getAddress(await w.factory.currencyOf(w.circleAddress));
  const createData = w.factory.interface.encodeFunctionData("createCurrency", [
    "Elm hours",
    "HRS",
    2,
    100_00n,
    200_00n,
  ]);
  const rituals = await ethers.getContractAt("CircleRituals", await w.circle.rituals());
  const addData = rituals.interface.encodeFunctionData("addRoleModule", [currency]);
  await (
    await decide(
      w,
      [
        { target: w.factoryAddress, data: createData },
        { target: await rituals.getAddress(), data: addData },
      ],
      "Create our currency",
    )
  ).wait();
  const credit = await ethers.getContractAt("MutualCredit", currency);
  return { ...w, currency, credit };
}

/** Votes a proposal the task made through (the first four founders for), and executes it. */
async function passAndExecute(w: CircleWorld, d: ProposalMade) {
  await time.increase(Number(await w.circle.votingDelay()) + 1);
  for (const voter of w.founders.slice(0, 4))
    await (await w.circle.connect(voter).castVote(d.proposalId, Vote.For)).wait();
  await time.increaseTo((await w.circle.proposalDeadline(d.proposalId)) + 1n);
  return (await w.circle.execute(d.targets, d.values, d.calldatas, d.descriptionHash)).wait();
}

const nonceOf = (address: Address) => publicClient.getTransactionCount({ address });

describe("credit tasks (the CLI, in-process)", function () {
  describe("credit create", function () {
    it("proposes creating the currency and registering it; executed, the currency exists as a role module", async function () {
      const w = await loadFixture(factoryWorld);
      const d = await proposeCurrency(cli(), {
        circle: w.circleAddress,
        name: "Elm hours",
        symbol: "HRS",
        decimals: "2",
        credit: "100",
        saturation: "200",
        factory: w.factoryAddress,
        from: w.ana,
        json: false,
      });
      expect(d.currency).to.equal(getAddress(await w.factory.currencyOf(w.circleAddress)));
      expect(await publicClient.getCode({ address: d.currency })).to.equal(undefined);
      await passAndExecute(w, d);
      const credit = await ethers.getContractAt("MutualCredit", d.currency);
      expect([await credit.name(), await credit.symbol(), await credit.decimals()]).to.deep.equal([
        "Elm hours",
        "HRS",
        2n,
      ]);
      expect(await credit.limitsOf(w.circleAddress)).to.deep.equal([100_00n, 200_00n]);
      const rituals = await ethers.getContractAt("CircleRituals", await w.circle.rituals());
      expect(await rituals.roleModules()).to.deep.equal([d.currency]);
    });

    it("refuses bad input, a stranger's circle and a second currency before sending anything", async function () {
      const w = await loadFixture(creditWorld);
      const base: CreateArgs = {
        circle: w.circleAddress,
        name: "Oak hours",
        symbol: "OAK",
        decimals: "2",
        credit: "100",
        factory: w.factoryAddress,
        from: w.ana,
        json: false,
      };
      const nonce = await nonceOf(w.ana);
      await expectRefusals(
        (args: Partial<CreateArgs>) => proposeCurrency(cli(), { ...base, ...args }),
        [
          [{ name: " " }, /--name is required/],
          [{ symbol: undefined }, /--symbol is required/],
          [{ decimals: "19" }, /--decimals "19" is not a number of decimals/],
          [{ credit: "lots" }, /--credit "lots" is not an amount/],
          [{ credit: "1.001" }, /at most 2 decimals/],
          [{ circle: "0x12" }, /--circle "0x12" is not an address/],
          [{ circle: w.tokenAddress }, /is not a circle or council of the registry/],
          [{ factory: w.outsider }, `There is no credit factory at ${w.outsider} on chain 31337.`],
          [{ factory: w.tokenAddress }, `${w.tokenAddress} is not a credit factory (it has no registry).`],
          [{}, describeError("CreditFactoryCurrencyExists", [w.circleAddress, w.currency])],
        ],
      );
      expect(await nonceOf(w.ana)).to.equal(nonce);
    });
  });

  describe("credit pay", function () {
    it("pays in the currency's decimals, with a memo on the ledger", async function () {
      const w = await loadFixture(creditWorld);
      const r = await payInCredit(cli(), {
        circle: w.circleAddress,
        to: w.ben,
        amount: "30.5",
        memo: "bike repair",
        factory: w.factoryAddress,
        from: w.ana,
        json: false,
      });
      expect(r).to.include({ payer: w.ana, to: w.ben, amount: 30_50n, payerBalance: -30_50n, payeeBalance: 30_50n });
      expect(await w.credit.signedBalanceOf(w.ana)).to.equal(-30_50n);
      expect(await w.credit.givenTo(w.ana, w.ben)).to.equal(30_50n);
      const memos = await publicClient.getContractEvents({
        address: w.currency,
        abi: mutualCreditAbi,
        eventName: "Memo",
        fromBlock: 0n,
      });
      expect(memos.map((m) => m.args.memo)).to.deep.equal(["bike repair"]);
      // --currency instead of --circle, and no memo: a plain transfer.
      await payInCredit(cli(), { currency: w.currency, to: w.ana, amount: "0.5", from: w.ben, json: false });
      expect(await w.credit.signedBalanceOf(w.ben)).to.equal(30_00n);
    });

    it("refuses a payment beyond the credit limit in the currency's units, and bad input, sending nothing", async function () {
      const w = await loadFixture(creditWorld);
      const otherFactory = getAddress(
        await (await ethers.deployContract("CreditFactory", [await w.registry.getAddress()])).getAddress(),
      );
      const base: PayArgs = {
        circle: w.circleAddress,
        to: w.ben,
        amount: "10",
        factory: w.factoryAddress,
        from: w.ana,
        json: false,
      };
      const nonce = await nonceOf(w.ana);
      const { error } = await failure(payInCredit(cli(), { ...base, amount: "100.01" }));
      expect(error).to.be.instanceOf(ContractRefusalError);
      const units = { decimals: 2, symbol: "HRS" };
      expect(explain(error)).to.equal(describeError("MutualCreditLimitExceeded", [w.ana, -100_01n, 100_00n], units));
      expect(explain(error)).to.equal(
        `That payment would take ${w.ana} to -100.01 HRS, below their credit limit of -100 HRS.`,
      );
      // --json still names the contract's error and its raw arguments, for scripts.
      expect(errorJson(error)).to.deep.equal({
        error: explain(error),
        errorName: "MutualCreditLimitExceeded",
        args: [w.ana, -100_01n, 100_00n],
      });
      // Past the payee's saturation limit (200 HRS), in units too.
      for (const payer of w.founders.slice(2, 4)) await (await w.credit.connect(payer).transfer(w.ben, 95_00n)).wait();
      const saturated = await failure(payInCredit(cli(), { ...base, from: w.founders[4]!.address, amount: "10.5" }));
      expect(saturated.sentence).to.equal(
        `That payment would take ${w.ben} to 200.5 HRS, above their saturation limit of 200 HRS.`,
      );
      await expectRefusals(
        (args: Partial<PayArgs>) => payInCredit(cli(), { ...base, ...args }),
        [
          [{ to: w.outsider }, describeError("MutualCreditNotHolder", [w.outsider])],
          [{ amount: "1.001" }, /--amount "1.001" is not an amount: use digits, and at most 2 decimals/],
          [{ amount: "ten" }, /--amount "ten" is not an amount/],
          [{ amount: "0" }, /--amount must be more than zero/],
          [{ amount: undefined }, /--amount is required/],
          [{ to: "0x12" }, /--to "0x12" is not an address/],
          [{ circle: w.tokenAddress }, /is not a circle or council of the registry/],
          [
            { factory: otherFactory },
            `Circle ${w.circleAddress} has no currency yet: propose one with npx hardhat credit create --circle ${w.circleAddress} --name <name> --symbol <symbol> --credit <limit>.`,
          ],
          [{ circle: undefined }, /Say which currency/],
          [{ circle: undefined, currency: w.tokenAddress }, `${w.tokenAddress} is not a mutual-credit currency.`],
        ],
      );
      expect(await nonceOf(w.ana)).to.equal(nonce);
      expect(await w.credit.signedBalanceOf(w.ana)).to.equal(0n);
    });
  });

  describe("credit limits", function () {
    it("shows an account's limits and what it can still pay and receive", async function () {
      const w = await loadFixture(creditWorld);
      await w.credit.connect(w.founders[0]!).transfer(w.ben, 40_00n);
      const r = await creditLimits(cli(), {
        circle: w.circleAddress,
        account: w.ben,
        factory: w.factoryAddress,
        json: false,
      });
      expect(r).to.deep.include({
        action: "shown",
        account: w.ben,
        holder: true,
        balance: 40_00n,
        creditLimit: 100_00n,
        saturationLimit: 200_00n,
        canPay: 140_00n,
        canReceive: 160_00n,
      });
    });

    it("proposes new limits as a decision; the limit not given keeps its value", async function () {
      const w = await loadFixture(creditWorld);
      const base: LimitsArgs = {
        circle: w.circleAddress,
        account: w.ben,
        factory: w.factoryAddress,
        from: w.ana,
        json: false,
      };
      const d = await creditLimits(cli(), { ...base, credit: "150" });
      if (d.action !== "proposed") expect.fail("expected a proposal");
      expect(d).to.include({ creditLimit: 150_00n, saturationLimit: 200_00n });
      await passAndExecute(w, d);
      expect(await w.credit.limitsOf(w.ben)).to.deep.equal([150_00n, 200_00n]);

      const unlimited = await creditLimits(cli(), { ...base, saturation: "unlimited", credit: "0" });
      if (unlimited.action !== "proposed") expect.fail("expected a proposal");
      expect(unlimited.saturationLimit).to.equal(maxUint256);
      await passAndExecute(w, unlimited);
      expect(await w.credit.limitsOf(w.ben)).to.deep.equal([0n, MAX_CREDIT_VALUE]);

      const nonce = await nonceOf(w.ana);
      await expectRefusals(
        (args: Partial<LimitsArgs>) => creditLimits(cli(), { ...base, ...args }),
        [
          [{ credit: "1.234" }, /at most 2 decimals/],
          [{ saturation: "lots" }, /--saturation "lots" is not an amount/],
          [{ account: "ben" }, /--account "ben" is not an address/],
          [{ credit: "10", from: w.outsider }, describeError("GovernorInsufficientProposerVotes", [w.outsider])],
        ],
      );
      // A limit the currency would refuse: the decision would fail, said in the currency's units.
      const huge = "20000000000000000000000000000000";
      const tooLarge = await failure(creditLimits(cli(), { ...base, credit: huge }));
      expect(tooLarge.error).to.be.instanceOf(DecisionWouldFailError);
      expect(tooLarge.sentence).to.equal(
        `This decision would fail if it were executed now: ${huge} HRS is too large: amounts and limits are at most 2^100 - 1 of the currency's smallest unit.`,
      );
      expect(await nonceOf(w.ana)).to.equal(nonce);
    });
  });

  describe("credit ledger", function () {
    it("shows an account's balance, totals, and what two accounts gave each other", async function () {
      const w = await loadFixture(creditWorld);
      const [ana, ben, cai] = w.founders;
      await w.credit.connect(ana!).transfer(w.ben, 20_00n);
      await w.credit.connect(ben!).transfer(w.ana, 5_00n);
      await w.credit.connect(cai!).transfer(w.ana, 1_00n);
      const r = await creditLedger(cli(), { currency: w.currency, account: w.ana, with: w.ben, json: false });
      expect(r).to.deep.include({
        balance: -14_00n,
        given: 20_00n,
        received: 6_00n,
        with: { other: w.ben, givenTo: 20_00n, receivedFrom: 5_00n },
      });
      const { sentence } = await failure(creditLedger(cli(), { currency: w.currency, with: "0xben", json: false }));
      expect(sentence).to.match(/--with "0xben" is not an address/);
    });
  });

  describe("credit jubilee", function () {
    it("proposes a jubilee; executed, every balance is zero again", async function () {
      const w = await loadFixture(creditWorld);
      await w.credit.connect(w.founders[0]!).transfer(w.ben, 20_00n);
      const d = await proposeJubilee(cli(), {
        circle: w.circleAddress,
        factory: w.factoryAddress,
        from: w.cai,
        json: false,
      });
      expect(d.accountsWithBalance).to.equal(2);
      await passAndExecute(w, d);
      expect(await w.credit.signedBalanceOf(w.ana)).to.equal(0n);
      expect(await w.credit.signedBalanceOf(w.ben)).to.equal(0n);
      expect(await w.credit.givenTo(w.ana, w.ben)).to.equal(20_00n);

      const nonce = await nonceOf(w.cai);
      const { sentence } = await failure(
        proposeJubilee(cli(), { circle: w.circleAddress, factory: w.factoryAddress, from: w.cai, json: false }),
      );
      expect(sentence).to.equal(
        `Proposal ${d.proposalId} makes the same calls with the same description already: vote on it, or give another description.`,
      );
      expect(await nonceOf(w.cai)).to.equal(nonce);
    });
  });
});
