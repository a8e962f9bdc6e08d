import { randomBytes } from 'node:crypto';
import { loadConfig, type Config } from '@anchorwatch/runtime';
import { inject } from 'vitest';

/** The test file's own database, made by the setup file test/support/file-database.ts. */
function fileDatabaseUrl(): string {
  const url = globalThis.anchorwatchTestDatabaseUrl;
  if (!url) throw new Error('no test database: is test/support/file-database.ts in vitest setupFiles?');
  return url;
}

/**
 * Config for a test file: the file's own database, this run's Redis, a BullMQ prefix of the file's own (so files running in
 * parallel never consume each other's jobs), quiet logs, and any overrides.
 */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig(
    {},
    {
      DATABASE_URL: fileDatabaseUrl(),
      REDIS_URL: inject('redisUrl'),
      QUEUE_PREFIX: `${inject('queuePrefix')}_${randomBytes(3).toString('hex')}`,
      LOG_LEVEL: 'silent',
      DATABASE_POOL_SIZE: 4,
      ...overrides,
    },
  );
}
