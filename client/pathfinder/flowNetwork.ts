/**
 * The flow network of one payment search: residual capacities in exact bigint wei, over the few hundred or thousand
 * nodes near the payer and the receiver that the search looks at (the graph's index is elsewhere, in typed arrays).
 *
 * @example
 * const net = new FlowNetwork();
 * const [a, b] = [net.addNode(), net.addNode()];
 * const edge = net.addEdge(a, b, 5n);
 * net.maxFlow(a, b, 3n, 2); // 3n, and net.flowOn(edge) is 3n
 *
 * A flow network with residual capacities. Edge `e` and its reverse `e ^ 1` are stored side by side, so pushing
 * along one frees capacity on the other.
 */
export class FlowNetwork {
  /** Node → ids of the edges leaving it (including reverse edges). */
  readonly adjacency: number[][] = [];
  /** Edge → the node it enters. */
  readonly target: number[] = [];
  /** Edge → what can still be pushed along it. */
  readonly residual: bigint[] = [];
  /** Edge → its capacity, to read the flow back as `capacity - residual`. */
  readonly capacity: bigint[] = [];

  addNode(): number {
    return this.adjacency.push([]) - 1;
  }

  addEdge(from: number, to: number, capacity: bigint): number {
    const id = this.target.length;
    this.target.push(to, from);
    this.residual.push(capacity, 0n);
    this.capacity.push(capacity, 0n);
    this.adjacency[from]!.push(id);
    this.adjacency[to]!.push(id + 1);
    return id;
  }

  flowOn(edge: number): bigint {
    return this.capacity[edge]! - this.residual[edge]!;
  }

  /**
   * Dinic's algorithm: each phase finds the shortest augmenting paths by breadth-first search and saturates them, so
   * short paths (few hops, few edges, little gas) are used before long ones. Stops at `limit` or when the sink is
   * more than `maxLevel` steps away. O(V²E) in theory; a handful of phases on trust graphs in practice.
   */
  maxFlow(source: number, sink: number, limit: bigint, maxLevel: number): bigint {
    const size = this.adjacency.length;
    const level = new Int32Array(size);
    const nextEdge = new Int32Array(size);
    const queue = new Int32Array(size);
    let total = 0n;

    const buildLevels = (): boolean => {
      level.fill(-1);
      level[source] = 0;
      queue[0] = source;
      for (let head = 0, tail = 1; head < tail; head++) {
        const v = queue[head]!;
        // Nothing past the sink's level, or past the hop bound, can be on a shortest path to the sink.
        if (level[v]! >= maxLevel || (level[sink]! >= 0 && level[v]! >= level[sink]!)) continue;
        for (const e of this.adjacency[v]!) {
          const w = this.target[e]!;
          if (level[w] === -1 && this.residual[e]! > 0n) {
            level[w] = level[v]! + 1;
            queue[tail++] = w;
          }
        }
      }
      return level[sink]! >= 0;
    };

    // Pushes up to `want` along one shortest path; `nextEdge` skips edges already found dead in this phase.
    const augment = (v: number, want: bigint): bigint => {
      if (v === sink) return want;
      const edges = this.adjacency[v]!;
      for (; nextEdge[v]! < edges.length; nextEdge[v]!++) {
        const e = edges[nextEdge[v]!]!;
        const w = this.target[e]!;
        const room = this.residual[e]!;
        if (room <= 0n || level[w] !== level[v]! + 1) continue;
        const pushed = augment(w, want < room ? want : room);
        if (pushed > 0n) {
          this.residual[e]! -= pushed;
          this.residual[e ^ 1]! += pushed;
          return pushed;
        }
      }
      return 0n;
    };

    while (total < limit && buildLevels()) {
      nextEdge.fill(0);
      for (let pushed = augment(source, limit - total); pushed > 0n; pushed = augment(source, limit - total)) {
        total += pushed;
        if (total >= limit) break;
      }
    }
    return total;
  }
}
