import type { Contract, CreatedSessionBody, Product } from './types.ts';
import { createApiKey, createMerchant, type Pool } from '@anchorwatch/store';
import { call } from './http.ts';

export interface Tenant {
  merchantId: string;
  adminKey: string;
}

/** A fresh merchant with an admin key: each test works in its own tenant and never wipes shared tables. */
export async function createTenant(pool: Pool, name = 'Test merchant'): Promise<Tenant> {
  const merchant = await createMerchant(pool, name);
  const key = await createApiKey(pool, merchant.id, { role: 'admin', name: 'test admin' });
  return { merchantId: merchant.id, adminKey: key.key };
}

export interface LiveSession {
  products: Product[];
  contract: Contract;
  session: CreatedSessionBody;
}

/** Creates products, a contract over them and a live session through the API, as a merchant would. */
export async function openSession(
  apiUrl: string,
  tenant: Tenant,
  products: { name: string; aliases?: string[]; brand?: string; sku?: string }[],
  session: { startedAt?: string; title?: string; mediaUrl?: string; language?: 'auto' | 'en' | 'zh' } = {},
  contractOptions: { evidencePreRollSeconds?: number; evidencePostRollSeconds?: number } = {},
): Promise<LiveSession> {
  const created: Product[] = [];
  for (const p of products) {
    const res = await call<Product>(apiUrl, 'POST', '/v1/products', tenant.adminKey, p);
    if (res.status !== 201) throw new Error(`product: ${res.status} ${JSON.stringify(res.body)}`);
    created.push(res.body);
  }
  const contract = await call<Contract>(apiUrl, 'POST', '/v1/contracts', tenant.adminKey, {
    creator: 'Maddie',
    productIds: created.map((p) => p.id),
    ...contractOptions,
  });
  if (contract.status !== 201) throw new Error(`contract: ${contract.status} ${JSON.stringify(contract.body)}`);
  const opened = await call<CreatedSessionBody>(apiUrl, 'POST', '/v1/sessions', tenant.adminKey, {
    contractId: contract.body.id,
    platform: 'test',
    ...session,
  });
  if (opened.status !== 201) throw new Error(`session: ${opened.status} ${JSON.stringify(opened.body)}`);
  return { products: created, contract: contract.body, session: opened.body };
}
