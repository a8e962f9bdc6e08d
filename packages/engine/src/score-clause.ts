import type { Explanation } from '@anchorwatch/schemas';
import { COMPLAINT_WORDS, IDIOM_VALENCE, MULTIWORD_VALENCE, NEGATORS, NEUTRAL_IDIOMS, WORD_VALENCE } from './lexicon.ts';
import { findPatterns } from './patterns.ts';
import type { NegativePhrase } from './phrases.ts';
import { TokenTrie } from './token-trie.ts';
import { termKeys, type Token } from './tokenize.ts';

// Imported bindings are read through getters once transpiled; hot loops read these local copies instead.
const wordValence = WORD_VALENCE;
const negators = NEGATORS;
const complaintWords = COMPLAINT_WORDS;

/** One piece of evidence in an explanation: the words, their weight after negation, and where the weight came from. */
export type Cue = Explanation['cues'][number];

/** A phrase rule that fired: its slug and the words that matched. */
export interface FiredPhrase {
  slug: string;
  text: string;
}

/** What a clause says: its cues, the words negation flipped, and the phrase rules that fired or were denied. */
export interface ClauseScore {
  /** Sum of all cue weights; below zero reads as negative. */
  total: number;
  cues: Cue[];
  negated: string[];
  /** Live-commerce phrases that fired un-negated, in order. */
  phrases: FiredPhrase[];
  /** Slugs of phrases that appeared negated ("it is not fake"). */
  denied: string[];
  /** Product-complaint words said of something ("the noodles were sticky"), not naming a feature ("slow cooker"). */
  complaints: number;
  /** Negative lexicon words said of a subject ("I was mortified", "the fries were soggy"), complaint words or not. */
  predicated: number;
}

interface TermValue {
  source: 'lexicon' | 'phrase';
  weight: number;
  slug: string | null;
}

/** Multi-word lexicon entries and live-commerce phrases, compiled once per detector. */
export type TermIndex = TokenTrie<TermValue>;

// A negator reaches this many words ahead ("not a big fan", "don't make my ears ache").
const NEGATION_WINDOW = 4;
// "can't say I've had any problems", "not that it's bad": these reach to the end of the clause.
const WIDE_SCOPE = new Set(['any', 'anything', 'that', 'ever', 'single']);
// "never been stronger", "never felt better": a negated comparative is praise, not its opposite.
const NEVER = 'never';
// VADER's "never so / never this" rule, widened to comparatives: "never been treated so bad", "never been more
// insulted" stress the cue rather than deny it.
const NEVER_STRESSES = new Set(['so', 'this', 'more', 'such', 'as']);
const NEVER_STRESS = 1.25;
// "did not like it", "would not like": a spelled-out negator after an auxiliary is verbal like "didn't".
const AUXILIARIES = new Set(['do', 'did', 'does', 'would', 'will', 'could', 'should']);
// Slang that needs its grammatical slot: "mid" judges only at a clause end or before a filler ("mid tbh"),
// not as the preposition in "mid shoot".
const PREDICATIVE_ONLY = new Set(['mid', 'buns', 'brick', 'meme', 'clown']);
// VADER-style emphasis: a booster or a word in capitals (amid lower case) strengthens a lexicon cue, a dampener
// weakens it ("extremely rude", "AWFUL", "a little slow").
const BOOSTERS = new Set([
  'very', 'really', 'so', 'extremely', 'totally', 'absolutely', 'completely', 'utterly', 'incredibly', 'super',
  'seriously', 'truly', 'way', 'hella', 'mad', 'fr', 'most', 'such', 'too', 'quite', 'highly', 'deeply', 'especially',
]);
const DAMPENERS = new Set(['little', 'bit', 'slightly', 'somewhat', 'kinda', 'sorta', 'barely', 'hardly', 'marginally', 'kind', 'sort', 'partly']);
const BOOST = 1.3;
const DAMPEN = 0.7;
// "didn't like it": "like" is a filler the lexicon ignores, except after a negator.
const LIKE = new Set(['like', 'likes']);
const NEGATED_LIKE = -2;
// "didn't like", "never liked"; "not like a corn nut" compares instead.
const VERBAL_NEGATORS = new Set(['dont', 'didnt', 'doesnt', 'never', 'wont', 'wouldnt', 'cant', 'couldnt']);
// "wasn't helpful or friendly": a negation runs on through a list.
const LIST_JOINERS = new Set(['or', 'nor']);
const SLANG_TAIL = new Set(['af', 'tbh', 'ngl', 'fr', 'lol', 'lmao', 'honestly', 'imo', 'tho', 'though', 'at', 'ong', 'bro', 'fam', 'too', 'rn']);

// What follows these is a supposition ("if it ever stops working, we replace it"), not a report.
const HYPOTHETICAL = new Set(['if', 'unless', 'whether']);

/** Compiles AFINN's multi-word entries, neutral idioms and the phrase list; a phrase wins over what it repeats. */
export function compileTerms(phrases: readonly NegativePhrase[]): TermIndex {
  const trie: TermIndex = new TokenTrie();
  for (const entry of MULTIWORD_VALENCE) trie.add(entry.keys, { source: 'lexicon', weight: entry.weight, slug: null });
  for (const idiom of NEUTRAL_IDIOMS) trie.add(termKeys(idiom, 'norm'), { source: 'lexicon', weight: 0, slug: null });
  for (const idiom of IDIOM_VALENCE) trie.add(termKeys(idiom.text, 'norm'), { source: 'lexicon', weight: idiom.weight, slug: null });
  for (const p of phrases) trie.add(termKeys(p.text, 'norm'), { source: 'phrase', weight: p.weight, slug: p.slug });
  return trie;
}

/**
 * Scores tokens [from, to) of `text` with the lexicon and phrases. A negator flips the first cue within three
 * words after it; cues after "if" / "unless" are hypothetical and not scored.
 */
export function scoreClause(
  terms: TermIndex,
  tokens: readonly Token[],
  text: string,
  from: number,
  to: number,
  chat = true,
  productWords: ReadonlySet<string> = NO_WORDS,
): ClauseScore {
  const score: ClauseScore = { total: 0, cues: [], negated: [], phrases: [], denied: [], complaints: 0, predicated: 0 };
  let negatorAt = -Infinity;
  let negator = '';
  let verbal = false;
  let wideScope = false;
  let wordIndex = 0;
  let i = from;
  const shouting = isShouting(tokens, from, to);
  while (i < to) {
    const token = tokens[i]!;
    if (token.kind === 'punct') {
      i++;
      continue;
    }
    // Words the catalogue names products with ("slow cooker", "noise cancelling buds") describe, not judge.
    const { value, next } = productWords.has(token.key) ? { value: null, next: i + 1 } : cueAt(terms, tokens, i, to);
    if (!value) {
      if (HYPOTHETICAL.has(token.norm)) break;
      if (LIKE.has(token.norm) && wordIndex - negatorAt <= 2 && verbal) {
        const cueText = text.slice(tokens[i]!.start, token.end);
        score.cues.push({ text: cueText, weight: NEGATED_LIKE, source: 'lexicon' });
        score.negated.push(cueText);
        score.total += NEGATED_LIKE;
        negatorAt = -Infinity;
      } else if (negators.has(token.norm)) {
        negatorAt = wordIndex;
        negator = token.norm;
        const before = i > from ? tokens[i - 1]! : undefined;
        verbal = VERBAL_NEGATORS.has(negator) || (negator === 'not' && before !== undefined && AUXILIARIES.has(before.norm));
        wideScope = false;
      } else if (WIDE_SCOPE.has(token.norm) && wordIndex - negatorAt <= NEGATION_WINDOW) wideScope = true;
    } else if (value.weight !== 0) {
      const cueText = text.slice(token.start, tokens[next - 1]!.end);
      const inScope = wideScope || wordIndex - negatorAt <= NEGATION_WINDOW;
      const praise = negator === NEVER && value.weight > 0;
      const stress = inScope && negator === NEVER && value.weight < 0 && i > from && NEVER_STRESSES.has(tokens[i - 1]!.norm);
      const negated = inScope && !praise && !stress;
      if (negated) {
        score.negated.push(cueText);
        negatorAt = LIST_JOINERS.has(tokens[next]?.norm ?? '') ? wordIndex + (next - i) : -Infinity;
        if (value.slug) score.denied.push(value.slug);
      } else if (value.slug) {
        score.phrases.push({ slug: value.slug, text: cueText });
      }
      // A negated complaint ("not fake", "no rash") is a denial, not praise: it scores nothing.
      const base = value.source === 'lexicon' ? value.weight * emphasis(tokens, i, from, shouting) * (stress ? NEVER_STRESS : 1) : value.weight;
      const weight = round(negated ? (value.source === 'phrase' ? 0 : -base) : base);
      if (weight !== 0) {
        score.cues.push({ text: cueText, weight, source: value.source });
        score.total += weight;
        if (weight < 0 && !negated && value.source === 'lexicon' && isPredicate(tokens, i, from)) {
          score.predicated++;
          if (complaintWords.has(token.lower)) score.complaints++;
        }
      }
    }
    wordIndex += next - i;
    i = next;
  }
  for (const cue of findPatterns(tokens, text, from, i, chat, productWords)) {
    if (negatedBefore(tokens, from, cue.text, i)) continue;
    score.cues.push({ text: cue.text, weight: cue.weight, source: cue.source });
    score.phrases.push({ slug: cue.slug, text: cue.text });
    score.total += cue.weight;
  }
  readIrony(score, tokens, from, to);
  readRemedyClaim(score, tokens, text, from, to);
  return score;
}

// What a product is sold to defeat ("kills dark spots", "fights my acne", "gets rid of stubborn stains"): the verb
// and the trouble are the claim of a remedy, not a complaint. Only troubles count: "it killed my battery" complains.
const DEFEAT_VERBS = new Set([
  'kill', 'kills', 'killing', 'fight', 'fights', 'fighting', 'banish', 'banishes', 'eliminate', 'eliminates', 'zap', 'zaps',
  'erase', 'erases', 'destroy', 'destroys', 'tackle', 'tackles', 'combat', 'combats', 'rid', 'goodbye', 'bye', 'prevent', 'prevents',
]);
const TROUBLES = new Set([
  'spots', 'acne', 'pimples', 'blemishes', 'breakouts', 'wrinkles', 'lines', 'redness', 'frizz', 'dandruff', 'germs',
  'bacteria', 'viruses', 'odor', 'odors', 'odour', 'odours', 'smells', 'stains', 'grime', 'grease', 'mold', 'mould',
  'mildew', 'pests', 'bugs', 'fleas', 'ticks', 'weeds', 'static', 'fatigue', 'cravings', 'bloating', 'puffiness',
  'dullness', 'dryness', 'flakes', 'limescale', 'rust', 'scratches', 'dust', 'allergens', 'clogs', 'itch', 'itching',
]);
// How far after the verb the trouble may come ("kills 99 percent of germs").
const DEFEAT_REACH = 5;

/**
 * Takes the negative words of a remedy claim ("fights redness", "banishes frizz") out of the clause's score; a denied
 * claim ("didn't fight my acne at all") is a complaint, whatever the negator made of the verb.
 */
function readRemedyClaim(score: ClauseScore, tokens: readonly Token[], text: string, from: number, to: number): void {
  if (score.cues.length === 0) return;
  for (let v = from; v < to; v++) {
    if (tokens[v]!.kind !== 'word' || !DEFEAT_VERBS.has(tokens[v]!.norm)) continue;
    for (let p = v + 1; p < to && p <= v + DEFEAT_REACH; p++) {
      const t = tokens[p]!;
      if (t.kind !== 'word') break;
      if (!TROUBLES.has(t.norm)) continue;
      // Every negative lexicon cue from the verb to the trouble is the claim's.
      const claim = new Set(tokens.slice(v, p + 1).map((x) => text.slice(x.start, x.end)));
      const verb = text.slice(tokens[v]!.start, tokens[v]!.end);
      score.cues = score.cues.filter((cue) => {
        if (cue.source !== 'lexicon' || !claim.has(cue.text)) return true;
        if (cue.text === verb && score.negated.includes(verb)) {
          score.total -= 2 * Math.abs(cue.weight);
          cue.weight = -Math.abs(cue.weight);
          return true;
        }
        if (cue.weight >= 0) return true;
        score.total -= cue.weight;
        return false;
      });
      return;
    }
  }
}

// The emoji of irony: praise beside them is sarcasm ("love how mine came with a free hole 🙃", "cool cool cool 🙃").
const IRONY = new Set(['🙃', '🙄']);
const IRONY_WEIGHT = -2;

/** Turns the praise of a clause that holds an irony emoji into the complaint it is, with the emoji as the phrase. */
function readIrony(score: ClauseScore, tokens: readonly Token[], from: number, to: number): void {
  if (score.cues.length === 0) return;
  let emoji: Token | null = null;
  for (let k = from; k < to && emoji === null; k++) if (tokens[k]!.kind === 'emoji' && IRONY.has(tokens[k]!.text)) emoji = tokens[k]!;
  if (emoji === null || !score.cues.some((c) => c.weight > 0 && c.source === 'lexicon')) return;
  for (const cue of score.cues) {
    if (cue.weight <= 0 || cue.source !== 'lexicon') continue;
    score.total -= 2 * cue.weight;
    cue.weight = -cue.weight;
  }
  // The emoji's own lexicon cue becomes the phrase that names the sarcasm.
  const own = score.cues.findIndex((c) => c.text === emoji.text && c.source === 'lexicon');
  if (own >= 0) score.total -= score.cues.splice(own, 1)[0]!.weight;
  score.cues.push({ text: emoji.text, weight: IRONY_WEIGHT, source: 'phrase' });
  score.phrases.push({ slug: 'sarcasm', text: emoji.text });
  score.total += IRONY_WEIGHT;
}

// "not too loud", "doesn't taste like much": a pattern right after a negator is denied.
function negatedBefore(tokens: readonly Token[], from: number, cueText: string, to: number): boolean {
  const first = cueText.split(' ')[0]!.toLowerCase();
  for (let i = from; i < to; i++) {
    if (tokens[i]!.lower !== first) continue;
    for (let j = Math.max(from, i - 2); j < i; j++) if (negators.has(tokens[j]!.norm)) return true;
    return false;
  }
  return false;
}

const NO_WORDS: ReadonlySet<string> = new Set();
// Verbs that say something of a subject ("was slow", "feels flimsy", "got stale"); adverbs may come between.
const LINKING = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being', 'its', 'theyre', 'thats', 'seems', 'seemed', 'looks', 'looked', 'feels', 'felt', 'got', 'gets', 'getting', 'became', 'im', 'tastes', 'tasted', 'smells', 'smelled', 'sounds', 'arrived', 'came']);
const BETWEEN = new Set(['so', 'very', 'really', 'too', 'pretty', 'a', 'little', 'bit', 'kinda', 'kind', 'of', 'way', 'super', 'all', 'just', 'totally', 'extremely', 'rather', 'quite', 'already', 'still', 'also']);

const DEGREE = new Set(['so', 'very', 'really', 'too', 'pretty', 'way', 'super', 'totally', 'extremely', 'rather', 'quite', 'just', 'kinda']);

/**
 * True when the word at `i` is said of a subject: through a linking verb ("the service was a little slow") or
 * opening a verbless clause ("very slow at seating").
 */
function isPredicate(tokens: readonly Token[], i: number, from: number): boolean {
  for (let j = i - 1; j >= Math.max(from, i - 4); j--) {
    const t = tokens[j]!;
    if (t.kind !== 'word') return false;
    if (LINKING.has(t.norm)) return true;
    if (!BETWEEN.has(t.norm)) return false;
  }
  // "very slow at seating", "soggy.": a clause that opens with the word (and its adverbs) leaves the verb out.
  return i - from <= 1 && (i === from || DEGREE.has(tokens[i - 1]!.norm));
}

const round = (x: number): number => Math.round(x * 100) / 100;

/** True when every word of tokens [from, to) with letters is in capitals: then capitals stress nothing. */
function isShouting(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word') continue;
    // A word without capitals decides at once; only words with some capitals need the costlier test.
    if (t.text === t.lower) {
      if (t.lower !== t.lower.toUpperCase()) return false;
    } else if (t.text !== t.text.toUpperCase()) return false;
  }
  return true;
}

/** The emphasis on the cue at token `i`: boosters and capitals strengthen it, dampeners weaken it. */
function emphasis(tokens: readonly Token[], i: number, from: number, shouting: boolean): number {
  let factor = 1;
  const token = tokens[i]!;
  if (!shouting && token.text.length >= 3 && token.text !== token.lower && token.text === token.text.toUpperCase()) factor *= BOOST;
  const before = i > from ? tokens[i - 1] : undefined;
  if (before?.kind === 'word') {
    if (BOOSTERS.has(before.norm) || (hasRun(before.norm) && BOOSTERS.has(collapse(before.norm)))) factor *= BOOST;
    else if (DAMPENERS.has(before.norm)) factor *= DAMPEN;
    else if (i - 2 >= from && DAMPENERS.has(tokens[i - 2]!.norm) && (before.norm === 'of' || before.norm === 'a')) factor *= DAMPEN;
  }
  return factor;
}

// "sooo baaad" → "so bad": runs of three or more letters shrink to one ("baaad" → "bad") or two ("goood" → "good").
function collapse(word: string): string {
  return word.replace(/(\p{L})\1{2,}/gu, '$1');
}

/** True when a word holds a letter three times in a row; a plain loop, as this runs on every unknown word. */
function hasRun(word: string): boolean {
  for (let i = 2; i < word.length; i++) if (word[i] === word[i - 1] && word[i] === word[i - 2]) return true;
  return false;
}

function elongatedValence(lower: string): number | undefined {
  if (!hasRun(lower)) return undefined;
  return wordValence.get(collapse(lower)) ?? wordValence.get(lower.replace(/(\p{L})\1{2,}/gu, '$1$1'));
}

/** The lexicon entry or phrase starting at token `i`, if any, and the token after it. */
function cueAt(terms: TermIndex, tokens: readonly Token[], i: number, to: number): { value: TermValue | null; next: number } {
  const token = tokens[i]!;
  const match = token.kind === 'word' ? terms.longestAt(tokens, i, 'norm', to) : null;
  if (match) return { value: match.value, next: match.end };
  const weight = wordValence.get(token.lower) ?? (token.kind === 'word' ? elongatedValence(token.lower) : undefined);
  if (weight === undefined || isIntensifier(tokens, i, to, weight)) return { value: null, next: i + 1 };
  if (PREDICATIVE_ONLY.has(token.lower) && !atClauseEnd(tokens, i, to) && !afterCopula(tokens, i)) return { value: null, next: i + 1 };
  return { value: { source: 'lexicon', weight, slug: null }, next: i + 1 };
}

// "stupid good", "ridiculously soft"-style slang: a negative word right before a positive one only intensifies it.
function isIntensifier(tokens: readonly Token[], i: number, to: number, weight: number): boolean {
  if (weight >= 0 || i + 1 >= to) return false;
  const next = tokens[i + 1]!;
  return next.kind === 'word' && (wordValence.get(next.lower) ?? 0) > 0;
}

// "the mic is (straight) buns on calls": a predicate after a copula, past slang intensifiers.
const COPULAS = new Set(['is', 'are', 'was', 'were', 'its', 'thats', 'theyre', 'be', 'been']);
const SLANG_INTENSIFIERS = new Set(['straight', 'lowkey', 'highkey', 'literally', 'just', 'pure', 'so', 'kinda']);

function afterCopula(tokens: readonly Token[], i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const t = tokens[j]!;
    if (t.kind !== 'word') return false;
    if (COPULAS.has(t.norm)) return true;
    if (!SLANG_INTENSIFIERS.has(t.norm)) return false;
  }
  return false;
}

function atClauseEnd(tokens: readonly Token[], i: number, to: number): boolean {
  const next = tokens[i + 1];
  return i + 1 >= to || next === undefined || next.kind !== 'word' || SLANG_TAIL.has(next.norm);
}
