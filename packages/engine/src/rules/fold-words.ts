/** A word of a line, folded for rule matching, with its offsets in the line as written. */
export interface FoldedWord {
  key: string;
  start: number;
  end: number;
}

// Han, kana and Thai are written without spaces: each character is a word, so a rule term in those scripts
// ("假货") matches as a character sequence. Everything else splits on what is not a letter, digit or mark;
// inner apostrophes stay in the word ("don't").
const WORD =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}])[\p{L}\p{N}\p{M}])+(?:['’](?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}])[\p{L}\p{N}\p{M}])+)*/gu;
const ASCII = /^[\x00-\x7f]*$/;
const MARKS = /\p{M}/gu;

/** Case, accents and apostrophes folded away: "Don’t" → "dont", "Crème" → "creme". */
export function foldKey(word: string): string {
  const lower = word.toLowerCase();
  const plain = ASCII.test(lower) ? lower : lower.normalize('NFKD').replace(MARKS, '');
  return plain.includes("'") || plain.includes('’') ? plain.replace(/['’]/g, '') : plain;
}

/** Splits a line into folded words; `limit` bounds the characters read. */
export function foldWords(text: string, limit: number): FoldedWord[] {
  const source = text.length > limit ? text.slice(0, limit) : text;
  const words: FoldedWord[] = [];
  WORD.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = WORD.exec(source)) !== null) {
    words.push({ key: foldKey(match[0]), start: match.index, end: match.index + match[0].length });
  }
  return words;
}
