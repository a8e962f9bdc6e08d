import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WordSet } from './word-set.ts';
import { NO_WORD, WordTable } from './word-table.ts';

// Enough words to move past the `Map` into the typed arrays, and to make those grow several times.
const MANY = 20_000;

describe('WordTable', () => {
  it('gives dense ids in insertion order and agrees with a Map on words in and out of it, small and large', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'é', '9', 'ß', '咖', '\u{1F600}'), maxLength: 6 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 300 }), fc.array(word, { maxLength: 100 }), (added, asked) => {
        const table = new WordTable();
        const reference = new Map<string, number>();
        for (const w of added) {
          if (!reference.has(w)) reference.set(w, reference.size);
          expect(table.intern(w)).toBe(reference.get(w));
        }
        for (const w of [...added, ...asked]) expect(table.idOf(w)).toBe(reference.get(w) ?? NO_WORD);
        expect(table.words).toEqual([...reference.keys()]);
      }),
      { numRuns: 100 },
    );
  });

  it(`keeps every id once it holds ${MANY.toLocaleString('en')} words, and tells near misses apart`, () => {
    const table = new WordTable();
    // Short and long (past the characters a slot holds), ASCII and not.
    const word = (i: number): string => (i % 3 === 0 ? `咖啡é${i}` : i % 3 === 1 ? `glowlab${i}` : `radiancehydraultraglowlab${i}serum`);
    for (let i = 0; i < MANY; i++) expect(table.intern(word(i))).toBe(i);
    expect(table.size).toBe(MANY);
    for (let i = 0; i < MANY; i++) expect(table.idOf(word(i))).toBe(i);
    for (const miss of ['glowlab', `glowlab${MANY + 1}`, 'glowlab01', 'Glowlab1', 'glowlab1 ', '咖啡é0 ', '咖啡e0', 'radiancehydraultraglowlab2serun', 'radiancehydraultraglowlab2', '']) expect(table.idOf(miss)).toBe(NO_WORD);
    expect(table.intern('glowlab7')).toBe(7);
    expect(table.intern('radiancehydraultraglowlab5serum')).toBe(5);
    expect(table.intern('')).toBe(MANY);
    expect(table.idOf('')).toBe(MANY);
  });
});

describe('WordSet', () => {
  it('answers like a Set of its members, even over a table that holds other words', () => {
    const table = new WordTable();
    table.intern('serum');
    table.intern('brandonly');
    const members = ['glowlab', 'serum', 'glowlab', 'toner'];
    const set = new WordSet(members, table);
    const reference = new Set(members);
    for (const w of ['glowlab', 'serum', 'toner', 'brandonly', 'nothing']) expect(set.has(w)).toBe(reference.has(w));
    expect(set.size).toBe(reference.size);
    expect([...set]).toEqual([...reference]);
    expect([...set.entries()]).toEqual([...reference.entries()]);
    const seen: string[] = [];
    set.forEach((value, key, whole) => {
      expect(key).toBe(value);
      expect(whole).toBe(set);
      seen.push(value);
    });
    expect(seen).toEqual([...reference]);
  });

  it(`answers like a Set past the Map, with ${MANY.toLocaleString('en')} members`, () => {
    const members = Array.from({ length: MANY }, (_, i) => `w${i * 7}`);
    const set = new WordSet(members);
    const reference = new Set(members);
    for (let i = 0; i < MANY * 7; i += 3) expect(set.has(`w${i}`)).toBe(reference.has(`w${i}`));
  });
});
