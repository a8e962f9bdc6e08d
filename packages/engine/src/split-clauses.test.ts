import { describe, expect, it } from 'vitest';
import { endsWithQuestion, splitClauses } from './split-clauses.ts';
import { tokenize } from './tokenize.ts';

const clausesOf = (text: string) => splitClauses(tokenize(text)).map((c) => ({ ...c, text: text.slice(c.start, c.end) }));

describe('splitClauses', () => {
  it('splits on sentence punctuation, commas and contrastive words', () => {
    const texts = clausesOf('great serum; sticky toner. ok, but meh although fine').map((c) => c.text);
    expect(texts).toEqual(['great serum', 'sticky toner', 'ok', 'but meh', 'although fine']);
  });

  it('marks clauses opened by "but" or "however" as contrast, and "?"-ended ones as questions', () => {
    const clauses = clausesOf('is it safe? however it leaks but fine');
    expect(clauses.map((c) => [c.text, c.contrast, c.question])).toEqual([
      ['is it safe', false, true],
      ['however it leaks', true, false],
      ['but fine', true, false],
    ]);
  });

  it('splits a recommendation from the complaint after "instead"', () => {
    expect(clausesOf('get the speaker instead the earbuds are overrated').map((c) => c.text)).toEqual([
      'get the speaker',
      'instead the earbuds are overrated',
    ]);
  });

  it('returns no clauses for a line with no words', () => {
    expect(splitClauses(tokenize(' ?!... '))).toEqual([]);
  });
});

describe('endsWithQuestion', () => {
  it('ignores trailing emoji and spaces', () => {
    expect(endsWithQuestion(tokenize('is it vegan?? 🤔 '))).toBe(true);
    expect(endsWithQuestion(tokenize('$25?? thats a rip off lol'))).toBe(false);
  });
});
