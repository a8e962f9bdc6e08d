import { randomBytes } from 'node:crypto';
import { copyDatabase, dropDatabase } from '@anchorwatch/store';
import pg from 'pg';
import { afterAll, inject } from 'vitest';

// A setup file (vitest.config.ts): every test file gets its own copy of the run's migrated database, because
// services that coordinate through the database (the outbox dispatcher's leader lock) would otherwise serve
// another file's stack. Copying the template takes about 0.1 s.
declare global {
  var anchorwatchTestDatabaseUrl: string | undefined;
}

const url = new URL(inject('databaseUrl'));
url.pathname = `${url.pathname}_${randomBytes(3).toString('hex')}`;
await copyDatabase(inject('databaseUrl'), url.toString());
globalThis.anchorwatchTestDatabaseUrl = url.toString();

/**
 * pg's `pool.end()` resolves before its clients' connections have closed; dropping the database WITH (FORCE) while
 * they are still closing makes PostgreSQL terminate them, which surfaces as an uncaught error. Wait (briefly) until
 * the file's connections are gone first.
 */
async function waitForDisconnects(timeoutMs = 3000): Promise<void> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
        [url.pathname.slice(1)],
      );
      if (rows[0]!.n === 0) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  await waitForDisconnects();
  await dropDatabase(url.toString());
});
