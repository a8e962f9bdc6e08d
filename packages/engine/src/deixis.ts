import type { Token } from './tokenize.ts';

/** Words in a line that point at the product on air ("this", "it", "mine"), cited in the explanation. */
export interface Pointer {
  text: string;
  start: number;
  end: number;
}

// Keys as the tokenizer writes them: "it's" → "it", "they're" → "theyre"; "product" covers "the product".
const DEICTIC = new Set(['this', 'these', 'it', 'itself', 'they', 'theyre', 'them', 'mine', 'product', 'thing']);

/** The first deictic word in tokens [from, to), or null. */
export function findPointer(tokens: readonly Token[], from: number, to: number): Pointer | null {
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    if (token.kind === 'word' && DEICTIC.has(token.key)) return { text: token.text, start: token.start, end: token.end };
  }
  return null;
}

// The words that point at the thing being shown rather than back at something named ("it", "mine" may do either).
const DEMONSTRATIVE = new Set(['this', 'these']);

/** The first demonstrative ("this", "these") in tokens [from, to), or null. */
export function findDemonstrative(tokens: readonly Token[], from: number, to: number): Pointer | null {
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    if (token.kind === 'word' && DEMONSTRATIVE.has(token.key)) return { text: token.text, start: token.start, end: token.end };
  }
  return null;
}
