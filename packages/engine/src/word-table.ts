/** The id `idOf` answers for a word that is not in the table. */
export const NO_WORD = -1;

// Up to this many words a `Map` answers: V8 hashes a string once and caches the hash, so a small vocabulary that
// stays in cache (the 282 words of the lexicon's multi-word entries, a small catalogue) is fastest there. Measured
// (bench/detector.bench.ts): the two are level at 4,380 catalogue words, the table ahead at 32,752.
const SMALL = 8192;
// A slot is one 64-byte cache line of an Int32Array: hash, id, length, offset of the characters past the first
// INLINE in the pool, then the first INLINE UTF-16 code units two to an integer. Most words fit in the slot, so a
// lookup reads one line.
const STRIDE = 16;
const HEAD = 4;
const INLINE = (STRIDE - HEAD) * 2;

/** UTF-16 code units i and i + 1 of `word` in one integer (0 past its end). */
const pair = (word: string, i: number): number =>
  word.charCodeAt(i) | ((i + 1 < word.length ? word.charCodeAt(i + 1) : 0) << 16);

/** FNV-1a over the UTF-16 code units, spread so that the low bits pick a slot. */
function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h ^ (h >>> 15);
}

/**
 * Words interned to dense ids (0, 1, 2, … in insertion order). Past SMALL words they move from a `Map` to one
 * open-addressing table in a typed array whose slots hold the words' characters: a lookup reads one cache line, where
 * a `Map` of 30,000 catalogue words chases a bucket, an entry and a string object scattered over the heap, each a
 * cache miss when lines name products spread over a large catalogue.
 */
export class WordTable {
  #small: Map<string, number> | null = new Map();
  #slots = new Int32Array(0);
  #pool = new Uint16Array(0);
  #poolLength = 0;
  readonly #words: string[] = [];

  /** How many words the table holds. */
  get size(): number {
    return this.#words.length;
  }

  /** The words in id order. */
  get words(): readonly string[] {
    return this.#words;
  }

  /** The id of `word`, or NO_WORD. */
  idOf(word: string): number {
    const small = this.#small;
    if (small !== null) return small.get(word) ?? NO_WORD;
    const slots = this.#slots;
    const mask = slots.length / STRIDE - 1;
    const hash = hashWord(word);
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slot * STRIDE;
      const id = slots[at + 1]!;
      if (id === NO_WORD) return NO_WORD;
      if (slots[at] === hash && slots[at + 2] === word.length && this.#same(word, at)) return id;
    }
  }

  /** The id of `word`, adding it first when it is new. */
  intern(word: string): number {
    const known = this.idOf(word);
    if (known !== NO_WORD) return known;
    const id = this.#words.length;
    this.#words.push(word);
    if (this.#small === null) this.#add(word, id);
    else if (this.#words.length <= SMALL) this.#small.set(word, id);
    else this.#toTable();
    return id;
  }

  // The vocabulary outgrew the `Map`: every word moves to the typed arrays.
  #toTable(): void {
    this.#small = null;
    this.#words.forEach((word, id) => this.#add(word, id));
  }

  #add(word: string, id: number): void {
    if ((id + 1) * 2 * STRIDE > this.#slots.length) this.#grow();
    this.#place(hashWord(word), id, word, this.#store(word));
  }

  // Whether the slot at `at` holds `word` (whose hash and length matched).
  #same(word: string, at: number): boolean {
    const slots = this.#slots;
    const inline = Math.min(word.length, INLINE);
    for (let i = 0; i < inline; i += 2) if (slots[at + HEAD + (i >> 1)] !== pair(word, i)) return false;
    const pool = this.#pool;
    const offset = slots[at + 3]! - INLINE;
    for (let i = INLINE; i < word.length; i++) if (pool[offset + i] !== word.charCodeAt(i)) return false;
    return true;
  }

  // The characters past INLINE go to the pool; the offset is where they start.
  #store(word: string): number {
    const offset = this.#poolLength;
    const rest = Math.max(0, word.length - INLINE);
    if (offset + rest > this.#pool.length) {
      const pool = new Uint16Array(Math.max(this.#pool.length * 2, offset + rest));
      pool.set(this.#pool);
      this.#pool = pool;
    }
    for (let i = 0; i < rest; i++) this.#pool[offset + i] = word.charCodeAt(INLINE + i);
    this.#poolLength += rest;
    return offset;
  }

  #place(hash: number, id: number, word: string, offset: number): void {
    const slots = this.#slots;
    const mask = slots.length / STRIDE - 1;
    let slot = hash & mask;
    while (slots[slot * STRIDE + 1] !== NO_WORD) slot = (slot + 1) & mask;
    const at = slot * STRIDE;
    slots[at] = hash;
    slots[at + 1] = id;
    slots[at + 2] = word.length;
    slots[at + 3] = offset;
    for (let i = 0; i < Math.min(word.length, INLINE); i += 2) slots[at + HEAD + (i >> 1)] = pair(word, i);
  }

  // Doubles the slots (kept at most half full) and re-places every word.
  #grow(): void {
    const old = this.#slots;
    this.#slots = new Int32Array(Math.max(old.length * 2, 64 * STRIDE)).fill(NO_WORD);
    for (let at = 0; at < old.length; at += STRIDE) {
      if (old[at + 1] !== NO_WORD) this.#place(old[at]!, old[at + 1]!, this.#words[old[at + 1]!]!, old[at + 3]!);
    }
  }
}
