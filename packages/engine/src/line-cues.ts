import { NEGATORS, WORD_VALENCE } from './lexicon.ts';
import type { Token } from './tokenize.ts';

// Words that open an inquiry ("is it waterproof?", "does it come in XL?"); "why"/"who" questions are left to
// their cues, since "why is it so loud??" and "who's paying that?" complain.
const INQUIRY_OPENERS = new Set([
  'is', 'are', 'am', 'was', 'were', 'do', 'does', 'did', 'can', 'could', 'will', 'would', 'should', 'shall', 'has',
  'have', 'how', 'what', 'whats', 'where', 'when', 'which', 'any', 'anyone', 'anybody', 'u', 'you', 'hows', 'wheres',
  'isnt', 'doesnt', 'arent', 'cant', 'wont', 'may', 'might',
]);
// Words that may precede the opener without changing it ("so does it…", "ok but is it…").
const LEAD_INS = new Set(['so', 'and', 'but', 'ok', 'okay', 'also', 'hey', 'wait', 'um', 'uh', 'then', 'oh', 'hi', 'hello', 'quick', 'question']);
// What makes a question rhetorical: "is that even safe??", "seriously?".
const RHETORICAL = new Set(['even', 'seriously', 'honestly', 'really', 'supposed']);
// Openers that announce a claim in question form: "did you know it's the worst serum ever?" ("do you know if…" asks).
const CLAIM_OPENERS = indexByFirstWord([['did', 'you', 'know'], ['did', 'u', 'know'], ['didnt', 'you', 'know']]);

/** True when tokens [from, to) ask something (an inquiry) rather than complain in question form. */
export function isInquiry(tokens: readonly Token[], from: number, to: number): boolean {
  let opener: string | null = null;
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'word') continue;
    if (opener === null) {
      if (LEAD_INS.has(token.norm)) continue;
      if (!INQUIRY_OPENERS.has(token.norm) || hasAnySequence(tokens, CLAIM_OPENERS, i, Math.min(to, i + 3))) return false;
      // "how bad is this", "how pathetic is it that…" exclaim; "how long does it last" asks.
      if (token.norm === 'how' && (WORD_VALENCE.get(tokens[i + 1]?.norm ?? '') ?? 0) < 0) return false;
      opener = token.norm;
    } else if (RHETORICAL.has(token.norm)) return false;
  }
  return opener !== null;
}

const AUXILIARIES = new Set(['is', 'are', 'do', 'does', 'did', 'can', 'could', 'will', 'would', 'should', 'has', 'have']);

/** True when a chat line opens like a question without its question mark ("can u sleep in it or is it bulky"). */
export function opensAsQuestion(tokens: readonly Token[], from: number, to: number): boolean {
  const first = firstWord(tokens, from, to);
  if (first === undefined || !AUXILIARIES.has(first.norm)) return false;
  // "would not recommend", "does nothing": an auxiliary and a negator open a statement, not a question.
  const second = firstWord(tokens, tokens.indexOf(first, from) + 1, to);
  return !NEGATORS.has(second?.norm ?? '') && isInquiry(tokens, from, to);
}

// Host after-sales reassurance ("we swap it", "a fresh one's on the way"): a defect named there is a promise, not a report.
const REMEDY = new Set(['warranty', 'replace', 'replacement', 'swap', 'exchange', 'reship', 'guarantee', 'guaranteed', 'covered']);
// A host quoting a complaint to deny it ("someone's saying garbage, nope").
const REPORTED = new Set(['saying', 'says', 'said', 'asking', 'asked', 'heard', 'claims', 'claiming', 'comments', 'comment']);
// Phrases of an after-sales promise ("a fresh one's on the way", "give us a call"), and of a trouble already over
// ("the link was broken, it's fixed now", "used to break me out, not anymore"; "no longer" also says a loss).
const REMEDY_PHRASES: readonly (readonly string[])[] = [
  ['on', 'the', 'way'], ['give', 'us', 'a', 'call'], ['call', 'us'], ['goes', 'out'], ['snap', 'a', 'pic'], ['send', 'you', 'a'],
  ['its', 'fixed'], ['thats', 'fixed'], ['fixed', 'now'], ['all', 'fixed'],
  ['not', 'anymore'],
];
// A host disagreeing outright ("I'd disagree, it doesn't look cheap").
const OUTRIGHT_DENIAL = new Set(['disagree', 'myth', 'untrue']);
const DENIAL = new Set(['nope', 'myth', 'false', 'untrue', 'actually', 'wrong', 'not', 'dont', 'doesnt', 'isnt', 'arent', 'cant', 'wont', 'never']);

/** True when host speech is an after-sales promise, a trouble already over, or a rebuttal of a quoted complaint. */
export function isHostReassurance(tokens: readonly Token[]): boolean {
  let remedy = false;
  let reported = false;
  let denial = false;
  for (const token of tokens) {
    if (token.kind !== 'word') continue;
    if (REMEDY.has(token.norm) || OUTRIGHT_DENIAL.has(token.norm)) remedy = true;
    else if (REPORTED.has(token.norm)) reported = true;
    else if (reported && DENIAL.has(token.norm)) denial = true;
  }
  return remedy || (reported && denial) || hasAnySequence(tokens, REMEDY_INDEX);
}

// Reporting what others say or think ("people say it's fake", "ppl saying it's a scam"): wider than REPORTED, which
// a host's denial needs no more of ("say" and "think" there would take in a host's own "I think…").
const REPORTING = new Set([...REPORTED, 'say', 'claim', 'think', 'thinks', 'thinking']);
// The words of a bare denial ("it isn't", "nope, not true", "it's really not"): nothing but these, and a negator.
const DENIAL_WORDS = new Set([
  'it', 'its', 'is', 'isnt', 'not', 'nope', 'no', 'thats', 'that', 'true', 'wrong', 'false', 'doesnt', 'does', 'dont',
  'do', 'they', 'theyre', 'are', 'arent', 'at', 'all', 'lol', 'really', 'actually', 'definitely', 'totally', 'was',
  'wasnt', 'were', 'werent', 'just', 'so', 'fr',
]);
// What makes those words a denial: the lexicon's negators, and these.
const REFUTING = new Set(['nope', 'wrong', 'false']);
const BARE_DENIAL_MAX_WORDS = 5;

/**
 * True when clause `reported` reports what others say or think and the clause after it is a bare denial:
 * "people say it's fake — it isn't", "ppl saying it's a scam, nope". The complaint is quoted to be denied.
 */
export function rebutsReport(tokens: readonly Token[], reported: { tokenStart: number; tokenEnd: number }, denial: { tokenStart: number; tokenEnd: number }): boolean {
  let reports = false;
  for (let i = reported.tokenStart; i < reported.tokenEnd && !reports; i++) reports = REPORTING.has(tokens[i]!.norm);
  if (!reports) return false;
  let words = 0;
  let denies = false;
  for (let i = denial.tokenStart; i < denial.tokenEnd; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'word') continue;
    if (!DENIAL_WORDS.has(token.norm) || ++words > BARE_DENIAL_MAX_WORDS) return false;
    if (NEGATORS.has(token.norm) || REFUTING.has(token.norm)) denies = true;
  }
  return denies;
}

/** Word sequences indexed by their first word, so a line is scanned once whatever the number of sequences. */
function indexByFirstWord(sequences: readonly (readonly string[])[]): Map<string, (readonly string[])[]> {
  const index = new Map<string, (readonly string[])[]>();
  for (const words of sequences) index.set(words[0]!, [...(index.get(words[0]!) ?? []), words]);
  return index;
}

/** True when one of the indexed sequences lies wholly within tokens `from`..`to` (the whole line by default). */
function hasAnySequence(
  tokens: readonly Token[],
  index: ReadonlyMap<string, readonly (readonly string[])[]>,
  from = 0,
  to = tokens.length,
): boolean {
  for (let i = from; i < to; i++) {
    const candidates = index.get(tokens[i]!.norm);
    if (!candidates) continue;
    for (const words of candidates) {
      let j = 1;
      while (j < words.length && i + j < to && tokens[i + j]!.norm === words[j]) j++;
      if (j === words.length) return true;
    }
  }
  return false;
}

/** The first word of tokens `from`..`to`, if any. */
function firstWord(tokens: readonly Token[], from: number, to: number): Token | undefined {
  for (let i = from; i < to; i++) if (tokens[i]!.kind === 'word') return tokens[i];
  return undefined;
}

// Host concessions ("I'll give you that", "to be fair", "I'm not gonna defend"): what follows is an admitted flaw.
const CONCESSIONS: readonly (readonly string[])[] = [
  ['give', 'you', 'that'], ['to', 'be', 'fair'], ['be', 'honest'], ['be', 'straight'], ['not', 'gonna', 'defend'],
  ['one', 'thing'], ['i', 'will', 'say'], ['ill', 'say'], ['real', 'talk'], ['knock', 'it'], ['downside'], ['con'],
  ['be', 'real'], ['full', 'disclosure'], ['thats', 'fair'], ['ill', 'admit'], ['i', 'admit'], ['wont', 'pretend'],
];

/** True when host speech concedes a flaw. */
export function isConcession(tokens: readonly Token[]): boolean {
  return hasAnySequence(tokens, CONCESSION_INDEX);
}

const REMEDY_INDEX = indexByFirstWord(REMEDY_PHRASES);
const CONCESSION_INDEX = indexByFirstWord(CONCESSIONS);

// What the product is compared with: "compared to this", "next to these" ("than this" cuts both ways: "worse than
// this" can praise it or damn it, so it is not read here).
const COMPARED_WITH = ['this', 'these', 'it', 'mine', 'ours', 'yours', 'them'];
const COMPARISON_INDEX = indexByFirstWord(
  [['compared', 'to'], ['compared', 'with'], ['next', 'to']].flatMap((words) => COMPARED_WITH.map((object) => [...words, object])),
);
// A clause opening on the product ("it's awful compared to mine") judges the product itself.
const PRODUCT_SUBJECTS = new Set([...COMPARED_WITH, 'that', 'its', 'thats']);

/**
 * True when a clause measures something else against the product ("drugstore serums are garbage compared to
 * this", "everything else is trash next to these"): its subject is not the product, and its object is.
 */
export function praisesByComparison(tokens: readonly Token[], from: number, to: number): boolean {
  const subject = firstWord(tokens, from, to);
  return subject !== undefined && !PRODUCT_SUBJECTS.has(subject.norm) && hasAnySequence(tokens, COMPARISON_INDEX, from, to);
}

// Stock and timing: "sold out already", "missed the drop again", "when does it restock".
const AVAILABILITY: readonly (readonly string[])[] = [
  ['sold', 'out'], ['out', 'of', 'stock'], ['restock'], ['restocks'], ['restocking'], ['back', 'in', 'stock'],
  ['missed', 'the', 'sale'], ['missed', 'the', 'drop'], ['missed', 'the', 'deal'], ['missed', 'the', 'live'], ['missed', 'the', 'launch'],
];
const AVAILABILITY_INDEX = indexByFirstWord(AVAILABILITY);

/** True when a clause speaks of stock or of missing a sale: its frustration is with availability, not the product. */
export function speaksOfAvailability(tokens: readonly Token[], from: number, to: number): boolean {
  return hasAnySequence(tokens, AVAILABILITY_INDEX, from, to);
}

// A speaker's own past, before the product: "my skin was a disaster before this", "i used to wake up with cramps".
const OWN_SUBJECTS = new Set(['i', 'im', 'ive', 'id', 'my', 'we', 'were', 'weve', 'our', 'mine']);
const BEFORE: readonly (readonly string[])[] = [
  ['before', 'this'], ['before', 'these'], ['before', 'it'], ['before', 'using'], ['at', 'first'],
  ['used', 'to'], ['until', 'this'], ['until', 'these'], ['before', 'i', 'found'], ['before', 'i', 'tried'],
  ['before', 'i', 'started'], ['before', 'i', 'switched'], ['until', 'i', 'found'], ['until', 'i', 'tried'],
];
const BEFORE_INDEX = indexByFirstWord(BEFORE);

/**
 * True when a clause tells of the speaker's own past before the product ("i was skeptical at first", "my skin was a
 * disaster before this"): its bad words are the trouble the product ended, the opening of a testimonial.
 */
export function testifiesToBefore(tokens: readonly Token[], from: number, to: number): boolean {
  const subject = firstWord(tokens, from, to);
  return subject !== undefined && OWN_SUBJECTS.has(subject.norm) && hasAnySequence(tokens, BEFORE_INDEX, from, to);
}

const USED_TO_INDEX = indexByFirstWord([['used', 'to']]);

/** True when a clause speaks of how things used to be ("it used to be great"): its praise is of the past. */
export function speaksOfThePast(tokens: readonly Token[], from: number, to: number): boolean {
  return hasAnySequence(tokens, USED_TO_INDEX, from, to);
}
