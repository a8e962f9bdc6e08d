import { describe, expect, it } from 'vitest';
import { SseParser } from './sse-parser.ts';

describe('SseParser', () => {
  it('assembles messages split across chunks at any point, skipping comments', () => {
    const stream = ': keep-alive\n\nid: 7\nevent: alert\ndata: {"a":1}\n\nevent: ready\ndata: {"cursor":"7"}\r\n\r\n';
    for (let cut = 0; cut <= stream.length; cut += 1) {
      const parser = new SseParser();
      const messages = [...parser.push(stream.slice(0, cut)), ...parser.push(stream.slice(cut))];
      expect(messages).toEqual([
        { id: '7', event: 'alert', data: '{"a":1}' },
        { id: '7', event: 'ready', data: '{"cursor":"7"}' },
      ]);
    }
  });

  it('joins multi-line data and defaults the event name', () => {
    expect(new SseParser().push('data: a\ndata: b\n\n')).toEqual([{ id: null, event: 'message', data: 'a\nb' }]);
  });
});
