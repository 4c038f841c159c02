import { expect } from "chai";
import { network } from "hardhat";

import { circleFixtures, type CircleWorld } from "../fixtures/circles.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const { circleWorld, decide, secondCircle, foundCouncil } = circleFixtures(connection);

/** Two circles seated in one open-join council, each with its currency (credit 100, saturation 200 by default). */
async function twoCurrencies() {
  const a = await circleWorld();
  const b = await secondCircle(a);
  const { council, seats } = await foundCouncil(a, "Market council", { openJoin: true });
  await decide(
    b,
    [{ target: seats.target as string, data: seats.interface.encodeFunctionData("requestSeat") }],
    "Join the market council",
  );

  const factory = await ethers.deployContract("CreditFactory", [await a.registry.getAddress()]);
  async function currencyFor(world: CircleWorld, name: string) {
    const predicted = await factory.currencyOf(world.circle.target);
    await decide(
      world,
      [
        {
          target: factory.target as string,
          data: factory.interface.encodeFunctionData("createCurrency", [name, name, 0, 100n, 200n]),
        },
        {
          target: world.rituals.target as string,
          data: world.rituals.interface.encodeFunctionData("addRoleModule", [predicted]),
        },
      ],
      `Create ${name}`,
    );
    return ethers.getContractAt("MutualCredit", predicted);
  }
  const creditA = await currencyFor(a, "ELM");
  const creditB = await currencyFor(b, "BIRCH");
  return { a, b, council: council.target as string, seats, creditA, creditB };
}

type World = Awaited<ReturnType<typeof twoCurrencies>>;

async function openLine(
  world: CircleWorld,
  credit: World["creditA"],
  other: World["creditA"],
  council: string,
  otherCircle: string,
) {
  return decide(
    world,
    [
      {
        target: credit.target as string,
        data: credit.interface.encodeFunctionData("openClearingLine", [other.target, council]),
      },
      {
        target: credit.target as string,
        data: credit.interface.encodeFunctionData("setLimits", [otherCircle, 50n, 50n]),
      },
    ],
    `Open a clearing line with ${other.target}`,
  );
}

async function bothLines() {
  const w = await twoCurrencies();
  await expect(openLine(w.a, w.creditA, w.creditB, w.council, w.b.circle.target as string))
    .to.emit(w.creditA, "ClearingLineOpened")
    .withArgs(w.creditB.target, w.council);
  await openLine(w.b, w.creditB, w.creditA, w.council, w.a.circle.target as string);
  return w;
}

describe("MutualCredit clearing lines", function () {
  it("lets a member of one circle pay a member of the other in one transaction, zero-sum on both sides", async function () {
    const { a, b, creditA, creditB } = await networkHelpers.loadFixture(bothLines);
    const ana = a.founders[0]!;
    const bea = b.founders[0]!;
    await expect(creditA.connect(ana).payAcross(creditB.target, bea.address, 10n))
      .to.emit(creditA, "PaidAcross")
      .withArgs(ana.address, creditB.target, bea.address, 10n)
      .and.to.emit(creditB, "ClearedIn")
      .withArgs(creditA.target, bea.address, 10n);
    expect(await creditA.signedBalanceOf(ana.address)).to.equal(-10n);
    expect(await creditA.signedBalanceOf(b.circle.target)).to.equal(10n);
    expect(await creditB.signedBalanceOf(b.circle.target)).to.equal(-10n);
    expect(await creditB.signedBalanceOf(bea.address)).to.equal(10n);
    expect(await creditA.clearingLine(creditB.target)).to.not.equal(ethers.ZeroAddress);
  });

  it("holds the other commons to the limits this circle voted for", async function () {
    const { a, b, creditA, creditB } = await networkHelpers.loadFixture(bothLines);
    await expect(creditA.connect(a.founders[0]!).payAcross(creditB.target, b.founders[0]!.address, 60n))
      .to.be.revertedWithCustomError(creditA, "MutualCreditSaturationExceeded")
      .withArgs(b.circle.target, 60n, 50n);
  });

  it("needs both circles to open the line", async function () {
    const w = await networkHelpers.loadFixture(twoCurrencies);
    await openLine(w.a, w.creditA, w.creditB, w.council, w.b.circle.target as string);
    await expect(w.creditA.connect(w.a.founders[0]!).payAcross(w.creditB.target, w.b.founders[0]!.address, 1n))
      .to.be.revertedWithCustomError(w.creditB, "MutualCreditNoClearingLine")
      .withArgs(w.creditA.target);
    await expect(
      w.creditA.connect(w.a.founders[0]!).openClearingLine(w.creditB.target, w.council),
    ).to.be.revertedWithCustomError(w.creditA, "MutualCreditOnlyCircle");
  });

  it("takes no new payments once a circle leaves the council, and keeps the balances readable", async function () {
    const { a, b, seats, council, creditA, creditB } = await networkHelpers.loadFixture(bothLines);
    await creditA.connect(a.founders[0]!).payAcross(creditB.target, b.founders[0]!.address, 10n);
    await decide(
      b,
      [{ target: seats.target as string, data: seats.interface.encodeFunctionData("leave") }],
      "Leave the market council",
    );
    await expect(creditA.connect(a.founders[0]!).payAcross(creditB.target, b.founders[0]!.address, 1n))
      .to.be.revertedWithCustomError(creditA, "MutualCreditNotInCouncil")
      .withArgs(council);
    expect(await creditA.signedBalanceOf(b.circle.target)).to.equal(10n);
    expect(await creditB.signedBalanceOf(b.circle.target)).to.equal(-10n);
  });

  it("can be closed by the circle's decision", async function () {
    const { a, b, creditA, creditB } = await networkHelpers.loadFixture(bothLines);
    const close = creditA.interface.encodeFunctionData("closeClearingLine", [creditB.target]);
    await expect(decide(a, [{ target: creditA.target as string, data: close }], "Close the line"))
      .to.emit(creditA, "ClearingLineClosed")
      .withArgs(creditB.target);
    await expect(creditA.connect(a.founders[0]!).payAcross(creditB.target, b.founders[0]!.address, 1n))
      .to.be.revertedWithCustomError(creditA, "MutualCreditNoClearingLine")
      .withArgs(creditB.target);
  });

  it("a circle cannot wipe the other circle's claim by buying across the line and declaring a jubilee", async function () {
    const { a, b, creditA, creditB } = await networkHelpers.loadFixture(bothLines);
    const ana = a.founders[0]!;
    const bea = b.founders[0]!;
    // Ana buys from Bea up to the line's limit: Birch's commons holds 50 of Elm's currency, and owes 50 in its own.
    await creditA.connect(ana).payAcross(creditB.target, bea.address, 50n);
    // Elm declares a jubilee, alone: Birch is not asked and has no veto.
    const jubilee = creditA.interface.encodeFunctionData("jubilee");
    await expect(decide(a, [{ target: creditA.target as string, data: jubilee }], "Jubilee"))
      .to.emit(creditA, "ClearingClaimsKept")
      .withArgs(50n)
      .and.to.emit(creditA, "BalanceCleared")
      .withArgs(ana.address, -50n);
    // Birch's claim survives; Elm's commons carries its opposite, so the sum stays zero.
    expect(await creditA.signedBalanceOf(b.circle.target)).to.equal(50n);
    expect(await creditA.signedBalanceOf(a.circle.target)).to.equal(-50n);
    expect(await creditA.signedBalanceOf(ana.address)).to.equal(0n);
    let sum = 0n;
    for (const account of await creditA.accountsWithBalance()) sum += await creditA.signedBalanceOf(account);
    expect(sum).to.equal(0n);
    // Repeating the purchase goes no further than the line's limit.
    await expect(creditA.connect(ana).payAcross(creditB.target, bea.address, 1n))
      .to.be.revertedWithCustomError(creditA, "MutualCreditSaturationExceeded")
      .withArgs(b.circle.target, 51n, 50n);
    expect(await creditB.signedBalanceOf(b.circle.target)).to.equal(-50n);
  });

  it("refuses a clearing line to a look-alike currency the factory never made", async function () {
    const { a, b, council, creditA } = await networkHelpers.loadFixture(twoCurrencies);
    const lookAlike = await ethers.deployContract("LookAlikeCurrency", [b.circle.target]);
    const uninitialized = await ethers.deployContract("MutualCredit");
    // A look-alike naming a real circle, a real currency contract the factory did not make, and no contract at all.
    for (const other of [lookAlike.target, uninitialized.target, a.founders[0]!.address]) {
      const open = creditA.interface.encodeFunctionData("openClearingLine", [other, council]);
      await expect(decide(a, [{ target: creditA.target as string, data: open }], `Open a line to ${other}`))
        .to.be.revertedWithCustomError(creditA, "MutualCreditNotACurrency")
        .withArgs(other);
    }
    expect(await creditA.clearingLine(lookAlike.target)).to.equal(ethers.ZeroAddress);
    expect(await creditA.isHolder(b.circle.target)).to.equal(false);
  });
});
