import type { Config } from '@anchorwatch/runtime';
import { ensureDatabase, migrate } from '@anchorwatch/store';

/** `anchorwatch migrate`: creates the database when missing and applies pending migrations. */
export async function migrateCommand(config: Config): Promise<void> {
  await ensureDatabase(config.DATABASE_URL);
  const applied = await migrate(config.DATABASE_URL);
  process.stdout.write(`${JSON.stringify({ applied })}\n`);
}
