import { NEGATORS } from '../lexicon.ts';
import type { ClauseScore } from '../score-clause.ts';
import type { Clause } from '../split-clauses.ts';
import { endsWithQuestion } from '../split-clauses.ts';
import { isHostReassurance, isInquiry } from '../line-cues.ts';
import type { Token } from '../tokenize.ts';
import { generalSentiment } from './general-sentiment.ts';

/**
 * One input of the line model: a slot and its value. Word features carry the words and the clause they came
 * from, so an explanation can quote them and a negative verdict can be placed on the clause that earned it.
 */
export interface Feature {
  index: number;
  value: number;
  /** The words ("waste of", "!good") for word features; null for the summary features. */
  text: string | null;
  /** The clause the words sit in; -1 for the summary features. */
  clause: number;
}

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
}

/** Slots of the summary features; word features hash into the slots above them. */
export const SUMMARY_SLOTS = 40;
/** Word features are weighed lighter than the summaries, so rare words nudge rather than decide. */
const WORD_VALUE = 0.3;
// A negator marks the words this close after it, until punctuation ("not !good", "never !again").
const NEGATION_REACH = 3;
const SCALE = 4;

/**
 * The line model's inputs: summaries of the rules' reading and of VADER's general score, and the line's words and
 * word pairs (negated words marked) hashed into `2^bits` slots.
 */
export function lineFeatures(tokens: readonly Token[], text: string, reading: RuleReading, bits: number): Feature[] {
  const features: Feature[] = [];
  const summary = (index: number, value: number): void => {
    if (value !== 0) features.push({ index, value, text: null, clause: -1 });
  };
  let negative = 0;
  let positive = 0;
  let phrases = 0;
  let lowest = 0;
  for (const score of reading.scores) {
    for (const cue of score.cues) if (cue.weight < 0) negative += cue.weight; else positive += cue.weight;
    phrases += score.phrases.length;
    lowest = Math.min(lowest, score.total);
  }
  const general = generalSentiment(tokens, text);
  const compound = general.compound;
  summary(0, 1);
  summary(1, reading.negative ? 1 : 0);
  summary(2, negative / SCALE);
  summary(3, positive / SCALE);
  summary(4, Math.min(phrases, 3));
  summary(5, lowest / SCALE);
  summary(6, compound);
  summary(7, general.negative / SCALE);
  summary(8, general.positive / SCALE);
  summary(9, compound <= -0.05 ? 1 : 0);
  summary(10, compound >= 0.05 ? 1 : 0);
  summary(11, compound <= -0.5 ? 1 : 0);
  summary(12, compound >= 0.5 ? 1 : 0);
  summary(13, reading.type === 'chat' ? 1 : 0);
  summary(14, endsWithQuestion(tokens) ? 1 : 0);
  summary(15, reading.phraseNegative ? 1 : 0);
  summary(16, reading.weighed && !reading.negative ? 1 : 0);
  summary(17, reading.type === 'transcript' && isHostReassurance(tokens) ? 1 : 0);
  summary(18, opensWithInquiry(tokens, reading.clauses) ? 1 : 0);
  summary(19, reading.type === 'chat' ? compound : 0);
  const cleared = reading.weighed && !reading.negative;
  const host = reading.type === 'transcript';
  summary(20, host && cleared ? 1 : 0);
  summary(21, host && cleared ? compound : 0);
  summary(22, host ? lowest / SCALE : 0);
  summary(23, host && !reading.weighed ? compound : 0);
  // Who the line addresses: a host talks to viewers ("you can put it in smoothies"), a reviewer of their own
  // experience ("I was disappointed"); the same negative word reads differently in each.
  const { addressee, speaker } = persons(tokens);
  summary(24, addressee ? 1 : 0);
  summary(25, speaker ? 1 : 0);
  summary(26, addressee ? compound : 0);
  summary(27, speaker ? compound : 0);
  summary(28, host && addressee ? compound : 0);
  summary(29, host && speaker ? compound : 0);
  summary(30, addressee ? negative / SCALE : 0);
  summary(31, speaker ? negative / SCALE : 0);
  // What the rules know that a bag of words does not: a denied complaint ("no plastic smell", "it isn't fake")
  // and a supposition ("if it won't power on…") are not reports of a flaw.
  let denials = 0;
  for (const score of reading.scores) {
    denials += score.denied.length;
    for (const cue of score.cues) if (cue.weight > 0 && score.negated.includes(cue.text)) denials++;
  }
  const supposes = tokens.some((t) => t.kind === 'word' && HYPOTHETICAL.has(t.norm));
  summary(32, Math.min(denials, 3));
  summary(33, supposes ? 1 : 0);
  summary(34, host && supposes ? 1 : 0);
  summary(35, host ? Math.min(denials, 3) : 0);
  addWordFeatures(features, tokens, reading.clauses, bits);
  return features;
}

const HYPOTHETICAL = new Set(['if', 'unless', 'whether']);
const SECOND_PERSON = new Set(['you', 'your', 'youre', 'youll', 'youve', 'yall', 'u', 'ur', 'yours']);
const FIRST_PERSON = new Set(['i', 'my', 'me', 'im', 'ive', 'id', 'mine', 'myself']);

function persons(tokens: readonly Token[]): { addressee: boolean; speaker: boolean } {
  let addressee = false;
  let speaker = false;
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    if (SECOND_PERSON.has(t.norm)) addressee = true;
    else if (FIRST_PERSON.has(t.norm)) speaker = true;
  }
  return { addressee, speaker };
}

const opensWithInquiry = (tokens: readonly Token[], clauses: readonly Clause[]): boolean =>
  clauses.length > 0 && clauses[0]!.question && isInquiry(tokens, clauses[0]!.tokenStart, clauses[0]!.tokenEnd);

function addWordFeatures(features: Feature[], tokens: readonly Token[], clauses: readonly Clause[], bits: number): void {
  const mask = (1 << bits) - 1;
  const span = mask + 1 - SUMMARY_SLOTS;
  const slot = (hash: number): number => SUMMARY_SLOTS + ((hash & mask) % span);
  for (let c = 0; c < clauses.length; c++) {
    const clause = clauses[c]!;
    let previous = '<s>';
    let negatorAt = -Infinity;
    for (let i = clause.tokenStart; i < clause.tokenEnd; i++) {
      const token = tokens[i]!;
      if (token.kind === 'punct') continue;
      const word = i - negatorAt <= NEGATION_REACH ? `!${token.norm}` : token.norm;
      features.push({ index: slot(fnv1a(word)), value: WORD_VALUE, text: word, clause: c });
      const pair = `${previous} ${token.norm}`;
      features.push({ index: slot(fnv1a(pair)), value: WORD_VALUE, text: pair, clause: c });
      if (NEGATORS.has(token.norm)) negatorAt = i;
      previous = token.norm;
    }
  }
}

/** FNV-1a, 32 bits: a fast, well-spread hash of short strings, the same in training and in detection. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
