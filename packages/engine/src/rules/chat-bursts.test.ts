import { describe, expect, it } from 'vitest';
import { findChatBursts, type Complaint } from './chat-bursts.ts';

const c = (eventId: string, seconds: number, viewer: string | null, productId = 'p1'): Complaint => ({
  eventId, productId, atMs: seconds * 1000, viewer,
});
const options = { windowMs: 60_000, minComplaints: 3 };

describe('findChatBursts', () => {
  it('raises one burst when distinct viewers complain about one product within the window', () => {
    const bursts = findChatBursts([c('a', 0, 'u1'), c('b', 20, 'u2'), c('c', 59, 'u3'), c('d', 70, 'u4')], [], options);
    expect(bursts).toEqual([{ productId: 'p1', eventId: 'c', atMs: 59_000, eventIds: ['a', 'b', 'c'], viewers: 3 }]);
  });

  it('needs the complaints inside one window and from distinct viewers', () => {
    expect(findChatBursts([c('a', 0, 'u1'), c('b', 30, 'u2'), c('c', 61, 'u3')], [], options)).toEqual([]);
    expect(findChatBursts([c('a', 0, 'u1'), c('b', 1, 'u1'), c('c', 2, 'u1')], [], options)).toEqual([]);
    expect(findChatBursts([c('a', 0, null), c('b', 1, null), c('c', 2, null)], [], options)).toHaveLength(1);
  });

  it('keeps products apart and is independent of input order', () => {
    const list = [c('a', 0, 'u1'), c('b', 1, 'u2', 'p2'), c('c', 2, 'u3'), c('d', 3, 'u4', 'p2'), c('e', 4, 'u5')];
    const bursts = findChatBursts(list, [], options);
    expect(bursts.map((b) => [b.productId, b.eventId])).toEqual([['p1', 'e']]);
    expect(findChatBursts([...list].reverse(), [], options)).toEqual(bursts);
  });

  it('raises at most one burst per window, counting bursts raised earlier (by other batches)', () => {
    const list = [0, 1, 2, 3, 4, 5, 70, 71, 72].map((s, i) => c(`e${i}`, s, `u${i}`));
    expect(findChatBursts(list, [], options).map((b) => b.eventId)).toEqual(['e2', 'e8']);
    expect(findChatBursts(list, [{ productId: 'p1', atMs: 2_000 }], options).map((b) => b.eventId)).toEqual(['e8']);
    expect(findChatBursts(list, [{ productId: 'p2', atMs: 2_000 }], options).map((b) => b.eventId)).toEqual(['e2', 'e8']);
  });
});
