import type { ErrorBody } from '@anchorwatch/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/support/http.ts';
import { createTenant, openSession, type Tenant } from '../../../test/support/tenant.ts';
import type { Alert, CreatedSessionBody, Product } from '../../../test/support/types.ts';
import { buildApi, closeApi, type ApiUnderTest } from './helper.ts';

let api: ApiUnderTest;
let a: Tenant;
let b: Tenant;
let sessionOfA: CreatedSessionBody;

beforeAll(async () => {
  api = await buildApi();
  a = await createTenant(api.pool, 'Merchant A');
  b = await createTenant(api.pool, 'Merchant B');
  sessionOfA = (await openSession(api.url, a, [{ name: 'GlowLab Serum' }])).session;
});
afterAll(() => closeApi(api));

describe('tenant scoping', () => {
  it("answers 404 for another merchant's session, and 200 for its own", async () => {
    const own = await call(api.url, 'GET', `/v1/sessions/${sessionOfA.id}`, a.adminKey);
    expect(own.status).toBe(200);
    const other = await call<ErrorBody>(api.url, 'GET', `/v1/sessions/${sessionOfA.id}`, b.adminKey);
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('not_found');
  });

  it("lists only the caller's own products, sessions and alerts", async () => {
    const products = await call<Product[]>(api.url, 'GET', '/v1/products', b.adminKey);
    expect(products.body).toEqual([]);
    const sessions = await call<unknown[]>(api.url, 'GET', '/v1/sessions', b.adminKey);
    expect(sessions.body).toEqual([]);
    const alerts = await call<Alert[]>(api.url, 'GET', `/v1/alerts?sessionId=${sessionOfA.id}`, b.adminKey);
    expect(alerts.status).toBe(200);
    expect(alerts.body).toEqual([]);
  });

  it("refuses a contract over another merchant's product", async () => {
    const productsOfA = await call<Product[]>(api.url, 'GET', '/v1/products', a.adminKey);
    const res = await call<ErrorBody>(api.url, 'POST', '/v1/contracts', b.adminKey, {
      creator: 'Host',
      productIds: [productsOfA.body[0]!.id],
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
  });

  it("cannot end or revoke another merchant's things", async () => {
    const end = await call<ErrorBody>(api.url, 'POST', `/v1/sessions/${sessionOfA.id}/end`, b.adminKey);
    expect(end.status).toBe(404);
    const keysOfA = await call<{ id: string }[]>(api.url, 'GET', '/v1/keys', a.adminKey);
    const revoke = await call<ErrorBody>(api.url, 'DELETE', `/v1/keys/${keysOfA.body[0]!.id}`, b.adminKey);
    expect(revoke.status).toBe(404);
    const stillThere = await call(api.url, 'GET', '/v1/keys', a.adminKey);
    expect(stillThere.status).toBe(200);
  });
});

describe('authentication', () => {
  it('refuses a missing, malformed or unknown key with 401 and a typed body', async () => {
    for (const key of [null, 'not-a-real-key']) {
      const res = await call<ErrorBody>(api.url, 'GET', '/v1/products', key);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
    }
  });

  it('stores keys only as hashes', async () => {
    const { rows } = await api.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM api_keys WHERE encode(key_hash, 'escape') LIKE '%' || $1 || '%'`,
      [a.adminKey.slice(-20)],
    );
    expect(rows[0]!.n).toBe(0);
    const { rows: sessions } = await api.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM sessions WHERE ingest_token_hash = sha256(convert_to($1, 'UTF8'))`,
      [sessionOfA.ingestToken],
    );
    expect(sessions[0]!.n).toBe(1);
  });

  it('stops accepting a key once it is revoked', async () => {
    const created = await call<{ id: string; key: string }>(api.url, 'POST', '/v1/keys', a.adminKey, {
      role: 'staff',
      name: 'temp',
    });
    expect(created.status).toBe(201);
    expect((await call(api.url, 'GET', '/v1/alerts', created.body.key)).status).toBe(200);
    expect((await call(api.url, 'DELETE', `/v1/keys/${created.body.id}`, a.adminKey)).status).toBe(204);
    expect((await call(api.url, 'GET', '/v1/alerts', created.body.key)).status).toBe(401);
  });
});

describe('roles', () => {
  it.each([
    ['staff', 'GET', '/v1/alerts', 200],
    ['staff', 'POST', '/v1/products', 403],
    ['staff', 'GET', '/v1/keys', 403],
    ['legal', 'GET', '/v1/sessions', 200],
    ['legal', 'POST', '/v1/keys', 403],
    ['ops', 'GET', '/v1/alerts', 403],
    ['ops', 'GET', '/v1/products', 200],
  ] as const)('%s → %s %s answers %i', async (role, method, path, status) => {
    const key = await call<{ key: string }>(api.url, 'POST', '/v1/keys', a.adminKey, { role, name: `${role} key` });
    const body = method === 'POST' ? (path === '/v1/keys' ? { role: 'staff', name: 'x' } : { name: 'P' }) : undefined;
    const res = await call<ErrorBody>(api.url, method, path, key.body.key, body);
    expect(res.status).toBe(status);
    if (status === 403) expect(res.body.error.code).toBe('forbidden');
  });
});
