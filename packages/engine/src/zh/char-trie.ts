/** A trie over pinyin syllables (or any string keys) that finds the longest entry starting at a position. */
export class KeyTrie<V> {
  private readonly root: TrieNode<string, V> = { next: new Map(), value: undefined };

  /** Adds an entry; `merge` combines values when the same keys are added twice. */
  add(keys: readonly string[], value: V, merge: (old: V, added: V) => V = (_old, added) => added): void {
    addPath(this.root, keys, value, merge);
  }

  /** The longest entry matching keys[at…limit), as its end index (exclusive) and value, or null. */
  longestAt(keys: readonly string[], at: number, limit = keys.length): { end: number; value: V } | null {
    let node: TrieNode<string, V> | undefined = this.root;
    let best: { end: number; value: V } | null = null;
    for (let i = at; i < limit && node; i++) {
      node = node.next.get(keys[i]!);
      if (node?.value !== undefined) best = { end: i + 1, value: node.value };
    }
    return best;
  }

  /** As longestAt, over keys read on demand by `keyAt` (so a line's keys are only computed where a walk goes). */
  longestWith(keyAt: (i: number) => string, at: number, limit: number): { end: number; value: V } | null {
    let node: TrieNode<string, V> | undefined = this.root;
    let best: { end: number; value: V } | null = null;
    for (let i = at; i < limit && node; i++) {
      node = node.next.get(keyAt(i));
      if (node?.value !== undefined) best = { end: i + 1, value: node.value };
    }
    return best;
  }
}

/**
 * A trie over the UTF-16 code units of strings. Keyed by numbers: reading a Chinese line never allocates a
 * one-character string per lookup, which is what makes scanning every position of every line cheap.
 */
export class CharTrie<V> {
  private readonly root: TrieNode<number, V> = { next: new Map(), value: undefined };
  // One bit per UTF-16 code unit that starts a word: most positions of a line start none, and a bit test is far
  // cheaper than the root map lookup it saves.
  private readonly starts = new Uint32Array(0x10000 / 32);

  /** Adds a word; `merge` combines values when the same word is added twice. */
  add(word: string, value: V, merge: (old: V, added: V) => V = (_old, added) => added): void {
    if (word.length === 0) return;
    const first = word.charCodeAt(0);
    this.starts[first >>> 5]! |= 1 << (first & 31);
    addPath(this.root, Array.from(word, (_c, i) => word.charCodeAt(i)), value, merge);
  }

  /** Whether some word starts with the code unit at text[at] (a cheap test before a walk). */
  startsAt(text: string, at: number): boolean {
    const code = text.charCodeAt(at);
    return (this.starts[code >>> 5]! & (1 << (code & 31))) !== 0;
  }

  /** The longest word matching text[at…limit), as its end index (exclusive) and value, or null. */
  longestAt(text: string, at: number, limit = text.length): { end: number; value: V } | null {
    if (at >= limit || !this.startsAt(text, at)) return null;
    let node: TrieNode<number, V> | undefined = this.root;
    let bestEnd = -1;
    let bestValue: V | undefined;
    for (let i = at; i < limit; i++) {
      node = node.next.get(text.charCodeAt(i));
      if (!node) break;
      if (node.value !== undefined) {
        bestEnd = i + 1;
        bestValue = node.value;
      }
    }
    return bestEnd < 0 ? null : { end: bestEnd, value: bestValue! };
  }

  /** Calls `found` for every word in text[from…to), left to right, overlaps included. */
  scan(text: string, found: (start: number, end: number, value: V) => void, from = 0, to = text.length): void {
    for (let at = from; at < to; at++) {
      if (!this.startsAt(text, at)) continue;
      let node: TrieNode<number, V> | undefined = this.root;
      for (let i = at; i < to; i++) {
        node = node.next.get(text.charCodeAt(i));
        if (!node) break;
        if (node.value !== undefined) found(at, i + 1, node.value);
      }
    }
  }
}

interface TrieNode<K, V> {
  next: Map<K, TrieNode<K, V>>;
  value: V | undefined;
}

function addPath<K, V>(root: TrieNode<K, V>, keys: readonly K[], value: V, merge: (old: V, added: V) => V): void {
  if (keys.length === 0) return;
  let node = root;
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
