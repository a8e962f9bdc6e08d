import type { AlertEvent } from '@anchorwatch/schemas';
import { SseParser } from '../../services/web/src/sse-parser.ts';

/** A test client of GET /v1/alerts/feed over a real socket: records every alert event and the `ready` cursor. */
export class FeedReader {
  readonly events: AlertEvent[] = [];
  ready: { cursor: string } | null = null;
  ended = false;
  private readonly abort = new AbortController();

  private constructor() {}

  /** Opens the feed; resolves once the server answered 200 (rejects with the status otherwise). */
  static async open(
    apiUrl: string,
    key: string,
    query: Record<string, string> = {},
    headers: Record<string, string> = {},
  ): Promise<FeedReader> {
    const reader = new FeedReader();
    const res = await fetch(`${apiUrl}/v1/alerts/feed?${new URLSearchParams(query).toString()}`, {
      headers: { authorization: `Bearer ${key}`, ...headers },
      signal: reader.abort.signal,
    });
    if (res.status !== 200 || !res.body) throw new Error(`feed answered HTTP ${res.status}: ${await res.text()}`);
    void reader.pump(res.body);
    return reader;
  }

  private async pump(body: ReadableStream<Uint8Array>): Promise<void> {
    const parser = new SseParser();
    const decoder = new TextDecoder();
    try {
      for await (const chunk of body) {
        for (const m of parser.push(decoder.decode(chunk, { stream: true }))) {
          if (m.event === 'ready') this.ready = JSON.parse(m.data) as { cursor: string };
          if (m.event === 'alert') this.events.push(JSON.parse(m.data) as AlertEvent);
        }
      }
    } catch {
      // aborted by close()
    } finally {
      this.ended = true;
    }
  }

  /** The feed id of the last event received (or the ready cursor when none arrived). */
  get lastId(): string {
    return this.events.at(-1)?.feedSeq ?? this.ready?.cursor ?? '0';
  }

  /** Waits until `predicate` holds for the events received so far. */
  async waitUntil(predicate: (events: AlertEvent[]) => boolean, timeoutMs = 10_000): Promise<AlertEvent[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.events)) {
      if (Date.now() > deadline) throw new Error(`feed: condition not met; got ${this.events.length} events`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return this.events;
  }

  /** Waits for the server's `ready` (replay done, live from here). */
  async waitReady(timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ready) {
      if (this.ended) throw new Error('feed ended before ready');
      if (Date.now() > deadline) throw new Error('feed: no ready event');
      await new Promise((r) => setTimeout(r, 10));
    }
    return this.ready.cursor;
  }

  close(): void {
    this.abort.abort();
  }
}
