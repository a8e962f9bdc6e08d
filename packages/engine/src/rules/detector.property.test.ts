import { loadConfig } from '@anchorwatch/runtime';
import { finding as findingSchema, voice as voiceSchema, type DetectionRule, type Voice } from '@anchorwatch/schemas';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDetector } from '../create-detector.ts';
import type { DetectInput } from '../types.ts';
import { DEFAULT_RULES } from './default-rules.ts';
import { findChatBursts } from './chat-bursts.ts';

// Lines up to the ingest text limit (what the worker can be given), and a few at the engine's own cap.
const TEXT_LIMIT = loadConfig({}).INGEST_MAX_TEXT_LENGTH;
// Not a speed target (those live in bench/): a bound that only a hang, or a super-linear blow-up, would cross.
// Typical calls take well under a millisecond; this is hundreds of times that, so a slow CI never trips it.
const PER_CALL_BUDGET_MS = 2_000;

const catalog = {
  products: [
    { id: 'serum', name: 'GlowLab Vitamin C Serum', brand: 'GlowLab', aliases: ['serum', 'glowlab serum'] },
    { id: 'bank', name: 'VoltCore MagSnap Power Bank', brand: 'VoltCore', aliases: ['magsnap', 'power bank'] },
    { id: 'a', name: 'aaaa', aliases: ['aa', 'a a a'] },
    { id: 'slides-a', name: 'Halyard Slides', aliases: ['slides'] },
    { id: 'slides-b', name: 'Pool Slides', aliases: ['slides'] },
  ],
};

const regex = (id: string, pattern: string): DetectionRule => ({ id, name: id, kind: 'regex', pattern, terms: [], severity: 'high', scope: 'both', enabled: true });
// Patterns that take exponential time in a backtracking engine, and a large alternation: RE2 runs each in linear time.
const adversarial: DetectionRule[] = [
  regex('nested', '(a+)+$'),
  regex('overlap', '(x+x+)+y'),
  regex('dotstar', '(.*a){12}'),
  regex('alternation', Array.from({ length: 60 }, (_, i) => `w${i}rd`).join('|')),
  regex('classes', String.raw`(\w|\d|\s|[a-z])*!`),
  regex('unicode', String.raw`(\p{L}+\s?)+\.$`),
  { id: 'kw', name: 'kw', kind: 'keyword', terms: ['a', 'aa', 'scam', '假'], severity: 'low', scope: 'chat', enabled: true },
  { id: 'ph', name: 'ph', kind: 'phrase', terms: ['a a', 'a a a a', 'do not buy'], severity: 'medium', scope: 'both', enabled: true },
  { id: 'sent', name: 'sent', kind: 'sentiment', threshold: 0.1, terms: [], severity: 'critical', scope: 'host', enabled: true },
  ...DEFAULT_RULES,
];
const detector = createDetector(catalog, { rules: adversarial });

const vocabulary = ['the', 'serum', 'magsnap', 'slides', 'is', 'not', 'a', 'aa', 'scam', 'fake', "don't", 'buy', 'it', 'but',
  '!!!', '?', 'SOOO', 'baaad', '😡', ':(', 'w59rd', 'x', 'y', '假货', '三无', 'crème', 'İstanbul', '\u0000', '\u200b', '  '];

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: TEXT_LIMIT }),
  fc.string({ unit: 'grapheme', maxLength: TEXT_LIMIT / 4 }),
  fc.array(fc.constantFrom(...vocabulary), { maxLength: 800 }).map((w) => w.join(' ').slice(0, TEXT_LIMIT)),
  // Long runs that feed the backtracking-prone patterns above.
  fc.tuple(fc.constantFrom('a', 'x', 'a ', 'ab', '1 '), fc.integer({ min: 1, max: TEXT_LIMIT }), fc.constantFrom('', '!', 'b', 'y', '.'))
    .map(([unit, n, tail]) => (unit.repeat(Math.ceil(n / unit.length)).slice(0, n - tail.length) + tail)),
);

const input = fc.record({
  eventId: fc.string({ minLength: 1, maxLength: 8 }),
  type: fc.constantFrom('transcript' as const, 'chat' as const),
  text,
  speaker: fc.option(fc.string({ maxLength: 10 }), { nil: null }),
});
const onAir = fc.constantFrom(null, 'serum', 'bank', 'a', 'not-in-catalog');

/** Runs one detect call and returns its findings and how long it took; `voice` is the stream's, as in the worker. */
function timed(line: DetectInput, onAirProductId: string | null, voice: Voice = {}) {
  const start = performance.now();
  const findings = detector.detect(line, { onAirProductId, voice });
  return { findings, ms: performance.now() - start };
}

describe('the detector with merchant rules, on any input', () => {
  it('never throws, returns valid findings with spans inside the line, and stays within a generous per-call budget', () => {
    // One stream: every line is counted in one voice, which stays a voice (whole counts of registers).
    const voice: Voice = {};
    fc.assert(
      fc.property(input, onAir, (line, on) => {
        const { findings, ms } = timed(line, on, voice);
        expect(ms).toBeLessThan(PER_CALL_BUDGET_MS);
        for (const f of findings) {
          findingSchema.parse(f);
          expect(f.eventId).toBe(line.eventId);
          for (const note of f.explanation.rules ?? []) {
            if (!note.match) continue;
            expect(note.match.end).toBeLessThanOrEqual(line.text.length);
            expect(line.text.slice(note.match.start, note.match.end)).toBe(note.match.text);
          }
        }
      }),
      { numRuns: 300 },
    );
    expect(voiceSchema.parse(voice)).toEqual(voice);
    expect(Object.values(voice).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('runs the adversarial patterns over their worst inputs at the engine\'s own text cap without blowing up', () => {
    for (const worst of ['a'.repeat(20_000), `${'a'.repeat(19_999)}!`, `${'x'.repeat(19_999)}z`, 'ab '.repeat(6_666), '假'.repeat(20_000)]) {
      for (const type of ['transcript', 'chat'] as const) {
        const { findings, ms } = timed({ eventId: 'e', type, text: worst }, 'a');
        expect(ms).toBeLessThan(PER_CALL_BUDGET_MS);
        expect(Array.isArray(findings)).toBe(true);
      }
    }
  });

  it('survives malformed input objects from a caller that skipped validation', () => {
    const bad = [undefined, null, 42, {}, { text: 7 }] as unknown as DetectInput[];
    for (const line of bad) expect(() => detector.detect(line, { onAirProductId: 'serum' })).not.toThrow();
  });

  it('finds bursts without throwing on any complaint list, each burst inside one window and one per window', () => {
    const complaint = fc.record({
      productId: fc.constantFrom('p1', 'p2'),
      atMs: fc.integer({ min: 0, max: 600_000 }),
      viewer: fc.option(fc.constantFrom('u1', 'u2', 'u3', 'u4'), { nil: null }),
    });
    const complaints = fc.array(complaint, { maxLength: 200 }).map((list) => list.map((c, i) => ({ ...c, eventId: `e${i}` })));
    fc.assert(
      fc.property(complaints, fc.integer({ min: 1, max: 120_000 }), fc.integer({ min: 1, max: 6 }), (list, windowMs, min) => {
        const bursts = findChatBursts(list, [], { windowMs, minComplaints: min });
        const at = new Map(list.map((c) => [c.eventId, c.atMs]));
        for (const b of bursts) {
          expect(b.viewers).toBeGreaterThanOrEqual(min);
          const times = b.eventIds.map((id) => at.get(id)!);
          expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual(windowMs);
        }
        for (const productId of ['p1', 'p2']) {
          const times = bursts.filter((b) => b.productId === productId).map((b) => b.atMs).sort((x, y) => x - y);
          for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(windowMs);
        }
      }),
      { numRuns: 200 },
    );
  });
});
