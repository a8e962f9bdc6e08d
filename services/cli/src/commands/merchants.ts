import type { Config } from '@anchorwatch/runtime';
import { createApiKey, createMerchant, createPool, ensureDatabase, migrate, withTransaction } from '@anchorwatch/store';
import { parseArgs } from 'node:util';
import { UsageError } from '../usage-error.ts';

/** `anchorwatch merchants create --name NAME`: a new tenant and its first admin key, printed as JSON once. */
export async function merchantsCommand(config: Config, args: string[]): Promise<void> {
  const [action, ...rest] = args;
  if (action !== 'create') throw new UsageError('usage: anchorwatch merchants create --name NAME');
  const { values } = parseArgs({ args: rest, options: { name: { type: 'string' } } });
  if (!values.name?.trim()) throw new UsageError('merchants create needs --name NAME');

  await ensureDatabase(config.DATABASE_URL);
  await migrate(config.DATABASE_URL);
  const pool = createPool(config.DATABASE_URL, 1);
  try {
    const created = await withTransaction(pool, async (tx) => {
      const merchant = await createMerchant(tx, values.name!.trim());
      const key = await createApiKey(tx, merchant.id, { role: 'admin', name: 'initial admin key' });
      return { merchantId: merchant.id, apiKey: key.key };
    });
    process.stdout.write(`${JSON.stringify(created)}\n`);
  } finally {
    await pool.end();
  }
}
