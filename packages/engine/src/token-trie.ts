import type { Token } from './tokenize.ts';

/** A match of a multi-token term: tokens [start, end) of the line. */
export interface TrieMatch<V> {
  start: number;
  end: number;
  value: V;
}

const EMPTY = -1;

/**
 * Multi-token terms keyed by normalised word, built once and then queried per token, so matching a line costs
 * O(tokens × longest term) however many terms there are. Words are interned to integer ids and the edges
 * (node, word) → child live in one open-addressing table of typed arrays: a 10,000-product catalogue's trie is a
 * few compact megabytes instead of a `Map` per node scattered over the heap, so walking a rarely named product
 * does not miss the cache at every step.
 */
export class TokenTrie<V> {
  readonly #words = new Map<string, number>();
  readonly #values: (V | undefined)[] = [undefined];
  #parents = new Int32Array(64).fill(EMPTY);
  #wordIds = new Int32Array(64);
  #children = new Int32Array(64);
  #edges = 0;

  /** Stores `value` under the word sequence `keys`; `merge` decides when a sequence is added twice. */
  add(keys: readonly string[], value: V, merge: (old: V, added: V) => V = (_old, added) => added): void {
    if (keys.length === 0) return;
    let node = 0;
    for (const key of keys) {
      let word = this.#words.get(key);
      if (word === undefined) {
        word = this.#words.size;
        this.#words.set(key, word);
      }
      let child = this.#child(node, word);
      if (child === EMPTY) {
        child = this.#values.length;
        this.#values.push(undefined);
        this.#insert(node, word, child);
      }
      node = child;
    }
    const held = this.#values[node];
    this.#values[node] = held === undefined ? value : merge(held, value);
  }

  /** The longest term starting at word token `start` that stays within consecutive words before `limit`. */
  longestAt(tokens: readonly Token[], start: number, field: 'key' | 'norm', limit = tokens.length): TrieMatch<V> | null {
    let node = 0;
    let best: TrieMatch<V> | null = null;
    for (let i = start; i < limit; i++) {
      const token = tokens[i]!;
      if (token.kind !== 'word') break;
      const word = this.#words.get(token[field]);
      if (word === undefined) break;
      const child = this.#child(node, word);
      if (child === EMPTY) break;
      node = child;
      const value = this.#values[node];
      if (value !== undefined) best = { start, end: i + 1, value };
    }
    return best;
  }

  #slot(node: number, word: number): number {
    return (Math.imul(node, 0x9e3779b1) ^ Math.imul(word, 0x85ebca6b)) & (this.#parents.length - 1);
  }

  #child(node: number, word: number): number {
    const mask = this.#parents.length - 1;
    for (let slot = this.#slot(node, word); ; slot = (slot + 1) & mask) {
      const parent = this.#parents[slot]!;
      if (parent === EMPTY) return EMPTY;
      if (parent === node && this.#wordIds[slot] === word) return this.#children[slot]!;
    }
  }

  #insert(node: number, word: number, child: number): void {
    if ((this.#edges + 1) * 2 > this.#parents.length) this.#grow();
    const mask = this.#parents.length - 1;
    let slot = this.#slot(node, word);
    while (this.#parents[slot] !== EMPTY) slot = (slot + 1) & mask;
    this.#parents[slot] = node;
    this.#wordIds[slot] = word;
    this.#children[slot] = child;
    this.#edges++;
  }

  // Doubles the table (kept at most half full, so probes stay short) and re-inserts every edge.
  #grow(): void {
    const [parents, wordIds, children] = [this.#parents, this.#wordIds, this.#children];
    this.#parents = new Int32Array(parents.length * 2).fill(EMPTY);
    this.#wordIds = new Int32Array(parents.length * 2);
    this.#children = new Int32Array(parents.length * 2);
    this.#edges = 0;
    for (let slot = 0; slot < parents.length; slot++) {
      if (parents[slot] !== EMPTY) this.#insert(parents[slot]!, wordIds[slot]!, children[slot]!);
    }
  }
}
