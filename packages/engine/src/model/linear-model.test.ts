import { describe, expect, it } from 'vitest';
import type { Feature } from './line-features.ts';
import { LinearModel, trainLinearModel, type Example } from './linear-model.ts';

const word = (index: number): Feature => ({ index, value: 1, text: `w${index}`, clause: 0 });
const bias: Feature = { index: 0, value: 1, text: null, clause: -1 };
// Slot 1 marks a negative line, slot 2 a positive one; slot 3 is noise on both.
const examples: Example[] = Array.from({ length: 40 }, (_, i) => ({
  features: [bias, word(i % 2 === 0 ? 1 : 2), ...(i % 3 === 0 ? [word(3)] : [])],
  negative: i % 2 === 0,
}));
const options = { version: 't', bits: 4, thresholds: { veto: 0.1, chat: 0.5, transcript: 0.9 } };

describe('LinearModel', () => {
  it('learns which features mark a negative line', () => {
    const model = trainLinearModel(examples, options);
    expect(model.probability([bias, word(1)])).toBeGreaterThan(0.9);
    expect(model.probability([bias, word(2)])).toBeLessThan(0.1);
    expect(model.weight(1)).toBeGreaterThan(0);
    expect(Math.abs(model.weight(3))).toBeLessThan(Math.abs(model.weight(1)));
  });

  it('trains deterministically and survives its stored form within quantisation error', () => {
    const a = trainLinearModel(examples, options);
    const b = trainLinearModel(examples, options);
    expect(a.encode({}, '').weights).toBe(b.encode({}, '').weights);
    const stored = a.encode({ toy: 40 }, 'test');
    const decoded = LinearModel.decode(stored);
    expect(decoded.thresholds).toEqual(options.thresholds);
    for (let i = 0; i < 16; i++) expect(decoded.weight(i)).toBeCloseTo(a.weight(i), 3);
  });

  it('weighs an example counted several times like its copies', () => {
    const once = trainLinearModel([...examples, { features: [bias, word(3)], negative: true, weight: 5 }], options);
    const plain = trainLinearModel(examples, options);
    expect(once.weight(3)).toBeGreaterThan(plain.weight(3));
  });
});
