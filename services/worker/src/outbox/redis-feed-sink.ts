import { alertFeedChannel } from '@anchorwatch/runtime';
import type { AlertEvent } from '@anchorwatch/schemas';
import type { Redis } from 'ioredis';
import type { AlertSink } from './alert-sink.ts';

/**
 * The live feed's sink: PUBLISHes each event on its merchant's channel, where every API instance holding a feed
 * for that merchant listens. One MULTI per batch keeps the events in feed order and all-or-nothing; a redelivered
 * batch publishes again, and API instances drop what they already sent (by feedSeq).
 */
export function createRedisFeedSink(redis: Redis, prefix: string): AlertSink {
  return {
    name: 'redis-feed',
    async deliver(events: AlertEvent[]): Promise<void> {
      if (events.length === 0) return;
      const tx = redis.multi();
      for (const event of events) tx.publish(alertFeedChannel(prefix, event.merchantId), JSON.stringify(event));
      const results = await tx.exec();
      const failed = results?.find(([err]) => err);
      if (!results || failed) throw failed?.[0] ?? new Error('redis-feed: MULTI was discarded');
    },
  };
}
