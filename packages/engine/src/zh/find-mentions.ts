import type { Catalog } from '@anchorwatch/schemas';
import { CharTrie, KeyTrie } from './char-trie.ts';
import { normalizeZh } from './normalize.ts';
import { pinyinKeyAt, pinyinKeys } from './pinyin-key.ts';
import type { Segmenter } from './segmenter.ts';

/** A catalogue product named in a normalised line; several ids when a term (a brand) names several products. */
export interface ZhMention {
  productIds: readonly string[];
  via: 'name' | 'alias';
  /** Range in the normalised text. */
  start: number;
  end: number;
  /** True when found by sound (an ASR homophone or misspelling) rather than by characters. */
  homophone: boolean;
}

/** Mentions in a line, and catalogue terms seen only inside other words (traps: 气垫鞋, 平板支撑, 奥迪A6). */
export interface ZhMentions {
  mentions: ZhMention[];
  traps: { start: number; end: number }[];
}

type Naming = ReadonlyMap<string, 'name' | 'alias'>;

/** The catalogue compiled for Chinese matching: characters and fuzzy pinyin, built once per catalogue. */
export interface ZhMentionIndex {
  byChars: CharTrie<Naming>;
  bySound: KeyTrie<Naming>;
  /** Deny entries (the catalogue's `notMentions`): longer words a name inside them does not name. */
  deny: CharTrie<true>;
  /** Every term as normalised, for the scorer to read as neutral. */
  terms: string[];
}

const LATIN_OR_DIGIT = /[a-z0-9]/;
const isCjkCode = (c: number): boolean => c >= 0x3400 && c <= 0x9fff;
// Chinese characters in text[from…to) (all of text by default), counted by code unit: no array per term.
function cjkCount(text: string, from = 0, to = text.length): number {
  let n = 0;
  for (let i = from; i < to; i++) if (isCjkCode(text.charCodeAt(i))) n++;
  return n;
}
const hasSurrogatePair = (text: string): boolean => /[\ud800-\udbff][\udc00-\udfff]/.test(text);

function mergeNaming(old: Naming, added: Naming): Naming {
  const merged = new Map(old);
  for (const [id, via] of added) if (merged.get(id) !== 'name') merged.set(id, via);
  return merged;
}

// A name like "沁颜 玻色因紧致修护精华液 30ml" is said whole, without spaces, or by its descriptive middle.
function namesOf(name: string): string[] {
  const parts = name.split(/\s+/).filter(Boolean);
  const out = [parts.join(''), name];
  for (const part of parts) if (cjkCount(part) >= 4) out.push(part);
  return out;
}

/** Compiles names, aliases and brands (a brand names all its products) by characters and by sound. */
export function compileZhMentions(catalog: Catalog): ZhMentionIndex {
  const byChars = new CharTrie<Naming>();
  const bySound = new KeyTrie<Naming>();
  const deny = new CharTrie<true>();
  const terms: string[] = [];
  for (const product of catalog.products) {
    for (const entry of product.notMentions ?? []) {
      const norm = normalizeZh(entry).text.trim();
      if (norm !== '') deny.add(norm, true);
    }
    const add = (term: string, via: 'name' | 'alias'): void => {
      const norm = normalizeZh(term).text.trim();
      if (norm === '') return;
      const value = new Map([[product.id, via]]);
      terms.push(norm);
      byChars.add(norm, value, mergeNaming);
      if (norm.includes(' ')) byChars.add(norm.replace(/\s+/g, ''), value, mergeNaming);
      // Sound matching is for Chinese words; two characters at least, so one syllable never names a product.
      if (cjkCount(norm) >= 2 && !LATIN_OR_DIGIT.test(norm)) bySound.add(pinyinKeys(norm), value, mergeNaming);
    };
    for (const name of namesOf(product.name)) add(name, 'name');
    const brand = product.brand?.trim();
    for (const alias of product.aliases) {
      add(alias, 'alias');
      // People say "暖阳电热毯" as often as "电热毯"; the catalogue need not list both.
      if (brand && !alias.startsWith(brand)) add(`${brand}${alias}`, 'alias');
    }
    if (brand) add(brand, 'alias');
  }
  return { byChars, bySound, deny, terms };
}

interface Token {
  start: number;
  end: number;
}

// Context either side of a term that the segmenter sees: enough for the words that could swallow the term.
const WINDOW = 4;

function tokenSpans(segmenter: Segmenter, text: string, from: number, to: number): Token[] {
  const spans: Token[] = [];
  let at = from;
  for (const word of segmenter.cut(text.slice(from, to))) {
    const start = text.indexOf(word, at);
    if (start < 0) continue;
    spans.push({ start, end: start + word.length });
    at = start + word.length;
  }
  return spans;
}

// A short Chinese term inside a longer dictionary word is not a mention (美滋 in 美滋滋, 晚风 in 今晚风好大).
function crossesWord(tokens: readonly Token[], start: number, end: number, short: boolean): boolean {
  return tokens.some((t) => {
    if (t.end - t.start < 2) return false;
    const contains = t.start <= start && t.end >= end && t.end - t.start > end - start;
    const crosses = (t.start < start && t.end > start && t.end < end) || (t.start > start && t.start < end && t.end > end);
    return contains || (short && crosses);
  });
}

// A model number glued to other letters or digits is another model (H3 in H3N2, P3 in DCI-P3, Air3 after iPad).
function latinBoundaryBroken(text: string, start: number, end: number): boolean {
  const first = text[start]!;
  const last = text[end - 1]!;
  if (LATIN_OR_DIGIT.test(first) && /[a-z0-9-]/.test(text[start - 1] ?? '')) return true;
  if (LATIN_OR_DIGIT.test(last) && LATIN_OR_DIGIT.test(text[end] ?? '')) return true;
  if (/[a-z]/.test(first) && text[start - 1] === ' ' && /[a-z]{2,}$/.test(text.slice(0, start - 1))) return true;
  return false;
}

// Head words that turn a short product word into another thing (气垫鞋, 防晒衣, 酸奶店, 坚果手机, 奇异果TV).
const HEADS = /^(?:鞋|衣|裤|袜|帽|店|侠|剧|仪|线|群|手机|电脑|支撑|会员|tv|app|情人节|节)/;

/**
 * Finds catalogue products named in a normalised line: longest term first and no overlaps, whole words only
 * (checked against the segmenter's dictionary words), then by fuzzy pinyin where no characters matched.
 */
export function findZhMentions(index: ZhMentionIndex, text: string, segmenter: Segmenter): ZhMentions {
  const traps: { start: number; end: number }[] = [];
  if (hasSurrogatePair(text)) return { mentions: [], traps };
  // Segmented around each term only: cutting a short window costs a fraction of cutting the line. The character
  // and sound passes often ask for the same window, so each is cut once per line.
  const cut = new Map<number, Token[]>();
  const words = (start: number, end: number): Token[] => {
    const from = Math.max(0, start - WINDOW);
    const to = Math.min(text.length, end + WINDOW);
    const key = from * 0x10000 + to;
    let held = cut.get(key);
    if (!held) cut.set(key, (held = tokenSpans(segmenter, text, from, to)));
    return held;
  };
  // Longest match wins: a name inside a longer deny entry is no mention; on a tie the name (the allow entry) wins.
  const denied: Token[] = [];
  index.deny.scan(text, (start, end) => denied.push({ start, end }));
  const insideDenied = (start: number, end: number): boolean =>
    denied.some((d) => d.start <= start && end <= d.end && d.end - d.start > end - start);
  const candidates: (ZhMention & { value: Naming })[] = [];
  for (let i = 0; i < text.length; i++) {
    const match = index.byChars.longestAt(text, i);
    if (!match) continue;
    const end = match.end;
    const term = text.slice(i, end);
    const cjk = cjkCount(text, i, end);
    const trapped =
      insideDenied(i, end) ||
      latinBoundaryBroken(text, i, end) ||
      // Terms of four Chinese characters or more are specific enough to skip the dictionary check.
      (cjk > 0 && cjk <= 3 && cjk === term.length && crossesWord(words(i, end), i, end, cjk <= 2)) ||
      (cjk <= 3 && HEADS.test(text.slice(end)));
    if (trapped) {
      traps.push({ start: i, end });
      continue;
    }
    candidates.push({ ...toMention(match.value, i, end, false), value: match.value });
  }
  // Keys are read on demand: most positions start no catalogue term's first syllable, so the walk stops at once.
  const keyAt = (k: number): string => pinyinKeyAt(text, k);
  for (let i = 0; i < text.length; i++) {
    if (!isCjkCode(text.charCodeAt(i))) continue;
    const match = index.bySound.longestWith(keyAt, i, text.length);
    if (!match) continue;
    const len = match.end - i;
    // Already found by its characters (or inside a longer name), or already judged a trap: nothing new to hear.
    if (candidates.some((c) => !c.homophone && c.start <= i && c.end >= match.end)) continue;
    if (traps.some((t) => t.start === i && t.end === match.end) || insideDenied(i, match.end)) continue;
    // Two characters that form a dictionary word are that word (七号, 过时), not a misheard brand.
    const around = words(i, match.end);
    if (len <= 2 && around.some((t) => t.start === i && t.end === match.end)) continue;
    if (crossesWord(around, i, match.end, len <= 2)) continue;
    candidates.push({ ...toMention(match.value, i, match.end, true), value: match.value });
  }
  const mentions = pickLongest(candidates);
  return { mentions, traps: traps.filter((t) => !mentions.some((m) => m.start <= t.start && t.end <= m.end)) };
}

function toMention(value: Naming, start: number, end: number, homophone: boolean): ZhMention {
  return { productIds: [...value.keys()], via: [...value.values()].includes('name') ? 'name' : 'alias', start, end, homophone };
}

// Longest match wins; among equals the earlier one, and a character match beats a homophone.
function pickLongest(candidates: readonly ZhMention[]): ZhMention[] {
  const ordered = [...candidates].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || Number(a.homophone) - Number(b.homophone) || a.start - b.start,
  );
  const taken: ZhMention[] = [];
  for (const c of ordered) {
    if (taken.some((t) => c.start < t.end && t.start < c.end)) continue;
    taken.push({ productIds: c.productIds, via: c.via, start: c.start, end: c.end, homophone: c.homophone });
  }
  return taken.sort((a, b) => a.start - b.start);
}
