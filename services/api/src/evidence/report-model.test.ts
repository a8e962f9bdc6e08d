import { describe, expect, it } from 'vitest';
import { describeWhy } from './report-model.ts';

const base = {
  clause: 'the texture was like glue',
  product: { via: 'on_air' as const, text: 'this', start: 0, end: 0 },
  cues: [] as { text: string; weight: number; source: 'lexicon' | 'phrase' }[],
  negated: [],
};

describe('describeWhy', () => {
  it('cites the clause and the cues, and the line model with the register it read the line in, its probability and words', () => {
    expect(describeWhy({ ...base, cues: [{ text: 'glue', weight: -1, source: 'lexicon' }] })).toBe('Why: clause “the texture was like glue”; cues glue.');
    const why = describeWhy({ ...base, model: { version: 'line-1', probability: 0.934, words: [{ text: 'like glue', weight: 0.6, negated: false }, { text: 'good', weight: 0.2, negated: true }] } });
    expect(why).toBe('Why: clause “the texture was like glue”; cues none; line model line-1: negative with probability 0.93 (like glue, good (negated)).');
    const register = describeWhy({ ...base, model: { version: 'line-3', probability: 0.95, register: 'host speech', words: [] } });
    expect(register).toBe('Why: clause “the texture was like glue”; cues none; line model line-3 reading it as host speech: negative with probability 0.95 (no single word).');
  });

  it('says when the words naming the product also name others, so the complaint was reported for each', () => {
    const product = { via: 'alias' as const, text: 'slides', start: 4, end: 10, ambiguousWith: ['p2'] };
    expect(describeWhy({ ...base, product, cues: [{ text: 'awful', weight: -3, source: 'lexicon' }] })).toBe(
      'Why: clause “the texture was like glue”; cues awful; “slides” also names 1 other catalogue product and nothing on air said which, so it is reported for each.',
    );
  });
});
