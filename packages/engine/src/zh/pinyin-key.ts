import { pinyin } from 'pinyin-pro';

// Speech-to-text and regional accents blur these; one key per blurred pair (z/zh, c/ch, s/sh, n/l, f/h,
// in/ing, en/eng, an/ang).
function fuzzy(syllable: string): string {
  let s = syllable.replace(/^zh/, 'z').replace(/^ch/, 'c').replace(/^sh/, 's').replace(/^l/, 'n').replace(/^h/, 'f');
  s = s.replace(/ing$/, 'in').replace(/eng$/, 'en').replace(/ang$/, 'an').replace(/ü/g, 'v');
  return s;
}

const memo = new Map<string, string>();

// Read character by character (the most common reading), the same way for catalogue terms and lines, so a term
// and its homophone always meet; a per-character memo keeps this cheap on every line.
function keyOf(ch: string): string {
  let key = memo.get(ch);
  if (key === undefined) {
    key = /[\u3400-\u9fff]/.test(ch) ? fuzzy(pinyin(ch, { toneType: 'none', v: true }).toLowerCase()) : ch;
    memo.set(ch, key);
  }
  return key;
}

/** One fuzzy pinyin key per character of `text` (non-Chinese characters map to themselves). */
export function pinyinKeys(text: string): string[] {
  return Array.from(text, keyOf);
}
