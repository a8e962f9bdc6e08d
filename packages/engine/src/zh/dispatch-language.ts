import type { Catalog, Finding } from '@anchorwatch/schemas';
import type { DetectContext, DetectInput, DetectLanguage, Detector } from '../types.ts';
import { createZhDetector, type ZhDetectorOptions } from './create-zh-detector.ts';

const CJK_CHAR = /[\u3400-\u9fff\uf900-\ufaff]/g;
const LATIN_WORD = /[A-Za-z][A-Za-z'’]+/g;
// English words in a Chinese line worth a pass of the English rules ("the battery is trash 真的").
const MIXED_MIN_WORDS = 3;

/** The language of one line: Chinese when it holds two Chinese characters or more, English otherwise. */
export function detectLanguage(text: string): 'en' | 'zh' {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) && ++seen >= 2) return 'zh';
  }
  return 'en';
}

/** The English detector, with a way to read a stretch of a Chinese line that is not a line of its own. */
export interface EnglishDetector extends Detector {
  /** Reads English words cut from a Chinese line as their speaker's, not as a kind of text of their own. */
  detectStretch(input: DetectInput, context: DetectContext): Finding[];
}

/**
 * Wraps the English detector so Chinese lines go to the Chinese rules, chosen by the line's or the session's
 * language or, for 'auto', per line. English stretches of a Chinese line also go through the English rules
 * (Chinese characters blanked, so offsets still point into the line); per product the Chinese finding wins.
 */
export function withChinese(
  catalog: Catalog,
  english: EnglishDetector,
  options: { language?: DetectLanguage; chinese?: ZhDetectorOptions },
): Detector {
  let chinese: Detector | null = null;
  // Built on the first Chinese line, so English-only sessions never load the segmenter.
  const zh = (): Detector => (chinese ??= createZhDetector(catalog, options.chinese));

  function detect(input: DetectInput, context: DetectContext): Finding[] {
    const text = typeof input?.text === 'string' ? input.text : '';
    const language = fixedLanguage(input?.language) ?? fixedLanguage(context?.language) ?? fixedLanguage(options.language) ?? detectLanguage(text);
    if (language === 'en') return english.detect(input, context);
    const found = zh().detect(input, context);
    if (!/[A-Za-z]{2}/.test(text) || (text.match(LATIN_WORD)?.length ?? 0) < MIXED_MIN_WORDS) return found;
    const blanked = { ...input, text: text.replace(CJK_CHAR, ' ') };
    const products = new Set(found.map((f) => f.productId));
    for (const f of english.detectStretch(blanked, context)) {
      if (products.has(f.productId)) continue;
      products.add(f.productId);
      found.push({ ...f, explanation: { ...f.explanation, clause: text.slice(...clauseRange(text, blanked.text, f.explanation.clause)) } });
    }
    return found;
  }

  return { version: english.version, detect };
}

/** A language given as fixed, or undefined for 'auto' or none (module-level: this runs on every line). */
function fixedLanguage(language: DetectLanguage | undefined): 'en' | 'zh' | undefined {
  return language === 'en' || language === 'zh' ? language : undefined;
}

// The English clause was cut from the blanked line; quote the same stretch of the original.
function clauseRange(original: string, blanked: string, clause: string): [number, number] {
  const at = blanked.indexOf(clause);
  return at < 0 ? [0, original.length] : [at, at + clause.length];
}
