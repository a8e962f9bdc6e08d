import type { Token } from './tokenize.ts';

/** Where in a line the speaker points at the product on air ("this", "it", "mine"), for the explanation. */
export interface Pointer {
  text: string;
  start: number;
  end: number;
}

// Keys as the tokenizer writes them: "it's" → "it", "they're" → "theyre".
const DEICTIC = new Set(['this', 'these', 'it', 'itself', 'they', 'theyre', 'them', 'mine', 'product', 'thing']);

// Openers that say nothing about the subject; skipped before deciding whether a clause has one.
const FILLERS = new Set([
  'lol', 'lmao', 'ngl', 'omg', 'ugh', 'honestly', 'tbh', 'wow', 'um', 'uh', 'so', 'and', 'just', 'also', 'literally',
  'ok', 'okay', 'oh', 'yeah', 'yea', 'like', 'welp', 'bruh', 'fr', 'but', 'however', 'tho', 'though', 'although',
]);

// A clause opening with one of these has dropped its subject ("smells like hot dog water", "gave me cramps"):
// in chat the dropped subject is the thing being shown.
const SUBJECTLESS_OPENERS = new Set([
  'smells', 'smelled', 'smell', 'tastes', 'tasted', 'taste', 'feels', 'felt', 'looks', 'looked', 'sounds',
  'gave', 'broke', 'came', 'arrived', 'died', 'stopped', 'made', 'took', 'keeps', 'kept', 'started', 'fell',
  'is', 'was', 'are', 'were', 'does', 'did', 'doesnt', 'didnt', 'isnt', 'wasnt', 'wont', 'cant', 'worst', 'total',
  'totally', 'way', 'too', 'zero', 'absolute', 'absolutely', 'complete', 'completely', 'such',
]);

/** The first deictic word in tokens [from, to), or null. */
export function findPointer(tokens: readonly Token[], from: number, to: number): Pointer | null {
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    if (token.kind === 'word' && DEICTIC.has(token.key)) return { text: token.text, start: token.start, end: token.end };
  }
  return null;
}

/** The clause's opening verb when it has no subject of its own, as a pointer to the thing on air; else null. */
export function findSubjectlessOpener(tokens: readonly Token[], from: number, to: number): Pointer | null {
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'word') continue;
    if (FILLERS.has(token.norm)) continue;
    return SUBJECTLESS_OPENERS.has(token.norm) ? { text: token.text, start: token.start, end: token.end } : null;
  }
  return null;
}
