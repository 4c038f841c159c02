import { expect } from "chai";

import { demurrageDiscount } from "../../client/income.js";
import { PathfinderError, PathfinderIndex, checkPaymentFlow, type Address } from "../../client/pathfinder.js";
import { mulberry32 } from "../utils/random.js";

const person = (n: number): Address => `0x${(0xa0000 + n).toString(16).padStart(40, "0")}`;
const DAY = 86_400n;
const DAY_ZERO = 1_700_000_000n - (1_700_000_000n % DAY);
const TOKEN = 10n ** 18n;

/** The flows both indexes find between every pair in `pairs`: the amount, or the error's code and available amount. */
function outcomes(index: PathfinderIndex, pairs: readonly [Address, Address][], amount: bigint): string[] {
  return pairs.map(([from, to]) => {
    const max = index.maxFlow(from, to, { maxHops: 5 });
    try {
      const flow = index.findPaymentFlow(from, to, amount, { maxHops: 5 });
      return `${max} paid ${flow.amount} in ${flow.edges.length} edges`;
    } catch (error) {
      if (!(error instanceof PathfinderError)) throw error;
      return `${max} ${error.code} ${error.available ?? ""}`;
    }
  });
}

describe("client/pathfinder PathfinderIndex", function () {
  it("after long random sequences of updates finds exactly what a fresh build of the same state finds", function () {
    this.timeout(60_000);
    const random = mulberry32(0x1de5);
    const int = (n: number) => Math.floor(random() * n);
    const people = Array.from({ length: 24 }, (_, i) => person(i));
    let paid = 0;
    for (let round = 0; round < 6; round++) {
      let now = DAY_ZERO + 3n * DAY + BigInt(int(86_000));
      const index = new PathfinderIndex({ dayZero: DAY_ZERO, now });
      for (let step = 0; step < 400; step++) {
        const [a, b, c] = [people[int(24)]!, people[int(24)]!, people[int(24)]!];
        const roll = random();
        if (roll < 0.3)
          index.setTrust(a, b, now + BigInt(1 + int(20)) * DAY); // trust, some expiring soon
        else if (roll < 0.4)
          index.setTrust(a, b, 0n); // untrust
        else if (roll < 0.6)
          index.transfer("0x0000000000000000000000000000000000000000", a, a, BigInt(1 + int(50)) * TOKEN, now);
        else if (roll < 0.85) {
          const have = index.balanceOf(a, c);
          if (have > 0n && a !== b) index.transfer(a, b, c, have / BigInt(1 + int(3)), now);
        } else if (roll < 0.9) index.setBalance(a, c, BigInt(int(3)) * TOKEN + BigInt(int(1000)));
        else now += BigInt(int(3)) * DAY + BigInt(int(40_000)); // days pass: demurrage and expiry, no events
        index.setTime(now);
      }
      const { graph, holdings } = index.snapshot();
      const fresh = PathfinderIndex.from(graph, holdings, { dayZero: DAY_ZERO, now });
      expect(fresh.snapshot()).to.deep.equal({ graph, holdings });
      const pairs: [Address, Address][] = Array.from({ length: 30 }, () => [people[int(12)]!, people[12 + int(12)]!]);
      const amount = BigInt(1 + int(8)) * TOKEN;
      const found = outcomes(index, pairs, amount);
      expect(found).to.deep.equal(outcomes(fresh, pairs, amount));
      paid += found.filter((o) => o.includes("paid")).length;
      // And every flow found is one the hub accepts, given these trust and balances.
      for (const [from, to] of pairs) {
        const max = index.maxFlow(from, to);
        if (max === 0n) continue;
        try {
          const flow = index.findPaymentFlow(from, to, max);
          expect(checkPaymentFlow(flow, graph, holdings, from, to)).to.deep.equal([]);
        } catch (error) {
          if (!(error instanceof PathfinderError) || error.code !== "too-many-edges") throw error;
        }
      }
    }
    expect(paid, "payments that went through, across the rounds").to.be.greaterThan(10);
  });

  it("reads balances through the hub's demurrage as days pass, booking each transfer on its day", function () {
    const [ana, bea] = [person(1), person(2)];
    const index = new PathfinderIndex({ dayZero: DAY_ZERO, now: DAY_ZERO + DAY });
    index.transfer("0x0000000000000000000000000000000000000000", ana, ana, 100n * TOKEN);
    index.setTime(DAY_ZERO + 31n * DAY);
    expect(index.balanceOf(ana, ana)).to.equal(demurrageDiscount(100n * TOKEN, 30n));
    index.transfer(ana, bea, ana, 10n * TOKEN);
    index.setTime(DAY_ZERO + 41n * DAY);
    expect(index.balanceOf(ana, ana)).to.equal(
      demurrageDiscount(demurrageDiscount(100n * TOKEN, 30n) - 10n * TOKEN, 10n),
    );
    expect(index.balanceOf(bea, ana)).to.equal(demurrageDiscount(10n * TOKEN, 10n));
  });

  it("lets trust expire with time, without an event", function () {
    const [ana, bea] = [person(1), person(2)];
    const index = new PathfinderIndex({ dayZero: DAY_ZERO, now: DAY_ZERO });
    index.setBalance(ana, ana, 5n * TOKEN);
    index.setTrust(bea, ana, DAY_ZERO + DAY);
    expect(index.maxFlow(ana, bea)).to.equal(5n * TOKEN);
    expect(index.stats().trustEdges).to.equal(1);
    index.setTime(DAY_ZERO + DAY);
    expect(index.trusts(bea, ana)).to.equal(false);
    expect(index.maxFlow(ana, bea)).to.equal(0n);
    expect(index.stats().trustEdges).to.equal(0);
  });
});
