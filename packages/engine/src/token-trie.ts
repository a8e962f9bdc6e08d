import type { Token } from './tokenize.ts';

interface TrieNode<V> {
  next: Map<string, TrieNode<V>>;
  value: V | undefined;
}

/** A match of a multi-token term: tokens [start, end) of the line. */
export interface TrieMatch<V> {
  start: number;
  end: number;
  value: V;
}

/**
 * Multi-token terms keyed by normalised word, built once and then queried per token, so matching a line costs
 * O(tokens × longest term) however many terms there are.
 */
export class TokenTrie<V> {
  readonly #root: TrieNode<V> = { next: new Map(), value: undefined };

  /** Stores `value` under the word sequence `keys`; `merge` decides when a sequence is added twice. */
  add(keys: readonly string[], value: V, merge: (old: V, added: V) => V = (_old, added) => added): void {
    if (keys.length === 0) return;
    let node = this.#root;
    for (const key of keys) {
      let child = node.next.get(key);
      if (!child) {
        child = { next: new Map(), value: undefined };
        node.next.set(key, child);
      }
      node = child;
    }
    node.value = node.value === undefined ? value : merge(node.value, value);
  }

  /** The longest term starting at word token `start` that stays within consecutive words before `limit`. */
  longestAt(tokens: readonly Token[], start: number, field: 'key' | 'norm', limit = tokens.length): TrieMatch<V> | null {
    let node = this.#root;
    let best: TrieMatch<V> | null = null;
    for (let i = start; i < limit; i++) {
      const token = tokens[i]!;
      if (token.kind !== 'word') break;
      const child = node.next.get(token[field]);
      if (!child) break;
      node = child;
      if (node.value !== undefined) best = { start, end: i + 1, value: node.value };
    }
    return best;
  }
}
