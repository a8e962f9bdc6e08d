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

/**
 * The plain-ASCII case as a character scan (several times faster than a regex per word): words of [a-z0-9] with
 * inner apostrophes. Returns false, leaving partial output, at the first non-ASCII character.
 */
function foldAscii(source: string, words: FoldedWord[]): boolean {
  const lower = source.toLowerCase();
  const n = lower.length;
  if (n !== source.length) return false;
  let i = 0;
  while (i < n) {
    const c = lower.charCodeAt(i);
    if (c > 127) return false;
    if (!isAsciiAlnum(c)) {
      i++;
      continue;
    }
    const start = i;
    let apostrophe = false;
    while (i < n) {
      const d = lower.charCodeAt(i);
      if (isAsciiAlnum(d)) i++;
      else if (d === 39 && i + 1 < n && isAsciiAlnum(lower.charCodeAt(i + 1))) {
        apostrophe = true;
        i++;
      } else break;
    }
    const word = lower.slice(start, i);
    words.push({ key: apostrophe ? word.replace(APOSTROPHES, '') : word, start, end: i });
  }
  return true;
}
