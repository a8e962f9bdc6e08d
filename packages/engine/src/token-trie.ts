import { EdgeTable, NO_NODE } from './edge-table.ts';
import type { Token } from './tokenize.ts';
import { NO_WORD, WordTable } from './word-table.ts';

/** A match of a multi-token term: tokens [start, end) of the line. */
export interface TrieMatch<V> {
  start: number;
  end: number;
  value: V;
}

/**
 * Multi-token terms keyed by normalised word, built once and then queried per token, so matching a line costs
 * O(tokens × longest term) however many terms there are. Words are interned to integer ids (`WordTable`) and the
 * edges (node, word) → child live in one open-addressing table of typed arrays: a 10,000-product catalogue's trie is a
 * few compact megabytes instead of a `Map` per node scattered over the heap, so walking a rarely named product
 * does not miss the cache at every step.
 */
export class TokenTrie<V> {
  readonly #words: WordTable;
  readonly #values: (V | undefined)[] = [undefined];
  readonly #edges = new EdgeTable();

  /** `words`: where words get their ids; a catalogue's trie shares a compact `WordTable` with its word set. */
  constructor(words = new WordTable()) {
    this.#words = words;
  }

  /** Stores `value` under the word sequence `keys`; `merge` decides when a sequence is added twice. */
  add(keys: readonly string[], value: V, merge: (old: V, added: V) => V = (_old, added) => added): void {
    if (keys.length === 0) return;
    let node = 0;
    for (const key of keys) {
      const word = this.#words.intern(key);
      let child = this.#edges.child(node, word);
      if (child === NO_NODE) {
        child = this.#values.length;
        this.#values.push(undefined);
        this.#edges.insert(node, word, child);
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
      const word = this.#words.idOf(token[field]);
      if (word === NO_WORD) break;
      const child = this.#edges.child(node, word);
      if (child === NO_NODE) break;
      node = child;
      const value = this.#values[node];
      if (value !== undefined) best = { start, end: i + 1, value };
    }
    return best;
  }
}
