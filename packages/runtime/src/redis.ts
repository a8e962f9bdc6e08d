import { Redis } from 'ioredis';

/**
 * A Redis connection for BullMQ. `maxRetriesPerRequest: null` is what BullMQ workers require; producers keep
 * failing fast so an ingest client hears about a Redis outage instead of waiting forever for its ack.
 */
export function createRedis(url: string, role: 'producer' | 'worker' | 'client'): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: role === 'worker' ? null : 3,
  });
}

/** True when Redis answers PING. */
export async function pingRedis(redis: Redis): Promise<boolean> {
  try {
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  }
}

export type { Redis };

/** The Redis channel on which the worker publishes a merchant's alert events and API instances listen for them. */
export function alertFeedChannel(prefix: string, merchantId: string): string {
  return `${prefix}:alert-feed:${merchantId}`;
}
