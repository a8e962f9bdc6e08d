import { ingestEvent, type Finding } from '@anchorwatch/schemas';
import { describe, expect, it } from 'vitest';
import { createDetector } from './create-detector.ts';
import { detectStream } from './detect-stream.ts';

const startedAtMs = Date.parse('2026-11-20T12:00:00Z');
const at = (seconds: number) => new Date(startedAtMs + seconds * 1000).toISOString();
const catalog = {
  products: [
    { id: 'serum', name: 'GlowLab Serum', aliases: ['serum'] },
    { id: 'toner', name: 'GlowLab Toner', aliases: ['toner'] },
    { id: 'bank', name: 'VoltCore Power Bank', aliases: ['power bank'] },
  ],
};
const detector = createDetector(catalog);
// Parsed through the wire schema so defaults (speaker, final) are what ingest would produce.
const events = (raw: object[]) => raw.map((e) => ingestEvent.parse(e));
const pairs = (findings: Finding[]) => findings.map((f) => `${f.eventId}:${f.productId}`);

describe('detectStream', () => {
  it('tracks the product on air from marks, placing chat by its wall-clock time', () => {
    const stream = events([
      { type: 'chat', id: 'c0', ts: at(5), user: 'u', text: 'this is awful' },
      { type: 'product_on_air', id: 'p1', productId: 'serum', at: 10 },
      { type: 'chat', id: 'c1', ts: at(12), user: 'u', text: 'this is awful' },
      { type: 'transcript', id: 't1', start: 15, end: 18, text: 'honestly it is terrible' },
      { type: 'product_on_air', id: 'p2', productId: 'toner', at: 20 },
      { type: 'chat', id: 'c2', ts: at(25), user: 'u', text: 'mine broke' },
      { type: 'product_on_air', id: 'p3', productId: 'bank', at: 30 },
      // Arrives after the power bank mark but was typed at second 28, while the toner was still on air.
      { type: 'chat', id: 'c3', ts: at(28), user: 'u', text: 'so bad' },
      { type: 'chat', id: 'c4', ts: at(31), user: 'u', text: 'the serum is awful' },
    ]);
    expect(pairs(detectStream(detector, stream, { startedAtMs }))).toEqual([
      'c1:serum',
      't1:serum',
      'c2:toner',
      'c3:toner',
      'c4:serum',
    ]);
  });

  it('skips partial transcripts', () => {
    const stream = events([
      { type: 'product_on_air', id: 'p1', productId: 'serum', at: 0 },
      { type: 'transcript', id: 't1', start: 1, end: 2, text: 'this is terrible', final: false },
      { type: 'transcript', id: 't2', start: 1, end: 3, text: 'this is terrible', final: true },
    ]);
    expect(pairs(detectStream(detector, stream, { startedAtMs }))).toEqual(['t2:serum']);
  });

  it('lets the later of two marks at the same second win', () => {
    const stream = events([
      { type: 'product_on_air', id: 'p1', productId: 'serum', at: 10 },
      { type: 'product_on_air', id: 'p2', productId: 'toner', at: 10 },
      { type: 'chat', id: 'c1', ts: at(10), user: 'u', text: 'this is awful' },
    ]);
    expect(pairs(detectStream(detector, stream, { startedAtMs }))).toEqual(['c1:toner']);
  });

  it('starts from marks carried over from earlier batches', () => {
    const stream = events([{ type: 'chat', id: 'c9', ts: at(50), user: 'u', text: 'this is awful' }]);
    const marks = [
      { productRef: 'toner', at: 40 },
      { productRef: 'serum', at: 10 },
    ];
    expect(pairs(detectStream(detector, stream, { startedAtMs, marks }))).toEqual(['c9:toner']);
  });

  it('passes the chat user and transcript speaker through, and gives the same findings as detect', () => {
    const stream = events([
      { type: 'product_on_air', id: 'p1', productId: 'bank', at: 0 },
      { type: 'chat', id: 'c1', ts: at(3), user: 'skeptic', text: 'total scam' },
    ]);
    const direct = detector.detect({ eventId: 'c1', type: 'chat', text: 'total scam', speaker: 'skeptic' }, { onAirProductId: 'bank' });
    expect(detectStream(detector, stream, { startedAtMs })).toEqual(direct);
    expect(direct).toHaveLength(1);
  });

  it("reads each line in its stream's voice, carried over from earlier batches", () => {
    const host = ['welcome back everyone', 'this serum has fifteen percent vitamin c', 'two drops morning and night', 'the bundle is on today only'];
    const line = (id: string, second: number, text: string) => ({ type: 'transcript', id, start: second, end: second, text });
    const onAir = { type: 'product_on_air', id: 'p1', productId: 'serum', at: 0 };
    const pitch = 'skip the line and order now';
    // Alone, the pitch reads like a restaurant review ("skip the line"), and a review saying so is a complaint.
    const alone = detector.detect({ eventId: 'x', type: 'transcript', text: pitch }, { onAirProductId: 'serum', voice: {} });
    expect(alone.map((f) => f.explanation.model?.register)).toEqual(['restaurant review']);
    // After a host's first lines, in two batches, it is host speech, and no complaint.
    const voice = {};
    expect(detectStream(detector, events([onAir, ...host.map((text, i) => line(`t${i}`, i + 1, text))]), { startedAtMs, voice })).toEqual([]);
    // Read alone, a spec line ("this serum has fifteen percent vitamin c") resembles a review too; it is counted so.
    expect(voice).toEqual({ 'host speech': 3, 'restaurant review': 1 });
    expect(detectStream(detector, events([line('t9', 9, pitch)]), { startedAtMs, marks: [{ productRef: 'serum', at: 0 }], voice })).toEqual([]);
    expect(voice).toEqual({ 'host speech': 3, 'restaurant review': 2 });
    // Chat is counted nowhere: it has a register of its own.
    detectStream(detector, events([{ type: 'chat', id: 'c1', ts: at(10), user: 'u', text: 'skip the line' }]), { startedAtMs, voice });
    expect(voice).toEqual({ 'host speech': 3, 'restaurant review': 2 });
  });
});
