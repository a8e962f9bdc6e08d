import type { ReceivedEvent } from '@anchorwatch/schemas';
import { describe, expect, it } from 'vitest';
import { Batcher } from './batcher.ts';

const event = (id: string): ReceivedEvent => ({
  type: 'chat',
  id,
  ts: '2026-11-20T12:00:00.000Z',
  user: 'u',
  text: 'hi',
  receivedAt: '2026-11-20T12:00:00.000Z',
});

describe('Batcher', () => {
  it('sends one batch for pushes within the linger time', async () => {
    const batches: string[][] = [];
    const batcher = new Batcher({ maxEvents: 100, lingerMs: 20, enqueue: async (e) => void batches.push(e.map((x) => x.id)) });
    await Promise.all([batcher.push([event('a')]), batcher.push([event('b'), event('c')])]);
    expect(batches).toEqual([['a', 'b', 'c']]);
  });

  it('flushes as soon as a batch is full, without waiting', async () => {
    const batches: string[][] = [];
    const batcher = new Batcher({ maxEvents: 2, lingerMs: 60_000, enqueue: async (e) => void batches.push(e.map((x) => x.id)) });
    await batcher.push([event('a'), event('b')]);
    expect(batches).toEqual([['a', 'b']]);
  });

  it('queues batches in order even when an earlier enqueue is slower', async () => {
    const order: string[] = [];
    let first = true;
    const batcher = new Batcher({
      maxEvents: 1,
      lingerMs: 0,
      enqueue: async (e) => {
        if (first) {
          first = false;
          await new Promise((r) => setTimeout(r, 30));
        }
        order.push(e[0]!.id);
      },
    });
    await Promise.all([batcher.push([event('a')]), batcher.push([event('b')])]);
    expect(order).toEqual(['a', 'b']);
  });

  it('rejects the pushes of a failed batch and carries on with the next', async () => {
    let calls = 0;
    const batcher = new Batcher({
      maxEvents: 1,
      lingerMs: 0,
      enqueue: async () => {
        calls += 1;
        if (calls === 1) throw new Error('redis down');
      },
    });
    const failed = batcher.push([event('a')]);
    const ok = batcher.push([event('b')]);
    await expect(failed).rejects.toThrow('redis down');
    await expect(ok).resolves.toBeUndefined();
  });
});
