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
const ASCII_WORD = /[a-z0-9]+(?:'[a-z0-9]+)*/g;
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
  let match: RegExpExecArray | null;
  if (ASCII_LINE.test(source)) {
    const lower = source.toLowerCase();
    ASCII_WORD.lastIndex = 0;
    while ((match = ASCII_WORD.exec(lower)) !== null) {
      const word = match[0];
      words.push({ key: word.includes("'") ? word.replace(APOSTROPHES, '') : word, start: match.index, end: match.index + word.length });
    }
    return words;
  }
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
