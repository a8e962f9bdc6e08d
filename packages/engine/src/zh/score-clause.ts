import { pinyin } from 'pinyin-pro';
import { CharTrie } from './char-trie.ts';
import {
  ZH_AMBIGUOUS, ZH_CHEAPER_PLACES, ZH_EMOTIVE, ZH_EXCESS, ZH_FAULTS, ZH_NEGATORS, ZH_PHRASES, ZH_STRESS, ZH_STRESS_AFTER,
  ZH_TRAILING_NEGATORS, ZH_WORDS,
} from './lexicon.ts';

/** A word of the lexicon as compiled: its weight, kind and, for phrases, an ASCII slug for the rule name. */
interface TermValue {
  kind: 'phrase' | 'word' | 'fault' | 'ambiguous' | 'name';
  weight: number;
  slug: string | null;
}

/** One piece of evidence, in normalised-text offsets (the detector maps them back to the line). */
export interface ZhCue {
  start: number;
  end: number;
  weight: number;
  source: 'lexicon' | 'phrase';
}

/** What a clause says: cues, the words negation flipped, the phrase rules that fired and those denied. */
export interface ZhClauseScore {
  total: number;
  cues: ZhCue[];
  negated: { start: number; end: number }[];
  phrases: { slug: string; start: number; end: number }[];
  denied: string[];
  /** True when a positive word sits in scare quotes (真是“好”羽绒服啊): sarcasm. */
  sarcasm: boolean;
}

/** The lexicon compiled into one character trie. */
export interface ZhTerms {
  trie: CharTrie<TermValue>;
}

const PHRASE_WEIGHT = -3;
// "超市才三十", "某多多上一模一样的才三十九": the same thing for less elsewhere.
const CHEAPER_ELSEWHERE = new RegExp(`(?:${ZH_CHEAPER_PLACES.join('|')})[^，,。!?！？\\s]{0,10}?才[0-9一二三四五六七八九十两几百千万块元]`);
// "一股塑料味", "有股酒精味": a smell singled out is an off smell.
const SMELL = /[一有]股[^，,。!?！？\s]{0,5}?味/g;
const NEGATION_GAP = 3;

const slugOf = (text: string): string => `zh-${pinyin(text, { toneType: 'none', type: 'array', v: true }).join('-')}`;

/** Compiles phrases, words and qualities; a phrase wins over a word it contains, the longer entry over the shorter. */
export function compileZhTerms(extraPhrases: readonly string[] = [], names: readonly string[] = []): ZhTerms {
  const trie = new CharTrie<TermValue>();
  for (const word of ZH_AMBIGUOUS) trie.add(word, { kind: 'ambiguous', weight: -1, slug: null });
  for (const word of ZH_FAULTS) trie.add(word, { kind: 'fault', weight: -1, slug: null });
  for (const [word, weight] of Object.entries(ZH_WORDS)) trie.add(word, { kind: 'word', weight, slug: null });
  for (const phrase of [...ZH_PHRASES, ...extraPhrases]) trie.add(phrase, { kind: 'phrase', weight: PHRASE_WEIGHT, slug: slugOf(phrase) });
  // A product's own name is not sentiment (棒 in 卷棒, 不粘 in 不粘锅): the name is read as one neutral term.
  for (const name of names) if (name.length >= 2) trie.add(name, { kind: 'name', weight: 0, slug: null }, (old) => old);
  return { trie };
}

const endsWithAny = (text: string, words: readonly string[]): string | undefined => words.find((w) => text.endsWith(w));
const startsWithAny = (text: string, words: readonly string[]): string | undefined => words.find((w) => text.startsWith(w));

// A negator just before a word (不油, 一点都不黏, 不比大牌差), allowing a few characters between them.
function negatedBefore(text: string, from: number, at: number): boolean {
  const windowStart = Math.max(from, at - NEGATION_GAP - 4);
  if (!holdsCode(text, windowStart, at, NEGATOR_CODES)) return false;
  const before = text.slice(windowStart, at);
  for (let gap = 0; gap <= NEGATION_GAP; gap++) {
    const head = before.slice(0, before.length - gap);
    const negator = endsWithAny(head, ZH_NEGATORS);
    if (!negator || /[，,。!?！？\s]/.test(before.slice(before.length - gap))) continue;
    // 是不是, 有没有, 会不会 ask; they do not deny what follows.
    const left = head[head.length - negator.length - 1];
    const right = before[head.length] ?? text[at];
    if (left !== undefined && left === (negator.length > 1 ? negator[1] : right)) continue;
    return true;
  }
  return false;
}

// First characters of negators, as codes, to rule most words out before any substring is made.
const NEGATOR_CODES = new Set(ZH_NEGATORS.map((w) => w.charCodeAt(0)));
const TRAILING_CODES = new Set(ZH_TRAILING_NEGATORS.flatMap((w) => Array.from(w, (c) => c.charCodeAt(0))));

function holdsCode(text: string, from: number, to: number, codes: ReadonlySet<number>): boolean {
  for (let i = from; i < to; i++) if (codes.has(text.charCodeAt(i))) return true;
  return false;
}

// "一个坏的都没有", "一点渣都没有": the denial follows the word.
function negatedAfter(text: string, at: number, to: number): boolean {
  if (!holdsCode(text, at, Math.min(to, at + 4), TRAILING_CODES)) return false;
  const after = text.slice(at, Math.min(to, at + 4));
  for (let skip = 0; skip <= 2; skip++) if (startsWithAny(after.slice(skip), ZH_TRAILING_NEGATORS)) return true;
  return false;
}

/** Scores normalised text [from, to) of a line: lexicon, qualities stressed into faults, negation, sarcasm. */
export function scoreZhClause(terms: ZhTerms, text: string, from: number, to: number): ZhClauseScore {
  const score: ZhClauseScore = { total: 0, cues: [], negated: [], phrases: [], denied: [], sarcasm: false };
  let lastPositiveEnd = -10;
  let i = from;
  while (i < to) {
    const match = terms.trie.longestAt(text, i, to);
    if (!match) {
      i++;
      continue;
    }
    const { end, value } = match;
    const weight = weighOf(value, text, from, i, end, to);
    const negated = weight !== 0 && (negatedBefore(text, from, i) || negatedAfter(text, end, to));
    const emotive = weight < 0 && i - lastPositiveEnd <= 2 && ZH_EMOTIVE.includes(text.slice(i, end));
    if (emotive || weight === 0) {
      // Praise intensified by a "negative" word (好吃到哭, 美哭) stays praise; the word itself weighs nothing.
    } else if (negated) {
      score.negated.push({ start: i, end });
      if (value.kind === 'phrase') score.denied.push(value.slug!);
      // A denied fault reads as mild praise (一点都不油); denied praise as a fault (不新鲜).
      const flipped = weight < 0 ? 0.5 : -weight;
      score.cues.push({ start: i, end, weight: flipped, source: 'lexicon' });
    } else {
      const isPhrase = value.kind === 'phrase';
      if (isPhrase) score.phrases.push({ slug: value.slug!, start: i, end });
      score.cues.push({ start: i, end, weight, source: isPhrase ? 'phrase' : 'lexicon' });
      if (weight > 0) lastPositiveEnd = end;
    }
    i = end;
  }
  const body = text.slice(from, to);
  for (const smell of body.includes('股') ? body.matchAll(SMELL) : []) {
    const start = from + smell.index;
    const end = start + smell[0].length;
    if (score.cues.some((c) => c.start < end && start < c.end && (c.weight > 0 || c.source === 'phrase'))) continue;
    // The smell stands in for the words inside it (一股塑料味 is one cue, not 塑料 plus a smell).
    score.cues = score.cues.filter((c) => !(c.start < end && start < c.end));
    score.cues.push({ start, end, weight: -2, source: 'lexicon' });
  }
  const cheaper = body.includes('才') ? CHEAPER_ELSEWHERE.exec(body) : null;
  if (cheaper) {
    const start = from + cheaper.index;
    score.phrases.push({ slug: 'zh-cheaper-elsewhere', start, end: start + cheaper[0].length });
    score.cues.push({ start, end: start + cheaper[0].length, weight: PHRASE_WEIGHT, source: 'phrase' });
  }
  score.sarcasm = QUOTE_CHARS.test(body) && hasScareQuotedPraise(terms, text, from, to);
  if (score.sarcasm) score.phrases.push({ slug: 'zh-sarcasm', start: from, end: from });
  score.total = score.cues.reduce((sum, c) => sum + c.weight, 0) + (score.sarcasm ? PHRASE_WEIGHT : 0);
  return score;
}

// Qualities weigh only when stressed: before them (太油, 有点厚) or after them (厚了一点, 硬得能砸核桃).
// Whether one of `words`, at most `room` long, ends at `at`.
function endsBefore(text: string, at: number, room: number, words: readonly string[]): boolean {
  for (const w of words) if (w.length <= room && text.endsWith(w, at)) return true;
  return false;
}

function weighOf(value: TermValue, text: string, from: number, start: number, end: number, to: number): number {
  if (value.kind === 'phrase' || value.kind === 'name') return value.weight;
  // Up to three characters either side, inside the clause, read in place (no substrings on this hot path).
  const room = start - Math.max(from, start - 3);
  // A complaint word stressed (好晃, 太吓人) weighs one more.
  if (value.kind === 'word') return value.weight < 0 && endsBefore(text, start, room, ZH_STRESS) ? value.weight - 1 : value.weight;
  const roomAfter = Math.min(to, end + 3) - end;
  const stressedBefore = endsBefore(text, start, room, value.kind === 'fault' ? ZH_STRESS : ZH_EXCESS);
  const stressedAfter = value.kind === 'fault' && ZH_STRESS_AFTER.some((w) => w.length <= roomAfter && text.startsWith(w, end));
  if (stressedBefore || stressedAfter) return value.kind === 'fault' ? -2 : -1.5;
  // "白得跟刷了墙一样": an ambiguous quality drawn out with 得 leans negative, too weak to flag alone.
  return roomAfter > 0 && text[end] === '得' ? -1 : 0;
}

const QUOTE_CHARS = /[“"「‘']/;
const QUOTES = /[“"「‘']([^“”"「」‘’']{1,10})[”"」’']/g;

// Praise in scare quotes (真是“好”羽绒服啊, “新鲜”的虾) says the opposite.
function hasScareQuotedPraise(terms: ZhTerms, text: string, from: number, to: number): boolean {
  if (!QUOTE_CHARS.test(text.slice(from, to))) return false;
  const body = text.slice(from, to);
  for (const quoted of body.matchAll(QUOTES)) {
    const inner = quoted[1]!;
    if (inner.includes('好') || /(?:传说中的|所谓的|说好的|号称)$/.test(body.slice(0, quoted.index))) return true;
    for (let k = 0; k < inner.length; k++) {
      const match = terms.trie.longestAt(inner, k);
      if (match && match.value.weight > 0 && match.value.kind === 'word') return true;
    }
  }
  return false;
}
