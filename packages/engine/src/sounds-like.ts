import DoubleMetaphone from 'natural/lib/natural/phonetics/double_metaphone.js';
import { words as stopwords } from 'natural/lib/natural/util/stopwords.js';
import { editDistance } from './edit-distance.ts';
import { NEGATORS, WORD_VALENCE } from './lexicon.ts';
import type { Token } from './tokenize.ts';

// Imported bindings are read through getters once transpiled; hot loops read these local copies instead.
const wordValence = WORD_VALENCE;
const negators = NEGATORS;

/** A distinctive catalogue word ("hushbeat", "crispduo") and the products it points at. */
interface SoundTerm {
  text: string;
  /** Brands and CamelCase names take typos; run-together aliases of everyday words ("loop ring") only soundalikes. */
  distinctive: boolean;
  codes: readonly string[];
  productIds: readonly string[];
}

/** A near-miss of a catalogue word: tokens [start, end) of the line, and how it matched. */
export interface SoundMatch {
  start: number;
  end: number;
  productIds: readonly string[];
  via: 'fuzzy' | 'phonetic';
  term: string;
}

const metaphone = new DoubleMetaphone();
const COMMON = new Set<string>([...stopwords, ...negators]);

/** True for an everyday word ("the", "not", "love"): never a product name on its own. */
export function isEverydayWord(key: string): boolean {
  return COMMON.has(key) || wordValence.has(key);
}
// Short words collide with everyday words ("temp" for "tempo"); only longer names are matched loosely.
const MIN_TERM_LENGTH = 5;
const MAX_JOIN = 3;
const MAX_PIECE = 7;

function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

const codesOf = (s: string): string[] => [...new Set(metaphone.process(s, 8))].filter((c) => c !== '');

// Letters that can open the same sound ("kiss ara" / "Cuisara"): a cheap gate before the costly phonetic codes.
const SOUND_CLASS: Record<string, string> = { c: 'k', k: 'k', q: 'k', s: 's', z: 's', f: 'f', v: 'f', p: 'f', j: 'j', g: 'j', a: 'a', e: 'a', i: 'a', o: 'a', u: 'a', y: 'a' };
const soundClass = (ch: string | undefined): string => (ch ? (SOUND_CLASS[ch] ?? ch) : '');
// Lines repeat words; remembering each candidate's answer keeps loose matching off the hot path. Bounded.
const MEMO_LIMIT = 50_000;

/** Typos allowed for a term of this length: one from 5 letters (more is left to the phonetic match, which keeps
 * the deletion index small: a term stores only its one-letter deletions). */
const typoBudget = (length: number): number => (length >= MIN_TERM_LENGTH ? 1 : 0);

/** Distinctive catalogue words compiled for loose matching, bucketed by length. */
export class SoundIndex {
  // Indexes that make a lookup cost the same for 10 or 10,000 products: exact text, Double Metaphone code, and the
  // deletion neighbourhood of each distinctive term (symmetric-delete: two strings within k edits share a string
  // reachable from both by at most k deletions).
  readonly #byText = new Map<string, SoundTerm>();
  readonly #byCode = new Map<string, SoundTerm[]>();
  readonly #byDeletion = new Map<string, SoundTerm[]>();
  readonly #shapes = new Set<string>();
  #longest = 0;
  readonly #exact: ReadonlySet<string>;
  readonly #memo = new Map<string, { term: SoundTerm; via: 'fuzzy' | 'phonetic' } | null>();
  readonly #joinedMemo = new Map<string, { term: SoundTerm; via: 'fuzzy' | 'phonetic' } | null>();

  /** `terms`: catalogue word → products; `distinctive`: those that take typos; `exactKeys`: keys the exact index knows. */
  constructor(terms: ReadonlyMap<string, readonly string[]>, distinctive: ReadonlySet<string>, exactKeys: ReadonlySet<string>) {
    this.#exact = exactKeys;
    for (const [text, productIds] of terms) {
      if (text.length < MIN_TERM_LENGTH) continue;
      const term: SoundTerm = { text, distinctive: distinctive.has(text), codes: codesOf(text), productIds };
      this.#byText.set(text, term);
      for (const code of term.codes) push(this.#byCode, code, term);
      if (term.distinctive) for (const variant of deletions(text, typoBudget(text.length))) push(this.#byDeletion, variant, term);
      for (let d = -2; d <= 2; d++) this.#shapes.add(shapeOf(text[0], text.length + d));
      this.#longest = Math.max(this.#longest, text.length);
    }
  }

  get size(): number {
    return this.#byText.size;
  }

  /** The loose match starting at word token `i`: one word, or up to three run together ("hush bead"). */
  matchAt(tokens: readonly Token[], i: number): SoundMatch | null {
    const first = tokens[i]!;
    if (this.#byText.size === 0 || COMMON.has(first.key) || hasDigit(first.key)) return null;
    const everydayFirst = wordValence.has(first.lower);
    let best: SoundMatch | null = null;
    if (!everydayFirst && first.key.length >= MIN_TERM_LENGTH - 1 && !this.#exact.has(first.key)) {
      const found = this.#remembered(first.key, true);
      if (found) best = { start: i, end: i + 1, productIds: found.term.productIds, via: found.via, term: found.term.text };
    }
    // Mishearings split a name into short pieces ("hush bead", "kiss ara"); longer words are not joined.
    if (first.key.length > MAX_PIECE) return best;
    let joined = first.key;
    for (let end = i + 2; end <= Math.min(tokens.length, i + MAX_JOIN); end++) {
      const token = tokens[end - 1]!;
      // An everyday word is never the tail of a run-together name ("hush bead is").
      if (token.kind !== 'word' || token.key.length > MAX_PIECE || hasDigit(token.key)) break;
      // A short everyday word may end a two-piece name ("crisp do", "core via"), never a longer run.
      const everyday = COMMON.has(token.key) || wordValence.has(token.lower);
      if (everyday && end > i + 2) break;
      joined += token.key;
      if (joined.length > this.#longest + 2) break;
      if (joined.length < MIN_TERM_LENGTH - 1) continue;
      const found = this.#remembered(joined, false);
      // The shortest run that sounds right wins: "hush bead", not "hush bead is".
      if (found) return { start: i, end, productIds: found.term.productIds, via: found.via, term: found.term.text };
      if (everyday) break;
    }
    return best;
  }

  #remembered(candidate: string, oneWord: boolean): { term: SoundTerm; via: 'fuzzy' | 'phonetic' } | null {
    const memo = oneWord ? this.#memo : this.#joinedMemo;
    const known = memo.get(candidate);
    if (known !== undefined) return known;
    if (memo.size >= MEMO_LIMIT) memo.clear();
    const found = this.#closest(candidate, oneWord);
    memo.set(candidate, found);
    return found;
  }

  #closest(candidate: string, oneWord: boolean): { term: SoundTerm; via: 'fuzzy' | 'phonetic' } | null {
    const same = this.#byText.get(candidate);
    if (same) return { term: same, via: 'fuzzy' };
    let best: { term: SoundTerm; via: 'fuzzy' | 'phonetic'; distance: number } | null = null;
    if (oneWord) {
      for (const variant of deletions(candidate, 1)) {
        for (const term of this.#byDeletion.get(variant) ?? []) {
          const budget = typoBudget(term.text.length);
          if (candidate[0] !== term.text[0]) continue;
          const distance = editDistance(candidate, term.text, budget);
          if (distance <= budget && (!best || distance < best.distance)) best = { term, via: 'fuzzy', distance };
        }
      }
      if (best) return { term: best.term, via: best.via };
    }
    // Double Metaphone is the costly step: only when some term could sound like the candidate (opening sound, length).
    if (!this.#shapes.has(shapeOf(candidate[0], candidate.length))) return null;
    for (const code of codesOf(candidate)) {
      for (const term of this.#byCode.get(code) ?? []) {
        if (Math.abs(term.text.length - candidate.length) > 2 || soundClass(candidate[0]) !== soundClass(term.text[0])) continue;
        const limit = Math.ceil(term.text.length * 0.4);
        const distance = editDistance(candidate, term.text, limit);
        if (distance <= limit && (!best || distance < best.distance)) best = { term, via: 'phonetic', distance };
      }
    }
    return best ? { term: best.term, via: best.via } : null;
  }
}

const shapeOf = (first: string | undefined, length: number): string => `${soundClass(first)}${length}`;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Every string reachable from `word` by deleting at most `k` letters, `word` included. */
function deletions(word: string, k: number): Set<string> {
  const out = new Set<string>([word]);
  let frontier = [word];
  for (let step = 0; step < k; step++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const shorter = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(shorter)) {
          out.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return out;
}
