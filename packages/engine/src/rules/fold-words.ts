/** A word of a line, folded for rule matching, with its offsets in the line as written. */
export interface FoldedWord {
  key: string;
  start: number;
  end: number;
}

// Most lines are plain ASCII: they take a simple pattern over the lower-cased line. Others split on what is not a
// letter, digit or mark (inner apostrophes stay: "don't"); Han, kana and Thai are written without spaces, so each
// of their characters is a word of its own and a rule term in those scripts ("假货") matches as a sequence.
const ASCII_LINE = /^[\x00-\x7f]*$/;
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;
const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const SPACELESS_SPLIT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]+/gu;
const MARKS = /\p{M}/gu;
const APOSTROPHES = /['’]/g;

/** Case, accents and apostrophes folded away: "Don’t" → "dont", "Crème" → "creme". */
export function foldKey(word: string): string {
  const lower = word.toLowerCase();
  const plain = ASCII_LINE.test(lower) ? lower : lower.normalize('NFKD').replace(MARKS, '');
  return plain.includes("'") || plain.includes('’') ? plain.replace(APOSTROPHES, '') : plain;
}

/** Splits a line into folded words; `limit` bounds the characters read. */
export function foldWords(text: string, limit: number): FoldedWord[] {
  const source = text.length > limit ? text.slice(0, limit) : text;
  const words: FoldedWord[] = [];
  return foldAscii(source, words) ? words : foldUnicode(source);
}

/** The general case of `foldWords`, for any script (exported so a test can hold the ASCII scan to it). */
export function foldUnicode(source: string): FoldedWord[] {
  const words: FoldedWord[] = [];
  let match: RegExpExecArray | null;
  WORD.lastIndex = 0;
  while ((match = WORD.exec(source)) !== null) {
    const word = match[0];
    if (!SPACELESS.test(word)) {
      words.push({ key: foldKey(word), start: match.index, end: match.index + word.length });
      continue;
    }
    SPACELESS_SPLIT.lastIndex = 0;
    let part: RegExpExecArray | null;
    while ((part = SPACELESS_SPLIT.exec(word)) !== null) {
      const start = match.index + part.index;
      words.push({ key: foldKey(part[0]), start, end: start + part[0].length });
    }
  }
  return words;
}

const isAsciiAlnum = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
const LETTERLIKE = /[\p{L}\p{N}\p{M}]/u;
const RIGHT_QUOTE = 0x2019;

// 0: separator, 1: word character, 2: apostrophe; -1: a non-ASCII letter, digit or mark (needs the general path).
function classify(lower: string, i: number): number {
  const c = lower.charCodeAt(i);
  if (c < 128) return isAsciiAlnum(c) ? 1 : c === 39 ? 2 : 0;
  if (c === RIGHT_QUOTE) return 2;
  const cp = lower.codePointAt(i)!;
  return LETTERLIKE.test(String.fromCodePoint(cp)) ? -1 : 0;
}

/**
 * The common case as a character scan (about ten times faster than the general pattern): words of ASCII letters
 * and digits with inner apostrophes, anything else that is not a letter (spaces, punctuation, emoji) separating
 * them. Returns false at the first non-ASCII letter, digit or mark, leaving partial output.
 */
function foldAscii(source: string, words: FoldedWord[]): boolean {
  const lower = source.toLowerCase();
  const n = lower.length;
  if (n !== source.length) return false;
  let i = 0;
  while (i < n) {
    const kind = classify(lower, i);
    if (kind < 0) return false;
    if (kind !== 1) {
      i += lower.codePointAt(i)! > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    let apostrophe = false;
    while (i < n) {
      const k = classify(lower, i);
      if (k < 0) return false;
      if (k === 1) i++;
      else if (k === 2 && i + 1 < n && classify(lower, i + 1) === 1) {
        apostrophe = true;
        i++;
      } else break;
    }
    const word = lower.slice(start, i);
    words.push({ key: apostrophe ? word.replace(APOSTROPHES, '') : word, start, end: i });
  }
  return true;
}
