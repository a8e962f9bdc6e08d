/** The child a missing edge leads to. */
export const NO_NODE = -1;

// Each slot holds parent, symbol and child side by side, so a probe reads one cache line, not one per array.
const STRIDE = 3;

/**
 * The edges (node, symbol) → child of a trie, in one open-addressing hash table in a typed array. A catalogue of
 * 10,000 products makes millions of trie nodes; as a `Map` per node that is hundreds of megabytes scattered over the
 * heap, here it is one integer array, and a walk touches a few cache lines instead of a chain of objects.
 */
export class EdgeTable {
  #slots = new Int32Array(64 * STRIDE).fill(NO_NODE);
  #edges = 0;

  /** `maxLoad`: how full the table may get before it doubles (lower is faster to probe, higher is smaller). */
  constructor(private readonly maxLoad = 0.5) {}

  /** The child of `node` along `symbol`, or NO_NODE. */
  child(node: number, symbol: number): number {
    const slots = this.#slots;
    const mask = slots.length / STRIDE - 1;
    for (let slot = this.#slot(node, symbol, mask); ; slot = (slot + 1) & mask) {
      const at = slot * STRIDE;
      const parent = slots[at]!;
      if (parent === NO_NODE) return NO_NODE;
      if (parent === node && slots[at + 1] === symbol) return slots[at + 2]!;
    }
  }

  /** Adds the edge; the caller has checked that it is not there yet. */
  insert(node: number, symbol: number, child: number): void {
    if (this.#edges + 1 > (this.#slots.length / STRIDE) * this.maxLoad) this.#grow();
    const slots = this.#slots;
    const mask = slots.length / STRIDE - 1;
    let slot = this.#slot(node, symbol, mask);
    while (slots[slot * STRIDE] !== NO_NODE) slot = (slot + 1) & mask;
    const at = slot * STRIDE;
    slots[at] = node;
    slots[at + 1] = symbol;
    slots[at + 2] = child;
    this.#edges++;
  }

  #slot(node: number, symbol: number, mask: number): number {
    return (Math.imul(node, 0x9e3779b1) ^ Math.imul(symbol, 0x85ebca6b)) & mask;
  }

  // Doubles the table and re-inserts every edge.
  #grow(): void {
    const old = this.#slots;
    this.#slots = new Int32Array(old.length * 2).fill(NO_NODE);
    this.#edges = 0;
    for (let at = 0; at < old.length; at += STRIDE) {
      if (old[at] !== NO_NODE) this.insert(old[at]!, old[at + 1]!, old[at + 2]!);
    }
  }
}
