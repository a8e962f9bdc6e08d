// Character-level twins of the alternatives of tokenize's TOKEN_PATTERN, for ASCII text. Each returns where its
// kind of token starting at `i` ends, NO_MATCH, or NON_ASCII when it read a character of 128 or above: past that
// point only the Unicode pattern knows the answer ("café", "2.5²", ":)é"), so the caller hands the line over.
export const NO_MATCH = -1;
export const NON_ASCII = -2;

const ALNUM = 1; // [\p{L}\p{N}] in ASCII: letters and digits
const DIGIT = 2;
const JOINER = 4; // inside a word: ' @ $
const DECIMAL = 8; // inside a number: . ,
const PUNCT = 16; // [.!?;,:]
const EYES = 32; // [:;=]
const NOSE = 64; // [-']
const MOUTH = 128; // [()DPp\\|*[\]]
const PAREN = 256; // [()]
const SLASH = 512; // with ALNUM, what may not follow an emoticon
const HEART = 1024; // <, as in <3
const WIDE = 2048; // any character of 128 or above

const CLASSES = new Uint16Array(128);
const mark = (chars: string, flag: number): void => {
  for (const c of chars) CLASSES[c.charCodeAt(0)]! |= flag;
};
mark('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', ALNUM);
mark('0123456789', DIGIT);
mark("'@$", JOINER);
mark('.,', DECIMAL);
mark('.!?;,:', PUNCT);
mark(':;=', EYES);
mark("-'", NOSE);
mark('()DPp\\|*[]', MOUTH);
mark('()', PAREN);
mark('/', SLASH);
mark('<', HEART);

/** The class flags of the character at `i`; 0 past the end. */
export function classAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  return c < 128 ? CLASSES[c]! : WIDE;
}

export const isWide = (flags: number): boolean => (flags & WIDE) !== 0;
export const isAlnum = (flags: number): boolean => (flags & ALNUM) !== 0;
export const isDigit = (flags: number): boolean => (flags & DIGIT) !== 0;
export const isPunct = (flags: number): boolean => (flags & PUNCT) !== 0;
export const mayOpenEmoticon = (flags: number): boolean => (flags & (EYES | PAREN | HEART)) !== 0;

/** End of the run of characters with `flag` from `i`, or NON_ASCII if the run stops at a wide character. */
function runEnd(text: string, i: number, flag: number): number {
  // The hottest loop of the scan: written out rather than through classAt, so it does not hinge on inlining.
  const n = text.length;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return NON_ASCII;
    if (!(CLASSES[c]! & flag)) return i;
  }
  return n;
}

/** The common word: a run of letters and digits followed by none of ' @ $ . , nor a wide character; else NO_MATCH. */
export function plainWordEnd(text: string, i: number): number {
  const end = runEnd(text, i, ALNUM);
  return end < 0 || classAt(text, end) & (JOINER | DECIMAL) ? NO_MATCH : end;
}

/** `\p{N}+(?:[.,]\p{N}+)+`: "2.5", "1,000.50"; NO_MATCH without a separator followed by a digit. */
export function decimalEnd(text: string, i: number): number {
  let end = runEnd(text, i, DIGIT);
  let parts = 0;
  while (end >= 0 && classAt(text, end) & DECIMAL) {
    const next = classAt(text, end + 1);
    if (next & WIDE) return NON_ASCII;
    if (!(next & DIGIT)) break;
    end = runEnd(text, end + 1, DIGIT);
    parts++;
  }
  return end < 0 ? end : parts > 0 ? end : NO_MATCH;
}

/** `[\p{L}\p{N}]+(?:['’@$][\p{L}\p{N}]+)*` from a letter or digit: "don't", "sc@m", "ca$h". */
export function wordEnd(text: string, i: number): number {
  let end = runEnd(text, i, ALNUM);
  while (end >= 0 && classAt(text, end) & JOINER) {
    const next = classAt(text, end + 1);
    if (next & WIDE) return NON_ASCII;
    if (!(next & ALNUM)) break;
    end = runEnd(text, end + 1, ALNUM);
  }
  return end;
}

/**
 * `(?:[:;=][-']?[()DPp\\|*[\]]|[()][-']?[:;=]|<3)(?![\p{L}\p{N}/])`: ":(", ":-)", ";P", "(:", "<3", not followed
 * by a letter, digit or slash. The optional nose never belongs to the class after it, so the pattern has no other
 * way to match than this greedy reading.
 */
export function emoticonEnd(text: string, i: number): number {
  let end: number;
  if (classAt(text, i) & HEART) {
    if (text.charCodeAt(i + 1) !== 51) return NO_MATCH;
    end = i + 2;
  } else {
    let k = i + 1;
    let f = classAt(text, k);
    if (f & NOSE) f = classAt(text, ++k);
    if (!(f & (classAt(text, i) & EYES ? MOUTH : EYES))) return NO_MATCH;
    end = k + 1;
  }
  // Only the character after the emoticon can be wide here, and a wide letter or digit would forbid it.
  const after = classAt(text, end);
  if (after & WIDE) return NON_ASCII;
  return after & (ALNUM | SLASH) ? NO_MATCH : end;
}

/** `[.!?;,:…—–]+` over ASCII: "?!", "...". */
export const punctEnd = (text: string, i: number): number => runEnd(text, i, PUNCT);
