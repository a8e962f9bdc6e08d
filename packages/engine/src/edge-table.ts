/** The child a missing edge leads to. */
export const NO_NODE = -1;

/**
 * The edges (node, symbol) → child of a trie, in one open-addressing hash table of typed arrays. A catalogue of
 * 10,000 products makes millions of trie nodes; as a `Map` per node that is hundreds of megabytes scattered over the
 * heap, here it is three integer arrays, and a walk touches a few cache lines instead of a chain of objects.
 */
export class EdgeTable {
  #parents = new Int32Array(64).fill(NO_NODE);
  #symbols = new Int32Array(64);
  #children = new Int32Array(64);
  #edges = 0;

  /** `maxLoad`: how full the table may get before it doubles (lower is faster to probe, higher is smaller). */
  constructor(private readonly maxLoad = 0.5) {}

  /** The child of `node` along `symbol`, or NO_NODE. */
  child(node: number, symbol: number): number {
    const mask = this.#parents.length - 1;
    for (let slot = this.#slot(node, symbol); ; slot = (slot + 1) & mask) {
      const parent = this.#parents[slot]!;
      if (parent === NO_NODE) return NO_NODE;
      if (parent === node && this.#symbols[slot] === symbol) return this.#children[slot]!;
    }
  }

  /** Adds the edge; the caller has checked that it is not there yet. */
  insert(node: number, symbol: number, child: number): void {
    if (this.#edges + 1 > this.#parents.length * this.maxLoad) this.#grow();
    const mask = this.#parents.length - 1;
    let slot = this.#slot(node, symbol);
    while (this.#parents[slot] !== NO_NODE) slot = (slot + 1) & mask;
    this.#parents[slot] = node;
    this.#symbols[slot] = symbol;
    this.#children[slot] = child;
    this.#edges++;
  }

  #slot(node: number, symbol: number): number {
    return (Math.imul(node, 0x9e3779b1) ^ Math.imul(symbol, 0x85ebca6b)) & (this.#parents.length - 1);
  }

  // Doubles the table and re-inserts every edge.
  #grow(): void {
    const [parents, symbols, children] = [this.#parents, this.#symbols, this.#children];
    this.#parents = new Int32Array(parents.length * 2).fill(NO_NODE);
    this.#symbols = new Int32Array(parents.length * 2);
    this.#children = new Int32Array(parents.length * 2);
    this.#edges = 0;
    for (let slot = 0; slot < parents.length; slot++) {
      if (parents[slot] !== NO_NODE) this.insert(parents[slot]!, symbols[slot]!, children[slot]!);
    }
  }
}
