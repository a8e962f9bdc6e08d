import { describe, expect, it } from 'vitest';
import { highlightQuote } from './highlight.ts';

const explanation = (product: { text: string; start: number; end: number }, cues: string[]) => ({
  clause: '',
  product: { via: 'name' as const, ...product },
  cues: cues.map((text) => ({ text, weight: -2, source: 'lexicon' as const })),
  negated: [],
});

describe('highlightQuote', () => {
  it('marks the product by its offsets and every cue on word boundaries', () => {
    const text = 'the MagSnap broke, totally broken and it broke again';
    const segments = highlightQuote(text, explanation({ text: 'magsnap', start: 4, end: 11 }, ['broke']));
    expect(segments.filter((s) => s.mark).map((s) => [s.text, s.mark])).toEqual([
      ['MagSnap', 'product'],
      ['broke', 'cue'],
      ['broke', 'cue'],
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('searches the product when the offsets do not match and ignores overlapping cues', () => {
    const text = 'waste of money, this serum';
    const segments = highlightQuote(text, explanation({ text: 'serum', start: 0, end: 3 }, ['waste of money', 'money']));
    expect(segments.filter((s) => s.mark).map((s) => [s.text, s.mark])).toEqual([
      ['waste of money', 'cue'],
      ['serum', 'product'],
    ]);
  });

  it('marks Chinese cues inside unspaced text, and keeps word boundaries for Latin cues beside Chinese', () => {
    const text = '说实话这个magsnap就是智商税 broken了 broke了';
    const segments = highlightQuote(text, explanation({ text: 'magsnap', start: 5, end: 12 }, ['智商税', 'broke']));
    expect(segments.filter((s) => s.mark).map((s) => [s.text, s.mark])).toEqual([
      ['magsnap', 'product'],
      ['智商税', 'cue'],
      ['broke', 'cue'],
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });
});

describe('highlightQuote with the line model', () => {
  it('marks the words the model weighed most, negated ones too', () => {
    const text = 'the texture was like glue, not good';
    const segments = highlightQuote(text, {
      ...explanation({ text: 'texture', start: 4, end: 11 }, []),
      model: { version: 'line-1', probability: 0.9, words: [{ text: 'like glue', weight: 0.6, negated: false }, { text: 'good', weight: 0.3, negated: true }] },
    });
    expect(segments.filter((s) => s.mark === 'cue').map((s) => s.text)).toEqual(['like glue', 'good']);
  });
});

describe('highlightQuote: the product first', () => {
  it('keeps the product marked when a model word pair spans it', () => {
    const text = 'my magsnap broke';
    const segments = highlightQuote(text, {
      ...explanation({ text: 'magsnap', start: 3, end: 10 }, ['broke']),
      model: { version: 'line-1', probability: 0.9, words: [{ text: 'my magsnap', weight: 0.6, negated: false }] },
    });
    expect(segments.filter((s) => s.mark === 'product').map((s) => s.text)).toEqual(['magsnap']);
    expect(segments.filter((s) => s.mark === 'cue').map((s) => s.text)).toEqual(['broke']);
  });
});
