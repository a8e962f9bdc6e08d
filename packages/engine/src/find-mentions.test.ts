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
    expect(mentionsIn('my cables are fine')).toEqual([]);
    expect(mentionsIn('my Duo arrived')).toHaveLength(1);
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
});
