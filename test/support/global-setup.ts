import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase, listDatabases, migrate } from '@anchorwatch/store';
import { buildWeb } from '@anchorwatch/web/build';
import type { TestProject } from 'vitest/node';
import { deleteKeys } from './redis-keys.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    redisUrl: string;
    queuePrefix: string;
  }
}

interface Stoppable {
  stop(): Promise<unknown>;
}

/**
 * One migrated template database and one BullMQ key prefix per test run (each test file copies the template: see
 * file-database.ts), on the servers named by DATABASE_URL / REDIS_URL, or on
 * containers started with testcontainers when those are unset. Teardown removes only what this run made.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const containers: Stoppable[] = [];
  let serverUrl = process.env.DATABASE_URL;
  let redisUrl = process.env.REDIS_URL;
  if (!serverUrl) {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const pg = await new PostgreSqlContainer('postgres:16-alpine').start();
    containers.push(pg);
    serverUrl = pg.getConnectionUri();
  }
  if (!redisUrl) {
    const { RedisContainer } = await import('@testcontainers/redis');
    const redis = await new RedisContainer('redis:7-alpine').start();
    containers.push(redis);
    redisUrl = redis.getConnectionUrl();
  }

  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/aw_test_${runId}`;
  await ensureDatabase(databaseUrl.toString());
  await migrate(databaseUrl.toString());
  // Built once here (when stale) so no two test files, or `npm start` under test, rebuild the page at once.
  await buildWeb();
  const queuePrefix = `awtest_${runId}`;

  project.provide('databaseUrl', databaseUrl.toString());
  project.provide('redisUrl', redisUrl);
  project.provide('queuePrefix', queuePrefix);

  return async () => {
    // Files drop their own copies; a file that crashed leaves one behind, so sweep them by name too.
    for (const name of await listDatabases(databaseUrl.toString(), `aw_test_${runId}_`)) {
      const copy = new URL(databaseUrl);
      copy.pathname = `/${name}`;
      await dropDatabase(copy.toString());
    }
    await dropDatabase(databaseUrl.toString());
    await deleteKeys(redisUrl, `${queuePrefix}*`);
    await Promise.all(containers.map((c) => c.stop()));
  };
}

