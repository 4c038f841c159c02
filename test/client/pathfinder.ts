import { expect } from "chai";

import {
  MAX_FLOW_EDGES,
  PathfinderError,
  checkPaymentFlow,
  findPaymentFlow,
  flowHops,
  maxFlow,
  toPaymentFlow,
  type Address,
  type PaymentFlow,
  type Transfer,
} from "../../client/pathfinder.js";
import { formatTokens } from "../../client/units.js";
import { mulberry32 } from "../utils/random.js";

// --- Helpers ------------------------------------------------------------------------------------------------------

/** A readable fake address: `person(0xa)` is 0x000…00a. */
const person = (n: number): Address => `0x${n.toString(16).padStart(40, "0")}`;

/** A small economy to pay in: who trusts whom and who holds what. */
class World {
  readonly graph = new Map<Address, Set<Address>>();
  readonly holdings = new Map<Address, Map<Address, bigint>>();

  /** `truster` accepts `trustee`'s token. */
  trust(truster: Address, ...trustees: Address[]): this {
    const set = this.graph.get(truster) ?? new Set<Address>();
    for (const trustee of trustees) set.add(trustee);
    this.graph.set(truster, set);
    return this;
  }

  /** `holder` holds `amount` of `token` (its own token when omitted). */
  hold(holder: Address, amount: bigint, token: Address = holder): this {
    const held = this.holdings.get(holder) ?? new Map<Address, bigint>();
    held.set(token, amount);
    this.holdings.set(holder, held);
    return this;
  }

  pay(from: Address, to: Address, amount: bigint, options?: Parameters<typeof findPaymentFlow>[5]): PaymentFlow {
    return findPaymentFlow(this.graph, this.holdings, from, to, amount, options);
  }

  max(from: Address, to: Address): bigint {
    return maxFlow(this.graph, this.holdings, from, to);
  }

  check(flow: PaymentFlow, from: Address, to: Address): string[] {
    return checkPaymentFlow(flow, this.graph, this.holdings, from, to);
  }
}

/** Every vertex's net (received minus sent), recomputed from the edges, keyed by address. */
function netsOf(flow: PaymentFlow): Map<Address, bigint> {
  const nets = new Map<Address, bigint>(flow.vertices.map((v) => [v, 0n]));
  for (const edge of flow.edges) {
    const from = flow.vertices[edge.from]!;
    const to = flow.vertices[edge.to]!;
    nets.set(from, nets.get(from)! - edge.amount);
    nets.set(to, nets.get(to)! + edge.amount);
  }
  return nets;
}

/** Every vertex receives everything before it sends anything: the edges are in topological order, so acyclic. */
function expectTopologicalOrder(flow: PaymentFlow): void {
  flow.edges.forEach((edge, i) => {
    const laterInto = flow.edges.findIndex((e, j) => j > i && e.to === edge.from);
    expect(laterInto, `edge ${i} sends from a vertex that edge ${laterInto} pays later`).to.equal(-1);
  });
}

function expectAscending(vertices: readonly Address[]): void {
  for (let i = 1; i < vertices.length; i++) expect(BigInt(vertices[i]!) > BigInt(vertices[i - 1]!)).to.equal(true);
}

/** Everything a valid payment must satisfy, checked with the checker and again by hand. */
function expectValidPayment(world: World, flow: PaymentFlow, from: Address, to: Address, amount: bigint): void {
  expect(world.check(flow, from, to)).to.deep.equal([]);
  expect(flow.amount).to.equal(amount);
  expect(flow.edges.length).to.be.at.most(MAX_FLOW_EDGES);
  expectAscending(flow.vertices);
  expectTopologicalOrder(flow);
  for (const [vertex, net] of netsOf(flow)) {
    const expected = vertex === from.toLowerCase() ? -amount : vertex === to.toLowerCase() ? amount : 0n;
    expect(net, `net of ${vertex}`).to.equal(expected);
  }
}

/** Runs `fn` and returns the PathfinderError it throws; fails if it throws nothing or something else. */
function pathfinderError(fn: () => unknown): PathfinderError {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(PathfinderError);
    return error as PathfinderError;
  }
  expect.fail("expected a PathfinderError");
}

/** Edges as readable `from>to:token=amount` strings, to compare whole flows at once. */
function describeEdges(flow: PaymentFlow): string[] {
  const short = (i: number) => BigInt(flow.vertices[i]!).toString(16);
  return flow.edges.map((e) => `${short(e.from)}>${short(e.to)}:${short(e.token)}=${e.amount}`);
}

// --- Tests --------------------------------------------------------------------------------------------------------

describe("client/pathfinder", function () {
  const [ana, bea, cal, dan, eve] = [0xa, 0xb, 0xc, 0xd, 0xe].map(person) as [
    Address,
    Address,
    Address,
    Address,
    Address,
  ];
  const names = new Map([
    [ana, "Ana"],
    [bea, "Bea"],
    [cal, "Cal"],
    [dan, "Dan"],
  ]);
  const name = (a: Address) => names.get(a) ?? a;

  describe("findPaymentFlow", function () {
    it("pays with the payer's own token in one edge when the receiver trusts the payer", function () {
      // Ana also holds Bea's token, which Dan accepts too: her own token still goes first.
      const world = new World().hold(ana, 100n).hold(ana, 50n, bea).trust(dan, ana, bea);
      const flow = world.pay(ana, dan, 30n);
      expect(flow.vertices).to.deep.equal([ana, dan]);
      expect(flow.edges).to.deep.equal([{ from: 0, to: 1, token: 0, amount: 30n }]);
      expect(flowHops(flow)).to.equal(1);
      expectValidPayment(world, flow, ana, dan, 30n);
    });

    for (const hops of [2, 3, 5]) {
      it(`pays along a ${hops}-hop chain of trust, in order`, function () {
        // p0 → p1 → … → pN: each trusts only the one before, so each swaps the token it got for its own.
        const chain = Array.from({ length: hops + 1 }, (_, i) => person(0x100 + i));
        const world = new World();
        chain.forEach((p, i) => {
          world.hold(p, 100n);
          if (i > 0) world.trust(p, chain[i - 1]!);
        });
        const flow = world.pay(chain[0]!, chain[hops]!, 40n);
        expect(flowHops(flow)).to.equal(hops);
        expect(flow.edges.length).to.equal(hops);
        // Edge i: p_i gives 40 of its own token to p_{i+1}; the order follows the chain.
        expect(describeEdges(flow)).to.deep.equal(
          chain
            .slice(0, hops)
            .map((p, i) => `${(0x100 + i).toString(16)}>${(0x101 + i).toString(16)}:${(0x100 + i).toString(16)}=40`),
        );
        expect(world.max(chain[0]!, chain[hops]!)).to.equal(100n);
        expectValidPayment(world, flow, chain[0]!, chain[hops]!, 40n);
        // A hop bound shorter than the chain finds nothing.
        const error = pathfinderError(() => world.pay(chain[0]!, chain[hops]!, 40n, { maxHops: hops - 1 }));
        expect(error.code).to.equal("insufficient-flow");
        expect(error.available).to.equal(0n);
      });
    }

    it("splits the payment over parallel paths when no single path carries it", function () {
      // Ana → Bea → Dan and Ana → Cal → Dan, each middle able to pass on only 30 of its own token.
      const world = new World().hold(ana, 100n).hold(bea, 30n).hold(cal, 30n).trust(bea, ana).trust(cal, ana);
      world.trust(dan, bea, cal);
      expect(world.max(ana, dan)).to.equal(60n);
      const flow = world.pay(ana, dan, 50n);
      expectValidPayment(world, flow, ana, dan, 50n);
      expect(flow.edges.length).to.equal(4);
      const toDan = flow.edges.filter((e) => flow.vertices[e.to] === dan);
      expect(toDan.map((e) => flow.vertices[e.from]).sort()).to.deep.equal([bea, cal]);
      expect(toDan.every((e) => e.amount <= 30n)).to.equal(true);
    });

    it("never counts one balance twice, however many people could take it (node splitting)", function () {
      // Cal's 40 of his own token is accepted by both Bea and Eve, who could each pass 50 on to Dan.
      // Counting Cal's balance once per taker would claim 80; it is 40.
      const world = new World().hold(ana, 100n).hold(cal, 40n).hold(bea, 50n).hold(eve, 50n);
      world.trust(cal, ana).trust(bea, cal).trust(eve, cal).trust(dan, bea, eve);
      expect(world.max(ana, dan)).to.equal(40n);
      const flow = world.pay(ana, dan, 40n);
      expectValidPayment(world, flow, ana, dan, 40n);
      const fromCal = flow.edges.filter((e) => flow.vertices[e.from] === cal);
      expect(fromCal.reduce((sum, e) => sum + e.amount, 0n)).to.equal(40n);
      const error = pathfinderError(() => world.pay(ana, dan, 41n, { name }));
      expect(error.message).to.contain("Ana can pay Dan at most 40, not 41");
    });

    it("says how much can be paid when a hop without trust blocks the rest", function () {
      // Ana → Bea → Cal → Dan, but Cal does not trust Bea: nothing gets through.
      const chain = () => new World().hold(ana, 100n).hold(bea, 30n).hold(cal, 100n).trust(bea, ana).trust(dan, cal);
      const blocked = pathfinderError(() => chain().pay(ana, dan, 25n, { name }));
      expect(blocked.code).to.equal("insufficient-flow");
      expect(blocked.message).to.contain("Ana can pay Dan at most 0, not 25");
      expect([blocked.available, blocked.requested]).to.deep.equal([0n, 25n]);

      // If Dan accepts Bea's token directly, Bea's 12 of it is all that gets through.
      const partial = pathfinderError(() => chain().hold(bea, 12n).trust(dan, bea).pay(ana, dan, 25n, { name }));
      expect(partial.message).to.contain("Ana can pay Dan at most 12, not 25");
      expect([partial.available, partial.requested]).to.deep.equal([12n, 25n]);
      // Amounts are written as `format` says (income pays them in tokens of 18 decimals); the details stay raw.
      const inTokens = pathfinderError(() =>
        chain()
          .hold(ana, 100n * 10n ** 18n)
          .hold(bea, 12n * 10n ** 18n)
          .trust(dan, bea)
          .pay(ana, dan, 25n * 10n ** 18n, { name, format: formatTokens }),
      );
      expect(inTokens.message).to.contain("Ana can pay Dan at most 12 tokens, not 25 tokens");
      expect(inTokens.available).to.equal(12n * 10n ** 18n);

      // The missing trust, once given, opens the 3-hop path.
      const mended = chain().trust(cal, bea);
      const flow = mended.pay(ana, dan, 25n);
      expect(flowHops(flow)).to.equal(3);
      expectValidPayment(mended, flow, ana, dan, 25n);
    });

    it("yields an acyclic, ordered flow in a graph full of trust cycles", function () {
      // A ring where everyone trusts both neighbours and holds their tokens: circulations everywhere.
      const ring = Array.from({ length: 8 }, (_, i) => person(0x200 + i));
      const world = new World();
      ring.forEach((p, i) => {
        const left = ring[(i + 7) % 8]!;
        const right = ring[(i + 1) % 8]!;
        world.trust(p, left, right).hold(p, 10n).hold(p, 5n, left).hold(p, 5n, right);
      });
      const [payer, receiver] = [ring[0]!, ring[4]!];
      const most = world.max(payer, receiver);
      expect(most > 0n).to.equal(true);
      const flow = world.pay(payer, receiver, most);
      expectValidPayment(world, flow, payer, receiver, most);
      expect(() => flowHops(flow)).to.not.throw();
      // No pair of vertices pays each other both ways.
      const pairs = new Set(flow.edges.map((e) => `${e.from}>${e.to}`));
      for (const e of flow.edges) expect(pairs.has(`${e.to}>${e.from}`)).to.equal(false);
    });

    it("conserves the amount at every intermediate vertex", function () {
      // Two layers of middles with uneven balances and cross trust.
      const [m1, m2, m3, n1, n2] = [0x31, 0x32, 0x33, 0x41, 0x42].map(person) as [
        Address,
        Address,
        Address,
        Address,
        Address,
      ];
      const world = new World().hold(ana, 1_000n);
      world.trust(m1, ana).trust(m2, ana).trust(m3, ana).hold(m1, 7n).hold(m2, 11n).hold(m3, 13n);
      world.trust(n1, m1, m2).trust(n2, m2, m3).hold(n1, 9n).hold(n2, 20n);
      world.trust(dan, n1, n2);
      expect(world.max(ana, dan)).to.equal(29n); // n1 passes 9 and n2 20
      const flow = world.pay(ana, dan, 29n);
      expectValidPayment(world, flow, ana, dan, 29n);
      const nets = netsOf(flow);
      for (const middle of [m1, m2, m3, n1, n2]) {
        const inflow = flow.edges.filter((e) => flow.vertices[e.to] === middle).reduce((s, e) => s + e.amount, 0n);
        const outflow = flow.edges.filter((e) => flow.vertices[e.from] === middle).reduce((s, e) => s + e.amount, 0n);
        expect(inflow, `in and out of ${middle}`).to.equal(outflow);
        expect(nets.get(middle) ?? 0n).to.equal(0n);
      }
      expect(nets.get(ana)).to.equal(-29n);
      expect(nets.get(dan)).to.equal(29n);
    });

    it("returns vertices strictly ascending as numbers, lowercase, with edges indexing into them", function () {
      // Mixed-case spellings, inserted in descending order.
      const high = "0xFFFF00000000000000000000000000000000000A" as Address;
      const mid = "0x8000000000000000000000000000000000000000" as Address;
      const low = "0x0000000000000000000000000000000000ABCDEF" as Address;
      const world = new World().hold(high, 50n).hold(mid, 50n).trust(mid, high).trust(low, mid);
      const flow = world.pay(high, low, 20n);
      expect(flow.vertices).to.deep.equal([low.toLowerCase(), mid.toLowerCase(), high.toLowerCase()]);
      expectAscending(flow.vertices);
      expect(describeEdges(flow)).to.deep.equal([
        `${BigInt(high).toString(16)}>${BigInt(mid).toString(16)}:${BigInt(high).toString(16)}=20`,
        `${BigInt(mid).toString(16)}>${BigInt(low).toString(16)}:${BigInt(mid).toString(16)}=20`,
      ]);
      expectValidPayment(world, flow, high, low, 20n);
    });

    it("enforces the edge cap", function () {
      // A star: Dan trusts only middles that each hold 1 of their own token, so every unit takes 2 edges.
      const star = (middles: number) => {
        const world = new World().hold(ana, 1_000n);
        for (let i = 0; i < middles; i++) {
          const m = person(0x300 + i);
          world.trust(m, ana).hold(m, 1n).trust(dan, m);
        }
        return world;
      };
      const ten = star(10);
      const capped = pathfinderError(() => ten.pay(ana, dan, 10n, { maxEdges: 19 }));
      expect(capped.code).to.equal("too-many-edges");
      expect([capped.edges, capped.maxEdges]).to.deep.equal([20, 19]);
      expect(ten.pay(ana, dan, 10n, { maxEdges: 20 }).edges.length).to.equal(20);

      // The default is the contract's cap of 64: 32 units fit, 33 do not.
      const forty = star(40);
      expectValidPayment(forty, forty.pay(ana, dan, 32n), ana, dan, 32n);
      const overCap = pathfinderError(() => forty.pay(ana, dan, 33n, { name }));
      expect([overCap.code, overCap.edges, overCap.maxEdges]).to.deep.equal(["too-many-edges", 66, 64]);
      expect(overCap.message).to.contain("Ana to Dan takes 66 transfers");
    });

    it("rejects nonsense input", function () {
      const world = new World().hold(ana, 10n).trust(dan, ana);
      expect(pathfinderError(() => world.pay(ana, ana, 1n)).code).to.equal("invalid-input");
      expect(pathfinderError(() => world.pay(ana, dan, 0n)).code).to.equal("invalid-input");
      expect(pathfinderError(() => world.pay("0x1234", dan, 1n)).code).to.equal("invalid-input");
      expect(pathfinderError(() => world.pay(ana, dan, 1n, { maxHops: 0 })).code).to.equal("invalid-input");
    });

    it("on a seeded random graph of 200 people, always pays exactly the maximum flow, validly", function () {
      const random = mulberry32(20_251_126);
      const people = Array.from({ length: 200 }, (_, i) =>
        person(0x1000 + Math.floor(random() * 0xfffff) * 0x1000 + i),
      );
      const world = new World();
      for (const p of people) {
        world.hold(p, BigInt(1 + Math.floor(random() * 100)));
        for (let k = 0; k < 3; k++) {
          const other = people[Math.floor(random() * people.length)]!;
          if (other === p) continue;
          world.trust(p, other);
          if (random() < 0.5) world.hold(p, BigInt(1 + Math.floor(random() * 30)), other);
        }
      }
      let paid = 0;
      let swapped = 0;
      for (let round = 0; round < 40; round++) {
        const from = people[Math.floor(random() * people.length)]!;
        const to = people[Math.floor(random() * people.length)]!;
        if (from === to) continue;
        const most = world.max(from, to);
        const beyond = pathfinderError(() => world.pay(from, to, most + 1n));
        expect([beyond.code, beyond.available]).to.deep.equal(["insufficient-flow", most]);
        if (most === 0n) continue;
        const flow = world.pay(from, to, most);
        expectValidPayment(world, flow, from, to, most);
        paid++;
        if (flowHops(flow) > 1) swapped++;
      }
      // The graph must exercise the pathfinder, not just direct payments.
      expect(paid).to.be.at.least(20);
      expect(swapped).to.be.at.least(10);
    });
  });

  describe("toPaymentFlow", function () {
    it("cancels opposite transfers and cycles, and orders the rest from the payer", function () {
      // The payment Ana → Bea → Cal → Dan (5 each), plus a 2-cycle Ana ⇄ Bea and a 3-cycle Bea → Cal → Eve → Bea,
      // given in reverse order.
      const world = new World().trust(bea, ana).trust(ana, bea).trust(cal, bea).trust(dan, cal).trust(eve, cal);
      world.trust(bea, eve);
      for (const p of [ana, bea, cal, dan, eve]) world.hold(p, 10n);
      const transfers: Transfer[] = [
        { from: eve, to: bea, token: eve, amount: 3n },
        { from: cal, to: eve, token: cal, amount: 3n },
        { from: bea, to: cal, token: bea, amount: 3n },
        { from: cal, to: dan, token: cal, amount: 5n },
        { from: bea, to: cal, token: bea, amount: 5n },
        { from: bea, to: ana, token: bea, amount: 2n },
        { from: ana, to: bea, token: ana, amount: 7n },
      ];
      const flow = toPaymentFlow(transfers, ana, dan, 5n);
      expect(describeEdges(flow)).to.deep.equal(["a>b:a=5", "b>c:b=5", "c>d:c=5"]);
      expectValidPayment(world, flow, ana, dan, 5n);
      expect(flowHops(flow)).to.equal(3);
    });
  });

  describe("checkPaymentFlow", function () {
    const world = new World().hold(ana, 100n).hold(bea, 100n).trust(bea, ana).trust(dan, bea);
    const valid = (): PaymentFlow => world.pay(ana, dan, 10n);

    it("accepts a valid flow and names every broken rule", function () {
      expect(world.check(valid(), ana, dan)).to.deep.equal([]);

      const unsorted = valid();
      unsorted.vertices.reverse();
      expect(world.check(unsorted, ana, dan).join("\n")).to.match(/is not above/);

      const untrusted = valid();
      untrusted.edges[1]!.token = untrusted.vertices.indexOf(ana); // Dan does not accept Ana's token
      expect(world.check(untrusted, ana, dan).join("\n")).to.match(/does not trust/);

      const overspent = valid();
      for (const e of overspent.edges) e.amount = 101n;
      overspent.amount = 101n;
      expect(world.check(overspent, ana, dan).join("\n")).to.match(/holds 100 .*less than the 101/);

      const unbalanced = valid();
      unbalanced.edges[1]!.amount = 9n;
      expect(world.check(unbalanced, ana, dan).join("\n")).to.match(/nets 1, not 0/);

      const selfEdge = valid();
      selfEdge.edges[0]!.to = selfEdge.edges[0]!.from;
      expect(world.check(selfEdge, ana, dan).join("\n")).to.match(/to itself/);

      const outside = valid();
      outside.edges[0]!.token = 7;
      expect(world.check(outside, ana, dan).join("\n")).to.match(/outside vertices/);

      const tooLong = valid();
      const [there, back] = tooLong.edges;
      // 65 edges: 63 empty copies of the first, so nets and balances still add up and only the cap is broken.
      tooLong.edges = [there!, back!];
      for (let i = 0; i < 63; i++) tooLong.edges.push({ ...there!, amount: 0n });
      expect(world.check(tooLong, ana, dan)).to.deep.equal([
        `The flow has 65 edges, more than the contract's cap of 64.`,
      ]);

      const wrongReceiver = valid();
      expect(world.check(wrongReceiver, ana, bea).join("\n")).to.match(/nets/);
    });

    it("lets an edge spend what an earlier edge gave it, in that order only", function () {
      // Ana gives Bea 10 of Ana's token, which Bea forwards to Cal: fine only after she has it.
      const relay = new World().hold(ana, 10n).trust(bea, ana).trust(cal, ana);
      const vertices = [ana, bea, cal];
      const forward = { from: 0, to: 1, token: 0, amount: 10n };
      const onward = { from: 1, to: 2, token: 0, amount: 10n };
      expect(relay.check({ vertices, edges: [forward, onward], amount: 10n }, ana, cal)).to.deep.equal([]);
      const reversed = relay.check({ vertices, edges: [onward, forward], amount: 10n }, ana, cal);
      expect(reversed).to.deep.equal([`edges[0]: ${bea} holds 0 of ${ana}, less than the 10 it sends.`]);
    });
  });
});
