import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TokenTrie } from './token-trie.ts';
import { tokenize } from './tokenize.ts';
import { WordTable } from './word-table.ts';

/** The obvious longest-match over a list of terms, to hold the compact table to. */
function naiveLongest(terms: Map<string, string>, words: string[], start: number): { end: number; value: string } | null {
  let best: { end: number; value: string } | null = null;
  for (let end = start + 1; end <= words.length; end++) {
    const value = terms.get(words.slice(start, end).join(' '));
    if (value !== undefined) best = { end, value };
  }
  return best;
}

describe('TokenTrie', () => {
  it('finds the longest term at a word, merges a term added twice, and stops at punctuation and the limit', () => {
    const trie = new TokenTrie<string>();
    trie.add(['glow', 'lab'], 'a');
    trie.add(['glow', 'lab', 'serum'], 'b');
    trie.add(['glow', 'lab'], 'c', (old, added) => `${old}+${added}`);
    const tokens = tokenize('the glow lab serum, glow lab. glow');
    expect(trie.longestAt(tokens, 1, 'key')).toEqual({ start: 1, end: 4, value: 'b' });
    expect(trie.longestAt(tokens, 1, 'key', 3)).toEqual({ start: 1, end: 3, value: 'a+c' });
    expect(trie.longestAt(tokens, 5, 'key')).toEqual({ start: 5, end: 7, value: 'a+c' });
    expect(trie.longestAt(tokens, 8, 'key')).toBeNull();
    expect(trie.longestAt(tokens, 0, 'key')).toBeNull();
  });

  // A catalogue's trie shares a word table that tens of thousands of words have moved out of its `Map`.
  const crowded = (): WordTable => {
    const table = new WordTable();
    for (let i = 0; i < 10_000; i++) table.intern(`filler${i}`);
    return table;
  };

  it.each([
    ['its own word table', () => new WordTable()],
    ['a shared table of 10,000 other words', crowded],
  ])('agrees with a naive longest match on thousands of random terms (the table grows many times), over %s', (_name, table) => {
    const word = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'serum', 'lab', 'glow', 'x1', 'x2');
    const term = fc.array(word, { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.array(term, { minLength: 300, maxLength: 3000 }), fc.array(word, { maxLength: 30 }), (terms, line) => {
        const trie = new TokenTrie<string>(table());
        const reference = new Map<string, string>();
        terms.forEach((t, i) => {
          trie.add(t, `v${i}`);
          reference.set(t.join(' '), `v${i}`);
        });
        const tokens = tokenize(line.join(' '));
        for (let i = 0; i < tokens.length; i++) {
          const got = trie.longestAt(tokens, i, 'key');
          const want = naiveLongest(reference, line, i);
          expect(got && { end: got.end, value: got.value }).toEqual(want);
        }
      }),
      { numRuns: 60 },
    );
  });
});
