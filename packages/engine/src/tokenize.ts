import {
  classAt, decimalEnd, emoticonEnd, isAlnum, isDigit, isPunct, isWide, mayOpenEmoticon, NO_MATCH, NON_ASCII, plainWordEnd, punctEnd, wordEnd,
} from './scan-ascii.ts';

/** A slice of a line: a word, an emoji, or a run of clause-breaking punctuation. */
export interface Token {
  kind: 'word' | 'emoji' | 'punct';
  /** The slice as written. */
  text: string;
  /** Lower case with curly apostrophes straightened ("I’ll" → "i'll"): what single lexicon words are keyed on. */
  lower: string;
  /** Lower case, apostrophes dropped ("Don't" → "dont"): what the lexicon and phrase lists are keyed on. */
  norm: string;
  /** Like `norm` but with a possessive "'s" dropped ("GlowLab's" → "glowlab"): what aliases are keyed on. */
  key: string;
  start: number;
  end: number;
}

// Longer inputs are cut here so one pathological message cannot stall a worker; real lines are far shorter.
export const MAX_TEXT_LENGTH = 20_000;

// Alternatives, in priority order: a decimal number (so "2.5" is not a sentence end), a word with inner
// apostrophes or leetspeak ("sc@m", "ca$h"), an emoji or emoticon (":(", "<3"), a run of clause-breaking punctuation. Everything else (spaces, hyphens, slashes,
// control characters) separates tokens and is dropped.
const TOKEN_PATTERN =
  /(\p{N}+(?:[.,]\p{N}+)+)|([\p{L}\p{N}]+(?:['’@$][\p{L}\p{N}]+)*)|(\p{Extended_Pictographic}|(?:[:;=][-']?[()DPp\\|*[\]]|[()][-']?[:;=]|<3)(?![\p{L}\p{N}/]))|([.!?;,:…—–]+)/gu;

const cut = (text: string): string => (text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text);

/** Splits a line into word, emoji and punctuation tokens with their offsets in the original text. */
export function tokenize(text: string): Token[] {
  const source = cut(text);
  const lowered = source.toLowerCase();
  const tokens: Token[] = [];
  const rest = scanAscii(source, lowered, tokens);
  if (rest < source.length) matchPattern(source, lowered, rest, tokens);
  return tokens;
}

/** `tokenize` through the Unicode pattern alone (exported so a test can hold the ASCII scan to it). */
export function tokenizeByPattern(text: string): Token[] {
  const source = cut(text);
  const tokens: Token[] = [];
  matchPattern(source, source.toLowerCase(), 0, tokens);
  return tokens;
}

/** The ASCII scan alone: a line's tokens if it holds no character of 128 or above, else undefined (exported for tests). */
export function tokenizeAscii(text: string): Token[] | undefined {
  const source = cut(text);
  const tokens: Token[] = [];
  return scanAscii(source, source.toLowerCase(), tokens) === source.length ? tokens : undefined;
}

/**
 * The common case as a character scan, about twice as fast as the pattern: tokens of a line read up to its first
 * character of 128 or above, same as the pattern's. Returns where the pattern must take over (the length if nowhere);
 * the pattern reads nothing before a token, so it can start at any token's start.
 */
function scanAscii(source: string, lowered: string, tokens: Token[]): number {
  const n = source.length;
  // A line already in lower case (most chat) shares each token's text as its lower-case form.
  const lowerCase = lowered === source;
  let i = 0;
  while (i < n) {
    const flags = classAt(source, i);
    if (isWide(flags)) return i;
    let end: number;
    if (isAlnum(flags)) {
      end = plainWordEnd(source, i);
      if (end === NO_MATCH && isDigit(flags)) end = decimalEnd(source, i);
      if (end === NO_MATCH) {
        end = wordEnd(source, i);
        if (end === NON_ASCII) return i;
        tokens.push(wordToken(source.slice(i, end), lowered.slice(i, end), i, end));
      } else if (end === NON_ASCII) return i;
      else {
        const text = source.slice(i, end);
        const lower = lowerCase ? text : lowered.slice(i, end);
        tokens.push({ kind: 'word', text, lower, norm: lower, key: lower, start: i, end });
      }
      i = end;
      continue;
    }
    end = mayOpenEmoticon(flags) ? emoticonEnd(source, i) : NO_MATCH;
    if (end === NON_ASCII) return i;
    if (end !== NO_MATCH) {
      const text = source.slice(i, end);
      const lower = lowerCase ? text : lowered.slice(i, end);
      tokens.push({ kind: 'emoji', text, lower, norm: lower, key: lower, start: i, end });
      i = end;
      continue;
    }
    if (isPunct(flags)) {
      end = punctEnd(source, i);
      if (end === NON_ASCII) return i;
      const text = source.slice(i, end);
      tokens.push({ kind: 'punct', text, lower: text, norm: text, key: text, start: i, end });
      i = end;
      continue;
    }
    i++;
  }
  return n;
}

/** Tokens from `from` on through TOKEN_PATTERN, appended to `tokens`. */
function matchPattern(source: string, lowered: string, from: number, tokens: Token[]): void {
  // Lower-casing once is faster, but a few characters change length when lower-cased ("İ"), and then the
  // offsets would drift; such lines lower-case token by token.
  const sameLength = lowered.length === source.length;
  TOKEN_PATTERN.lastIndex = from;
  let match: RegExpExecArray | null;
  while ((match = TOKEN_PATTERN.exec(source)) !== null) {
    const slice = match[0];
    const start = match.index;
    const end = start + slice.length;
    if (match[3] !== undefined) {
      const lower = slice.toLowerCase();
      tokens.push({ kind: 'emoji', text: slice, lower, norm: lower, key: lower, start, end });
    } else if (match[4] !== undefined) {
      tokens.push({ kind: 'punct', text: slice, lower: slice, norm: slice, key: slice, start, end });
    } else {
      tokens.push(wordToken(slice, sameLength ? lowered.slice(start, end) : slice.toLowerCase(), start, end));
    }
  }
}

// Leetspeak inside a word reads as the letter it stands for ("sc@m" → "scam").
const LEET: Record<string, string> = { '@': 'a', $: 's' };

function wordToken(text: string, lowerCased: string, start: number, end: number): Token {
  if (lowerCased.includes('@') || lowerCased.includes('$')) lowerCased = lowerCased.replace(/[@$]/g, (c) => LEET[c] ?? c);
  if (!lowerCased.includes("'") && !lowerCased.includes('’')) {
    return { kind: 'word', text, lower: lowerCased, norm: lowerCased, key: withoutAccents(lowerCased), start, end };
  }
  const lower = lowerCased.replaceAll('’', "'");
  const norm = lower.replaceAll("'", '');
  const key = lower.endsWith("'s") ? lower.slice(0, -2).replaceAll("'", '') : norm;
  return { kind: 'word', text, lower, norm, key: withoutAccents(key), start, end };
}

const BEYOND_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}+/gu;

/**
 * A word's matching key without accents ("crème brûlée" names "Creme Brulee" and back); other scripts are
 * recomposed as they were (Hangul decomposes and recomposes whole).
 */
function withoutAccents(word: string): string {
  return BEYOND_ASCII.test(word) ? word.normalize('NFD').replace(MARKS, '').normalize('NFC') : word;
}

/** The keys of a catalogue alias or phrase, tokenised exactly as a line would be. */
export function termKeys(term: string, field: 'key' | 'norm' | 'lower'): string[] {
  return tokenize(term)
    .filter((t) => t.kind === 'word')
    .map((t) => t[field]);
}
