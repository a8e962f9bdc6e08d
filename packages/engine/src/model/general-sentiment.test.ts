import vader from 'vader-sentiment';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../tokenize.ts';
import { generalSentiment } from './general-sentiment.ts';

const compound = (text: string): number => generalSentiment(tokenize(text), text).compound;

describe('generalSentiment', () => {
  it('agrees with vader-sentiment on its rules: boosters, capitals, negation, "but", "least", punctuation', () => {
    const lines = [
      'The food was good.',
      'The food was VERY good!!!',
      'The food was not good at all.',
      'The plot was kind of boring but the acting was great',
      'This is the least helpful support I have had',
      'I never felt so happy',
      'Sooo bad :( worst purchase ever',
      'It is okay I guess??',
    ];
    for (const line of lines) expect(compound(line), line).toBeCloseTo(vader.SentimentIntensityAnalyzer.polarity_scores(line).compound, 1);
  });

  it('is zero for a line without rated words and bounded in [-1, 1]', () => {
    expect(compound('the box arrived on tuesday')).toBe(0);
    const shouting = 'TERRIBLE AWFUL HORRIBLE WORST DISGUSTING '.repeat(20);
    expect(compound(shouting)).toBeGreaterThanOrEqual(-1);
    expect(compound(shouting)).toBeLessThan(-0.9);
  });
});
