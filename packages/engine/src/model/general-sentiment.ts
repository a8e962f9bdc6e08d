import { NEGATORS } from '../lexicon.ts';
import type { Token } from '../tokenize.ts';
import { VADER_LEXICON } from '../vader-lexicon.ts';

/**
 * VADER's sentence score (Hutto & Gilbert, ICWSM 2014) over our tokens: the full crowd-rated lexicon with its
 * boosters, capitals, negation, "but" and punctuation rules, as `vader-sentiment` computes it, without the
 * live-commerce corrections of `lexicon.ts`. It is one voice among the model's features: general-purpose
 * sentiment, where the rules are a stream monitor's. Ported rather than called because `vader-sentiment` runs
 * at ~15k lines/s and splits every line again; this pass reuses the engine's tokens.
 */
export interface GeneralSentiment {
  /** VADER's compound score in [-1, 1]. */
  compound: number;
  /** Sum of the negative and of the positive word valences after the rules. */
  negative: number;
  positive: number;
}

const B_INCR = 0.293;
const C_INCR = 0.733;
const N_SCALAR = -0.74;

const lexicon: ReadonlyMap<string, number> = new Map(Object.entries(VADER_LEXICON).map(([k, v]) => [k.toLowerCase(), v]));

// VADER's booster and dampener words (its multi-word ones, "kind of" and "sort of", are handled below).
const BOOSTERS: ReadonlyMap<string, number> = new Map([
  ...['absolutely', 'amazingly', 'awfully', 'completely', 'considerably', 'decidedly', 'deeply', 'effing', 'enormously',
    'entirely', 'especially', 'exceptionally', 'extremely', 'fabulously', 'flipping', 'flippin', 'fricking', 'frickin',
    'frigging', 'friggin', 'fully', 'fucking', 'greatly', 'hella', 'highly', 'hugely', 'incredibly', 'intensely',
    'majorly', 'more', 'most', 'particularly', 'purely', 'quite', 'really', 'remarkably', 'so', 'substantially',
    'thoroughly', 'totally', 'tremendously', 'uber', 'unbelievably', 'unusually', 'utterly', 'very']
    .map((w): [string, number] => [w, B_INCR]),
  ...['almost', 'barely', 'hardly', 'kinda', 'kindof', 'less', 'little', 'marginally', 'occasionally', 'partly',
    'scarcely', 'slightly', 'somewhat', 'sorta', 'sortof']
    .map((w): [string, number] => [w, -B_INCR]),
]);

// VADER's negations beyond the engine's: hedges that deny ("rarely", "seldom", "despite").
const EXTRA_NEGATIONS = new Set(['nope', 'nowhere', 'uhuh', 'rarely', 'seldom', 'despite', 'neither', 'mightnt', 'mustnt', 'oughtnt', 'shant', 'darent']);
const isNegation = (norm: string): boolean => NEGATORS.has(norm) || EXTRA_NEGATIONS.has(norm);

const IDIOMS: ReadonlyMap<string, number> = new Map([
  ['the shit', 3], ['the bomb', 3], ['bad ass', 1.5], ['yeah right', -2], ['cut the mustard', 2], ['kiss of death', -1.5], ['hand to mouth', -2],
]);

// Python's str.isupper: some capital and no lower-case letter. Most words equal their lower case, which the
// token already holds, so the upper-casing is rarely done.
const isUpper = (t: Token): boolean => t.text !== t.lower && t.text === t.text.toUpperCase();

// One lookup per word answers both questions (is it rated, is it a booster); most words are neither.
const ENTRIES: ReadonlyMap<string, { valence: number | undefined; boost: boolean }> = new Map(
  [...new Set([...lexicon.keys(), ...BOOSTERS.keys()])].map((w) => [w, { valence: lexicon.get(w), boost: BOOSTERS.has(w) }]),
);

// Scratch space reused line after line (detection is synchronous), so scoring a line allocates no array. It only
// grows: setting an array's length to 0 would release its storage and make every line allocate it again.
const words: Token[] = [];
let wordCount = 0;

const NO_WORDS: ReadonlySet<string> = new Set();

/** Scores a tokenised line the way VADER scores a sentence; words of `productWords` (catalogue words) are unrated. */
export function generalSentiment(tokens: readonly Token[], text: string, productWords: ReadonlySet<string> = NO_WORDS): GeneralSentiment {
  // VADER reads words and emoticons; punctuation counts only as emphasis.
  wordCount = 0;
  let upper = 0;
  let butAt = -1;
  for (const t of tokens) {
    if (t.kind === 'punct') continue;
    if (butAt < 0 && t.lower === 'but') butAt = wordCount;
    words[wordCount++] = t;
    if (isUpper(t)) upper++;
  }
  const capDifferential = upper > 0 && upper < wordCount;
  let sum = 0;
  let negative = 0;
  let positive = 0;
  for (let i = 0; i < wordCount; i++) {
    const lower = words[i]!.lower;
    const entry = ENTRIES.get(lower);
    if (entry === undefined || entry.valence === undefined || entry.boost) continue;
    // A word of a product's name ("slow cooker", "Killer Queen") is not a verdict.
    if (productWords.has(words[i]!.key)) continue;
    if (lower === 'kind' && lowerAt(words, i + 1) === 'of') continue;
    const valence = valenceAt(words, i, entry.valence, capDifferential);
    // "but" halves what came before it and stresses what follows.
    const s = butAt < 0 || i === butAt ? valence : valence * (i < butAt ? 0.5 : 1.5);
    sum += s;
    if (s < 0) negative += s;
    else positive += s;
  }
  if (sum !== 0) sum += Math.sign(sum) * punctuationEmphasis(text);
  return { compound: normalise(sum), negative, positive };
}

function valenceAt(words: readonly Token[], i: number, base: number, capDifferential: boolean): number {
  const word = words[i]!;
  let valence = base;
  if (capDifferential && isUpper(word)) valence += valence > 0 ? C_INCR : -C_INCR;
  for (let back = 0; back < 3 && i > back; back++) {
    const before = words[i - back - 1]!;
    if (lexicon.has(before.lower)) continue;
    let scalar = boosterScalar(before, valence, capDifferential);
    if (back === 1) scalar *= 0.95;
    else if (back === 2) scalar *= 0.9;
    valence += scalar;
    valence = neverCheck(words, i, back, valence);
    if (back === 2) valence = idiomCheck(words, i, valence);
  }
  // "least" negates unless "at least" / "very least".
  if (i > 0 && words[i - 1]!.lower === 'least' && !(i > 1 && (words[i - 2]!.lower === 'at' || words[i - 2]!.lower === 'very'))) valence *= N_SCALAR;
  return valence;
}

function boosterScalar(before: Token, valence: number, capDifferential: boolean): number {
  const boost = BOOSTERS.get(before.lower);
  if (boost === undefined) return 0;
  let scalar = valence < 0 ? -boost : boost;
  if (capDifferential && isUpper(before)) scalar += valence > 0 ? C_INCR : -C_INCR;
  return scalar;
}

// Bounded by this line's word count: the scratch array holds older lines' words beyond it.
const lowerAt = (words: readonly Token[], k: number): string => (k >= 0 && k < wordCount ? words[k]!.lower : '');
const stressesAt = (words: readonly Token[], k: number): boolean => lowerAt(words, k) === 'so' || lowerAt(words, k) === 'this';

function neverCheck(words: readonly Token[], i: number, back: number, valence: number): number {
  if (back === 0) return isNegation(words[i - 1]!.norm) ? valence * N_SCALAR : valence;
  if (back === 1) {
    if (lowerAt(words, i - 2) === 'never' && stressesAt(words, i - 1)) return valence * 1.5;
    return isNegation(words[i - 2]!.norm) ? valence * N_SCALAR : valence;
  }
  if ((lowerAt(words, i - 3) === 'never' && stressesAt(words, i - 2)) || stressesAt(words, i - 1)) return valence * 1.25;
  return isNegation(words[i - 3]!.norm) ? valence * N_SCALAR : valence;
}

// The content words of the idioms: a lexicon word with none of these near it is in no idiom and skips the spans.
const IDIOM_WORDS = new Set([...IDIOMS.keys()].flatMap((idiom) => idiom.split(' ')).filter((w) => !['the', 'of', 'to'].includes(w)));

function idiomCheck(words: readonly Token[], i: number, valence: number): number {
  let near = false;
  for (let k = i - 3; k <= i + 2 && !near; k++) near = IDIOM_WORDS.has(lowerAt(words, k));
  if (!near) return valence;
  const w = (k: number): string => lowerAt(words, k);
  const spans = [
    `${w(i - 1)} ${w(i)}`, `${w(i - 2)} ${w(i - 1)} ${w(i)}`, `${w(i - 2)} ${w(i - 1)}`,
    `${w(i - 3)} ${w(i - 2)} ${w(i - 1)}`, `${w(i - 3)} ${w(i - 2)}`, `${w(i)} ${w(i + 1)}`, `${w(i)} ${w(i + 1)} ${w(i + 2)}`,
  ];
  for (const span of spans) {
    const idiom = IDIOMS.get(span);
    if (idiom !== undefined) return idiom;
  }
  return valence;
}

/** Exclamation marks (up to four) and runs of question marks strengthen whatever the line says. */
function punctuationEmphasis(text: string): number {
  let exclamations = 0;
  let questions = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 33) exclamations++;
    else if (c === 63) questions++;
  }
  const ep = Math.min(exclamations, 4) * 0.292;
  const qm = questions > 1 ? (questions <= 3 ? questions * 0.18 : 0.96) : 0;
  return ep + qm;
}

const normalise = (score: number): number => Math.max(-1, Math.min(1, score / Math.sqrt(score * score + 15)));
