import { alertEvent, type Alert } from '@anchorwatch/schemas';
import { setTimeout as sleep } from 'node:timers/promises';
import { SseParser } from '../../services/web/src/sse-parser.ts';
import type { ApiClient } from './api-client.ts';

/**
 * Follows a session's alerts on the live feed (`GET /v1/alerts/feed`) and reports each new one once, as it is
 * raised. The feed's cursor (the last feedSeq seen) makes a reconnect resume exactly where the stream broke, so
 * no look-back window or re-reading is needed.
 */
export class AlertWatcher {
  private readonly seen = new Map<string, Alert>();
  private readonly stopping = new AbortController();
  private loop: Promise<void> | null = null;
  private lastNewAt = Date.now();
  private cursor: string | null = null;

  constructor(
    private readonly api: ApiClient,
    private readonly sessionId: string,
    private readonly handlers: { onAlert: (alert: Alert) => void; onError: (err: Error) => void },
    private readonly retryMs = 500,
  ) {}

  /** Every alert reported so far, oldest first. */
  get alerts(): Alert[] {
    return [...this.seen.values()];
  }

  /** Opens the feed (and reopens it from the cursor after any drop) until `stop`. */
  start(): void {
    this.loop ??= this.run();
  }

  /** Reads the session's alerts once and reports any not seen on the feed (a last sweep before the summary). */
  async poll(): Promise<void> {
    for (const alert of (await this.api.listAlerts(this.sessionId)).reverse()) this.report(alert);
  }

  /** Resolves once no new alert has appeared for `quietMs` (counted from now at the earliest), or after `maxMs`. */
  async quiet(quietMs: number, maxMs: number, signal: AbortSignal): Promise<void> {
    const from = Date.now();
    const deadline = from + maxMs;
    while (Date.now() < deadline && Date.now() - Math.max(from, this.lastNewAt) < quietMs) {
      await sleep(100, undefined, { signal });
    }
  }

  /** Closes the feed and waits for the loop to end. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop;
  }

  private report(alert: Alert): void {
    if (this.seen.has(alert.id) || alert.status === 'retracted') return;
    this.seen.set(alert.id, alert);
    this.lastNewAt = Date.now();
    this.handlers.onAlert(alert);
  }

  private async run(): Promise<void> {
    const { signal } = this.stopping;
    while (!signal.aborted) {
      try {
        await this.follow(signal);
      } catch (err) {
        if (signal.aborted) return;
        this.handlers.onError(err instanceof Error ? err : new Error(String(err)));
      }
      await sleep(this.retryMs, undefined, { signal }).catch(() => undefined);
    }
  }

  private async follow(signal: AbortSignal): Promise<void> {
    const query = new URLSearchParams({ sessionId: this.sessionId });
    if (this.cursor) query.set('after', this.cursor);
    const res = await this.api.openFeed(query, signal);
    const parser = new SseParser();
    const decoder = new TextDecoder();
    for await (const chunk of res) {
      for (const message of parser.push(decoder.decode(chunk, { stream: true }))) {
        if (message.event === 'ready') this.cursor ??= (JSON.parse(message.data) as { cursor: string }).cursor;
        if (message.event !== 'alert') continue;
        const event = alertEvent.parse(JSON.parse(message.data));
        this.cursor = event.feedSeq;
        if (event.kind === 'raised') this.report(event.alert);
      }
    }
  }
}
