import { createApiKey } from '@anchorwatch/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/support/http.ts';
import { createTenant, type Tenant } from '../../../test/support/tenant.ts';
import { buildApi, closeApi, type ApiUnderTest } from './helper.ts';

let api: ApiUnderTest;
let tenant: Tenant;

beforeAll(async () => {
  api = await buildApi({ API_RATE_LIMIT_PER_MINUTE: 5 });
  tenant = await createTenant(api.pool);
});
afterAll(() => closeApi(api));

describe('API rate limit', () => {
  it('refuses a key over API_RATE_LIMIT_PER_MINUTE with rate_limited, and counts each key on its own', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await call(api.url, 'GET', '/v1/products', tenant.adminKey)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);

    const res = await fetch(`${api.url}/v1/products`, { headers: { authorization: `Bearer ${tenant.adminKey}` } });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('rate_limited');

    const staff = await createApiKey(api.pool, tenant.merchantId, { role: 'staff', name: 'other key' });
    expect((await call(api.url, 'GET', '/v1/products', staff.key)).status).toBe(200);
  });

  it('never counts requests with an unknown key: they are refused as unauthorized first', async () => {
    for (let i = 0; i < 7; i += 1) {
      expect((await call(api.url, 'GET', '/v1/products', 'aw_admin_not_a_key')).status).toBe(401);
    }
  });
});
