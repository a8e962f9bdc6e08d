import { alertFeedChannel, createRedis, type Redis } from '@anchorwatch/runtime';
import { alertEvent, AnchorwatchError, type AlertEvent } from '@anchorwatch/schemas';
import type { FastifyBaseLogger } from 'fastify';

/** One feed connection's interest in a merchant's live events. */
export interface FeedListener {
  onEvent(event: AlertEvent): void;
  /** The Redis subscription dropped: live events may have been missed, so the connection must end (and replay). */
  onLost(): void;
}

/**
 * This API instance's one Redis subscriber: SUBSCRIBEs to a merchant's feed channel while at least one feed
 * connection of that merchant is open here, and hands each published event to those connections.
 */
export class AlertFeedHub {
  private redis: Redis | null = null;
  private readonly listeners = new Map<string, Set<FeedListener>>();

  constructor(
    private readonly redisUrl: string,
    private readonly prefix: string,
    private readonly log: FastifyBaseLogger,
  ) {}

  private connection(): Redis {
    if (this.redis) return this.redis;
    const redis = createRedis(this.redisUrl, 'client');
    // Named so operators (and tests) can tell the feed's subscribers apart in CLIENT LIST.
    redis.client('SETNAME', `${this.prefix}:alert-feed-hub`).catch(() => undefined);
    redis.on('message', (channel: string, message: string) => this.dispatch(channel, message));
    redis.on('error', (err: Error) => this.log.warn({ err }, 'alert feed subscriber error'));
    // Whatever is published while the connection is down is lost to it: drop it (the next feed opens a new one)
    // and end every open feed, whose clients reconnect from their cursor and are replayed what they missed.
    redis.on('close', () => {
      if (this.redis === redis) this.redis = null;
      redis.disconnect();
      this.dropAll();
    });
    this.redis = redis;
    return redis;
  }

  private dispatch(channel: string, message: string): void {
    const listeners = this.listeners.get(channel);
    if (!listeners?.size) return;
    let json: unknown;
    try {
      json = JSON.parse(message);
    } catch {
      json = undefined;
    }
    const parsed = alertEvent.safeParse(json);
    if (!parsed.success) {
      this.log.error({ channel }, 'alert feed: unreadable event dropped');
      return;
    }
    for (const l of listeners) l.onEvent(parsed.data);
  }

  private dropAll(): void {
    const all = [...this.listeners.values()].flatMap((set) => [...set]);
    this.listeners.clear();
    for (const l of all) l.onLost();
  }

  /**
   * Starts listening for a merchant's events; resolves once Redis confirmed the subscription, so anything published
   * afterwards reaches `listener`. Returns the function that stops listening.
   */
  async subscribe(merchantId: string, listener: FeedListener): Promise<() => Promise<void>> {
    const channel = alertFeedChannel(this.prefix, merchantId);
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
    }
    set.add(listener);
    try {
      // Each connection awaits its own SUBSCRIBE: Redis answers in order, so once it resolves the channel is live.
      await this.connection().subscribe(channel);
    } catch (err) {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(channel) === set) this.listeners.delete(channel);
      throw new AnchorwatchError('unavailable', 'the live feed cannot reach Redis; retry shortly', { cause: err });
    }
    return async () => {
      const current = this.listeners.get(channel);
      if (!current?.delete(listener) || current.size > 0) return;
      this.listeners.delete(channel);
      await this.redis?.unsubscribe(channel).catch(() => undefined);
    };
  }

  /** Ends every open feed and closes the subscriber connection. */
  close(): void {
    const redis = this.redis;
    this.redis = null;
    redis?.removeAllListeners('close');
    this.dropAll();
    redis?.disconnect();
  }
}
