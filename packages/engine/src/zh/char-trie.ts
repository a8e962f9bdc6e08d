/** A trie over string keys (characters or pinyin syllables) that finds the longest entry starting at a position. */
export class KeyTrie<V> {
  private readonly root: TrieNode<V> = { next: new Map(), value: undefined };

  /** Adds an entry; `merge` combines values when the same keys are added twice. */
  add(keys: ArrayLike<string>, value: V, merge: (old: V, added: V) => V = (_old, added) => added): void {
    if (keys.length === 0) return;
    let node = this.root;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      let child = node.next.get(key);
      if (!child) {
        child = { next: new Map(), value: undefined };
        node.next.set(key, child);
      }
      node = child;
    }
    node.value = node.value === undefined ? value : merge(node.value, value);
  }

  /** Whether some entry matches keys[at…limit), without building a result. */
  hasAt(keys: ArrayLike<string>, at: number, limit = keys.length): boolean {
    let node: TrieNode<V> | undefined = this.root;
    for (let i = at; i < limit; i++) {
      node = node.next.get(keys[i]!);
      if (!node) return false;
      if (node.value !== undefined) return true;
    }
    return false;
  }

  /** The longest entry matching keys[at…limit), as its end index (exclusive) and value, or null. */
  longestAt(keys: ArrayLike<string>, at: number, limit = keys.length): { end: number; value: V } | null {
    let node: TrieNode<V> | undefined = this.root;
    let best: { end: number; value: V } | null = null;
    for (let i = at; i < limit && node; i++) {
      node = node.next.get(keys[i]!);
      if (node?.value !== undefined) best = { end: i + 1, value: node.value };
    }
    return best;
  }
}

interface TrieNode<V> {
  next: Map<string, TrieNode<V>>;
  value: V | undefined;
}
