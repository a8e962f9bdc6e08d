import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSemevalAspects } from './semeval.ts';
import { loadLabelledSentences, loadTweetsStrict } from './sentences.ts';

const dir = mkdtempSync(join(tmpdir(), 'aw-eval-'));
const file = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

describe('eval datasets', () => {
  it('reads labelled sentences as host lines with one product on air, 0 meaning negative', () => {
    const set = loadLabelledSentences(file('s.txt', 'Great stuff.\t1\nAwful stuff.\t0\n'), 's');
    const [stream] = set.streams;
    expect(stream!.events.map((e) => e.type)).toEqual(['product_on_air', 'transcript', 'transcript']);
    expect([...stream!.gold]).toEqual(['s2|item']);
  });

  it('keeps only strongly rated tweets (|mean| >= 0.5) and calls negative those below zero', () => {
    const set = loadTweetsStrict(file('t.txt', '1\t2.1\tlove it\n2\t-0.2\tmeh\n3\t-1.5\thate it\n'));
    expect(set.streams[0]!.events).toHaveLength(3);
    expect([...set.streams[0]!.gold]).toEqual(['s2|item']);
  });

  it('turns each aspect term into a product and drops conflict terms', () => {
    const xml = `<sentences><sentence id="1"><text>Great food but the service was slow.</text><aspectTerms>
      <aspectTerm term="food" polarity="positive" from="6" to="10"/><aspectTerm term="service" polarity="negative" from="19" to="26"/>
      <aspectTerm term="decor" polarity="conflict" from="0" to="1"/></aspectTerms></sentence></sentences>`;
    const set = loadSemevalAspects(file('r.xml', xml), 'r');
    expect(set.streams[0]!.catalog.products.map((p) => p.name)).toEqual(['food', 'service']);
    expect([...set.streams[0]!.gold]).toEqual(['r1|a1']);
  });
});
