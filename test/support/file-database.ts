import { randomBytes } from 'node:crypto';
import { copyDatabase, dropDatabase } from '@anchorwatch/store';
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

afterAll(() => dropDatabase(url.toString()));
