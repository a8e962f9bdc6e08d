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

/** Splits a line into word, emoji and punctuation tokens with their offsets in the original text. */
export function tokenize(text: string): Token[] {
  const source = text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text;
  // Lower-casing once is faster, but a few characters change length when lower-cased ("İ"), and then the
  // offsets would drift; such lines lower-case token by token.
  const lowered = source.toLowerCase();
  const sameLength = lowered.length === source.length;
  const tokens: Token[] = [];
  TOKEN_PATTERN.lastIndex = 0;
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
  return tokens;
}

// Leetspeak inside a word reads as the letter it stands for ("sc@m" → "scam").
const LEET: Record<string, string> = { '@': 'a', $: 's' };

function wordToken(text: string, lowerCased: string, start: number, end: number): Token {
  if (lowerCased.includes('@') || lowerCased.includes('$')) lowerCased = lowerCased.replace(/[@$]/g, (c) => LEET[c] ?? c);
  if (!lowerCased.includes("'") && !lowerCased.includes('’')) {
    return { kind: 'word', text, lower: lowerCased, norm: lowerCased, key: lowerCased, start, end };
  }
  const lower = lowerCased.replaceAll('’', "'");
  const norm = lower.replaceAll("'", '');
  const key = lower.endsWith("'s") ? lower.slice(0, -2).replaceAll("'", '') : norm;
  return { kind: 'word', text, lower, norm, key, start, end };
}

/** The keys of a catalogue alias or phrase, tokenised exactly as a line would be. */
export function termKeys(term: string, field: 'key' | 'norm' | 'lower'): string[] {
  return tokenize(term)
    .filter((t) => t.kind === 'word')
    .map((t) => t[field]);
}
