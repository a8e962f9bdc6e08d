import { describe, expect, it } from 'vitest';
import { NEGATIVE_PHRASES } from './phrases.ts';
import { compileTerms, scoreClause } from './score-clause.ts';
import { tokenize } from './tokenize.ts';

const terms = compileTerms(NEGATIVE_PHRASES);
const score = (text: string) => {
  const tokens = tokenize(text);
  return scoreClause(terms, tokens, text, 0, tokens.length);
};

describe('scoreClause', () => {
  it('scores AFINN words', () => {
    expect(score('this is awful').total).toBe(-3);
    expect(score('this is great').total).toBe(3);
  });

  it('flips a word a negator precedes within three words', () => {
    expect(score('not bad').total).toBeGreaterThan(0);
    expect(score("don't really love it").total).toBeLessThan(0);
    expect(score("don't really love it").negated).toEqual(['love']);
    expect(score('not at all really very bad').total).toBeLessThan(0);
  });

  it('lets a negator flip only the first cue after it', () => {
    expect(score('that kick is no joke so good').total).toBeGreaterThan(0);
  });

  it('fires phrases, and a negated phrase scores nothing', () => {
    expect(score('total rip-off').phrases).toEqual([{ slug: 'rip-off', text: 'rip-off' }]);
    const denied = score('it is not fake');
    expect(denied).toMatchObject({ total: 0, phrases: [], denied: ['fake'], negated: ['fake'] });
  });

  it('ignores AFINN words live commerce uses as fillers or product words', () => {
    expect(score('it charges in two hours with noise cancelling').cues).toEqual([]);
    expect(score('yeah the top of the box').cues).toEqual([]);
  });

  it('does not read contractions as lexicon words', () => {
    expect(score("I'll be there").cues).toEqual([]);
  });

  it('treats a negative word before a positive one as an intensifier', () => {
    expect(score('stupid good').total).toBe(3);
  });

  it('does not score what follows "if"', () => {
    expect(score('and if it ever stops working we replace it').cues).toEqual([]);
  });

  it('scores emoji with a clear valence', () => {
    expect(score('toner smells 🤮').total).toBeLessThan(0);
  });
});
