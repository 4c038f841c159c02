import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { expect } from "chai";
import { network } from "hardhat";

import { circleFixtures, mandateSpec } from "../fixtures/circles.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const { time } = networkHelpers;
const { circleWorld, grantByDecision, secondCircle, foundCouncil } = circleFixtures(connection);

const DAY = 86_400;

/** Acts as `address`: a circle or council, standing for its own passed proposal. */
async function as(address: string): Promise<HardhatEthersSigner> {
  await networkHelpers.impersonateAccount(address);
  await networkHelpers.setBalance(address, 10n ** 18n);
  return ethers.getSigner(address);
}

/**
 * Two circles in an open-join council whose currency (credit 100, saturation 200) is one of the council's role
 * modules; each circle has a delegate for a day. The council's own decisions are made as the council.
 */
async function councilCurrency() {
  const a = await circleWorld();
  const b = await secondCircle(a);
  const { council, seats } = await foundCouncil(a, "Market council", { openJoin: true });
  const signers = await ethers.getSigners();
  const asCouncil = await as(council.target as string);
  const asA = await as(a.circle.target as string);
  const asB = await as(b.circle.target as string);
  await seats.connect(asB).requestSeat();
  const role = await seats.delegateRole();
  const aDelegate = await grantByDecision(a, mandateSpec(role, DAY), a.founders[1]!.address);
  const bDelegate = await grantByDecision(b, mandateSpec(role, DAY), b.founders[1]!.address);

  const factory = await ethers.deployContract("CreditFactory", [await a.registry.getAddress()]);
  const predicted = await factory.currencyOf(council.target);
  await factory.connect(asCouncil).createCurrency("Market hours", "MKT", 0, 100n, 200n);
  const councilRituals = await ethers.getContractAt("CircleRituals", await council.rituals());
  await councilRituals.connect(asCouncil).addRoleModule(predicted);
  const credit = await ethers.getContractAt("MutualCredit", predicted);
  return { a, b, council, seats, credit, asCouncil, asA, asB, aDelegate, bDelegate, outsider: signers[15]! };
}

async function sumOf(credit: Awaited<ReturnType<typeof councilCurrency>>["credit"]) {
  let sum = 0n;
  for (const account of await credit.accountsWithBalance()) sum += await credit.signedBalanceOf(account);
  return sum;
}

describe("A council's currency", function () {
  it("is held by the circles holding a seat, filled or vacant", async function () {
    const { a, b, seats, credit } = await networkHelpers.loadFixture(councilCurrency);
    expect(await seats.probationEndsAt(b.circle.target)).to.be.greaterThan(0n);
    expect(await credit.isHolder(a.circle.target)).to.equal(true);
    expect(await credit.isHolder(b.circle.target)).to.equal(true);
    await time.increase(DAY);
    expect(await seats.isSeatFilled(a.circle.target)).to.equal(false);
    expect(await credit.isHolder(a.circle.target)).to.equal(true);
    expect(await credit.isHolder(b.founders[0]!.address)).to.equal(false);
  });

  it("a circle cannot drain the commons through its own vacant seat", async function () {
    const { a, b, seats, credit, asB, bDelegate, outsider } = await networkHelpers.loadFixture(councilCurrency);
    // Birch spends to its limit, then hands its delegate mandate back: its seat is vacant.
    await credit.connect(asB).transfer(a.circle.target, 100n);
    await b.mandates.connect(b.founders[1]!).complete(bDelegate);
    expect(await seats.isSeatFilled(b.circle.target)).to.equal(false);
    // A vacant seat is not a departure: nobody can settle Birch's debt to the commons.
    await expect(credit.connect(outsider).settleDeparted(b.circle.target))
      .to.be.revertedWithCustomError(credit, "MutualCreditStillHolder")
      .withArgs(b.circle.target);
    expect(await credit.signedBalanceOf(b.circle.target)).to.equal(-100n);
    expect(await credit.signedBalanceOf(await credit.circle())).to.equal(0n);
    await expect(credit.connect(asB).transfer(a.circle.target, 1n))
      .to.be.revertedWithCustomError(credit, "MutualCreditLimitExceeded")
      .withArgs(b.circle.target, -101n, 100n);
  });

  it("an outsider cannot sweep an honest circle's credit when its delegate's term ends", async function () {
    const { a, seats, credit, asB, outsider } = await networkHelpers.loadFixture(councilCurrency);
    await credit.connect(asB).transfer(a.circle.target, 60n);
    await time.increase(DAY + 1);
    expect(await seats.isSeatFilled(a.circle.target)).to.equal(false);
    await expect(credit.connect(outsider).settleDeparted(a.circle.target))
      .to.be.revertedWithCustomError(credit, "MutualCreditStillHolder")
      .withArgs(a.circle.target);
    expect(await credit.signedBalanceOf(a.circle.target)).to.equal(60n);
  });

  it("a circle cannot drain an open council's commons by leaving in debt and rejoining", async function () {
    const { a, b, seats, credit, asB } = await networkHelpers.loadFixture(councilCurrency);
    const commons = await credit.circle();
    await credit.connect(asB).transfer(a.circle.target, 100n);
    // Birch leaves: the council's hook runs, and the debt stays on Birch's account.
    await expect(seats.connect(asB).leave())
      .to.emit(credit, "DepartedDebtKept")
      .withArgs(b.circle.target, -100n)
      .and.not.to.emit(credit, "BalanceMovedToCommons");
    expect(await credit.isHolder(b.circle.target)).to.equal(false);
    expect(await credit.signedBalanceOf(commons)).to.equal(0n);
    expect(await credit.signedBalanceOf(b.circle.target)).to.equal(-100n);
    await credit.settleDeparted(b.circle.target);
    expect(await credit.signedBalanceOf(commons)).to.equal(0n);
    // It rejoins at once (open join) and finds its debt: it cannot spend again.
    await time.increase(1);
    await seats.connect(asB).requestSeat();
    await expect(credit.connect(asB).transfer(a.circle.target, 1n))
      .to.be.revertedWithCustomError(credit, "MutualCreditLimitExceeded")
      .withArgs(b.circle.target, -101n, 100n);
    expect(await sumOf(credit)).to.equal(0n);
  });

  it("moves a departed circle's debt to the commons where joining takes the council's decision", async function () {
    const { a, b, seats, credit, asB, asCouncil } = await networkHelpers.loadFixture(councilCurrency);
    await expect(seats.connect(asCouncil).setOpenJoin(false)).to.emit(seats, "OpenJoinSet").withArgs(false);
    await credit.connect(asB).transfer(a.circle.target, 100n);
    await expect(seats.connect(asB).leave())
      .to.emit(credit, "BalanceMovedToCommons")
      .withArgs(b.circle.target, await credit.circle(), -100n);
    expect(await credit.signedBalanceOf(b.circle.target)).to.equal(0n);
    // Coming back needs the council's decision.
    await time.increase(1);
    await seats.connect(asB).requestSeat();
    expect(await seats.hasSeat(b.circle.target)).to.equal(false);
    expect(await sumOf(credit)).to.equal(0n);
  });
});
