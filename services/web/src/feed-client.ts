import type { AlertEvent } from '@anchorwatch/schemas';
import { SseParser } from './sse-parser.ts';

export interface FeedFilters {
  sessionId?: string;
  productId?: string;
  minSeverity?: string;
}

export interface FeedHandlers {
  onEvent(event: AlertEvent): void;
  onState(state: 'connecting' | 'live' | 'reconnecting' | 'unauthorized'): void;
}

/**
 * Follows GET /v1/alerts/feed with fetch streaming (so the API key travels in a header, not the URL). On any
 * drop it reconnects with the last feed id it saw, so the server replays what was missed; each event is handed
 * over once, in feed order.
 */
export class FeedClient {
  private lastId: string | null = null;
  private abort: AbortController | null = null;
  private stopped = false;

  constructor(
    private readonly authorization: string,
    private readonly filters: FeedFilters,
    private readonly handlers: FeedHandlers,
  ) {}

  start(): void {
    void this.loop();
  }

  stop(): void {
    this.stopped = true;
    this.abort?.abort();
  }

  private url(): string {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(this.filters)) if (v) q.set(k, v);
    if (this.lastId) q.set('after', this.lastId);
    return `/v1/alerts/feed?${q.toString()}`;
  }

  private async loop(): Promise<void> {
    let delayMs = 250;
    this.handlers.onState('connecting');
    while (!this.stopped) {
      try {
        this.abort = new AbortController();
        const res = await fetch(this.url(), {
          headers: { authorization: this.authorization, accept: 'text/event-stream' },
          signal: this.abort.signal,
        });
        if (res.status === 401 || res.status === 403) {
          this.handlers.onState('unauthorized');
          return;
        }
        if (!res.ok || !res.body) throw new Error(`feed answered HTTP ${res.status}`);
        await this.read(res.body, () => {
          delayMs = 250;
        });
      } catch {
        // dropped or refused: fall through to reconnect with the last id seen
      }
      if (this.stopped) return;
      this.handlers.onState('reconnecting');
      await new Promise((r) => setTimeout(r, delayMs));
      delayMs = Math.min(delayMs * 2, 5000);
    }
  }

  private async read(body: ReadableStream<Uint8Array>, onLive: () => void): Promise<void> {
    const parser = new SseParser();
    const decoder = new TextDecoder();
    const reader = body.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      for (const message of parser.push(decoder.decode(value, { stream: true }))) {
        if (message.event === 'ready') {
          const { cursor } = JSON.parse(message.data) as { cursor: string | null };
          // The server's position after replay: past every event sent, and past those the filters left out.
          if (cursor) this.lastId = cursor;
          onLive();
          this.handlers.onState('live');
        } else if (message.event === 'alert') {
          const event = JSON.parse(message.data) as AlertEvent;
          this.lastId = event.feedSeq;
          this.handlers.onEvent(event);
        }
      }
    }
  }
}
