import type { Config } from '@anchorwatch/runtime';
import { severityRank, type AlertEvent, type AlertFeedQuery } from '@anchorwatch/schemas';
import type { ServerResponse } from 'node:http';

/** True when an event passes the feed's session, product and minimum-severity filters. */
export function matchesFeedFilters(event: AlertEvent, q: AlertFeedQuery): boolean {
  const a = event.alert;
  if (q.sessionId && a.sessionId !== q.sessionId) return false;
  if (q.productId && a.productId !== q.productId) return false;
  if (q.minSeverity && severityRank[a.severity] < severityRank[q.minSeverity]) return false;
  return true;
}

/**
 * One client's server-sent-event stream. Every event goes through `offer` exactly in feed order, from replay or
 * live; anything at or before the position already passed is dropped, so overlap between the two (and redelivery
 * by the outbox) never reaches the client twice. Live events that arrive while replay runs wait in a queue.
 */
export class FeedStream {
  private position: bigint;
  private replaying = true;
  private readonly queued: AlertEvent[] = [];
  private closed = false;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly res: ServerResponse,
    private readonly query: AlertFeedQuery,
    private readonly config: Config,
    start: string,
    private readonly onEnd: () => void,
  ) {
    this.position = BigInt(start);
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    // Tell EventSource-style clients to wait a second before reconnecting.
    res.write('retry: 1000\n\n');
    this.heartbeat = setInterval(() => this.write(': keep-alive\n\n'), config.FEED_HEARTBEAT_MS);
    res.on('close', () => this.end());
  }

  /** True once the stream ended (client gone, too slow, or the server closing). */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Where the stream is: the last feedSeq passed (sent or filtered out). */
  get cursor(): string {
    return this.position.toString();
  }

  /** A live event from Redis: queued while replay runs, else passed on. */
  live(event: AlertEvent): void {
    if (this.closed) return;
    if (!this.replaying) return this.offer(event);
    this.queued.push(event);
    if (this.queued.length > this.config.FEED_MAX_PENDING_EVENTS) this.end();
  }

  /** Passes one event on in feed order, once. */
  offer(event: AlertEvent): void {
    const seq = BigInt(event.feedSeq);
    if (this.closed || seq <= this.position) return;
    this.position = seq;
    if (matchesFeedFilters(event, this.query)) {
      this.write(`id: ${event.feedSeq}\nevent: alert\ndata: ${JSON.stringify(event)}\n\n`);
    }
  }

  /** Replay is over: says where the stream stands, then drains what arrived live meanwhile. */
  goLive(): void {
    if (this.closed) return;
    this.write(`event: ready\ndata: ${JSON.stringify({ cursor: this.cursor })}\n\n`);
    this.replaying = false;
    for (const event of this.queued.splice(0)) this.offer(event);
  }

  private write(chunk: string): void {
    if (this.closed) return;
    this.res.write(chunk);
    // A client that stopped reading is cut off rather than buffered without bound; it resumes from its last id.
    if (this.res.writableLength > this.config.FEED_MAX_BUFFERED_BYTES) this.end();
  }

  /** Ends the stream (idempotent). */
  end(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    this.queued.length = 0;
    if (!this.res.writableEnded) this.res.end();
    this.onEnd();
  }
}
