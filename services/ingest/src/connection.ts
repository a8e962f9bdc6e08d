import type { IngestEvent, ReceivedEvent, ServerFrame } from '@anchorwatch/schemas';
import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import { Batcher } from './batcher.ts';
import { IngestError } from './errors.ts';
import { parseFrame, type FrameLimits } from './frame-parser.ts';
import { RateLimiter } from './rate-limiter.ts';

export interface ConnectionOptions {
  limits: FrameLimits;
  maxEventsPerSecond: number;
  batch: { maxEvents: number; lingerMs: number };
  enqueue: (events: ReceivedEvent[]) => Promise<void>;
  logger: FastifyBaseLogger;
}

/** Partial speech-to-text results are acknowledged but never queued: only final text is analysed. */
const isQueued = (e: IngestEvent): boolean => e.type !== 'transcript' || e.final;

/**
 * One ingest socket of one session: reads frames, answers each bad event with an error frame, queues the good
 * ones in batches and acknowledges them once queued. Frames are handled in arrival order.
 */
export class IngestConnection {
  private readonly batcher: Batcher;
  private readonly limiter: RateLimiter;

  constructor(
    private readonly socket: WebSocket,
    private readonly options: ConnectionOptions,
  ) {
    this.batcher = new Batcher({ ...options.batch, enqueue: options.enqueue });
    this.limiter = new RateLimiter(options.maxEventsPerSecond);
  }

  /** Handles one frame from the client. */
  receive(data: Buffer): void {
    const receivedAt = new Date().toISOString();
    const { events, errors } = parseFrame(data, this.options.limits);
    for (const error of errors) this.send(error.toFrame());
    if (events.length === 0) return;

    const granted = this.limiter.take(events.length);
    const accepted = events.slice(0, granted);
    if (granted < events.length) {
      const refused = events.slice(granted).map((e) => e.id);
      const message = `over ${this.options.maxEventsPerSecond} events/s; resend these later`;
      this.send(new IngestError('rate_limited', message, null, refused).toFrame());
    }
    if (accepted.length === 0) return;

    const ids = accepted.map((e) => e.id);
    const toQueue: ReceivedEvent[] = accepted.filter(isQueued).map((e) => ({ ...e, receivedAt }));
    if (toQueue.length === 0) {
      this.send({ type: 'ack', ids });
      return;
    }
    this.batcher.push(toQueue).then(
      () => this.send({ type: 'ack', ids }),
      (err: unknown) => {
        this.options.logger.error({ err }, 'enqueue failed');
        this.send(new IngestError('enqueue_failed', 'events were not queued; resend them', null, ids).toFrame());
      },
    );
  }

  /** Queues what is pending (on close or shutdown); unacknowledged events may be resent and are deduplicated. */
  drain(): Promise<void> {
    return this.batcher.flush();
  }

  private send(frame: ServerFrame): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(frame));
  }
}
