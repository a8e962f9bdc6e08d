import type { ReceivedEvent } from '@anchorwatch/schemas';

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

export interface BatcherOptions {
  /** Flush once a batch holds this many events (INGEST_BATCH_MAX_EVENTS). */
  maxEvents: number;
  /** Flush a partial batch after this long (INGEST_BATCH_LINGER_MS). */
  lingerMs: number;
  /** Durably queues one batch; resolves once it is stored in Redis. */
  enqueue: (events: ReceivedEvent[]) => Promise<void>;
}

/**
 * Gathers one connection's events into batches so a busy stream is one job per batch, not one per line.
 * `push` resolves when the pushed events are queued (then they may be acknowledged) and rejects if queueing
 * failed. Batches are queued one at a time, in order.
 */
export class Batcher {
  private pending: ReceivedEvent[] = [];
  private waiters: Waiter[] = [];
  private timer: NodeJS.Timeout | null = null;
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly options: BatcherOptions) {}

  /** Adds events to the current batch. */
  push(events: ReceivedEvent[]): Promise<void> {
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.pending.push(...events);
    if (this.pending.length >= this.options.maxEvents) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.options.lingerMs);
    return done;
  }

  /** Queues whatever is pending now; resolves when every batch so far is queued or failed. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length > 0) {
      const events = this.pending;
      const waiters = this.waiters;
      this.pending = [];
      this.waiters = [];
      this.tail = this.tail.then(() =>
        this.options.enqueue(events).then(
          () => waiters.forEach((w) => w.resolve()),
          (err: unknown) => waiters.forEach((w) => w.reject(err)),
        ),
      );
    }
    return this.tail;
  }
}
