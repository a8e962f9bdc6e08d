import { describe, expect, it } from 'vitest';
import { parseFrame, type FrameLimits } from './frame-parser.ts';

const limits: FrameLimits = { maxFrameBytes: 1000, maxEventsPerFrame: 3, maxTextLength: 20 };
const frame = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
const chat = (id: string, text = 'hello') => ({ type: 'chat', id, ts: '2026-11-20T12:00:13.000Z', user: 'u', text });

describe('parseFrame', () => {
  it('accepts one event or an array of events', () => {
    expect(parseFrame(frame(chat('c1')), limits).events.map((e) => e.id)).toEqual(['c1']);
    expect(parseFrame(frame([chat('c1'), chat('c2')]), limits).events.map((e) => e.id)).toEqual(['c1', 'c2']);
  });

  it('applies transcript defaults (speaker host, final true)', () => {
    const { events } = parseFrame(frame({ type: 'transcript', id: 't1', start: 1, end: 2, text: 'hi' }), limits);
    expect(events[0]).toMatchObject({ speaker: 'host', final: true });
  });

  it('refuses a bad event alone and keeps the good ones, naming the bad id', () => {
    const { events, errors } = parseFrame(frame([chat('c1'), { type: 'chat', id: 'c2' }, chat('c3')]), limits);
    expect(events.map((e) => e.id)).toEqual(['c1', 'c3']);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.toFrame()).toMatchObject({ type: 'error', id: 'c2', code: 'invalid_event' });
  });

  it('refuses a transcript that ends before it starts', () => {
    const { errors } = parseFrame(frame({ type: 'transcript', id: 't1', start: 5, end: 2, text: 'x' }), limits);
    expect(errors[0]!.code).toBe('invalid_event');
  });

  it.each([
    ['frame_too_large', frame({ pad: 'x'.repeat(2000) })],
    ['invalid_json', frame('{"type":')],
    ['too_many_events', frame([chat('1'), chat('2'), chat('3'), chat('4')])],
    ['invalid_event', frame([])],
    ['invalid_event', frame(42)],
  ])('refuses the whole frame with %s', (code, data) => {
    const { events, errors } = parseFrame(data, limits);
    expect(events).toEqual([]);
    expect(errors.map((e) => e.code)).toEqual([code]);
  });

  it('refuses text over the limit with text_too_long', () => {
    const { errors } = parseFrame(frame(chat('c1', 'x'.repeat(21))), limits);
    expect(errors[0]!.toFrame()).toMatchObject({ id: 'c1', code: 'text_too_long' });
  });

  it('keeps the first of two events with the same id in one frame', () => {
    const { events } = parseFrame(frame([chat('c1', 'first'), chat('c1', 'second')]), limits);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ text: 'first' });
  });
});
