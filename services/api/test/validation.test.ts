import { errorBody, type ErrorBody } from '@anchorwatch/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/support/http.ts';
import { createTenant, type Tenant } from '../../../test/support/tenant.ts';
import { buildApi, closeApi, type ApiUnderTest } from './helper.ts';

let api: ApiUnderTest;
let tenant: Tenant;

beforeAll(async () => {
  api = await buildApi();
  tenant = await createTenant(api.pool);
});
afterAll(() => closeApi(api));

describe('bad input', () => {
  it.each([
    ['POST', '/v1/products', { aliases: ['x'] }],
    ['POST', '/v1/contracts', { creator: 'x', productIds: ['not-a-uuid'] }],
    ['POST', '/v1/sessions', { contractId: '7f0c8a4e-8a57-4b55-9a38-0d4f1c0f6f11', mediaUrl: 'not a url' }],
    ['GET', '/v1/alerts?since=yesterday', undefined],
    ['GET', '/v1/sessions/not-a-uuid', undefined],
  ] as const)('%s %s answers 400 validation_failed with a typed body', async (method, path, body) => {
    const res = await call<ErrorBody>(api.url, method, path, tenant.adminKey, body);
    expect(res.status).toBe(400);
    expect(errorBody.parse(res.body).error.code).toBe('validation_failed');
    expect(res.body.error.message.length).toBeGreaterThan(0);
  });

  it('keeps a product\'s deny entries (notMentions) and refuses an empty one', async () => {
    const created = await call<{ notMentions: string[] }>(api.url, 'POST', '/v1/products', tenant.adminKey, {
      name: 'Juniper Candle', aliases: ['juniper'], notMentions: ['Juniper Lane'],
    });
    expect(created.status).toBe(201);
    expect(created.body.notMentions).toEqual(['Juniper Lane']);
    const bad = await call<ErrorBody>(api.url, 'POST', '/v1/products', tenant.adminKey, { name: 'X', notMentions: [''] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
  });

  it('answers 404 not_found for an unknown route and an unknown contract', async () => {
    const route = await call<ErrorBody>(api.url, 'GET', '/v1/nothing-here', tenant.adminKey);
    expect(route.status).toBe(404);
    expect(route.body.error.code).toBe('not_found');
    const contract = await call<ErrorBody>(api.url, 'POST', '/v1/sessions', tenant.adminKey, {
      contractId: '7f0c8a4e-8a57-4b55-9a38-0d4f1c0f6f11',
    });
    expect(contract.status).toBe(404);
  });

  it('answers malformed JSON with 400 and the same error shape', async () => {
    const res = await fetch(`${api.url}/v1/products`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tenant.adminKey}`, 'content-type': 'application/json' },
      body: '{"name":',
    });
    expect(res.status).toBe(400);
    expect(errorBody.parse(await res.json()).error.code).toBe('validation_failed');
  });
});

describe('service endpoints', () => {
  it('serves health, readiness and an OpenAPI document generated from the zod schemas', async () => {
    expect((await call(api.url, 'GET', '/healthz', null)).status).toBe(200);
    const ready = await call<{ checks: Record<string, boolean> }>(api.url, 'GET', '/readyz', null);
    expect(ready.status).toBe(200);
    expect(ready.body.checks.database).toBe(true);
    const doc = await call<{ paths: Record<string, Record<string, unknown>> }>(api.url, 'GET', '/openapi.json', null);
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/v1/keys', '/v1/products', '/v1/contracts', '/v1/sessions', '/v1/alerts']),
    );
    expect(doc.body.paths['/v1/products']).toHaveProperty('post');
  });
});
