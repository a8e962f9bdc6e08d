import { describe, expect, it } from 'vitest';
import { tokenize } from '../tokenize.ts';
import { splitClauses } from '../split-clauses.ts';
import { lineFeatures, type RuleReading } from './line-features.ts';

/** The summary slots a line sets, read with no rule verdict. */
function summaries(text: string, type: RuleReading['type']): Set<number> {
  const tokens = tokenize(text);
  const features = lineFeatures(tokens, text, { clauses: splitClauses(tokens), scores: [], negative: false, phraseNegative: false, weighed: false, type }, 16);
  const slots = new Set<number>();
  for (let i = 0; i < features.count; i++) if (features.index[i]! < 40) slots.add(features.index[i]!);
  return slots;
}

describe('lineFeatures', () => {
  it('marks a sum of money, apart for viewers and hosts', () => {
    for (const text of ['imagine paying $89 for a stick', '44.99 for buds that disconnect', 'two hundred dollars. for frozen water', '20 bucks?']) {
      expect(summaries(text, 'chat').has(36), text).toBe(true);
      expect(summaries(text, 'transcript').has(37), text).toBe(true);
    }
    for (const text of ['i have 89 followers', 'version 2.5 is out', 'my 4g signal dropped']) {
      const slots = summaries(text, 'chat');
      expect(slots.has(36) || slots.has(37), text).toBe(false);
    }
  });

  it('marks who the line addresses and a supposition', () => {
    expect(summaries('you can put it in smoothies', 'transcript').has(24)).toBe(true);
    expect(summaries('i was disappointed', 'chat').has(25)).toBe(true);
    expect(summaries('if it breaks we swap it', 'transcript').has(33)).toBe(true);
  });
});
