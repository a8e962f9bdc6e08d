import { randomBytes } from 'node:crypto';
import { loadConfig, type Config } from '@anchorwatch/runtime';
import { dropDatabase, ensureDatabase, migrate } from '@anchorwatch/store';
import { deleteKeys } from '../../test/support/redis-keys.ts';

/**
 * A config for one benchmark run: a fresh database on the configured PostgreSQL server and a fresh BullMQ
 * prefix, both removed by `cleanup`.
 */
export async function benchConfig(overrides: Partial<Config> = {}): Promise<{ config: Config; cleanup: () => Promise<void> }> {
  const base = loadConfig();
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const url = new URL(base.DATABASE_URL);
  url.pathname = `/aw_bench_${runId}`;
  await ensureDatabase(url.toString());
  await migrate(url.toString());
  const config = loadConfig({}, { ...base, DATABASE_URL: url.toString(), QUEUE_PREFIX: `awbench_${runId}`, LOG_LEVEL: 'silent', ...overrides });
  const cleanup = async (): Promise<void> => {
    await dropDatabase(url.toString());
    await deleteKeys(config.REDIS_URL, `${config.QUEUE_PREFIX}:*`);
  };
  return { config, cleanup };
}
