import type { Explanation } from '@anchorwatch/schemas';
import { MULTIWORD_VALENCE, NEGATORS, WORD_VALENCE } from './lexicon.ts';
import type { NegativePhrase } from './phrases.ts';
import { TokenTrie } from './token-trie.ts';
import { termKeys, type Token } from './tokenize.ts';

export type Cue = Explanation['cues'][number];

/** What a clause says: its cues, the words negation flipped, and the phrase rules that fired. */
export interface ClauseScore {
  /** Sum of all cue weights; below zero reads as negative. */
  total: number;
  cues: Cue[];
  negated: string[];
  /** Live-commerce phrases that fired un-negated, in order. */
  phrases: FiredPhrase[];
}

/** A phrase rule that fired: its slug and the words that matched. */
export interface FiredPhrase {
  slug: string;
  text: string;
}

interface TermValue {
  source: 'lexicon' | 'phrase';
  weight: number;
  slug: string | null;
}

/** Multi-word lexicon entries and live-commerce phrases, compiled once per detector. */
export type TermIndex = TokenTrie<TermValue>;

// A negator reaches this many words ahead ("not a big fan", "don't really love").
const NEGATION_WINDOW = 3;

/** Compiles AFINN's multi-word entries and the phrase list; a phrase wins over a lexicon entry it repeats. */
export function compileTerms(phrases: readonly NegativePhrase[]): TermIndex {
  const trie: TermIndex = new TokenTrie();
  for (const entry of MULTIWORD_VALENCE) trie.add(entry.keys, { source: 'lexicon', weight: entry.weight, slug: null });
  for (const p of phrases) trie.add(termKeys(p.text, 'norm'), { source: 'phrase', weight: p.weight, slug: p.slug });
  return trie;
}

/** Scores tokens [from, to) with the lexicon and phrases; a negator up to three words back flips a cue. */
export function scoreClause(terms: TermIndex, tokens: readonly Token[], from: number, to: number): ClauseScore {
  const score: ClauseScore = { total: 0, cues: [], negated: [], phrases: [] };
  // Word positions of free-standing negators; negators inside a matched term do not reach past it.
  let lastNegatorWord = -Infinity;
  let wordIndex = 0;
  let i = from;
  while (i < to) {
    const token = tokens[i]!;
    if (token.kind === 'punct') {
      i++;
      continue;
    }
    const match = token.kind === 'word' ? terms.longestAt(tokens, i, 'norm', to) : null;
    let text: string;
    let value: TermValue | undefined;
    let next: number;
    if (match) {
      text = tokens.slice(match.start, match.end).map((t) => t.text).join(' ');
      value = match.value;
      next = match.end;
    } else {
      text = token.text;
      const weight = WORD_VALENCE.get(token.norm);
      value = weight === undefined ? undefined : { source: 'lexicon', weight, slug: null };
      next = i + 1;
      if (!value && NEGATORS.has(token.norm)) lastNegatorWord = wordIndex;
    }
    if (value) {
      const negated = wordIndex - lastNegatorWord <= NEGATION_WINDOW;
      if (negated) score.negated.push(text);
      // A negated complaint ("not fake", "no rash") is a denial, not praise: it scores nothing.
      const weight = negated ? (value.source === 'phrase' ? 0 : -value.weight) : value.weight;
      if (weight !== 0) {
        score.cues.push({ text, weight, source: value.source });
        score.total += weight;
      }
      if (!negated && value.slug) score.phrases.push({ slug: value.slug, text });
    }
    wordIndex += next - i;
    i = next;
  }
  return score;
}
