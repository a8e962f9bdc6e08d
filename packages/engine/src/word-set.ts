import { NO_WORD, WordTable } from './word-table.ts';

/**
 * A read-only set of words over a compact `WordTable`: the catalogue's words, asked about every word of every line,
 * where a `Set` of tens of thousands of strings misses the cache on each rarely named product word. Built over a
 * table that a trie also interns into, a word looked up here is already in cache when the trie asks for it.
 */
export class WordSet implements ReadonlySet<string> {
  readonly #table: WordTable;
  readonly #members: readonly string[];
  // 1 at the ids of the members: the table may hold more words than the set.
  readonly #marks: Uint8Array;
  #asSet: ReadonlySet<string> | null = null;

  constructor(members: Iterable<string>, table = new WordTable()) {
    const ids = [...new Set(members)].map((word) => table.intern(word));
    this.#table = table;
    this.#members = ids.map((id) => table.words[id]!);
    this.#marks = new Uint8Array(table.size);
    for (const id of ids) this.#marks[id] = 1;
  }

  get size(): number {
    return this.#members.length;
  }

  /** True when `word` is in the set. */
  has(word: string): boolean {
    const id = this.#table.idOf(word);
    return id !== NO_WORD && this.#marks[id] === 1;
  }

  /** Calls `fn` with each word, in insertion order, as `Set.forEach` does. */
  forEach(fn: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (const word of this.#members) fn.call(thisArg, word, word, this);
  }

  /** The words in insertion order. */
  values(): SetIterator<string> {
    return this.#iterable().values();
  }

  /** The words in insertion order (a set's keys are its values). */
  keys(): SetIterator<string> {
    return this.#iterable().keys();
  }

  /** [word, word] pairs in insertion order. */
  entries(): SetIterator<[string, string]> {
    return this.#iterable().entries();
  }

  [Symbol.iterator](): SetIterator<string> {
    return this.values();
  }

  // Iteration is rare (lookups are the point), so its plain `Set` is built only when first asked for.
  #iterable(): ReadonlySet<string> {
    return (this.#asSet ??= new Set(this.#members));
  }
}
