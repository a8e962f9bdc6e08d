import { pinyin } from 'pinyin-pro';

// Speech-to-text and regional accents blur these; one key per blurred pair (z/zh, c/ch, s/sh, n/l, f/h,
// in/ing, en/eng, an/ang).
function fuzzy(syllable: string): string {
  let s = syllable.replace(/^zh/, 'z').replace(/^ch/, 'c').replace(/^sh/, 's').replace(/^l/, 'n').replace(/^h/, 'f');
  s = s.replace(/ing$/, 'in').replace(/eng$/, 'en').replace(/ang$/, 'an').replace(/ü/g, 'v');
  return s;
}

/** One fuzzy pinyin key per character of `text` (non-Chinese characters map to themselves). */
export function pinyinKeys(text: string): string[] {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', v: true });
  const chars = [...text];
  if (syllables.length !== chars.length) return chars;
  return syllables.map((s, i) => (/[\u3400-\u9fff]/.test(chars[i]!) ? fuzzy(s.toLowerCase()) : chars[i]!));
}
