import { EdgeTable, NO_NODE } from '../edge-table.ts';

/** A trie over pinyin syllables (or any string keys) that finds the longest entry starting at a position. */
export class KeyTrie<V> {
  readonly #keys = new Map<string, number>();
  readonly #edges = new EdgeTable(0.75);
  readonly #values: (V | undefined)[] = [undefined];

  /** Adds an entry; `merge` combines values when the same keys are added twice. */
  add(keys: readonly string[], value: V, merge: (old: V, added: V) => V = (_old, added) => added): void {
    if (keys.length === 0) return;
    let node = 0;
    for (const key of keys) {
      let id = this.#keys.get(key);
      if (id === undefined) {
        id = this.#keys.size;
        this.#keys.set(key, id);
      }
      node = childOrNew(this.#edges, this.#values, node, id);
    }
    setValue(this.#values, node, value, merge);
  }

  /** The longest entry matching keys[at…limit), as its end index (exclusive) and value, or null. */
  longestAt(keys: readonly string[], at: number, limit = keys.length): { end: number; value: V } | null {
    return this.longestWith((i) => keys[i]!, at, limit);
  }

  /** As longestAt, over keys read on demand by `keyAt` (so a line's keys are only computed where a walk goes). */
  longestWith(keyAt: (i: number) => string, at: number, limit: number): { end: number; value: V } | null {
    let node = 0;
    let best: { end: number; value: V } | null = null;
    for (let i = at; i < limit; i++) {
      const id = this.#keys.get(keyAt(i));
      if (id === undefined) break;
      node = this.#edges.child(node, id);
      if (node === NO_NODE) break;
      const value = this.#values[node];
      if (value !== undefined) best = { end: i + 1, value };
    }
    return best;
  }
}

/**
 * A trie over the UTF-16 code units of strings. Keyed by numbers: reading a Chinese line never allocates a
 * one-character string per lookup, which is what makes scanning every position of every line cheap. Edges live in
 * one typed-array table (`EdgeTable`): a 10,000-product catalogue stays tens of megabytes, not hundreds.
 */
export class CharTrie<V> {
  readonly #edges = new EdgeTable(0.75);
  readonly #values: (V | undefined)[] = [undefined];
  // One bit per UTF-16 code unit that starts a word: most positions of a line start none, and a bit test is far
  // cheaper than the root lookup it saves.
  private readonly starts = new Uint32Array(0x10000 / 32);

  /** Adds a word; `merge` combines values when the same word is added twice. */
  add(word: string, value: V, merge: (old: V, added: V) => V = (_old, added) => added): void {
    if (word.length === 0) return;
    const first = word.charCodeAt(0);
    this.starts[first >>> 5]! |= 1 << (first & 31);
    let node = 0;
    for (let i = 0; i < word.length; i++) node = childOrNew(this.#edges, this.#values, node, word.charCodeAt(i));
    setValue(this.#values, node, value, merge);
  }

  /** Whether some word starts with the code unit at text[at] (a cheap test before a walk). */
  startsAt(text: string, at: number): boolean {
    const code = text.charCodeAt(at);
    return (this.starts[code >>> 5]! & (1 << (code & 31))) !== 0;
  }

  /** The longest word matching text[at…limit), as its end index (exclusive) and value, or null. */
  longestAt(text: string, at: number, limit = text.length): { end: number; value: V } | null {
    if (at >= limit || !this.startsAt(text, at)) return null;
    let node = 0;
    let bestEnd = -1;
    let bestValue: V | undefined;
    for (let i = at; i < limit; i++) {
      node = this.#edges.child(node, text.charCodeAt(i));
      if (node === NO_NODE) break;
      const value = this.#values[node];
      if (value !== undefined) {
        bestEnd = i + 1;
        bestValue = value;
      }
    }
    return bestEnd < 0 ? null : { end: bestEnd, value: bestValue! };
  }

  /** Calls `found` for every word in text[from…to), left to right, overlaps included. */
  scan(text: string, found: (start: number, end: number, value: V) => void, from = 0, to = text.length): void {
    for (let at = from; at < to; at++) {
      if (!this.startsAt(text, at)) continue;
      let node = 0;
      for (let i = at; i < to; i++) {
        node = this.#edges.child(node, text.charCodeAt(i));
        if (node === NO_NODE) break;
        const value = this.#values[node];
        if (value !== undefined) found(at, i + 1, value);
      }
    }
  }
}

function childOrNew<V>(edges: EdgeTable, values: (V | undefined)[], node: number, symbol: number): number {
  let child = edges.child(node, symbol);
  if (child === NO_NODE) {
    child = values.length;
    values.push(undefined);
    edges.insert(node, symbol, child);
  }
  return child;
}

function setValue<V>(values: (V | undefined)[], node: number, value: V, merge: (old: V, added: V) => V): void {
  const held = values[node];
  values[node] = held === undefined ? value : merge(held, value);
}
