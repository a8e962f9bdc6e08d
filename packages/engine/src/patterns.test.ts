import { describe, expect, it } from 'vitest';
import { findPatterns } from './patterns.ts';
import { tokenize } from './tokenize.ts';

// Scores the line as one clause; a closing "?" stays outside it, as splitClauses leaves it.
const slugs = (text: string, chat = true) => {
  const tokens = tokenize(text);
  const to = tokens.at(-1)?.kind === 'punct' ? tokens.length - 1 : tokens.length;
  return findPatterns(tokens, text, 0, to, chat).map((c) => c.slug);
};

describe('findPatterns', () => {
  it('names an excess, but not praise in excess or "too" meaning "also"', () => {
    expect(slugs('way too salty for me')).toEqual(['too-much']);
    expect(slugs('honestly too cute')).toEqual([]);
    expect(slugs('it has a strap too so it stays put')).toEqual([]);
  });

  it('reads a taste or smell of something unpleasant, not of anything', () => {
    expect(slugs('these taste like cardboard')).toEqual(['bad-taste']);
    expect(slugs('it smells like vanilla')).toEqual([]);
  });

  it('hears a price verdict in chat, not from the host', () => {
    expect(slugs('$45 for a bottle??')).toEqual(['price-complaint']);
    expect(slugs('89 bucks is wild')).toEqual(['price-complaint']);
    expect(slugs('89 bucks is wild', false)).toEqual([]);
    expect(slugs('3 days?? mine lasts a week')).toEqual([]);
  });

  it('hears the same thing cheaper at another store, not a comparison with anything cheaper', () => {
    expect(slugs('cheaper on amazon')).toEqual(['cheaper-elsewhere']);
    expect(slugs('its way cheaper at costco lol')).toEqual(['cheaper-elsewhere']);
    expect(slugs('this is cheaper than a latte')).toEqual([]);
    expect(slugs('cheaper on')).toEqual([]);
  });

  it('does not hear a price verdict in an intensified praise ("crazy good price")', () => {
    expect(slugs('crazy good price')).toEqual([]);
    expect(slugs('the price is crazy')).toEqual(['price-complaint']);
  });

  it('counts a rival that beats the product against it', () => {
    expect(slugs('brandx mogs these')).toEqual(['rival-better']);
    expect(slugs('brandx is better than this')).toEqual(['rival-better']);
    expect(slugs('this is better than brandx')).toEqual([]);
  });

  it('names missing information, refusing to come back, and long waits', () => {
    expect(slugs('there is no expiry date anywhere')).toEqual(['missing-info']);
    expect(slugs('we will not be going back')).toEqual(['would-not-return']);
    expect(slugs('i will never order from them again')).toEqual(['would-not-return']);
    // A promise of relief is no refusal to come back.
    expect(slugs("you'll never worry about breakouts again")).toEqual([]);
    expect(slugs('it took forty minutes to heat up')).toEqual(['long-wait']);
    expect(slugs('oh great, another charger that quits')).toEqual(['sarcasm']);
  });
});
