import { describe, expect, it } from 'vitest';
import { FeatureBuffer, FeatureKind } from './feature-buffer.ts';
import { LinearModel, trainLinearModel, type Example } from './linear-model.ts';

/** A line with a bias (slot 0) and one feature of value 1 in each of `slots`. */
function line(...slots: number[]): FeatureBuffer {
  const buffer = new FeatureBuffer(2);
  buffer.push(0, 1, -1, -1, FeatureKind.summary);
  for (const slot of slots) buffer.push(slot, 1, 0, 0, FeatureKind.word);
  return buffer;
}
// Slot 1 marks a negative line, slot 2 a positive one; slot 3 is noise on both.
const examples: Example[] = Array.from({ length: 40 }, (_, i) => ({
  features: line(i % 2 === 0 ? 1 : 2, ...(i % 3 === 0 ? [3] : [])),
  negative: i % 2 === 0,
}));
const options = { version: 't', bits: 4, thresholds: { veto: 0.1, chat: 0.5, transcript: 0.9 } };

describe('LinearModel', () => {
  it('learns which features mark a negative line', () => {
    const model = trainLinearModel(examples, options);
    expect(model.probability(line(1))).toBeGreaterThan(0.9);
    expect(model.probability(line(2))).toBeLessThan(0.1);
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
    const once = trainLinearModel([...examples, { features: line(3), negative: true, weight: 5 }], options);
    const plain = trainLinearModel(examples, options);
    expect(once.weight(3)).toBeGreaterThan(plain.weight(3));
  });
});
