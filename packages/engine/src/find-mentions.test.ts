import { describe, expect, it } from 'vitest';
import { compileMentions, findMentions } from './find-mentions.ts';
import { tokenize } from './tokenize.ts';

const catalog = {
  products: [
    {
      id: 'bank',
      name: 'VoltCore MagSnap 20000mAh Power Bank',
      brand: 'VoltCore',
      aliases: ['power bank', 'MagSnap', 'magsnap power bank'],
    },
    { id: 'cable', name: 'VoltCore Braided Cable', brand: 'VoltCore', aliases: ['usb-c cable', 'cable'] },
    { id: 'oil', name: 'Corvia Fish Oil', brand: 'Corvia', aliases: ['fish oil', 'Duo'] },
    { id: 'serum', name: 'GlowLab Serum', brand: 'GlowLab', aliases: ['GlowLab serum'] },
    { id: 'shared-a', name: 'Alpha Slides', aliases: ['slides'] },
    { id: 'shared-b', name: 'Beta Slides', aliases: ['slides'] },
  ],
};
const index = compileMentions(catalog);
const mentionsIn = (text: string) => findMentions(index, tokenize(text), text);

describe('findMentions', () => {
  it('matches whole words only, never inside another word', () => {
    expect(mentionsIn('some selfish oil companies')).toEqual([]);
    expect(mentionsIn('the duolingo owl again')).toEqual([]);
    expect(mentionsIn('the cablevision bill')).toEqual([]);
    expect(mentionsIn('my Duo arrived')).toHaveLength(1);
  });

  it('honours deny entries: a name inside a longer deny entry is no mention, the name alone still is', () => {
    const juniper = compileMentions({ products: [{ id: 'candle', name: 'Juniper', aliases: ['juniper candle'], notMentions: ['Juniper Lane', 'juniper candle holder'] }] });
    const ids = (text: string) => findMentions(juniper, tokenize(text), text).map((m) => m.productIds);
    expect(ids('we moved to Juniper Lane last year')).toEqual([]);
    expect(ids('the juniper candle holder cracked')).toEqual([]);
    expect(ids('the Juniper smells like nothing')).toEqual([['candle']]);
    expect(ids('my juniper candle smells like nothing')).toEqual([['candle']]);
  });

  it('is case- and punctuation-insensitive and returns spans into the original text', () => {
    const text = 'ok so the USB C cable, and GlowLab’s serum';
    const found = mentionsIn(text);
    expect(found.map((m) => m.productIds[0])).toEqual(['cable', 'serum']);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(found[1]!.text).toBe('GlowLab’s serum');
  });

  it('prefers the longest alias where aliases overlap', () => {
    const [m] = mentionsIn('my magsnap power bank died');
    expect(m).toMatchObject({ productIds: ['bank'], text: 'magsnap power bank', via: 'alias' });
  });

  it('matches the full product name as via name, and brand + alias', () => {
    expect(mentionsIn('the VoltCore MagSnap 20000mAh Power Bank')[0]!.via).toBe('name');
    expect(mentionsIn('voltcore cable is fine')[0]).toMatchObject({ productIds: ['cable'], text: 'voltcore cable' });
  });

  it('does not join a term across punctuation', () => {
    expect(mentionsIn('fish. oil').map((m) => m.productIds)).toEqual([]);
  });

  it('reports every product an ambiguous alias belongs to', () => {
    expect(mentionsIn('the slides')[0]!.productIds).toEqual(['shared-a', 'shared-b']);
  });

  it('folds grammatical number: "the skillets" names the Skillet, "a slide" the Slides, "batteries" the Battery', () => {
    const number = compileMentions({
      products: [
        { id: 'pan', name: 'Cast Iron Skillet', aliases: ['skillet'] },
        { id: 'slides', name: 'Recovery Slides', aliases: [] },
        { id: 'battery', name: 'Spare Battery', aliases: [] },
        { id: 'brush', name: 'Bamboo Brush', aliases: [] },
      ],
    });
    const found = (text: string) => findMentions(number, tokenize(text), text).map((m) => [m.productIds[0], m.text]);
    expect(found('two skillets and a recovery slide')).toEqual([['pan', 'skillets'], ['slides', 'recovery slide']]);
    expect(found('spare batteries, bamboo brushes')).toEqual([['battery', 'spare batteries'], ['brush', 'bamboo brushes']]);
    expect(found('skillet talk')).toEqual([['pan', 'skillet']]);
  });

  it('folds accents both ways: "creme brulee" names "Crème Brûlée", "crème fraîche" names "Creme Fraiche"', () => {
    const accents = compileMentions({
      products: [
        { id: 'balm', name: 'Crème Brûlée Lip Balm', brand: 'Maison Élan', aliases: [] },
        { id: 'mask', name: 'Creme Fraiche Mask', aliases: [] },
      ],
    });
    const found = (text: string) => findMentions(accents, tokenize(text), text).map((m) => [m.productIds[0], m.text]);
    expect(found('the creme brulee lip balm melted')).toEqual([['balm', 'creme brulee lip balm']]);
    expect(found('MAISON ELAN again')).toEqual([['balm', 'MAISON ELAN']]);
    expect(found('my Crème Fraîche Mask')).toEqual([['mask', 'Crème Fraîche Mask']]);
  });

  it('finds a SKU code as written, spaced or run together, and not a code too short to tell from a number', () => {
    const skus = compileMentions({
      products: [
        { id: 'bank', name: 'VoltCore MagSnap Power Bank', sku: 'VC-MS-10K', aliases: [] },
        { id: 'mat', name: 'Yoga Mat', sku: 'YM2291', aliases: [] },
        { id: 'cap', name: 'Cap', sku: 'S1', aliases: [] },
      ],
    });
    const found = (text: string) => findMentions(skus, tokenize(text), text).map((m) => [m.productIds[0], m.via, m.text]);
    expect(found('is VC-MS-10K the new one')).toEqual([['bank', 'sku', 'VC-MS-10K']]);
    expect(found('my vc ms 10k and vcms10k')).toEqual([['bank', 'sku', 'vc ms 10k'], ['bank', 'sku', 'vcms10k']]);
    expect(found('the ym2291 slips')).toEqual([['mat', 'sku', 'ym2291']]);
    expect(found('size s1 please, the 10k one')).toEqual([]);
  });
});

describe('findMentions: typos, mishearings and brands', () => {
  const loose = (text: string) => mentionsIn(text).map((m) => [m.text, m.via, m.productIds]);

  it('takes a one-letter typo in a long brand or CamelCase name, but not in a short or everyday word', () => {
    expect(loose('the voltcorr bank died')).toEqual([['voltcorr bank', 'fuzzy', ['bank']]]);
    expect(loose('magsnapp is meh')).toEqual([['magsnapp', 'fuzzy', ['bank']]]);
    expect(loose('my cabels are fine')).toEqual([]);
    expect(loose('the colt core story')).toEqual([]);
    // A plural is the word, not a typo of it.
    expect(loose('my cables are fine')).toEqual([['cables', 'alias', ['cable']]]);
  });

  it('hears a name split or misheard by speech-to-text (Double Metaphone)', () => {
    expect(loose('glow labb serum again')).toEqual([['glow labb', 'phonetic', ['serum']]]);
    expect(loose('the kor via capsules')).toEqual([['kor via', 'phonetic', ['oil']]]);
  });

  it('reads a brand alone as every product of that brand, narrowed by the product word next to it', () => {
    expect(loose('voltcore again')).toEqual([['voltcore', 'alias', ['bank', 'cable']]]);
    expect(loose('the voltcore cable frayed')).toEqual([['voltcore cable', 'alias', ['cable']]]);
    expect(loose('the cable from voltcore frayed')).toEqual([['cable', 'alias', ['cable']], ['voltcore', 'alias', ['cable']]]);
  });
});

describe('findMentions: everyday brand names', () => {
  const everyday = compileMentions({ products: [{ id: 'ring', name: 'Bliss Smart Ring', brand: 'Bliss', aliases: ['Bliss ring'] }] });
  const found = (text: string) => findMentions(everyday, tokenize(text), text).map((m) => m.text);

  it('matches a brand that is an everyday word only with its product word', () => {
    expect(found('pure bliss tonight')).toEqual([]);
    expect(found('my bliss ring is great')).toEqual(['bliss ring']);
  });
});

describe('findMentions: coordination', () => {
  const pair = compileMentions({
    products: [
      { id: 'serum', name: 'GlowLab Serum', brand: 'GlowLab', aliases: ['GlowLab serum'] },
      { id: 'toner', name: 'GlowLab Rose Toner', brand: 'GlowLab', aliases: ['GlowLab toner'] },
    ],
  });
  const ids = (text: string) => findMentions(pair, tokenize(text), text).map((m) => m.productIds);

  it('reads "the GlowLab serum and toner" as both products, but not a bare product word alone', () => {
    expect(ids('the glowlab serum and toner did nothing')).toEqual([['serum'], ['toner']]);
    expect(ids('my toner did nothing')).toEqual([]);
  });
});
