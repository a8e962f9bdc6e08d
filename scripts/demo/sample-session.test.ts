import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadSampleSession, scheduleEvents } from './sample-session.ts';

const sampleDir = fileURLToPath(new URL('../../examples/sample-session', import.meta.url));

describe('the bundled sample session', () => {
  it('is valid and fits the demo: about 50 s, with transcript, chat and on-air events', async () => {
    const { products, events } = await loadSampleSession(sampleDir);
    const ids = products.map((p) => `id-${p.id}`);
    const schedule = scheduleEvents(events, new Map(products.map((p, i) => [p.id, ids[i]!])), 0);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(schedule.at(-1)!.offset).toBeGreaterThan(40);
    expect(schedule.at(-1)!.offset).toBeLessThan(60);
    for (const { event } of schedule) if (event.type === 'product_on_air') expect(ids).toContain(event.productId);
  });
});

describe('scheduleEvents', () => {
  const startedAtMs = Date.parse('2030-01-01T12:00:00.000Z');

  it('keeps chat at its distance from the earliest chat message and moves it onto the live clock', () => {
    const schedule = scheduleEvents(
      [
        { type: 'chat', id: 'b', ts: '2026-03-14T19:00:04.500Z', user: 'u', text: 'later' },
        { type: 'chat', id: 'a', ts: '2026-03-14T19:00:00.000Z', user: 'u', text: 'first' },
        { type: 'transcript', id: 't', start: 2, end: 3, text: 'hello', speaker: 'host', final: true },
      ],
      new Map(),
      startedAtMs,
    );
    expect(schedule.map((s) => [s.event.id, s.offset])).toEqual([['a', 0], ['t', 2], ['b', 4.5]]);
    const later = schedule[2]!.event;
    expect(later.type === 'chat' && later.ts).toBe('2030-01-01T12:00:04.500Z');
  });

  it('swaps catalogue ids for the live session’s product ids and refuses an unknown one', () => {
    const onAir = { type: 'product_on_air' as const, id: 'p', productId: 'serum', at: 1 };
    const [item] = scheduleEvents([onAir], new Map([['serum', 'uuid-1']]), startedAtMs);
    expect(item!.event).toMatchObject({ productId: 'uuid-1' });
    expect(() => scheduleEvents([onAir], new Map(), startedAtMs)).toThrow('no product created for key "serum"');
  });
});
