import { describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH, tokenize } from './tokenize.ts';

describe('tokenize', () => {
  it('keeps offsets into the original text', () => {
    const text = '  Hello, WORLD!';
    const tokens = tokenize(text);
    expect(tokens.map((t) => [t.kind, text.slice(t.start, t.end)])).toEqual([
      ['word', 'Hello'],
      ['punct', ','],
      ['word', 'WORLD'],
      ['punct', '!'],
    ]);
    expect(tokens[2]!.norm).toBe('world');
  });

  it('drops apostrophes for norm, strips a possessive for key, and keeps them for lower', () => {
    const [dont, brand, ill] = tokenize("Don’t GlowLab's I'll");
    expect(dont).toMatchObject({ lower: "don't", norm: 'dont', key: 'dont' });
    expect(brand).toMatchObject({ lower: "glowlab's", norm: 'glowlabs', key: 'glowlab' });
    expect(ill).toMatchObject({ lower: "i'll", norm: 'ill' });
  });

  it('splits words on hyphens and keeps decimals whole', () => {
    const words = tokenize('usb-c cable at 2.5 watts').map((t) => t.text);
    expect(words).toEqual(['usb', 'c', 'cable', 'at', '2.5', 'watts']);
  });

  it('makes emoji their own tokens and ignores control characters', () => {
    const tokens = tokenize('ugh\u0000🤮\u0007ok');
    expect(tokens.map((t) => t.kind)).toEqual(['word', 'emoji', 'word']);
  });

  it('keeps offsets right when lower-casing changes the length of the line', () => {
    const text = 'İstanbul toner';
    const toner = tokenize(text)[1]!;
    expect(text.slice(toner.start, toner.end)).toBe('toner');
  });

  it('reads at most MAX_TEXT_LENGTH characters', () => {
    const tokens = tokenize('a '.repeat(MAX_TEXT_LENGTH));
    expect(tokens.at(-1)!.end).toBeLessThanOrEqual(MAX_TEXT_LENGTH);
  });
});
