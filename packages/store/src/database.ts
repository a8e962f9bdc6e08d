import pg from 'pg';

/** Splits a database URL into the server's maintenance URL and the database name. */
function splitDatabaseUrl(databaseUrl: string): { adminUrl: string; name: string } {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`unsupported database name in DATABASE_URL: "${name}"`);
  url.pathname = '/postgres';
  return { adminUrl: url.toString(), name };
}

async function onAdmin<T>(databaseUrl: string, fn: (c: pg.Client, name: string) => Promise<T>): Promise<T> {
  const { adminUrl, name } = splitDatabaseUrl(databaseUrl);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client, name);
  } finally {
    await client.end();
  }
}

/** Creates the database named in `databaseUrl` when it does not exist yet. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  await onAdmin(databaseUrl, async (client, name) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return;
    try {
      await client.query(`CREATE DATABASE "${name}"`);
    } catch (err) {
      // Two processes may race to create it; losing that race is fine.
      if ((err as { code?: string }).code !== '42P04') throw err;
    }
  });
}

/** Drops the database named in `databaseUrl` (tests clean up the databases they made). */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  await onAdmin(databaseUrl, async (client, name) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}

/** Creates `databaseUrl` as a copy of the migrated database at `templateUrl` (each test file gets its own). */
export async function copyDatabase(templateUrl: string, databaseUrl: string): Promise<void> {
  const { name: template } = splitDatabaseUrl(templateUrl);
  await onAdmin(databaseUrl, async (client, name) => {
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  });
}

/** Names of the databases on the server of `databaseUrl` that start with `prefix` (for test cleanup). */
export async function listDatabases(databaseUrl: string, prefix: string): Promise<string[]> {
  return onAdmin(databaseUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname',
      [prefix],
    );
    return rows.map((r) => r.datname);
  });
}
