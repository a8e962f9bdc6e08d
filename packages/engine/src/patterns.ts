import { words as stopwords } from 'natural/lib/natural/util/stopwords.js';
import { WORD_VALENCE } from './lexicon.ts';
import { isCapitalisedRival } from './other-products.ts';
import type { Cue } from './score-clause.ts';
import type { Token } from './tokenize.ts';

// Imported bindings are read through getters once transpiled; hot loops read these local copies instead.
const wordValence = WORD_VALENCE;

/** A complaint recognised by its shape rather than its words, with the rule that named it. */
export interface PatternCue extends Cue {
  slug: string;
}

const DEICTIC_OBJECTS = new Set(['this', 'these', 'it', 'them', 'yours', 'ours', 'that', 'those']);
const BEATS = new Set(['mog', 'mogs', 'mogged', 'beats', 'beat', 'destroys', 'clears', 'outlasts', 'smokes', 'cooks', 'bodies']);
const SENSES = new Set(['taste', 'tastes', 'tasted', 'tasting', 'smell', 'smells', 'smelled', 'smelt', 'smelling']);
const PRICE_WORDS = new Set(['dollars', 'dollar', 'bucks', 'usd', 'price', 'priced', 'cost', 'costs', 'charging']);
const PRICE_VERDICTS = new Set(['crazy', 'wild', 'insane', 'steep', 'ridiculous', 'absurd', 'nuts', 'expensive', 'robbery', 'outrageous', 'criminal']);
// "too good", "too cute": "too" before praise intensifies it; before anything else it names an excess.
const NOT_EXCESS = new Set(['much', 'many']);
// "too good to be true", "too cute": excess of these is praise.
const PRAISE_IN_EXCESS = new Set([
  'good', 'cute', 'pretty', 'beautiful', 'perfect', 'adorable', 'amazing', 'fun', 'funny', 'nice', 'cool', 'lovely',
  'gorgeous', 'comfy', 'comfortable', 'real', 'true', 'soft', 'easy', 'fast', 'cheap', 'delicious', 'tasty', 'yummy',
]);
// What a product is expected to show: its absence is the "three nothings" complaint.
const MISSING_INFO = new Set([
  'date', 'expiration', 'expiry', 'label', 'labels', 'mark', 'seal', 'certificate', 'certification', 'rating', 'manual',
  'warranty', 'ingredients', 'ingredient', 'lot', 'batch', 'manufacturer', 'maker', 'address', 'origin', 'servings',
  'instructions', 'barcode', 'certified', 'listed', 'printed', 'labeled', 'labelled',
]);
const ABSENCE = new Set(['no', 'without', 'missing', 'isnt', 'arent', 'not', 'cant', 'wheres', 'where', 'nothing', 'never', 'none']);
// "would not go back", "won't be returning", "never ... again": the reviewer's verdict on coming back.
const RETURNING = new Set(['back', 'return', 'returning', 'again']);
// "never buying it again", "won't be going back": what is refused is coming back or buying again. "You'll never
// worry about breakouts again" promises relief instead.
const COMING_OR_BUYING = new Set([
  'go', 'going', 'gone', 'went', 'come', 'coming', 'came', 'buy', 'buying', 'bought', 'order', 'ordering', 'ordered',
  'eat', 'eating', 'ate', 'use', 'using', 'used', 'wear', 'wearing', 'visit', 'visiting', 'shop', 'shopping',
  'purchase', 'purchasing', 'get', 'getting', 'try', 'trying', 'be', 'step', 'set', 'recommend', 'touch', 'waste',
  'dine', 'dining', 'stay', 'staying', 'stop', 'watch', 'watching', 'see', 'seeing', 'sit', 'pay', 'paying', 'spend',
]);
const NEVER_OR_NOT = new Set(['not', 'never', 'wont', 'wouldnt', 'dont', 'cant', 'couldnt', 'shouldnt', 'no']);
// "took an hour", "waited 20 minutes": a wait long enough to mention is a complaint.
const WAITING = new Set(['took', 'waited', 'waiting', 'wait', 'sat', 'takes', 'taking']);
const DURATIONS = new Set(['minutes', 'minute', 'min', 'mins', 'hour', 'hours', 'hrs', 'forever', 'ages', 'days', 'weeks']);
const SARCASM_OPENERS = new Set(['great', 'good', 'perfect', 'wonderful', 'fantastic', 'love']);
const FUNCTION_WORDS = new Set(stopwords);
// What nobody wants a product to taste or smell of; a taste simile with anything else is left to the lexicon.
const UNPLEASANT = new Set([
  'chalk', 'cardboard', 'plastic', 'soap', 'dirt', 'metal', 'chemicals', 'chemical', 'fish', 'fishy', 'medicine', 'rubber',
  'sand', 'paper', 'water', 'nothing', 'feet', 'garbage', 'sweat', 'smoke', 'rust', 'glue', 'mud', 'gasoline', 'bleach',
  'vomit', 'sawdust', 'dust', 'wet', 'socks', 'old', 'burnt', 'cough', 'ash', 'tin', 'perfume', 'hairspray', 'mold',
]);

// Words that can open a pattern, or make a price; a token that is none of these is skipped at once.
const STORE_PREPOSITIONS = new Set(['on', 'at', 'from', 'off']);
const TRIGGERS = new Set([...NEVER_OR_NOT, ...WAITING, 'too', 'so', 'oh', ...SENSES, ...BEATS, 'better', 'cheaper', ...PRICE_WORDS, ...PRICE_VERDICTS, ...ABSENCE]);

const word = (t: Token | undefined): string | null => (t?.kind === 'word' ? t.norm : null);
const valence = (t: Token | undefined): number => (t ? (wordValence.get(t.lower) ?? 0) : 0);

/**
 * Complaints that no single word carries, in tokens [from, to): an excess ("way too sweet"), a bad taste or smell
 * ("tastes like chalk"), a price verdict in chat ("69 is crazy for buds"), and a rival that beats the product
 * ("X mogs these", "X is better than this").
 */
export function findPatterns(
  tokens: readonly Token[],
  text: string,
  from: number,
  to: number,
  chat: boolean,
  productWords: ReadonlySet<string> = new Set(),
): PatternCue[] {
  const cues: PatternCue[] = [];
  // "Juicenetics still better": a capitalised rival opening a clause that calls something better.
  const rivalOpens = chat && isCapitalisedRival(tokens[from], productWords);
  let price = false;
  let number = false;
  let verdict: Token | null = null;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    const c = t.text.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      number = true;
      if (text.charCodeAt(t.start - 1) === 36) price = true;
    }
    if (t.kind !== 'word' || !TRIGGERS.has(t.norm)) continue;
    const w = t.norm;
    if (PRICE_WORDS.has(w)) price = true;
    const next = tokens[i + 1];
    // "crazy good price": a verdict word before praise only intensifies it.
    if (PRICE_VERDICTS.has(w) && valence(next) <= 0) verdict = t;
    const excessWord = next?.kind === 'word' && (!FUNCTION_WORDS.has(next.norm) || NOT_EXCESS.has(next.norm));
    if (w === 'too' && i + 1 < to && excessWord && !PRAISE_IN_EXCESS.has(next.norm) && valence(next) < 3) {
      const end = NOT_EXCESS.has(next.norm) && tokens[i + 2]?.kind === 'word' && i + 2 < to ? tokens[i + 2]! : next;
      if (!PRAISE_IN_EXCESS.has(end.norm)) cues.push({ text: `${t.text} ${next.text}`, weight: -2, source: 'phrase', slug: 'too-much' });
    }
    if (NEVER_OR_NOT.has(w)) {
      for (let j = i + 1; j < Math.min(to, i + 6); j++) {
        const after = tokens[j]!;
        if (after.kind !== 'word' || !RETURNING.has(after.norm)) continue;
        // "never again" alone is a phrase; "not back" needs a verb of coming back between, and "never … again" a
        // verb of coming back or buying.
        if (j === i + 1 && after.norm !== 'return' && after.norm !== 'returning') break;
        if (after.norm === 'again' && j > i + 1 && !tokens.slice(i + 1, j).some((x) => COMING_OR_BUYING.has(x.norm))) break;
        cues.push({ text: `${t.text} … ${after.text}`, weight: -2, source: 'phrase', slug: 'would-not-return' });
        break;
      }
    }
    if (WAITING.has(w)) {
      for (let j = i + 1; j < Math.min(to, i + 5); j++) {
        if (tokens[j]!.kind !== 'word' || !DURATIONS.has(tokens[j]!.norm)) continue;
        cues.push({ text: `${t.text} … ${tokens[j]!.text}`, weight: -1, source: 'phrase', slug: 'long-wait' });
        break;
      }
    }
    if (ABSENCE.has(w)) {
      for (let j = i + 1; j < Math.min(to, i + 6); j++) {
        if (tokens[j]!.kind !== 'word' || !MISSING_INFO.has(tokens[j]!.norm)) continue;
        cues.push({ text: `${t.text} … ${tokens[j]!.text}`, weight: -2, source: 'phrase', slug: 'missing-info' });
        break;
      }
    }
    // "so much for waterproof" opening a clause; "oh great, another one that dies".
    if (w === 'so' && i === from && word(next) === 'much' && word(tokens[i + 2]) === 'for' && i + 3 < to) {
      cues.push({ text: 'so much for', weight: -2, source: 'phrase', slug: 'sarcasm' });
    }
    if (w === 'oh' && SARCASM_OPENERS.has(word(next) ?? '') && tokens.slice(i + 2, i + 5).some((x) => x.norm === 'another')) {
      cues.push({ text: `${t.text} ${next!.text}`, weight: -2, source: 'phrase', slug: 'sarcasm' });
    }
    if (SENSES.has(w) && word(next) === 'like' && i + 2 < to) {
      const what = tokens[i + 2]!;
      const object = what.norm === 'a' || what.norm === 'an' || what.norm === 'straight' ? tokens[i + 3] : what;
      if (object?.kind === 'word' && UNPLEASANT.has(object.norm)) {
        cues.push({ text: `${t.text} like ${what.text}`, weight: -1, source: 'phrase', slug: 'bad-taste' });
      }
    }
    const deicticNext = DEICTIC_OBJECTS.has(word(next) ?? '') || word(next) === 'the';
    if (BEATS.has(w) && deicticNext && i > from) cues.push({ text: `${t.text} ${next!.text}`, weight: -2, source: 'phrase', slug: 'rival-better' });
    if (rivalOpens && (w === 'better' || w === 'cheaper') && word(next) !== 'than' && i > from) {
      cues.push({ text: `${tokens[from]!.text} … ${t.text}`, weight: -2, source: 'phrase', slug: 'rival-better' });
    }
    // "cheaper on amazon", "way cheaper at costco": the same thing sold for less somewhere else.
    if (w === 'cheaper' && STORE_PREPOSITIONS.has(word(next) ?? '') && word(tokens[i + 2]) !== null && i + 2 < to) {
      cues.push({ text: `${t.text} ${next!.text} ${tokens[i + 2]!.text}`, weight: -2, source: 'phrase', slug: 'cheaper-elsewhere' });
    }
    if ((w === 'better' || w === 'cheaper') && word(next) === 'than' && DEICTIC_OBJECTS.has(word(tokens[i + 2]) ?? '') && i > from) {
      const subject = word(tokens[from]);
      if (subject !== null && !DEICTIC_OBJECTS.has(subject)) cues.push({ text: `${t.text} than ${tokens[i + 2]!.text}`, weight: -2, source: 'phrase', slug: 'rival-better' });
    }
  }
  // A price met with "?!" is a verdict too ("$44 for ground-up peas??"); judge-clauses silences genuine inquiries.
  const end = tokens[to];
  const asked = end?.kind === 'punct' && end.text.includes('?') && to > from;
  if (chat && ((price && (verdict || asked)) || (number && verdict))) {
    cues.push({ text: verdict?.text ?? tokens.slice(from, to).map((t) => t.text).join(' '), weight: -2, source: 'phrase', slug: 'price-complaint' });
  }
  return cues;
}
