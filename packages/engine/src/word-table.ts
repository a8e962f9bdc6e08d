/** The id `idOf` answers for a word that is not in the table. */
export const NO_WORD = -1;

// Up to this many words a `Map` answers: V8 hashes a string once and caches the hash, so for a small vocabulary that
// stays in cache (the lexicon's multi-word entries, a small catalogue) it is the fastest lookup.
const SMALL = 8192;
// Slot layout in one Int32Array: hash, id, offset of the word's characters in the pool, length.
const STRIDE = 4;

/** FNV-1a over the UTF-16 code units, spread so that the low bits pick a slot. */
function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h ^ (h >>> 15);
}

/**
 * Words interned to dense ids (0, 1, 2, … in insertion order). Past SMALL words they move from a `Map` to one
 * open-addressing table of typed arrays, with the characters in one shared pool: a lookup reads one slot and the
 * pooled characters, two cache lines, where a `Map` of 30,000 catalogue words chases a bucket, an entry and a string
 * object scattered over the heap, each a cache miss when lines name products spread over a large catalogue.
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
      if (slots[at] === hash && slots[at + 3] === word.length && this.#pooled(word, slots[at + 2]!)) return id;
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
    this.#place(hashWord(word), id, this.#store(word), word.length);
  }

  #pooled(word: string, offset: number): boolean {
    const pool = this.#pool;
    for (let i = 0; i < word.length; i++) if (pool[offset + i] !== word.charCodeAt(i)) return false;
    return true;
  }

  #store(word: string): number {
    const offset = this.#poolLength;
    if (offset + word.length > this.#pool.length) {
      const pool = new Uint16Array(Math.max(this.#pool.length * 2, offset + word.length));
      pool.set(this.#pool);
      this.#pool = pool;
    }
    for (let i = 0; i < word.length; i++) this.#pool[offset + i] = word.charCodeAt(i);
    this.#poolLength += word.length;
    return offset;
  }

  #place(hash: number, id: number, offset: number, length: number): void {
    const slots = this.#slots;
    const mask = slots.length / STRIDE - 1;
    let slot = hash & mask;
    while (slots[slot * STRIDE + 1] !== NO_WORD) slot = (slot + 1) & mask;
    slots.set([hash, id, offset, length], slot * STRIDE);
  }

  // Doubles the slots (kept at most half full) and re-places every word.
  #grow(): void {
    const old = this.#slots;
    this.#slots = new Int32Array(Math.max(old.length * 2, 64 * STRIDE)).fill(NO_WORD);
    for (let at = 0; at < old.length; at += STRIDE) {
      if (old[at + 1] !== NO_WORD) this.#place(old[at]!, old[at + 1]!, old[at + 2]!, old[at + 3]!);
    }
  }
}
