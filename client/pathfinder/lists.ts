/**
 * Adjacency lists for a graph that changes: one list of Int32 items per node, each item with a Float64 payload, all
 * in two shared typed arrays (a compressed sparse row layout that can grow). Each list is kept sorted by a comparator
 * the caller gives, so a list's order depends only on what it holds, never on the order of the updates that built it.
 *
 * A list lives in a block of the pool with room to spare; a list that outgrows its block moves to a block twice as
 * large at the pool's end, and the pool is compacted once more than half of it is abandoned blocks. Inserting and
 * removing cost a binary search and a shift within one list.
 *
 * @example
 * const lists = new NodeLists();
 * lists.insert(0, 7, Infinity, (a, b) => a - b);
 * lists.find(0, 7, (a, b) => a - b); // 0: the position of 7 in node 0's list
 */
export class NodeLists {
  /** Node → where its block starts in the pool, how many items it holds, and how many its block fits. */
  private start = new Int32Array(0);
  private count = new Int32Array(0);
  private room = new Int32Array(0);
  /** The pool: items and their payloads. */
  items = new Int32Array(0);
  payloads = new Float64Array(0);
  private used = 0;
  private abandoned = 0;

  /** Lists of `counts[node]` items each, exactly sized, to be filled in order with {@link fill}; for bulk builds. */
  static withCounts(counts: Int32Array): NodeLists {
    const lists = new NodeLists();
    lists.ensureNodes(counts.length);
    let total = 0;
    for (let node = 0; node < counts.length; node++) {
      lists.start[node] = total;
      lists.room[node] = counts[node]!;
      total += counts[node]!;
    }
    lists.items = new Int32Array(total);
    lists.payloads = new Float64Array(total);
    lists.used = total;
    return lists;
  }

  /** Appends to a list made by {@link withCounts}; the caller appends in sorted order. */
  fill(node: number, item: number, payload: number): void {
    const at = this.start[node]! + this.count[node]!++;
    this.items[at] = item;
    this.payloads[at] = payload;
  }

  /** Makes room for nodes `0 … nodes - 1` (new nodes have empty lists). */
  ensureNodes(nodes: number): void {
    if (nodes <= this.start.length) return;
    const size = Math.max(nodes, this.start.length * 2, 16);
    const grow = (old: Int32Array) => {
      const next = new Int32Array(size);
      next.set(old);
      return next;
    };
    this.start = grow(this.start);
    this.count = grow(this.count);
    this.room = grow(this.room);
  }

  /** Where `node`'s list starts in {@link items}, and how many items it has. */
  offset(node: number): number {
    return this.start[node]!;
  }
  size(node: number): number {
    return node < this.count.length ? this.count[node]! : 0;
  }

  /**
   * The position of `item` in `node`'s list if it is there; otherwise `-(position it would take) - 1`. `compare`
   * orders items as the list is sorted.
   */
  find(node: number, item: number, compare: (a: number, b: number) => number): number {
    let low = this.start[node] ?? 0;
    let high = low + this.size(node) - 1;
    const base = low;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const order = compare(this.items[middle]!, item);
      if (order < 0) low = middle + 1;
      else if (order > 0) high = middle - 1;
      else return middle - base;
    }
    return -(low - base) - 1;
  }

  /** Inserts `item` (not already there) with its payload, keeping the list sorted. */
  insert(node: number, item: number, payload: number, compare: (a: number, b: number) => number): void {
    this.ensureNodes(node + 1);
    const found = this.find(node, item, compare);
    if (found >= 0) throw new Error(`NodeLists: item ${item} is already in the list of node ${node}`); // a bug if seen
    const position = -found - 1;
    if (this.count[node] === this.room[node]) this.move(node, Math.max(4, this.room[node]! * 2));
    const begin = this.start[node]!;
    const end = begin + this.count[node]!;
    this.items.copyWithin(begin + position + 1, begin + position, end);
    this.payloads.copyWithin(begin + position + 1, begin + position, end);
    this.items[begin + position] = item;
    this.payloads[begin + position] = payload;
    this.count[node]!++;
  }

  /** Removes the item at `position` of `node`'s list. */
  removeAt(node: number, position: number): void {
    const begin = this.start[node]!;
    const end = begin + this.count[node]!;
    this.items.copyWithin(begin + position, begin + position + 1, end);
    this.payloads.copyWithin(begin + position, begin + position + 1, end);
    this.count[node]!--;
  }

  /** Moves `node`'s list to a fresh block of `room` items at the pool's end, growing or compacting the pool. */
  private move(node: number, room: number): void {
    if (this.used + room > this.items.length) {
      if (this.abandoned * 2 > this.used) this.compact();
      if (this.used + room > this.items.length) {
        const size = Math.max(this.used + room, this.items.length * 2, 1024);
        const items = new Int32Array(size);
        const payloads = new Float64Array(size);
        items.set(this.items.subarray(0, this.used));
        payloads.set(this.payloads.subarray(0, this.used));
        this.items = items;
        this.payloads = payloads;
      }
    }
    const from = this.start[node]!;
    const count = this.count[node]!;
    this.items.copyWithin(this.used, from, from + count);
    this.payloads.copyWithin(this.used, from, from + count);
    this.abandoned += this.room[node]!;
    this.start[node] = this.used;
    this.room[node] = room;
    this.used += room;
  }

  /** Rewrites the pool with every list in its own block, in node order, with no abandoned blocks between them. */
  private compact(): void {
    const items = new Int32Array(this.items.length);
    const payloads = new Float64Array(this.items.length);
    let at = 0;
    for (let node = 0; node < this.start.length; node++) {
      const from = this.start[node]!;
      items.set(this.items.subarray(from, from + this.count[node]!), at);
      payloads.set(this.payloads.subarray(from, from + this.count[node]!), at);
      this.start[node] = at;
      at += this.room[node]!;
    }
    this.items = items;
    this.payloads = payloads;
    this.used = at;
    this.abandoned = 0;
  }
}
