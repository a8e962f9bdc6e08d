import type { Config } from '@anchorwatch/runtime';
import { createApiKey, createMerchant, createPool, withTransaction } from '@anchorwatch/store';
import { ApiClient, type CreatedSession } from './api-client.ts';
import type { SampleProduct } from './sample-session.ts';

/** Everything the demo created: its merchant, an admin key, the products by sample key, and the live session. */
export interface DemoTenant {
  merchantId: string;
  apiKey: string;
  api: ApiClient;
  productIdByKey: Map<string, string>;
  productNameById: Map<string, string>;
  session: CreatedSession;
}

/**
 * Creates a fresh merchant and admin key straight in the store (what `anchorwatch merchants create` does),
 * then products, a contract and a live session through the API, as an integrator would. The stack has already
 * created and migrated the database, so no migration runs here.
 */
export async function setupTenant(
  config: Config,
  apiUrl: string,
  products: readonly SampleProduct[],
  labels: { merchant: string; creator: string; title: string },
): Promise<DemoTenant> {
  const pool = createPool(config.DATABASE_URL, 1);
  const { merchantId, apiKey } = await withTransaction(pool, async (tx) => {
    const merchant = await createMerchant(tx, labels.merchant);
    const key = await createApiKey(tx, merchant.id, { role: 'admin', name: 'demo admin key' });
    return { merchantId: merchant.id, apiKey: key.key };
  }).finally(() => pool.end());

  const api = new ApiClient(apiUrl, apiKey);
  const productIdByKey = new Map<string, string>();
  const productNameById = new Map<string, string>();
  for (const p of products) {
    const created = await api.createProduct({ name: p.name, aliases: p.aliases, brand: p.brand });
    productIdByKey.set(p.id, created.id);
    productNameById.set(created.id, created.name);
  }
  const contract = await api.createContract({ creator: labels.creator, productIds: [...productIdByKey.values()] });
  // Stream second 0 is now: the replay starts sending the moment the session exists.
  const session = await api.createSession({
    contractId: contract.id,
    platform: 'demo',
    title: labels.title,
    startedAt: new Date().toISOString(),
  });
  return { merchantId, apiKey, api, productIdByKey, productNameById, session };
}
