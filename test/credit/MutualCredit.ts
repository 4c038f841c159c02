import { expect } from "chai";
import { network } from "hardhat";

import { PERMIT_TYPES } from "../../client/ballots.js";
import { findEvent } from "../../client/events.js";
import { circleFixtures, type CircleWorld } from "../fixtures/circles.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const { time } = networkHelpers;
const { circleWorld, decide } = circleFixtures(connection);

const UNLIMITED = ethers.MaxUint256;

/** Elm circle with its currency "Elm hours" (2 decimals): credit limit 100.00, saturation 200.00 by default. */
async function creditWorld() {
  const world = await circleWorld();
  const factory = await ethers.deployContract("CreditFactory", [await world.registry.getAddress()]);
  const predicted = await factory.currencyOf(world.circle.target);
  const receipt = await (
    await decide(
      world,
      [
        {
          target: factory.target as string,
          data: factory.interface.encodeFunctionData("createCurrency", ["Elm hours", "HRS", 2, 100_00n, 200_00n]),
        },
        {
          target: world.rituals.target as string,
          data: world.rituals.interface.encodeFunctionData("addRoleModule", [predicted]),
        },
      ],
      "Create our currency",
    )
  ).wait();
  const created = findEvent(factory.interface, receipt!.logs, "CurrencyCreated")!;
  expect(created.args.currency).to.equal(predicted);
  const credit = await ethers.getContractAt("MutualCredit", predicted);
  const [ana, ben, cai] = world.founders as [
    (typeof world.founders)[0],
    (typeof world.founders)[0],
    (typeof world.founders)[0],
  ];
  return { ...world, factory, credit, ana: ana!, ben: ben!, cai: cai! };
}

async function sumOfBalances(world: Awaited<ReturnType<typeof creditWorld>>) {
  const accounts = [...world.founders, ...world.outsiders]
    .map((s) => s.address)
    .concat([world.circle.target as string]);
  let sum = 0n;
  for (const a of accounts) sum += await world.credit.signedBalanceOf(a);
  return sum;
}

function circleCall(
  world: CircleWorld,
  credit: { target: unknown; interface: { encodeFunctionData: (...a: never[]) => string } },
  data: string,
) {
  return { target: credit.target as string, data };
}

describe("MutualCredit", function () {
  it("is created by the circle's decision, which admits the circle as its commons and registers the hook", async function () {
    const { credit, circle, registry, rituals } = await networkHelpers.loadFixture(creditWorld);
    expect(await credit.name()).to.equal("Elm hours");
    expect(await credit.symbol()).to.equal("HRS");
    expect(await credit.decimals()).to.equal(2n);
    expect(await credit.isHolder(circle.target)).to.equal(true);
    expect(await credit.circle()).to.equal(circle.target);
    expect(await rituals.roleModules()).to.include(credit.target);
    expect(await credit.limitsOf(circle.target)).to.deep.equal([100_00n, 200_00n]);
    const [someone] = await ethers.getSigners();
    const factory = await ethers.deployContract("CreditFactory", [await registry.getAddress()]);
    await expect(factory.connect(someone!).createCurrency("x", "x", 2, 1n, 1n))
      .to.be.revertedWithCustomError(factory, "CreditFactoryNotCircle")
      .withArgs(someone!.address);
  });

  it("creates money by trading: balances are signed and always sum to zero", async function () {
    const world = await networkHelpers.loadFixture(creditWorld);
    const { credit, ana, ben } = world;
    await expect(credit.connect(ana).transfer(ben.address, 30_00n))
      .to.emit(credit, "Transfer")
      .withArgs(ana.address, ben.address, 30_00n);
    expect(await credit.signedBalanceOf(ana.address)).to.equal(-30_00n);
    expect(await credit.signedBalanceOf(ben.address)).to.equal(30_00n);
    expect(await credit.balanceOf(ana.address)).to.equal(0n);
    expect(await credit.balanceOf(ben.address)).to.equal(30_00n);
    expect(await credit.totalSupply()).to.equal(30_00n);
    await credit.connect(ben).transfer(ana.address, 10_00n);
    expect(await credit.totalSupply()).to.equal(20_00n);
    expect(await sumOfBalances(world)).to.equal(0n);
    expect(await credit.accountsWithBalance()).to.have.members([ana.address, ben.address]);
  });

  it("keeps a reciprocity ledger, and memos in events", async function () {
    const { credit, ana, ben, cai } = await networkHelpers.loadFixture(creditWorld);
    const memoHash = ethers.id("two hours of bike repair");
    await expect(credit.connect(ana).transferWithMemo(ben.address, 20_00n, memoHash, "bike repair"))
      .to.emit(credit, "Memo")
      .withArgs(ana.address, ben.address, 20_00n, memoHash, "bike repair");
    await credit.connect(ben).transfer(ana.address, 5_00n);
    await credit.connect(cai).transfer(ana.address, 1_00n);
    expect(await credit.givenTo(ana.address, ben.address)).to.equal(20_00n);
    expect(await credit.givenTo(ben.address, ana.address)).to.equal(5_00n);
    expect(await credit.totals(ana.address)).to.deep.equal([20_00n, 6_00n]);
    expect(await credit.totals(ben.address)).to.deep.equal([5_00n, 20_00n]);
  });

  it("refuses to cross a credit or saturation limit, saying which and by how much", async function () {
    const { credit, ana, ben, cai } = await networkHelpers.loadFixture(creditWorld);
    await expect(credit.connect(ana).transfer(ben.address, 100_01n))
      .to.be.revertedWithCustomError(credit, "MutualCreditLimitExceeded")
      .withArgs(ana.address, -100_01n, 100_00n);
    await credit.connect(ana).transfer(ben.address, 100_00n);
    await credit.connect(cai).transfer(ben.address, 100_00n);
    await expect(credit.connect(cai).transfer(ben.address, 1n))
      .to.be.revertedWithCustomError(credit, "MutualCreditLimitExceeded")
      .withArgs(cai.address, -100_01n, 100_00n);
    const dee = (await ethers.getSigners())[3]!;
    await expect(credit.connect(dee).transfer(ben.address, 1n))
      .to.be.revertedWithCustomError(credit, "MutualCreditSaturationExceeded")
      .withArgs(ben.address, 200_01n, 200_00n);
  });

  it("lets only members and admitted accounts hold balances", async function () {
    const { credit, ana, outsiders } = await networkHelpers.loadFixture(creditWorld);
    await expect(credit.connect(ana).transfer(outsiders[0]!.address, 1n))
      .to.be.revertedWithCustomError(credit, "MutualCreditNotHolder")
      .withArgs(outsiders[0]!.address);
    await expect(credit.connect(outsiders[0]!).transfer(ana.address, 1n))
      .to.be.revertedWithCustomError(credit, "MutualCreditNotHolder")
      .withArgs(outsiders[0]!.address);
    await expect(credit.connect(ana).transfer(ethers.ZeroAddress, 1n)).to.be.revertedWithCustomError(
      credit,
      "MutualCreditZeroAddress",
    );
  });

  it("follows the ERC-20 rules that still apply: zero-value transfers, allowances, infinite allowance", async function () {
    const { credit, ana, ben, cai } = await networkHelpers.loadFixture(creditWorld);
    await expect(credit.connect(ana).transfer(ben.address, 0n))
      .to.emit(credit, "Transfer")
      .withArgs(ana.address, ben.address, 0n);
    expect(await credit.signedBalanceOf(ana.address)).to.equal(0n);
    await expect(credit.connect(ana).approve(cai.address, 10_00n))
      .to.emit(credit, "Approval")
      .withArgs(ana.address, cai.address, 10_00n);
    await credit.connect(cai).transferFrom(ana.address, ben.address, 4_00n);
    expect(await credit.allowance(ana.address, cai.address)).to.equal(6_00n);
    await expect(credit.connect(cai).transferFrom(ana.address, ben.address, 7_00n))
      .to.be.revertedWithCustomError(credit, "MutualCreditInsufficientAllowance")
      .withArgs(cai.address, 6_00n, 7_00n);
    await credit.connect(ana).approve(cai.address, UNLIMITED);
    await credit.connect(cai).transferFrom(ana.address, ben.address, 1_00n);
    expect(await credit.allowance(ana.address, cai.address)).to.equal(UNLIMITED);
    await expect(credit.connect(ana).approve(ethers.ZeroAddress, 1n)).to.be.revertedWithCustomError(
      credit,
      "MutualCreditZeroAddress",
    );
  });

  it("accepts EIP-2612 permits, and refuses a wrong signer or an expired deadline", async function () {
    const { credit, ana, ben } = await networkHelpers.loadFixture(creditWorld);
    const { chainId } = await ethers.provider.getNetwork();
    const domain = { name: "Elm hours", version: "1", chainId, verifyingContract: await credit.getAddress() };
    const types = { Permit: [...PERMIT_TYPES.Permit] };
    const deadline = BigInt(await time.latest()) + 3_600n;
    const message = { owner: ana.address, spender: ben.address, value: 5_00n, nonce: 0n, deadline };
    const sig = ethers.Signature.from(await ana.signTypedData(domain, types, message));
    await expect(credit.permit(ana.address, ben.address, 5_00n, deadline, sig.v, sig.r, sig.s))
      .to.emit(credit, "Approval")
      .withArgs(ana.address, ben.address, 5_00n);
    expect(await credit.nonces(ana.address)).to.equal(1n);
    const forged = ethers.Signature.from(await ben.signTypedData(domain, types, { ...message, nonce: 1n }));
    await expect(
      credit.permit(ana.address, ben.address, 5_00n, deadline, forged.v, forged.r, forged.s),
    ).to.be.revertedWithCustomError(credit, "MutualCreditInvalidSigner");
    await time.increaseTo(deadline + 1n);
    const late = ethers.Signature.from(await ana.signTypedData(domain, types, { ...message, nonce: 1n }));
    await expect(credit.permit(ana.address, ben.address, 5_00n, deadline, late.v, late.r, late.s))
      .to.be.revertedWithCustomError(credit, "MutualCreditPermitExpired")
      .withArgs(deadline);
  });

  it("sets limits only by decision; a limit lowered below a balance only lets it move back", async function () {
    const world = await networkHelpers.loadFixture(creditWorld);
    const { credit, ana, ben } = world;
    await credit.connect(ana).transfer(ben.address, 80_00n);
    await expect(credit.connect(ana).setLimits(ana.address, 0n, 0n)).to.be.revertedWithCustomError(
      credit,
      "MutualCreditOnlyCircle",
    );
    const lower = credit.interface.encodeFunctionData("setLimits", [ana.address, 50_00n, UNLIMITED]);
    await expect(decide(world, [circleCall(world, credit, lower)], "Lower Ana's credit"))
      .to.emit(credit, "LimitsSet")
      .withArgs(ana.address, 50_00n, UNLIMITED);
    // Ana is at -80, beyond her new limit of -50: she cannot pay more, but can be paid.
    await expect(credit.connect(ana).transfer(ben.address, 1n)).to.be.revertedWithCustomError(
      credit,
      "MutualCreditLimitExceeded",
    );
    await credit.connect(ben).transfer(ana.address, 10_00n);
    expect(await credit.signedBalanceOf(ana.address)).to.equal(-70_00n);
    const defaults = credit.interface.encodeFunctionData("setDefaultLimits", [10_00n, 20_00n]);
    await expect(decide(world, [circleCall(world, credit, defaults)], "New defaults")).to.emit(
      credit,
      "DefaultLimitsSet",
    );
    expect(await credit.limitsOf(world.founders[4]!.address)).to.deep.equal([10_00n, 20_00n]);
  });

  it("moves a leaving member's balance, positive or negative, to the commons", async function () {
    const world = await networkHelpers.loadFixture(creditWorld);
    const { credit, membership, circle, ana, ben } = world;
    await credit.connect(ana).transfer(ben.address, 40_00n);
    await expect(membership.connect(ana).leave())
      .to.emit(credit, "BalanceMovedToCommons")
      .withArgs(ana.address, circle.target, -40_00n);
    expect(await credit.signedBalanceOf(ana.address)).to.equal(0n);
    expect(await credit.signedBalanceOf(circle.target)).to.equal(-40_00n);
    expect(await sumOfBalances(world)).to.equal(0n);
    // The ledger keeps the history.
    expect(await credit.givenTo(ana.address, ben.address)).to.equal(40_00n);
    await expect(credit.settleDeparted(ben.address)).to.be.revertedWithCustomError(credit, "MutualCreditStillHolder");
  });

  it("keeps totals received right across departures: the commons' takeover is not a payment", async function () {
    const world = await networkHelpers.loadFixture(creditWorld);
    const { credit, membership, circle, ana, ben } = world;
    await credit.connect(ana).transfer(ben.address, 40_00n);
    await credit.connect(ben).transfer(ana.address, 15_00n);
    await membership.connect(ben).leave();
    expect(await credit.signedBalanceOf(circle.target)).to.equal(25_00n);
    expect(await credit.totals(ben.address)).to.deep.equal([15_00n, 40_00n]);
    expect(await credit.totals(ana.address)).to.deep.equal([40_00n, 15_00n]);
    expect(await credit.totals(circle.target)).to.deep.equal([0n, 0n]);
  });

  it("closes only departed members' accounts: never the commons or an admitted account", async function () {
    const world = await networkHelpers.loadFixture(creditWorld);
    const { credit, circle, ana, outsiders } = world;
    const admit = credit.interface.encodeFunctionData("admitAccount", [outsiders[0]!.address]);
    await decide(world, [circleCall(world, credit, admit)], "Admit the tool library");
    await credit.connect(ana).transfer(circle.target as string, 10_00n);
    await credit.connect(ana).transfer(outsiders[0]!.address, 5_00n);
    for (const account of [circle.target as string, outsiders[0]!.address, ana.address]) {
      await expect(credit.settleDeparted(account))
        .to.be.revertedWithCustomError(credit, "MutualCreditStillHolder")
        .withArgs(account);
    }
    expect(await credit.signedBalanceOf(circle.target)).to.equal(10_00n);
    expect(await sumOfBalances(world)).to.equal(0n);
  });

  it("lets anyone close the account of a member who left while the currency was not a role module", async function () {
    const world = await networkHelpers.loadFixture(creditWorld);
    const { credit, circle, membership, ana, ben } = world;
    await credit.connect(ana).transfer(ben.address, 30_00n);
    const unregister = world.rituals.interface.encodeFunctionData("removeRoleModule", [credit.target]);
    await decide(world, [{ target: world.rituals.target as string, data: unregister }], "Unregister the currency");
    await membership.connect(ana).leave();
    // The currency did not hear of it: the live check says no, the account is still open until someone closes it.
    expect(await credit.isHolder(ana.address)).to.equal(false);
    expect(await credit.signedBalanceOf(ana.address)).to.equal(-30_00n);
    await expect(credit.connect(ben).settleDeparted(ana.address))
      .to.emit(credit, "BalanceMovedToCommons")
      .withArgs(ana.address, circle.target, -30_00n);
    await expect(credit.connect(ana).transfer(ben.address, 1n))
      .to.be.revertedWithCustomError(credit, "MutualCreditNotHolder")
      .withArgs(ana.address);
    expect(await sumOfBalances(world)).to.equal(0n);
  });

  it("refuses amounts and limits beyond 2^100 - 1, and reads an unlimited saturation as the maximum", async function () {
    const world = await networkHelpers.loadFixture(creditWorld);
    const { credit, ana, ben } = world;
    const max = await credit.MAX_VALUE();
    expect(max).to.equal(2n ** 100n - 1n);
    await expect(credit.connect(ana).transfer(ben.address, max + 1n))
      .to.be.revertedWithCustomError(credit, "MutualCreditValueTooLarge")
      .withArgs(max + 1n);
    const tooLarge = credit.interface.encodeFunctionData("setLimits", [ana.address, max + 1n, 0n]);
    await expect(decide(world, [circleCall(world, credit, tooLarge)], "Too much credit"))
      .to.be.revertedWithCustomError(credit, "MutualCreditValueTooLarge")
      .withArgs(max + 1n);
    const unlimited = credit.interface.encodeFunctionData("setLimits", [ben.address, 0n, UNLIMITED]);
    await decide(world, [circleCall(world, credit, unlimited)], "Ben may hold any amount");
    expect(await credit.limitsOf(ben.address)).to.deep.equal([0n, max]);
  });

  it("is initialized once, by its factory, and each circle has one currency", async function () {
    const world = await networkHelpers.loadFixture(creditWorld);
    const { credit, factory, circle, membership, ana, ben } = world;
    expect(await credit.factory()).to.equal(factory.target);
    await expect(
      credit.initialize(circle.target, membership.target, "x", "x", 0, 0n, 0n),
    ).to.be.revertedWithCustomError(credit, "InvalidInitialization");
    const fresh = await ethers.deployContract("MutualCredit", [], ana);
    await expect(fresh.connect(ben).initialize(circle.target, membership.target, "x", "x", 0, 0n, 0n))
      .to.be.revertedWithCustomError(fresh, "MutualCreditOnlyFactory")
      .withArgs(ben.address);
    const again = factory.interface.encodeFunctionData("createCurrency", ["Again", "AG", 2, 0n, 0n]);
    await expect(decide(world, [{ target: factory.target as string, data: again }], "A second currency"))
      .to.be.revertedWithCustomError(factory, "CreditFactoryCurrencyExists")
      .withArgs(circle.target, credit.target);
  });

  it("clears every balance with a jubilee decided by the circle, keeping the ledger", async function () {
    const world = await networkHelpers.loadFixture(creditWorld);
    const { credit, ana, ben, cai } = world;
    await credit.connect(ana).transfer(ben.address, 40_00n);
    await credit.connect(cai).transfer(ben.address, 10_00n);
    const jubilee = credit.interface.encodeFunctionData("jubilee");
    await expect(credit.connect(ana).jubilee()).to.be.revertedWithCustomError(credit, "MutualCreditOnlyCircle");
    const tx = await decide(world, [circleCall(world, credit, jubilee)], "Jubilee");
    await expect(tx)
      .to.emit(credit, "Jubilee")
      .withArgs(3n)
      .and.to.emit(credit, "BalanceCleared")
      .withArgs(ben.address, 50_00n);
    for (const s of [ana, ben, cai]) expect(await credit.signedBalanceOf(s.address)).to.equal(0n);
    expect(await credit.totalSupply()).to.equal(0n);
    expect(await credit.givenTo(ana.address, ben.address)).to.equal(40_00n);
    expect(await credit.totals(ben.address)).to.deep.equal([0n, 50_00n]);
    expect(await credit.accountsWithBalance()).to.deep.equal([]);
  });

  it("admits a few non-member accounts by decision, and no more than the cap", async function () {
    const world = await networkHelpers.loadFixture(creditWorld);
    const { credit, outsiders, ana } = world;
    const admit = (who: string) =>
      circleCall(world, credit, credit.interface.encodeFunctionData("admitAccount", [who]));
    await expect(decide(world, [admit(outsiders[0]!.address)], "Admit the tool library"))
      .to.emit(credit, "AccountAdmitted")
      .withArgs(outsiders[0]!.address);
    await credit.connect(ana).transfer(outsiders[0]!.address, 1_00n);
    const more = outsiders.slice(1, 8).map((o) => admit(o.address));
    await expect(decide(world, more, "Admit seven more"))
      .to.be.revertedWithCustomError(credit, "MutualCreditTooManyAdmitted")
      .withArgs(8);
    await expect(decide(world, [admit(ethers.ZeroAddress)], "Admit nobody")).to.be.revertedWithCustomError(
      credit,
      "MutualCreditZeroAddress",
    );
  });
});
