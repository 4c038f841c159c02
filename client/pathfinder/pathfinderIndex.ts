/**
 * The pathfinder's index: the income hub's trust graph and balances, built once and kept up to date by trust and
 * balance changes, so that a payment's flow is found without re-reading the whole graph.
 *
 * People are numbered; trust and holdings are adjacency lists in typed arrays ({@link NodeLists}), each list kept in
 * address order, so the index after any sequence of updates is the same, list for list, as one built afresh from the
 * same state, and every search over it finds the same flow. Balances are stored as the hub stores them, a value and
 * the day it was written, and read as of the index's day through the client's mirror of the hub's demurrage
 * (`demurrageDiscount` in client/income.ts), so days pass without events, as on chain. Amounts are exact: a value is
 * held as two 64-bit words (and, past 2^128 wei, as a bigint beside them).
 *
 * @example
 * const index = PathfinderIndex.from(graph, holdings, { dayZero, now });
 * index.setTrust(ana, bea, expiry); // a Trust event
 * index.transfer(ana, bea, ana, parseEther("5"), timestamp); // a TransferSingle event
 * index.setTime(latestBlock.timestamp);
 * const flow = index.findPaymentFlow(ana, dan, parseEther("25"));
 */
import { demurrageDiscount } from "../income.js";
import {
  PathfinderError,
  checkedAccount,
  checkedEdges,
  checkedHops,
  paymentFlowFromTransfers,
  type Address,
  type Holdings,
  type PathfinderOptions,
  type PaymentFlow,
  type Transfer,
  type TrustGraph,
} from "./core.js";
import { FlowNetwork } from "./flowNetwork.js";
import { NodeLists } from "./lists.js";

/** Where the index's clock stands: the hub's day zero (no demurrage without one) and the current second. */
export interface PathfinderIndexOptions {
  /** The hub's `dayZero` (seconds). Without it the index counts no days and applies no demurrage. */
  dayZero?: bigint;
  /** The current time (seconds), e.g. the latest block's timestamp; trust that expires by then is not trust. */
  now?: bigint;
}

/** Sizes of an index, for a status line. */
export interface PathfinderIndexStats {
  /** Everyone the index knows (anyone who trusts, is trusted or holds anything). */
  people: number;
  /** Trust edges that have not expired. */
  trustEdges: number;
  /** Non-zero balances (holder, token). */
  holdings: number;
  /** The index's day since the hub's day zero, and its time. */
  day: bigint;
  now: bigint;
}

const DAY = 86_400n;
const TWO_64 = 1n << 64n;
const TWO_128 = 1n << 128n;
const MASK_64 = TWO_64 - 1n;
const ZERO = "0x0000000000000000000000000000000000000000";
const ADDRESS = /^0x[0-9a-f]{40}$/;

/** A trust expiry as a number the search compares with the time: exact below 2^53 seconds, "never" above. */
function expiryNumber(expiry: bigint | undefined): number {
  return expiry === undefined || expiry >= 1n << 53n ? Infinity : Number(expiry);
}

/**
 * Per day count, the smallest stored value that demurrage does not round to zero: the mirror's `demurrageDiscount` is
 * monotone in the value, so a binary search over it finds the threshold without a second copy of the maths.
 */
const positiveFrom = new Map<number, bigint>();
function smallestPositive(elapsedDays: number): bigint {
  let known = positiveFrom.get(elapsedDays);
  if (known === undefined) {
    let low = 1n;
    let high = 1n << 192n;
    while (low < high) {
      const middle = (low + high) >> 1n;
      if (demurrageDiscount(middle, BigInt(elapsedDays)) > 0n) high = middle;
      else low = middle + 1n;
    }
    positiveFrom.set(elapsedDays, (known = low));
  }
  return known;
}

/** The distinct values of a list of ids, sorted (in place when it can). */
function uniqueSorted(list: Int32Array): Int32Array {
  list.sort();
  let size = 0;
  for (let i = 0; i < list.length; i++) if (i === 0 || list[i] !== list[i - 1]) list[size++] = list[i]!;
  return size === list.length ? list : list.slice(0, size);
}

export class PathfinderIndex {
  // --- People -------------------------------------------------------------------------------------------------------
  /** Person id → lowercase address, and back. */
  private readonly addresses: string[] = [];
  private readonly ids = new Map<string, number>();
  /** Orders person ids by address, as every list is sorted. */
  private readonly byAddress = (a: number, b: number): number =>
    a === b ? 0 : this.addresses[a]! < this.addresses[b]! ? -1 : 1;

  // --- Trust: truster → trustees and trustee → trusters, each item's payload its expiry (seconds, Infinity: never) --
  private trusted = new NodeLists();
  private acceptors = new NodeLists();

  // --- Holdings: holder → tokens and token → holders, each item's payload the holding's id --------------------------
  private heldBy = new NodeLists();
  private holdersOf = new NodeLists();
  /** Holding id → holder, token, the day its value was written, and the value in two exact 64-bit words. */
  private holder = new Int32Array(0);
  private token = new Int32Array(0);
  private day = new Float64Array(0);
  private low = new BigUint64Array(0);
  private high = new BigUint64Array(0);
  /** The value as a float (rounded, monotone in the value): a quick test against the positive threshold. */
  private rough = new Float64Array(0);
  /** Values of 2^128 wei or more, by holding id (the two words are then unused). */
  private readonly huge = new Map<number, bigint>();
  private holdingCount = 0;
  private readonly freeHoldings: number[] = [];
  /** Today's value of holdings the search has read, by holding id; cleared when the day changes. */
  private readonly todays = new Map<number, bigint>();

  // --- Clock ----------------------------------------------------------------------------------------------------------
  readonly dayZero: bigint | undefined;
  private nowSeconds: bigint;
  private nowNumber: number;
  private today: bigint;
  private todayNumber: number;

  constructor(options: PathfinderIndexOptions = {}) {
    this.dayZero = options.dayZero;
    this.nowSeconds = options.now ?? 0n;
    this.nowNumber = Number(this.nowSeconds);
    this.today = this.dayOf(this.nowSeconds);
    this.todayNumber = Number(this.today);
  }

  /**
   * Builds an index from a trust graph and today's balances (what `readIncomeGraph` or the ledger returns), in one
   * pass over each: people are numbered in address order and every list is filled already sorted. Trust given this
   * way never expires; balances are taken as written today.
   *
   * @example
   * const { graph, holdings } = await readIncomeGraph(publicClient, { hub });
   * const index = PathfinderIndex.from(graph, holdings, { dayZero, now: block.timestamp });
   */
  static from(graph: TrustGraph, holdings: Holdings, options: PathfinderIndexOptions = {}): PathfinderIndex {
    const index = new PathfinderIndex(options);
    // Number every address as given, in one map operation per mention; then lowercase the distinct spellings once,
    // number people in address order, and map the first numbers to those.
    const given = new Map<string, number>();
    const number = (address: string): number => {
      let n = given.get(address);
      if (n === undefined) given.set(address, (n = given.size));
      return n;
    };
    const trustRows: { truster: number; trustees: Int32Array }[] = [];
    for (const [truster, set] of graph) {
      const row = new Int32Array(set.size);
      let i = 0;
      for (const trustee of set) row[i++] = number(trustee);
      trustRows.push({ truster: number(truster), trustees: row });
    }
    const holdRows: { holder: number; tokens: Int32Array; values: bigint[] }[] = [];
    for (const [holder, map] of holdings) {
      const tokens = new Int32Array(map.size);
      const values: bigint[] = [];
      for (const [token, value] of map) tokens[values.push(value) - 1] = number(token);
      holdRows.push({ holder: number(holder), tokens, values });
    }
    const lowered = [...given.keys()].map((a) => a.toLowerCase());
    given.clear();
    for (const address of [...new Set(lowered)].sort()) index.idOf(address);
    const idOf = Int32Array.from(lowered, (address) => index.ids.get(address)!);
    const people = index.addresses.length;

    // Trust: per truster, its trustees' ids sorted and deduplicated (a map may spell one address two ways); then
    // reversed by counting, which leaves every trustee's list sorted by truster too.
    const trustees: (Int32Array | undefined)[] = new Array(people).fill(undefined);
    const inCounts = new Int32Array(people);
    for (const row of trustRows) {
      const from = idOf[row.truster]!;
      const before = trustees[from];
      const list = new Int32Array((before?.length ?? 0) + row.trustees.length);
      if (before) list.set(before);
      let size = before?.length ?? 0;
      for (let i = 0; i < row.trustees.length; i++) {
        const to = idOf[row.trustees[i]!]!;
        if (to !== from) list[size++] = to;
      }
      trustees[from] = uniqueSorted(list.subarray(0, size));
    }
    const outCounts = new Int32Array(people);
    for (let from = 0; from < people; from++) {
      const list = trustees[from];
      if (!list) continue;
      outCounts[from] = list.length;
      for (let i = 0; i < list.length; i++) inCounts[list[i]!]!++;
    }
    index.trusted = NodeLists.withCounts(outCounts);
    index.acceptors = NodeLists.withCounts(inCounts);
    for (let from = 0; from < people; from++) {
      const list = trustees[from];
      if (!list) continue;
      for (let i = 0; i < list.length; i++) {
        index.trusted.fill(from, list[i]!, Infinity);
        index.acceptors.fill(list[i]!, from, Infinity);
      }
    }
    trustees.length = 0;
    trustRows.length = 0;

    // Holdings the same way round: per holder, (token, value) pairs sorted by token, a token spelled twice summed.
    const held: ({ tokens: Int32Array; values: bigint[] } | undefined)[] = new Array(people).fill(undefined);
    const heldCounts = new Int32Array(people);
    const holderCounts = new Int32Array(people);
    let total = 0;
    for (const row of holdRows) {
      const h = idOf[row.holder]!;
      const pairs: [number, bigint][] = [];
      const before = held[h];
      if (before) before.tokens.forEach((t, i) => pairs.push([t, before.values[i]!]));
      row.tokens.forEach((token, i) => pairs.push([idOf[token]!, row.values[i]!]));
      pairs.sort((x, y) => x[0] - y[0]);
      const tokens: number[] = [];
      const values: bigint[] = [];
      for (const [t, value] of pairs) {
        if (tokens.length > 0 && tokens[tokens.length - 1] === t) values[values.length - 1]! += value;
        else (tokens.push(t), values.push(value));
      }
      const keep = tokens.map((_, i) => i).filter((i) => values[i]! > 0n);
      held[h] = { tokens: Int32Array.from(keep, (i) => tokens[i]!), values: keep.map((i) => values[i]!) };
    }
    for (let h = 0; h < people; h++) {
      const entry = held[h];
      if (!entry) continue;
      heldCounts[h] = entry.tokens.length;
      for (let i = 0; i < entry.tokens.length; i++) holderCounts[entry.tokens[i]!]!++;
      total += entry.tokens.length;
    }
    index.heldBy = NodeLists.withCounts(heldCounts);
    index.holdersOf = NodeLists.withCounts(holderCounts);
    index.ensureHoldings(total);
    for (let h = 0; h < people; h++) {
      const entry = held[h];
      if (!entry) continue;
      for (let i = 0; i < entry.tokens.length; i++) {
        const t = entry.tokens[i]!;
        const holding = index.holdingCount++;
        index.holder[holding] = h;
        index.token[holding] = t;
        index.write(holding, entry.values[i]!, index.today);
        index.heldBy.fill(h, t, holding);
        index.holdersOf.fill(t, h, holding);
      }
    }
    return index;
  }

  // --- Updates ------------------------------------------------------------------------------------------------------

  /**
   * Applies a `Trust(truster, trustee, expiry)` event: `truster` accepts `trustee`'s token until `expiry` (seconds;
   * undefined: for good). An expiry not after the index's time ends the trust, as in the hub.
   */
  setTrust(truster: Address, trustee: Address, expiry?: bigint): void {
    const from = this.idOf(truster);
    const to = this.idOf(trustee);
    if (from === to) return; // everyone accepts their own token anyway
    const until = expiryNumber(expiry);
    const live = until > this.nowNumber;
    const at = this.trusted.find(from, to, this.byAddress);
    if (at >= 0) {
      const back = this.acceptors.find(to, from, this.byAddress);
      if (live) {
        this.trusted.payloads[this.trusted.offset(from) + at] = until;
        this.acceptors.payloads[this.acceptors.offset(to) + back] = until;
      } else {
        this.trusted.removeAt(from, at);
        this.acceptors.removeAt(to, back);
      }
    } else if (live) {
      this.trusted.insert(from, to, until, this.byAddress);
      this.acceptors.insert(to, from, until, this.byAddress);
    }
  }

  /**
   * Sets what `holder` holds of `token`'s token: `value` as written on `day` (default: the index's day), as the hub
   * stores a balance. Zero removes the holding.
   */
  setBalance(holder: Address, token: Address, value: bigint, day: bigint = this.today): void {
    if (value < 0n) throw new PathfinderError("invalid-input", `A balance cannot be negative (${value}).`);
    if (day > this.today) {
      throw new PathfinderError(
        "invalid-input",
        `A balance written on day ${day} is ahead of the index's day ${this.today}.`,
      );
    }
    const h = this.idOf(holder);
    const t = this.idOf(token);
    const at = this.heldBy.find(h, t, this.byAddress);
    if (at >= 0) {
      const id = this.heldBy.payloads[this.heldBy.offset(h) + at]!;
      this.todays.delete(id);
      if (value > 0n) return this.write(id, value, day);
      this.heldBy.removeAt(h, at);
      this.holdersOf.removeAt(t, this.holdersOf.find(t, h, this.byAddress));
      this.huge.delete(id);
      this.freeHoldings.push(id);
      return;
    }
    if (value === 0n) return;
    const id = this.freeHoldings.pop() ?? this.holdingCount++;
    this.ensureHoldings(id + 1);
    this.holder[id] = h;
    this.token[id] = t;
    this.write(id, value, day);
    this.heldBy.insert(h, t, id, this.byAddress);
    this.holdersOf.insert(t, h, id, this.byAddress);
  }

  /**
   * Applies one transfer of the hub (a `TransferSingle`, or one id of a `TransferBatch`) made at second `timestamp`,
   * as the hub books it: each side's balance is first brought to the transfer's day, then debited or credited. A mint
   * comes from the zero address, a burn goes to it.
   */
  transfer(from: Address, to: Address, token: Address, value: bigint, timestamp: bigint = this.nowSeconds): void {
    if (timestamp > this.nowSeconds) this.setTime(timestamp);
    const day = this.dayOf(timestamp);
    if (from.toLowerCase() !== ZERO) this.setBalance(from, token, this.balanceOn(from, token, day) - value, day);
    if (to.toLowerCase() !== ZERO) this.setBalance(to, token, this.balanceOn(to, token, day) + value, day);
  }

  /** Moves the index's clock to `now` (seconds, e.g. the latest block's): a new day applies demurrage, and trust expires. */
  setTime(now: bigint): void {
    const day = this.dayOf(now);
    if (day !== this.today) this.todays.clear();
    this.nowSeconds = now;
    this.nowNumber = Number(now);
    this.today = day;
    this.todayNumber = Number(day);
  }

  // --- Reads --------------------------------------------------------------------------------------------------------

  /** `holder`'s balance of `token`'s token as of the index's day, to the wei of the hub's `balanceOf`. */
  balanceOf(holder: Address, token: Address): bigint {
    return this.balanceOn(holder, token, this.today);
  }

  /** Whether `truster` accepts `trustee`'s token now (everyone accepts their own). */
  trusts(truster: Address, trustee: Address): boolean {
    const from = this.ids.get(truster.toLowerCase());
    const to = this.ids.get(trustee.toLowerCase());
    if (from === undefined || to === undefined) return false;
    if (from === to) return true;
    const at = this.trusted.find(from, to, this.byAddress);
    return at >= 0 && this.trusted.payloads[this.trusted.offset(from) + at]! > this.nowNumber;
  }

  /** How big the index is, and where its clock stands. */
  stats(): PathfinderIndexStats {
    return {
      people: this.addresses.length,
      trustEdges: this.countTrust(),
      holdings: this.holdingCount - this.freeHoldings.length,
      day: this.today,
      now: this.nowSeconds,
    };
  }

  /**
   * The trust that holds now and every non-zero balance as of today, as maps keyed by lowercase address: the state a
   * fresh index can be built from with {@link PathfinderIndex.from}.
   */
  snapshot(): { graph: Map<Address, Set<Address>>; holdings: Map<Address, Map<Address, bigint>> } {
    const graph = new Map<Address, Set<Address>>();
    const holdings = new Map<Address, Map<Address, bigint>>();
    for (let u = 0; u < this.addresses.length; u++) {
      const address = this.addresses[u] as Address;
      const trusted = new Set<Address>();
      this.eachTrusted(u, (v) => void trusted.add(this.addresses[v] as Address));
      if (trusted.size > 0) graph.set(address, trusted);
      const held = new Map<Address, bigint>();
      const base = this.heldBy.offset(u);
      for (let i = 0; i < this.heldBy.size(u); i++) {
        const id = this.heldBy.payloads[base + i]!;
        const value = this.todayValue(id);
        if (value > 0n) held.set(this.addresses[this.token[id]!] as Address, value);
      }
      if (held.size > 0) holdings.set(address, held);
    }
    return { graph, holdings };
  }

  // --- Payments -----------------------------------------------------------------------------------------------------

  /**
   * The most `from` can pay `to` along paths of trust of at most `options.maxHops` hops (default 8), as of the
   * index's day.
   *
   * @example
   * index.maxFlow(ana, dan); // 40000000000000000000n
   */
  maxFlow(from: Address, to: Address, options: Pick<PathfinderOptions, "maxHops"> = {}): bigint {
    const maxHops = checkedHops(options.maxHops);
    return this.solve(checkedAccount(from, "payer"), checkedAccount(to, "receiver"), undefined, maxHops).value;
  }

  /**
   * Finds a flow paying `amount` from `from` to `to` along paths of trust, ready for `payAlongTrust`, in one search
   * that stops once the amount is met. Throws a {@link PathfinderError} when `from` can pay `to` less (the message
   * gives both amounts) or when the flow needs more than `options.maxEdges` edges (default 64, the hub's cap).
   *
   * @example
   * const flow = index.findPaymentFlow(ana, dan, parseEther("25"), { format: formatTokens });
   * await walletClient.writeContract(payAlongTrustRequest(hub, flow, dan));
   */
  findPaymentFlow(from: Address, to: Address, amount: bigint, options: PathfinderOptions = {}): PaymentFlow {
    const maxHops = checkedHops(options.maxHops);
    const maxEdges = checkedEdges(options.maxEdges);
    const name = options.name ?? ((a: Address) => a);
    const format = options.format ?? String;
    const payer = checkedAccount(from, "payer");
    const receiver = checkedAccount(to, "receiver");
    if (amount <= 0n || amount >= 1n << 256n) {
      throw new PathfinderError("invalid-input", `The amount must be between 1 and 2^256 - 1, not ${amount}.`);
    }
    const { value, transfers } = this.solve(payer, receiver, amount, maxHops);
    if (value < amount) {
      throw new PathfinderError(
        "insufficient-flow",
        `${name(payer)} can pay ${name(receiver)} at most ${format(value)}, not ${format(amount)} (along paths of trust of at most ${maxHops} hops).`,
        { available: value, requested: amount },
      );
    }
    return paymentFlowFromTransfers(transfers, payer, receiver, amount, maxEdges, (edges) =>
      [
        `Paying ${format(amount)} from ${name(payer)} to ${name(receiver)} takes ${edges} transfers, more than the`,
        `${maxEdges} one payment may have: pay it in smaller parts.`,
      ].join(" "),
    );
  }

  // --- Inside -------------------------------------------------------------------------------------------------------

  private dayOf(second: bigint): bigint {
    return this.dayZero === undefined || second < this.dayZero ? 0n : (second - this.dayZero) / DAY;
  }

  private idOf(address: string): number {
    const key = address.toLowerCase();
    let id = this.ids.get(key);
    if (id === undefined) {
      if (!ADDRESS.test(key)) throw new PathfinderError("invalid-input", `${address} is not an address.`);
      id = this.addresses.push(key) - 1;
      this.ids.set(key, id);
    }
    return id;
  }

  private ensureHoldings(size: number): void {
    if (size <= this.holder.length) return;
    const next = Math.max(size, this.holder.length * 2, 64);
    const grow = <T extends Int32Array | Float64Array | BigUint64Array>(old: T, make: (n: number) => T): T => {
      const array = make(next);
      array.set(old as never);
      return array;
    };
    this.holder = grow(this.holder, (n) => new Int32Array(n));
    this.token = grow(this.token, (n) => new Int32Array(n));
    this.day = grow(this.day, (n) => new Float64Array(n));
    this.rough = grow(this.rough, (n) => new Float64Array(n));
    this.low = grow(this.low, (n) => new BigUint64Array(n));
    this.high = grow(this.high, (n) => new BigUint64Array(n));
  }

  /** Stores a holding's value as written on `day`. */
  private write(id: number, value: bigint, day: bigint): void {
    this.day[id] = Number(day);
    this.rough[id] = Number(value);
    if (value >= TWO_128) {
      this.huge.set(id, value);
    } else {
      this.huge.delete(id);
      this.low[id] = value & MASK_64;
      this.high[id] = value >> 64n;
    }
  }

  /** A holding's value as written. */
  private stored(id: number): bigint {
    if (this.rough[id]! >= 2 ** 128) return this.huge.get(id)!;
    const high = this.high[id]!;
    return high === 0n ? this.low[id]! : (high << 64n) | this.low[id]!;
  }

  /** A holding's value today, through the hub's demurrage mirror (cached until the day changes). */
  private todayValue(id: number): bigint {
    let value = this.todays.get(id);
    if (value === undefined) {
      value = demurrageDiscount(this.stored(id), this.today - BigInt(this.day[id]!));
      this.todays.set(id, value);
    }
    return value;
  }

  /** Whether a holding is worth anything today: a float comparison, and an exact one only at the threshold. */
  private positive(id: number): boolean {
    const elapsed = this.todayNumber - this.day[id]!;
    if (elapsed === 0) return this.rough[id]! > 0;
    const threshold = smallestPositive(elapsed);
    const rough = Number(threshold);
    const mine = this.rough[id]!;
    return mine > rough || (mine === rough && this.stored(id) >= threshold);
  }

  private balanceOn(holder: Address, token: Address, day: bigint): bigint {
    const h = this.ids.get(holder.toLowerCase());
    const t = this.ids.get(token.toLowerCase());
    if (h === undefined || t === undefined) return 0n;
    const at = this.heldBy.find(h, t, this.byAddress);
    if (at < 0) return 0n;
    const id = this.heldBy.payloads[this.heldBy.offset(h) + at]!;
    if (day === this.today) return this.todayValue(id);
    const elapsed = day - BigInt(this.day[id]!);
    if (elapsed < 0n)
      throw new PathfinderError("invalid-input", `A transfer on day ${day} comes before one already applied.`);
    return demurrageDiscount(this.stored(id), elapsed);
  }

  /** Trust edges that have not expired (counted, since time ends trust without an event). */
  private countTrust(): number {
    let live = 0;
    const payloads = this.trusted.payloads;
    for (let u = 0; u < this.addresses.length; u++) {
      const base = this.trusted.offset(u);
      for (let i = 0; i < this.trusted.size(u); i++) if (payloads[base + i]! > this.nowNumber) live++;
    }
    return live;
  }

  /** Calls `visit` with everyone `u` trusts now, in address order. */
  private eachTrusted(u: number, visit: (v: number) => void): void {
    const { items, payloads } = this.trusted;
    const base = this.trusted.offset(u);
    const end = base + this.trusted.size(u);
    for (let i = base; i < end; i++) if (payloads[i]! > this.nowNumber) visit(items[i]!);
  }

  /** Calls `visit` with everyone who accepts `t`'s token now (who trusts `t`), `t` itself not included. */
  private eachAcceptor(t: number, visit: (v: number) => void): void {
    const { items, payloads } = this.acceptors;
    const base = this.acceptors.offset(t);
    const end = base + this.acceptors.size(t);
    for (let i = base; i < end; i++) if (payloads[i]! > this.nowNumber) visit(items[i]!);
  }

  /** Calls `visit` with `u`'s holdings worth something today: its own token first, then by token address. */
  private eachHolding(u: number, visit: (id: number) => void): void {
    const base = this.heldBy.offset(u);
    const end = base + this.heldBy.size(u);
    const { items, payloads } = this.heldBy;
    for (let i = base; i < end; i++) if (items[i] === u && this.positive(payloads[i]!)) visit(payloads[i]!);
    for (let i = base; i < end; i++) if (items[i] !== u && this.positive(payloads[i]!)) visit(payloads[i]!);
  }

  /** Calls `visit` with the holdings of `t`'s token worth something today, by holder address. */
  private eachHolder(t: number, visit: (id: number) => void): void {
    const base = this.holdersOf.offset(t);
    const end = base + this.holdersOf.size(t);
    const { payloads } = this.holdersOf;
    for (let i = base; i < end; i++) if (this.positive(payloads[i]!)) visit(payloads[i]!);
  }

  /**
   * Runs the maximum flow from payer to receiver, up to `limit` (no limit: as much as the payer can pay).
   *
   * Node splitting: every person u is a node, and every balance b of token t that u holds is a node (u,t) between u and
   * everyone who accepts t. The edge u → (u,t) has capacity b, so however many people could take t from u, together
   * they take at most b: one balance is never counted twice. The edges (u,t) → v carry the same b (no tighter bound).
   *
   * The network widens one hop at a time. With bound k it holds exactly the transfers u → v that lie on some path of at
   * most k hops (hops from the payer to u, plus one, plus hops from v to the receiver, is at most k), and the flow is
   * augmented along paths of at most k hops. Only when that cannot carry `limit` does the bound grow, up to `maxHops`:
   * a typical payment never looks past a few dozen people, and long detours are only used when short paths run dry.
   * The flow found so far stays valid as the network grows, so each round continues from the last. Nothing flows into
   * the payer or out of the receiver. Every list is walked in address order, so the result depends only on the state.
   */
  private solve(
    payerAddress: Address,
    receiverAddress: Address,
    limit: bigint | undefined,
    maxHops: number,
  ): { value: bigint; transfers: Transfer[] } {
    if (payerAddress === receiverAddress) {
      throw new PathfinderError("invalid-input", `The payer and the receiver are the same account, ${payerAddress}.`);
    }
    const payer = this.ids.get(payerAddress);
    const receiver = this.ids.get(receiverAddress);
    if (payer === undefined || receiver === undefined) return { value: 0n, transfers: [] };

    // No flow beats what the payer holds or what the receiver could possibly take in: stop there, not after a search
    // of the whole neighbourhood that cannot find more.
    let cap = 0n;
    this.eachHolding(payer, (id) => void (cap += this.todayValue(id)));
    let intake = 0n;
    const takeIn = (t: number) =>
      this.eachHolder(t, (id) => {
        if (this.holder[id] !== receiver) intake += this.todayValue(id);
      });
    takeIn(receiver);
    this.eachTrusted(receiver, takeIn);
    if (intake < cap) cap = intake;
    const target = limit !== undefined && limit < cap ? limit : cap;
    if (target === 0n) return { value: 0n, transfers: [] };

    const people = this.addresses.length;
    // Hops from the payer: u pays v if u holds a token v accepts (v owns it or trusts its owner). The receiver passes
    // nothing on.
    const fromPayer = new Layers(people, payer, (u, visit) => {
      if (u === receiver) return;
      this.eachHolding(u, (id) => {
        const t = this.token[id]!;
        visit(t);
        this.eachAcceptor(t, visit);
      });
    });
    // Hops to the receiver, walking the same relation backwards. Nobody pays the payer.
    const toReceiver = new Layers(people, receiver, (v, visit) => {
      if (v === payer) return;
      const holders = (t: number) => this.eachHolder(t, (id) => visit(this.holder[id]!));
      holders(v);
      this.eachTrusted(v, holders);
    });

    const net = new FlowNetwork();
    const nodeOf = new Int32Array(people).fill(-1);
    const personNode = (u: number): number => (nodeOf[u]! >= 0 ? nodeOf[u]! : (nodeOf[u] = net.addNode()));
    const source = personNode(payer);
    const sink = personNode(receiver);
    // Per person, once first looked at: the transfers they could make that are not in the network yet, as pairs
    // (holding id, taker), and per holding its node once needed.
    const pending = new Map<number, number[]>();
    const holdingNode = new Map<number, number>();
    const edges: { edge: number; holding: number; to: number }[] = [];
    let value = 0n;

    for (let bound = 1; bound <= maxHops && value < target; bound++) {
      // Meet in the middle: every transfer on a path of `bound` hops has someone within `fromDepth` hops of the payer
      // or within `toDepth` of the receiver (they add up to bound - 1), so the two balls stay small (a few thousand
      // people in a city-sized graph for paths of up to 5 hops), and the distances past them are found only through
      // people the other ball already holds (see `Layers.extend`).
      const toDepth = (bound - 1) >> 1;
      const fromDepth = bound - 1 - toDepth;
      fromPayer.grow(fromDepth);
      toReceiver.grow(toDepth);
      const pastPayer = fromPayer.extend(toReceiver, bound);
      const pastReceiver = toReceiver.extend(fromPayer, bound);
      const hopsFrom = (u: number) => (fromPayer.distance[u]! >= 0 ? fromPayer.distance[u]! : (pastPayer.get(u) ?? -1));
      const hopsTo = (v: number) =>
        toReceiver.distance[v]! >= 0 ? toReceiver.distance[v]! : (pastReceiver.get(v) ?? -1);

      for (const u of [...fromPayer.reached, ...pastPayer.keys()]) {
        const du = hopsFrom(u);
        if (du >= bound || u === receiver) continue;
        // Someone more than `bound` hops from end to end carries no transfer on a path that short.
        const back = hopsTo(u);
        if (u !== payer && (back < 0 || du + back > bound)) continue;

        let candidates = pending.get(u);
        if (!candidates) {
          const list: number[] = (candidates = []);
          this.eachHolding(u, (id) => {
            const take = (taker: number) => {
              if (taker !== u && taker !== payer) list.push(id, taker);
            };
            take(this.token[id]!);
            this.eachAcceptor(this.token[id]!, take);
          });
        }
        // Add the transfers whose shortest path through them is now in reach; keep those that may be later.
        const later: number[] = [];
        for (let i = 0; i < candidates.length; i += 2) {
          const id = candidates[i]!;
          const taker = candidates[i + 1]!;
          const dv = hopsTo(taker);
          if (dv < 0 || du + 1 + dv > bound) {
            if (dv < 0 || du + 1 + dv <= maxHops) later.push(id, taker);
            continue;
          }
          const balance = this.todayValue(id);
          let node = holdingNode.get(id);
          if (node === undefined) {
            holdingNode.set(id, (node = net.addNode()));
            net.addEdge(personNode(u), node, balance);
          }
          edges.push({ edge: net.addEdge(node, personNode(taker), balance), holding: id, to: taker });
        }
        pending.set(u, later);
      }
      // Each hop is two steps in the split network: person → holding → person. Once no path can be longer than the
      // bound, the network is whole and widening it one hop at a time would only repeat the same search: allow the
      // longest augmenting paths at once (this matters only for a large `maxHops`).
      const whole = fromPayer.complete && toReceiver.complete && bound >= fromPayer.farthest + 1 + toReceiver.farthest;
      value += net.maxFlow(source, sink, target - value, 2 * (whole ? maxHops : bound));
      if (whole) break;
    }

    const transfers: Transfer[] = [];
    for (const { edge, holding, to } of edges) {
      const amount = net.flowOn(edge);
      if (amount <= 0n) continue;
      const name = (id: number) => this.addresses[id] as Address;
      transfers.push({ from: name(this.holder[holding]!), to: name(to), token: name(this.token[holding]!), amount });
    }
    return { value, transfers };
  }
}

/**
 * Breadth-first hop distances from one person, grown one layer at a time as the search widens, so a payment that
 * short paths can carry never looks at the rest of the graph.
 */
class Layers {
  /** Person → hops from the start (-1: not reached yet); exact once set. */
  readonly distance: Int32Array;
  /** Everyone reached so far, in order of distance. */
  readonly reached: number[] = [];
  /** Calls `visit` with everyone one hop on from `person`. */
  private readonly neighbours: (person: number, visit: (other: number) => void) => void;
  private frontier: number[];
  private depth = 0;

  constructor(people: number, start: number, neighbours: (person: number, visit: (other: number) => void) => void) {
    this.distance = new Int32Array(people).fill(-1);
    this.neighbours = neighbours;
    this.frontier = [start];
    this.distance[start] = 0;
    this.reached.push(start);
  }

  /** Whether everyone reachable has been reached. */
  get complete(): boolean {
    return this.frontier.length === 0;
  }

  /** The distance of the farthest person reached so far. */
  get farthest(): number {
    return this.distance[this.reached[this.reached.length - 1]!]!;
  }

  /**
   * Distances past the layers grown so far, found only through people `other` (the search from the other end) has
   * reached: everyone x with `this` distance d(x) and `other` distance e(x) such that d(x) + e(x) ≤ `bound`.
   *
   * Exact: on a shortest path to such an x, every person w has d(w) + e(w) ≤ d(x) + e(x) ≤ bound, and if w lies
   * past these layers (d(w) > depth) then e(w) ≤ bound - depth - 1, within the other's layers when the two depths
   * add up to bound - 1. So a breadth-first search from the last layer that only enters such people finds every x at
   * its true distance.
   */
  extend(other: Layers, bound: number): Map<number, number> {
    const past = new Map<number, number>();
    let frontier = this.frontier;
    for (let hops = this.depth + 1; frontier.length > 0 && hops < bound; hops++) {
      const next: number[] = [];
      const visit = (x: number) => {
        const back = other.distance[x]!;
        if (back < 0 || hops + back > bound || this.distance[x] !== -1 || past.has(x)) return;
        past.set(x, hops);
        next.push(x);
      };
      for (const person of frontier) this.neighbours(person, visit);
      frontier = next;
    }
    return past;
  }

  /** Makes sure everyone within `depth` hops has their distance. */
  grow(depth: number): void {
    while (this.depth < depth && this.frontier.length > 0) {
      const next: number[] = [];
      const hops = this.depth + 1;
      const visit = (other: number) => {
        if (this.distance[other] !== -1) return;
        this.distance[other] = hops;
        this.reached.push(other);
        next.push(other);
      };
      for (const person of this.frontier) this.neighbours(person, visit);
      this.frontier = next;
      this.depth = hops;
    }
  }
}
