import type { Token } from './tokenize.ts';

/** A stretch of a line scored on its own: tokens [tokenStart, tokenEnd). */
export interface Clause {
  tokenStart: number;
  tokenEnd: number;
  start: number;
  end: number;
  /** Opens with "but" / "however": it overrides what the clause before said about the same subject. */
  contrast: boolean;
  /** Ends with a question mark. */
  question: boolean;
}

const CONTRAST = new Set(['but', 'however']);
const OTHER_BREAKS = new Set(['although', 'though', 'tho', 'whereas', 'except', 'instead']);

/** Splits a tokenised line into clauses at sentence punctuation, commas and contrastive conjunctions. */
export function splitClauses(tokens: readonly Token[]): Clause[] {
  const clauses: Clause[] = [];
  let open = -1;
  let contrast = false;
  for (let i = 0; i <= tokens.length; i++) {
    const token = tokens[i];
    const isBreakWord = token?.kind === 'word' && (CONTRAST.has(token.norm) || OTHER_BREAKS.has(token.norm));
    const closes = token === undefined || token.kind === 'punct' || isBreakWord;
    if (closes && open >= 0) {
      const question = token?.kind === 'punct' && token.text.includes('?');
      clauses.push({ tokenStart: open, tokenEnd: i, start: tokens[open]!.start, end: tokens[i - 1]!.end, contrast, question });
      open = -1;
    }
    if (token === undefined || token.kind === 'punct') continue;
    if (open < 0) {
      open = i;
      contrast = isBreakWord && CONTRAST.has(token.norm);
    }
  }
  return clauses;
}

/** True when the line, ignoring trailing emoji and spaces, ends with a question mark. */
export function endsWithQuestion(tokens: readonly Token[]): boolean {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i]!;
    if (token.kind === 'emoji') continue;
    return token.kind === 'punct' && token.text.includes('?');
  }
  return false;
}
