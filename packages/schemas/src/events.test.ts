import { describe, expect, it } from 'vitest';
import { ingestEvent, receivedEvent } from './events.ts';

describe('ingest event schemas', () => {
  it('parses the three event types of the wire format', () => {
    const events = [
      { type: 'transcript', id: 't1', start: 12.4, end: 16.9, text: 'hi', speaker: 'host', final: true },
      { type: 'chat', id: 'c1', ts: '2026-11-20T12:00:13.000Z', user: 'name', text: 'hello' },
      { type: 'product_on_air', id: 'p1', productId: 'abc', at: 12 },
    ];
    expect(events.map((e) => ingestEvent.parse(e).type)).toEqual(['transcript', 'chat', 'product_on_air']);
  });

  it.each([
    [{ type: 'transcript', id: 't1', start: -1, end: 2, text: 'x' }, 'negative offset'],
    [{ type: 'transcript', id: 't1', start: 3, end: 2, text: 'x' }, 'end before start'],
    [{ type: 'chat', id: 'c1', ts: 'yesterday', user: 'u', text: 'x' }, 'bad timestamp'],
    [{ type: 'chat', id: '', ts: '2026-11-20T12:00:13Z', user: 'u', text: 'x' }, 'empty id'],
    [{ type: 'product_on_air', id: 'p1', at: 3 }, 'missing productId'],
    [{ type: 'gift', id: 'g1' }, 'unknown type'],
  ] as [unknown, string][])('refuses %j (%s)', (event) => {
    expect(ingestEvent.safeParse(event).success).toBe(false);
  });

  it('requires receivedAt on queued events', () => {
    const chat = { type: 'chat', id: 'c1', ts: '2026-11-20T12:00:13Z', user: 'u', text: 'x' };
    expect(receivedEvent.safeParse(chat).success).toBe(false);
    expect(receivedEvent.safeParse({ ...chat, receivedAt: '2026-11-20T12:00:14.000Z' }).success).toBe(true);
  });
});
