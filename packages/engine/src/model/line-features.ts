import { words as stopwords } from 'natural/lib/natural/util/stopwords.js';
import { NEGATORS } from '../lexicon.ts';
import type { ClauseScore } from '../score-clause.ts';
import type { Clause } from '../split-clauses.ts';
import { endsWithQuestion } from '../split-clauses.ts';
import { isHostReassurance, isInquiry } from '../line-cues.ts';
import type { Token } from '../tokenize.ts';
import { FeatureBuffer, FeatureKind } from './feature-buffer.ts';
import { generalSentiment } from './general-sentiment.ts';

/** What the rules made of the line, before the model reads it. */
export interface RuleReading {
  clauses: readonly Clause[];
  scores: readonly ClauseScore[];
  /** True when the rules judged some clause negative. */
  negative: boolean;
  /** True when a clause the rules judged negative holds a live-commerce phrase ("don't buy", "fake"). */
  phraseNegative: boolean;
  /** True when the rules weighed the line (it held a negative cue) at all: weighed and cleared is telling. */
  weighed: boolean;
  type: 'transcript' | 'chat';
  /**
   * Words the catalogue names products with (keyed like `Token.key`): they describe, not judge ("slow cooker"), so
   * they score nothing and all read as one placeholder word, the same in every catalogue.
   */
  productWords?: ReadonlySet<string>;
}

/** Slots of the summary features; word features hash into the slots above them. */
export const SUMMARY_SLOTS = 40;
/** Word features are weighed lighter than the summaries, so rare words nudge rather than decide. */
const WORD_VALUE = 0.3;
// A negator marks the words this close after it within the clause ("not good" reads as a negated "good").
const NEGATION_REACH = 3;
const SCALE = 4;

/**
 * The line model's inputs: summaries of the rules' reading and of VADER's general score, and the line's words and
 * word pairs (negated words marked) hashed into `2^bits` slots.
 */
export function lineFeatures(tokens: readonly Token[], text: string, reading: RuleReading, bits: number, into = new FeatureBuffer()): FeatureBuffer {
  const features = into;
  features.clear();
  let negative = 0;
  let positive = 0;
  let phrases = 0;
  let lowest = 0;
  for (const score of reading.scores) {
    for (const cue of score.cues) if (cue.weight < 0) negative += cue.weight; else positive += cue.weight;
    phrases += score.phrases.length;
    lowest = Math.min(lowest, score.total);
  }
  const productWords = reading.productWords ?? NO_WORDS;
  const general = generalSentiment(tokens, text, productWords);
  const compound = general.compound;
  summary(features, 0, 1);
  summary(features, 1, reading.negative ? 1 : 0);
  summary(features, 2, negative / SCALE);
  summary(features, 3, positive / SCALE);
  summary(features, 4, Math.min(phrases, 3));
  summary(features, 5, lowest / SCALE);
  summary(features, 6, compound);
  summary(features, 7, general.negative / SCALE);
  summary(features, 8, general.positive / SCALE);
  summary(features, 9, compound <= -0.05 ? 1 : 0);
  summary(features, 10, compound >= 0.05 ? 1 : 0);
  summary(features, 11, compound <= -0.5 ? 1 : 0);
  summary(features, 12, compound >= 0.5 ? 1 : 0);
  summary(features, 13, reading.type === 'chat' ? 1 : 0);
  summary(features, 14, endsWithQuestion(tokens) ? 1 : 0);
  summary(features, 15, reading.phraseNegative ? 1 : 0);
  summary(features, 16, reading.weighed && !reading.negative ? 1 : 0);
  summary(features, 17, reading.type === 'transcript' && isHostReassurance(tokens) ? 1 : 0);
  summary(features, 18, opensWithInquiry(tokens, reading.clauses) ? 1 : 0);
  summary(features, 19, reading.type === 'chat' ? compound : 0);
  const cleared = reading.weighed && !reading.negative;
  const host = reading.type === 'transcript';
  summary(features, 20, host && cleared ? 1 : 0);
  summary(features, 21, host && cleared ? compound : 0);
  summary(features, 22, host ? lowest / SCALE : 0);
  summary(features, 23, host && !reading.weighed ? compound : 0);
  // Who the line addresses: a host talks to viewers ("you can put it in smoothies"), a reviewer of their own
  // experience ("I was disappointed"); the same negative word reads differently in each.
  const { addressee, speaker, supposes, amount } = scanWords(tokens, text);
  summary(features, 24, addressee ? 1 : 0);
  summary(features, 25, speaker ? 1 : 0);
  summary(features, 26, addressee ? compound : 0);
  summary(features, 27, speaker ? compound : 0);
  summary(features, 28, host && addressee ? compound : 0);
  summary(features, 29, host && speaker ? compound : 0);
  summary(features, 30, addressee ? negative / SCALE : 0);
  summary(features, 31, speaker ? negative / SCALE : 0);
  // What the rules know that a bag of words does not: a denied complaint ("no plastic smell", "it isn't fake")
  // and a supposition ("if it won't power on…") are not reports of a flaw.
  let denials = 0;
  for (const score of reading.scores) {
    denials += score.denied.length;
    for (const cue of score.cues) if (cue.weight > 0 && score.negated.includes(cue.text)) denials++;
  }
  summary(features, 32, Math.min(denials, 3));
  summary(features, 33, supposes ? 1 : 0);
  summary(features, 34, host && supposes ? 1 : 0);
  summary(features, 35, host ? Math.min(denials, 3) : 0);
  // A viewer who names a sum is mostly weighing it ("89 for a stick?", "two hundred dollars. for frozen water");
  // a host names prices to sell.
  summary(features, 36, amount && !host ? 1 : 0);
  summary(features, 37, amount && host ? 1 : 0);
  addWordFeatures(features, tokens, reading.clauses, bits, productWords);
  return features;
}

const HYPOTHETICAL = new Set(['if', 'unless', 'whether']);
const SECOND_PERSON = new Set(['you', 'your', 'youre', 'youll', 'youve', 'yall', 'u', 'ur', 'yours']);
const FIRST_PERSON = new Set(['i', 'my', 'me', 'im', 'ive', 'id', 'mine', 'myself']);

// A module function, not a closure over `features`: this runs on every line, and under tsx each named closure
// costs a defineProperty call when it is made.
function summary(features: FeatureBuffer, index: number, value: number): void {
  if (value !== 0) features.push(index, value, -1, -1, FeatureKind.summary);
}

/** One pass over the words: does the line address someone, speak of the speaker, suppose something, name a sum. */
function scanWords(tokens: readonly Token[], text: string): { addressee: boolean; speaker: boolean; supposes: boolean; amount: boolean } {
  let addressee = false;
  let speaker = false;
  let supposes = false;
  let amount = false;
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    if (SECOND_PERSON.has(t.norm)) addressee = true;
    else if (FIRST_PERSON.has(t.norm)) speaker = true;
    else if (HYPOTHETICAL.has(t.norm)) supposes = true;
    else if (!amount) amount = namesSum(t, text);
  }
  return { addressee, speaker, supposes, amount };
}

const CURRENCY_WORDS = new Set(['dollars', 'dollar', 'bucks', 'usd', 'cents', 'quid', 'pounds', 'euros']);
const CENTS = /^\d+\.\d\d$/;
const DIGITS = /^\d+$/;

/** A sum of money: "44.99", "$89", "dollars", "bucks". Runs on every word: the patterns only after a leading digit. */
function namesSum(t: Token, text: string): boolean {
  const first = t.norm.charCodeAt(0);
  if (first < 48 || first > 57) return CURRENCY_WORDS.has(t.norm);
  return CENTS.test(t.norm) || (t.start > 0 && text.charCodeAt(t.start - 1) === 36 && DIGITS.test(t.norm));
}

const opensWithInquiry = (tokens: readonly Token[], clauses: readonly Clause[]): boolean =>
  clauses.length > 0 && clauses[0]!.question && isInquiry(tokens, clauses[0]!.tokenStart, clauses[0]!.tokenEnd);

// Salts keep a word, the same word negated and a word pair in different slots.
const NEGATED_SALT = 0x9e3779b9;
const PAIR_SALT = 0x7f4a7c15;
const CLAUSE_START = 0x2545f491;

const NO_WORDS: ReadonlySet<string> = new Set();
// The hash every catalogue word reads as.
const PRODUCT_WORD = 0x51ed270b;

function addWordFeatures(features: FeatureBuffer, tokens: readonly Token[], clauses: readonly Clause[], bits: number, productWords: ReadonlySet<string>): void {
  const mask = (1 << bits) - 1;
  const span = mask + 1 - SUMMARY_SLOTS;
  for (let c = 0; c < clauses.length; c++) {
    const clause = clauses[c]!;
    let previous = CLAUSE_START;
    let negatorAt = -Infinity;
    for (let i = clause.tokenStart; i < clause.tokenEnd; i++) {
      const token = tokens[i]!;
      if (token.kind === 'punct') continue;
      const word = productWords.has(token.key) ? PRODUCT_WORD : fnv1a(token.norm);
      const negated = i - negatorAt <= NEGATION_REACH;
      features.push(SUMMARY_SLOTS + ((mix(negated ? word ^ NEGATED_SALT : word) & mask) % span), WORD_VALUE, c, i, negated ? FeatureKind.negatedWord : FeatureKind.word);
      features.push(SUMMARY_SLOTS + ((mix((Math.imul(previous, 31) + word) ^ PAIR_SALT) & mask) % span), WORD_VALUE, c, i, FeatureKind.pair);
      if (NEGATORS.has(token.norm)) negatorAt = i;
      previous = word;
    }
  }
}

/**
 * The words a feature stands for, as an explanation quotes them: a word ("returned"), a negated word ("good"), or
 * a word pair ("waste of"; a clause's first word alone). Null for a summary feature, and for function words alone
 * ("a", "was like"): they count in the probability but tell a reader nothing.
 */
export function featureWords(
  features: FeatureBuffer,
  i: number,
  tokens: readonly Token[],
  clauses: readonly Clause[],
): { text: string; negated: boolean } | null {
  const kind = features.kind[i];
  const t = features.token[i]!;
  if (kind === FeatureKind.summary || !tokens[t]) return null;
  const word = tokens[t].norm;
  if (kind === FeatureKind.negatedWord) return { text: word, negated: true };
  if (kind === FeatureKind.word) return FUNCTION_WORDS.has(word) ? null : { text: word, negated: false };
  const start = clauses[features.clause[i]!]?.tokenStart ?? 0;
  let before: string | null = null;
  for (let p = t - 1; p >= start && before === null; p--) if (tokens[p]!.kind !== 'punct') before = tokens[p]!.norm;
  if (FUNCTION_WORDS.has(word) && (before === null || FUNCTION_WORDS.has(before))) return null;
  return { text: before === null ? word : `${before} ${word}`, negated: false };
}

const FUNCTION_WORDS: ReadonlySet<string> = new Set(stopwords);

/** FNV-1a, 32 bits: a fast, well-spread hash of short strings, the same in training and in detection. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** MurmurHash3's finaliser: spreads a combined hash over all bits before it is cut to a slot. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
