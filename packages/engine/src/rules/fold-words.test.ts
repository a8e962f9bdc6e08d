import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldUnicode, foldWords } from './fold-words.ts';

describe('foldWords', () => {
  it('folds case, accents and apostrophes and splits Han characters, keeping offsets in the line as written', () => {
    expect(foldWords("Don’t buy the CRÈME-brûlée, it's 假货!", 1000)).toEqual([
      { key: 'dont', start: 0, end: 5 },
      { key: 'buy', start: 6, end: 9 },
      { key: 'the', start: 10, end: 13 },
      { key: 'creme', start: 14, end: 19 },
      { key: 'brulee', start: 20, end: 26 },
      { key: 'its', start: 28, end: 32 },
      { key: '假', start: 33, end: 34 },
      { key: '货', start: 34, end: 35 },
    ]);
    expect(foldWords('a b c d', 3).map((w) => w.key)).toEqual(['a', 'b']);
  });

  it('gives the same words through the fast scan as through the general pattern, on any line', () => {
    const chatty = fc.constantFrom('a', 'Z', '0', ' ', "'", '’', '😡', '👋🏽', '…', '—', '!', 'é', '\u0301', '假', 'İ', '𝐀');
    // 'binary' (any code unit, lone surrogates included) is slow to generate and fold: fewer, shorter runs.
    for (const [unit, numRuns] of [['binary-ascii', 300], ['grapheme', 300], [chatty, 300], ['binary', 15]] as const) {
      fc.assert(
        fc.property(fc.string({ unit, maxLength: 120 }), (line) => {
          expect(foldWords(line, 1000)).toEqual(foldUnicode(line));
        }),
        { numRuns },
      );
    }
  });
});
