import { randomBytes } from 'node:crypto';
import { loadConfig, type Config } from '@anchorwatch/runtime';
import { inject } from 'vitest';

/**
 * Config for a test file: this run's database and Redis, a BullMQ prefix of the file's own (so files running in
 * parallel never consume each other's jobs), quiet logs, and any overrides.
 */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig(
    {},
    {
      DATABASE_URL: inject('databaseUrl'),
      REDIS_URL: inject('redisUrl'),
      QUEUE_PREFIX: `${inject('queuePrefix')}_${randomBytes(3).toString('hex')}`,
      LOG_LEVEL: 'silent',
      DATABASE_POOL_SIZE: 4,
      ...overrides,
    },
  );
}
