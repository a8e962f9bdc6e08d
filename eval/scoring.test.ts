import { describe, expect, it } from 'vitest';
import { compileNameFinder } from './peers/naive-attribution.ts';
import { addCounts, countPairs, figuresOf } from './scoring.ts';

describe('eval scoring', () => {
  it('counts pairs and turns them into precision, recall and F1', () => {
    const counts = countPairs(new Set(['a|x', 'b|x', 'c|y']), new Set(['a|x', 'd|y']));
    expect(counts).toEqual({ tp: 1, fp: 2, fn: 1 });
    const f = figuresOf(addCounts(counts, { tp: 1, fp: 0, fn: 1 }));
    expect(f.precision).toBeCloseTo(2 / 4);
    expect(f.recall).toBeCloseTo(2 / 4);
    expect(f.f1).toBeCloseTo(0.5);
    expect(figuresOf({ tp: 0, fp: 0, fn: 3 })).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });

  it('gives peers products named in the line as whole words, case-insensitively', () => {
    const names = compileNameFinder({ products: [{ id: 'p', name: 'Glow Serum', aliases: ['serum'] }, { id: 'q', name: 'Pan', aliases: [] }] });
    expect(names('The SERUM is bad')).toEqual(['p']);
    expect(names('my panda is cute')).toEqual([]);
  });
});
