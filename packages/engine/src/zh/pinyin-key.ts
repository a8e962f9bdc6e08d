import { pinyin } from 'pinyin-pro';

// Speech-to-text and regional accents blur these; one key per blurred pair (z/zh, c/ch, s/sh, n/l, f/h,
// in/ing, en/eng, an/ang).
function fuzzy(syllable: string): string {
  let s = syllable.replace(/^zh/, 'z').replace(/^ch/, 'c').replace(/^sh/, 's').replace(/^l/, 'n').replace(/^h/, 'f');
  s = s.replace(/ing$/, 'in').replace(/eng$/, 'en').replace(/ang$/, 'an').replace(/ü/g, 'v');
  return s;
}

// Per BMP code unit, filled on first sight: lines are read by code, with no string per character.
const memo: (string | undefined)[] = [];

// Read character by character (the most common reading), the same way for catalogue terms and lines, so a term
// and its homophone always meet; a per-character memo keeps this cheap on every line.
function keyOfCode(code: number): string {
  let key = memo[code];
  if (key === undefined) {
    const ch = String.fromCharCode(code);
    key = code >= 0x3400 && code <= 0x9fff ? fuzzy(pinyin(ch, { toneType: 'none', v: true }).toLowerCase()) : ch;
    memo[code] = key;
  }
  return key;
}

/** The fuzzy pinyin key of text[at] (a non-Chinese character maps to itself). */
export const pinyinKeyAt = (text: string, at: number): string => keyOfCode(text.charCodeAt(at));

/** One fuzzy pinyin key per character of `text` (non-Chinese characters map to themselves). */
export function pinyinKeys(text: string): string[] {
  return Array.from(text, (ch) => (ch.length === 1 ? keyOfCode(ch.charCodeAt(0)) : ch));
}
