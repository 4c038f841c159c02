import { expect } from "chai";
import { network } from "hardhat";

import { DAY, HOUR, TOKEN, idOf, incomeFixtures } from "../fixtures/income.js";

const connection = await network.create();
const { ethers, networkHelpers } = connection;
const { time } = networkHelpers;
const { incomeWorld, atNextMidnight } = incomeFixtures(connection);

// --- Independent arithmetic: 0.93^(1/365.25) to 60 digits, by Newton's method on bigints ------------------------
// gamma^1461 = 0.93^4, because 4 x 365.25 = 1461 whole days. Nothing here uses the contract's constants.
const SCALE = 10n ** 60n;

function pow(base: bigint, exponent: number): bigint {
  let result = SCALE;
  let b = base;
  let e = exponent;
  while (e > 0) {
    if (e & 1) result = (result * b) / SCALE;
    b = (b * b) / SCALE;
    e >>= 1;
  }
  return result;
}

function nthRoot(value: bigint, n: number, guess: number): bigint {
  // Solve x^n = value (both at SCALE). Start from the floating-point answer; converges quadratically.
  let x = BigInt(Math.round(guess * 1e15)) * (SCALE / 10n ** 15n);
  for (let i = 0; i < 12; ++i) {
    const xn1 = pow(x, n - 1);
    x = (BigInt(n - 1) * x + (value * SCALE) / xn1) / BigInt(n);
  }
  return x;
}

const NINETY_THREE = (93n * SCALE) / 100n;
const GAMMA = nthRoot(pow(NINETY_THREE, 4), 1461, Math.pow(0.93, 1 / 365.25));
/** gamma^k at SCALE. */
const gammaPow = (k: number) => pow(GAMMA, k);
/** `amount` times gamma^k, exactly as a real number would give, rounded down. */
const discounted = (amount: bigint, k: number) => (amount * gammaPow(k)) / SCALE;

/**
 * The contract computes in 64.64 fixed point: gamma itself is rounded to 64 fractional bits (an error below 2^-64),
 * which compounds once per day of demurrage, and the binary power rounds a few dozen times more. So after `days`
 * days an amount of A wei is within A x (days + 64) / 2^64 + 1 wei of the exact real-number value.
 */
function expectClose(actual: bigint, exact: bigint, days: number) {
  const tolerance = (exact * BigInt(days + 64)) / 2n ** 64n + 1n;
  const diff = actual > exact ? actual - exact : exact - actual;
  expect(diff <= tolerance, `${actual} differs from ${exact} by ${diff} (> ${tolerance})`).to.equal(true);
}

describe("Demurrage and issuance (Circles v2 numbers)", function () {
  it("uses gamma = 0.93^(1/365.25) in 64.64 fixed point, and its inverse", async function () {
    expect(GAMMA / 10n ** 40n).to.equal(99980133200859895743n); // Circles' published 0.99980133200859895743...
    const gamma64 = (GAMMA * 2n ** 64n) / SCALE;
    // The contract's constant is gamma rounded to the nearest 64.64 value.
    const remainder = (GAMMA * 2n ** 64n) % SCALE;
    expect(gamma64 + (remainder * 2n >= SCALE ? 1n : 0n)).to.equal(18443079296116538654n);
    expect(2n ** 128n / 18443079296116538654n).to.equal(18450409579521241655n);
  });

  it("pays exactly 1 token for the first hour: registered at 00:00, claiming at 01:00", async function () {
    const { hub, founders } = await networkHelpers.loadFixture(incomeWorld);
    const ana = founders[0]!;
    const midnight = await atNextMidnight();
    await hub.connect(ana).register(ethers.ZeroAddress);
    await time.setNextBlockTimestamp(midnight + HOUR);
    await expect(hub.connect(ana).claim())
      .to.emit(hub, "IncomeClaimed")
      .withArgs(ana.address, TOKEN, midnight, midnight + HOUR);
    expect(await hub.balanceOf(ana.address, idOf(ana))).to.equal(TOKEN);
  });

  it("pays exactly one token per completed hour within a day, and 0 (without reverting) in the same hour", async function () {
    const { hub, founders } = await networkHelpers.loadFixture(incomeWorld);
    const ana = founders[0]!;
    const midnight = await atNextMidnight();
    await hub.connect(ana).register(ethers.ZeroAddress);
    await time.setNextBlockTimestamp(midnight + 5 * HOUR + 59 * 60);
    await hub.connect(ana).claim();
    expect(await hub.balanceOf(ana.address, idOf(ana))).to.equal(5n * TOKEN);
    await time.setNextBlockTimestamp(midnight + 5 * HOUR + 59 * 60 + 30);
    await expect(hub.connect(ana).claim())
      .to.emit(hub, "IncomeClaimed")
      .withArgs(ana.address, 0n, midnight + 5 * HOUR + 59 * 60, midnight + 5 * HOUR + 59 * 60 + 30);
    expect(await hub.balanceOf(ana.address, idOf(ana))).to.equal(5n * TOKEN);
    // The hour that was running at the last claim counts once it completes.
    await time.setNextBlockTimestamp(midnight + 6 * HOUR);
    await hub.connect(ana).claim();
    expect(await hub.balanceOf(ana.address, idOf(ana))).to.equal(6n * TOKEN);
  });

  it("discounts yesterday's hours by one day of demurrage", async function () {
    const { hub, founders } = await networkHelpers.loadFixture(incomeWorld);
    const ana = founders[0]!;
    const midnight = await atNextMidnight(20 * HOUR);
    await hub.connect(ana).register(ethers.ZeroAddress);
    // 4 hours yesterday (20:00-24:00) and 3 hours today.
    await time.setNextBlockTimestamp(midnight + 7 * HOUR);
    await hub.connect(ana).claim();
    expectClose(await hub.balanceOf(ana.address, idOf(ana)), discounted(4n * TOKEN, 1) + 3n * TOKEN, 1);
  });

  it("caps a claim at the last 14 days: 14 days and 30 days of absence earn the same", async function () {
    const { hub, founders } = await networkHelpers.loadFixture(incomeWorld);
    const [ana, ben] = [founders[0]!, founders[1]!];
    const midnight = await atNextMidnight();
    await hub.connect(ana).register(ethers.ZeroAddress);
    await hub.connect(ben).register(ethers.ZeroAddress);
    // Ana claims after exactly 14 days; Ben after 30, on the same day: each day's 24 hours count once, discounted
    // by the days since.
    await time.setNextBlockTimestamp(midnight + 30 * DAY);
    await hub.connect(ben).claim();
    let exact = 0n;
    for (let k = 1; k <= 14; ++k) exact += discounted(24n * TOKEN, k);
    const benGot = await hub.balanceOf(ben.address, idOf(ben));
    expectClose(benGot, exact, 14);
    expect(benGot < 336n * TOKEN).to.equal(true);
    const [claimable] = await hub.claimable(ana.address);
    expect(claimable).to.equal(benGot);
  });

  it("multiplies a balance by 0.93 every 365.25 days (0.93^4 after 1461 days), per whole day", async function () {
    const { hub, founders } = await networkHelpers.loadFixture(incomeWorld);
    const ana = founders[0]!;
    const midnight = await atNextMidnight();
    await hub.connect(ana).register(ethers.ZeroAddress);
    await time.setNextBlockTimestamp(midnight + 10 * HOUR);
    await hub.connect(ana).claim();
    const held = 10n * TOKEN;
    expect(await hub.balanceOf(ana.address, idOf(ana))).to.equal(held);
    await time.increaseTo(midnight + 365 * DAY + 12 * HOUR);
    const afterYear = await hub.balanceOf(ana.address, idOf(ana));
    expectClose(afterYear, discounted(held, 365), 365);
    // One year of 365 days is a quarter day short of 365.25: just above 0.93.
    expect(afterYear > (held * 93n) / 100n && afterYear < (held * 9301n) / 10000n).to.equal(true);
    await time.increaseTo(midnight + 1461 * DAY + HOUR);
    const afterFour = await hub.balanceOf(ana.address, idOf(ana));
    expectClose(afterFour, (held * pow(NINETY_THREE, 4)) / SCALE, 1461);
  });

  it("keeps static (inflationary) units constant while demurraged balances shrink", async function () {
    const { hub, founders } = await networkHelpers.loadFixture(incomeWorld);
    const ana = founders[0]!;
    const midnight = await atNextMidnight();
    await hub.connect(ana).register(ethers.ZeroAddress);
    await time.setNextBlockTimestamp(midnight + 2 * HOUR);
    await hub.connect(ana).claim();
    const today = await hub.today();
    const staticNow = await hub.staticBalanceOf(ana.address, idOf(ana));
    // Static = demurraged x gamma^-day.
    expectClose(staticNow, (2n * TOKEN * SCALE) / gammaPow(Number(today)), Number(today));
    await time.increase(200 * DAY);
    const staticLater = await hub.staticBalanceOf(ana.address, idOf(ana));
    // Both sides round down separately: equal up to the rounding of the two conversions.
    expectClose(staticLater, staticNow, Number(today) + 200);
    expect(await hub.fromStatic(await hub.toStatic(TOKEN))).to.be.lessThanOrEqual(TOKEN);
  });
});
