import { randomBytes, randomUUID } from 'node:crypto';
import { apiApp } from '@anchorwatch/api/app';
import type { ErrorBody, Webhook } from '@anchorwatch/schemas';
import { createApiKey, createPool } from '@anchorwatch/store';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../support/config.ts';
import { call } from '../support/http.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { createTenant, openSession, type LiveSession, type Tenant } from '../support/tenant.ts';

type Created = Webhook & { secret: string };

let stack: Stack;
let tenant: Tenant;
let other: Tenant;
let live: LiveSession;
let keys: Record<'staff' | 'legal' | 'ops', string>;

beforeAll(async () => {
  stack = await startStack(
    testConfig({ WEBHOOK_SECRET_KEY: randomBytes(32).toString('base64'), WEBHOOK_ALLOWED_ADDRESSES: '127.0.0.1', WEBHOOK_MAX_PER_MERCHANT: 4 }),
    { worker: false },
  );
  tenant = await createTenant(stack.pool, 'Webhook owner');
  other = await createTenant(stack.pool, 'Someone else');
  live = await openSession(stack.apiUrl, tenant, [{ name: 'GlowLab Vitamin C Serum', aliases: ['glowlab serum'] }]);
  const make = async (role: 'staff' | 'legal' | 'ops') => (await createApiKey(stack.pool, tenant.merchantId, { role, name: role })).key;
  keys = { staff: await make('staff'), legal: await make('legal'), ops: await make('ops') };
});
afterAll(() => stack.close());

const create = (key: string, body: unknown) => call<Created & ErrorBody>(stack.apiUrl, 'POST', '/v1/webhooks', key, body);

describe('webhook endpoints API', () => {
  it('lets ops create, read, update, pause, re-enable and delete an endpoint; the secret is shown once', async () => {
    const created = await create(keys.ops, { url: 'http://127.0.0.1:9/hook', minSeverity: 'high', productIds: [live.products[0]!.id] });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    expect(created.body).toMatchObject({ format: 'standard', minSeverity: 'high', disabledAt: null, productIds: [live.products[0]!.id] });

    const listed = await call<Webhook[]>(stack.apiUrl, 'GET', '/v1/webhooks', keys.ops);
    expect(listed.body.map((w) => w.id)).toContain(created.body.id);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    const stored = await stack.pool.query<{ secret_sealed: string }>('SELECT secret_sealed FROM webhooks WHERE id = $1', [created.body.id]);
    expect(stored.rows[0]!.secret_sealed).not.toContain(created.body.secret.slice(6, 30));

    const paused = await call<Webhook>(stack.apiUrl, 'PATCH', `/v1/webhooks/${created.body.id}`, keys.ops, { enabled: false, format: 'slack' });
    expect(paused.body).toMatchObject({ format: 'slack', disabledReason: 'paused by an operator' });
    expect(paused.body.disabledAt).not.toBeNull();
    const enabled = await call<Webhook>(stack.apiUrl, 'PATCH', `/v1/webhooks/${created.body.id}`, keys.ops, { enabled: true });
    expect(enabled.body).toMatchObject({ disabledAt: null, disabledReason: null, format: 'slack', minSeverity: 'high' });

    expect((await call(stack.apiUrl, 'DELETE', `/v1/webhooks/${created.body.id}`, keys.ops)).status).toBe(204);
    expect((await call(stack.apiUrl, 'GET', `/v1/webhooks/${created.body.id}`, keys.ops)).status).toBe(404);
    expect((await call(stack.apiUrl, 'DELETE', `/v1/webhooks/${created.body.id}`, keys.ops)).status).toBe(404);
  });

  it('rotates the secret, keeping the previous one alive for the overlap period', async () => {
    const created = await create(tenant.adminKey, { url: 'http://127.0.0.1:9/hook' });
    const rotated = await call<{ secret: string; previousSecretExpiresAt: string }>(
      stack.apiUrl, 'POST', `/v1/webhooks/${created.body.id}/rotate-secret`, keys.ops,
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(created.body.secret);
    expect(Date.parse(rotated.body.previousSecretExpiresAt)).toBeGreaterThan(Date.now());
    const after = await call<Webhook>(stack.apiUrl, 'GET', `/v1/webhooks/${created.body.id}`, keys.ops);
    expect(after.body.previousSecretExpiresAt).toBe(rotated.body.previousSecretExpiresAt);
    await call(stack.apiUrl, 'DELETE', `/v1/webhooks/${created.body.id}`, keys.ops);
  });

  it('refuses URLs that reach private, loopback or link-local addresses unless allow-listed (create and update)', async () => {
    for (const url of ['http://10.0.0.7/hook', 'https://169.254.169.254/latest/meta-data', 'http://[::1]:8080/x', 'https://192.168.0.10/', 'http://0.0.0.0:80/', 'https://[::ffff:10.0.0.1]/']) {
      const res = await create(keys.ops, { url });
      expect(res.status, url).toBe(400);
      expect(res.body.error.code, url).toBe('webhook_url_refused');
    }
    const ok = await create(keys.ops, { url: 'http://127.0.0.1:9/hook' });
    expect(ok.status).toBe(201);
    const moved = await call<ErrorBody>(stack.apiUrl, 'PATCH', `/v1/webhooks/${ok.body.id}`, keys.ops, { url: 'http://10.1.1.1/' });
    expect(moved.body.error.code).toBe('webhook_url_refused');
    expect((await create(keys.ops, { url: 'ftp://127.0.0.1/x' })).body.error.code).toBe('validation_failed');
    await call(stack.apiUrl, 'DELETE', `/v1/webhooks/${ok.body.id}`, keys.ops);
  });

  it('validates bodies and refuses filters naming another merchant\'s products or sessions', async () => {
    expect((await create(keys.ops, { url: 'http://127.0.0.1:9/', format: 'teams' })).body.error.code).toBe('validation_failed');
    expect((await create(keys.ops, { url: 'http://127.0.0.1:9/', muteWindows: [{ startsAt: '2026-11-20T13:00:00Z', endsAt: '2026-11-20T12:00:00Z' }] })).status).toBe(400);
    const foreign = await openSession(stack.apiUrl, other, [{ name: 'Not yours' }]);
    expect((await create(keys.ops, { url: 'http://127.0.0.1:9/', productIds: [foreign.products[0]!.id] })).status).toBe(409);
    expect((await create(keys.ops, { url: 'http://127.0.0.1:9/', sessionIds: [foreign.session.id] })).status).toBe(409);
  });

  it('caps the endpoints per merchant (WEBHOOK_MAX_PER_MERCHANT)', async () => {
    const capped = await createTenant(stack.pool, 'Capped');
    for (let i = 0; i < 4; i += 1) expect((await create(capped.adminKey, { url: 'http://127.0.0.1:9/' })).status).toBe(201);
    const fifth = await create(capped.adminKey, { url: 'http://127.0.0.1:9/' });
    expect(fifth.status).toBe(409);
    expect(fifth.body.error.message).toContain('WEBHOOK_MAX_PER_MERCHANT');
  });

  it('lets only ops and admins in, and answers 404 for another merchant\'s endpoint on every route', async () => {
    const mine = await create(keys.ops, { url: 'http://127.0.0.1:9/hook' });
    const id = mine.body.id;
    const delivery = randomUUID();
    const routes: [string, string, unknown?][] = [
      ['GET', '/v1/webhooks'],
      ['POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/' }],
      ['GET', `/v1/webhooks/${id}`],
      ['PATCH', `/v1/webhooks/${id}`, { minSeverity: 'low' }],
      ['DELETE', `/v1/webhooks/${id}`],
      ['POST', `/v1/webhooks/${id}/rotate-secret`],
      ['POST', `/v1/webhooks/${id}/test`],
      ['GET', `/v1/webhooks/${id}/deliveries`],
      ['POST', `/v1/webhooks/${id}/deliveries/${delivery}/replay`],
    ];
    for (const [method, path, body] of routes) {
      for (const key of [keys.staff, keys.legal]) {
        const res = await call<ErrorBody>(stack.apiUrl, method, path, key, body);
        expect(res.status, `${method} ${path}`).toBe(403);
      }
      expect((await call(stack.apiUrl, method, path, null, body)).status, `${method} ${path}`).toBe(401);
      if (path.includes(id)) {
        const res = await call<ErrorBody>(stack.apiUrl, method, path, other.adminKey, body);
        expect(res.status, `${method} ${path} by another merchant`).toBe(404);
      }
    }
    const others = await call<Webhook[]>(stack.apiUrl, 'GET', '/v1/webhooks', other.adminKey);
    expect(others.body.map((w) => w.id)).not.toContain(id);
    expect((await call(stack.apiUrl, 'POST', `/v1/webhooks/${id}/deliveries/${delivery}/replay`, keys.ops)).status).toBe(404);
    expect((await call(stack.apiUrl, 'GET', `/v1/webhooks/${id}`, keys.ops)).status).toBe(200);
  });

  it('tells every role of the merchant, and only that merchant, which endpoints are disabled, by host only', async () => {
    const created = await create(keys.ops, { url: 'http://127.0.0.1:9/hooks/secret-path', description: 'Paused one' });
    await call(stack.apiUrl, 'PATCH', `/v1/webhooks/${created.body.id}`, keys.ops, { enabled: false });
    for (const key of [keys.staff, keys.legal, keys.ops, tenant.adminKey]) {
      const res = await call<{ webhookId: string; host: string; description: string | null }[]>(stack.apiUrl, 'GET', '/v1/webhook-notices', key);
      expect(res.status).toBe(200);
      expect(res.body).toContainEqual(expect.objectContaining({ webhookId: created.body.id, host: '127.0.0.1:9', description: 'Paused one' }));
      expect(JSON.stringify(res.body)).not.toContain('secret-path');
    }
    const elsewhere = await call<unknown[]>(stack.apiUrl, 'GET', '/v1/webhook-notices', other.adminKey);
    expect(elsewhere.body).toEqual([]);
    await call(stack.apiUrl, 'DELETE', `/v1/webhooks/${created.body.id}`, keys.ops);
  });

  it('documents every webhook route in the OpenAPI document', async () => {
    const doc = await call<{ paths: Record<string, Record<string, unknown>> }>(stack.apiUrl, 'GET', '/openapi.json', null);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/v1/webhooks', '/v1/webhooks/{id}', '/v1/webhooks/{id}/rotate-secret', '/v1/webhooks/{id}/test',
        '/v1/webhooks/{id}/deliveries', '/v1/webhooks/{id}/deliveries/{deliveryId}/replay']),
    );
    expect(Object.keys(doc.body.paths['/v1/webhooks/{id}']!).sort()).toEqual(['delete', 'get', 'patch']);
  });

  it('answers webhooks_not_configured when the server has no WEBHOOK_SECRET_KEY', async () => {
    const config = testConfig({ WEBHOOK_SECRET_KEY: '', WEBHOOK_ALLOWED_ADDRESSES: '127.0.0.1' });
    const pool = createPool(config.DATABASE_URL, 2);
    const app = Fastify();
    await app.register(apiApp, { config, pool });
    try {
      const res = await app.inject({
        method: 'POST', url: '/v1/webhooks', headers: { authorization: `Bearer ${keys.ops}` }, payload: { url: 'http://127.0.0.1:9/' },
      });
      expect(res.statusCode).toBe(503);
      expect(res.json<ErrorBody>().error.code).toBe('webhooks_not_configured');
    } finally {
      await app.close();
      await pool.end();
    }
  });
});
