import { contractRule, errorBody, type ContractRule, type ErrorBody } from '@anchorwatch/schemas';
import { createApiKey, getSessionRulesVersion } from '@anchorwatch/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/support/http.ts';
import { createTenant, openSession, type LiveSession, type Tenant } from '../../../test/support/tenant.ts';
import { buildApi, closeApi, type ApiUnderTest } from './helper.ts';

let api: ApiUnderTest;
let tenant: Tenant;
let live: LiveSession;
let rulesPath: string;

beforeAll(async () => {
  api = await buildApi({ RULES_MAX_PER_CONTRACT: 3 });
  tenant = await createTenant(api.pool);
  live = await openSession(api.url, tenant, [{ name: 'GlowLab Vitamin C Serum', aliases: ['serum'] }]);
  rulesPath = `/v1/contracts/${live.contract.id}/rules`;
});
afterAll(() => closeApi(api));

const keyword = { name: 'Melted', kind: 'keyword', terms: ['melted'], severity: 'high', scope: 'chat' };

describe('/v1/contracts/:contractId/rules', () => {
  it('creates, lists, reads, replaces and deletes rules, bumping the contract\'s rules version on each write', async () => {
    const before = await getSessionRulesVersion(api.pool, live.session.id);
    const created = await call<ContractRule>(api.url, 'POST', rulesPath, tenant.adminKey, keyword);
    expect(created.status).toBe(201);
    expect(contractRule.parse(created.body)).toMatchObject({ ...keyword, contractId: live.contract.id, enabled: true, pattern: null });
    expect(await getSessionRulesVersion(api.pool, live.session.id)).toBe(before + 1);

    const list = await call<ContractRule[]>(api.url, 'GET', rulesPath, tenant.adminKey);
    expect(list.body.map((r) => r.id)).toEqual([created.body.id]);
    const one = await call<ContractRule>(api.url, 'GET', `${rulesPath}/${created.body.id}`, tenant.adminKey);
    expect(one.body).toEqual(created.body);

    const replaced = await call<ContractRule>(api.url, 'PUT', `${rulesPath}/${created.body.id}`, tenant.adminKey, {
      name: 'Batch codes', kind: 'regex', pattern: String.raw`batch\s*\d+`, severity: 'low', scope: 'both',
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ kind: 'regex', terms: [], pattern: String.raw`batch\s*\d+`, createdAt: created.body.createdAt });
    expect(await getSessionRulesVersion(api.pool, live.session.id)).toBe(before + 2);

    expect((await call(api.url, 'DELETE', `${rulesPath}/${created.body.id}`, tenant.adminKey)).status).toBe(204);
    expect((await call(api.url, 'GET', `${rulesPath}/${created.body.id}`, tenant.adminKey)).status).toBe(404);
    expect((await call(api.url, 'DELETE', `${rulesPath}/${created.body.id}`, tenant.adminKey)).status).toBe(404);
    expect(await getSessionRulesVersion(api.pool, live.session.id)).toBe(before + 3);
  });

  it('refuses a regex RE2 cannot run in linear time, or one too large, with invalid_rule_pattern', async () => {
    for (const pattern of ['(?<=buy)now', String.raw`(\w+)\1`, '[a-z]{600}[0-9]{600}']) {
      const res = await call<ErrorBody>(api.url, 'POST', rulesPath, tenant.adminKey, { name: 'x', kind: 'regex', pattern, severity: 'low' });
      expect(res.status).toBe(400);
      expect(errorBody.parse(res.body).error.code).toBe('invalid_rule_pattern');
    }
    const created = await call<ContractRule>(api.url, 'POST', rulesPath, tenant.adminKey, keyword);
    const put = await call<ErrorBody>(api.url, 'PUT', `${rulesPath}/${created.body.id}`, tenant.adminKey, {
      name: 'x', kind: 'regex', pattern: '(', severity: 'low',
    });
    expect(put.body.error.code).toBe('invalid_rule_pattern');
    await call(api.url, 'DELETE', `${rulesPath}/${created.body.id}`, tenant.adminKey);
  });

  it.each([
    [{ ...keyword, terms: [] }, 'terms'],
    [{ ...keyword, terms: ['two words'] }, 'single words'],
    [{ ...keyword, kind: 'phrase', terms: ['!!!'] }, 'letter or digit'],
    [{ ...keyword, kind: 'sentiment', terms: [] }, 'threshold'],
    [{ name: 'x', kind: 'sentiment', threshold: 1.5, severity: 'low' }, 'threshold'],
    [{ name: 'x', kind: 'regex', severity: 'low' }, 'pattern'],
    [{ ...keyword, scope: 'everyone' }, 'scope'],
  ])('refuses an inconsistent rule %j with validation_failed naming the field', async (body, field) => {
    const res = await call<ErrorBody>(api.url, 'POST', rulesPath, tenant.adminKey, body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toContain(field);
  });

  it('caps the rules of one contract at RULES_MAX_PER_CONTRACT', async () => {
    const other = await openSession(api.url, tenant, [{ name: 'Rose Toner' }]);
    const path = `/v1/contracts/${other.contract.id}/rules`;
    for (let i = 0; i < 3; i++) expect((await call(api.url, 'POST', path, tenant.adminKey, keyword)).status).toBe(201);
    const over = await call<ErrorBody>(api.url, 'POST', path, tenant.adminKey, keyword);
    expect(over.status).toBe(409);
    expect(over.body.error.message).toContain('RULES_MAX_PER_CONTRACT');
  });

  it('lets staff and legal read but only admins write, and hides other merchants\' contracts as 404', async () => {
    for (const role of ['staff', 'legal'] as const) {
      const key = (await createApiKey(api.pool, tenant.merchantId, { role, name: role })).key;
      expect((await call(api.url, 'GET', rulesPath, key)).status).toBe(200);
      expect((await call<ErrorBody>(api.url, 'POST', rulesPath, key, keyword)).body.error.code).toBe('forbidden');
    }
    const ops = (await createApiKey(api.pool, tenant.merchantId, { role: 'ops', name: 'ops' })).key;
    expect((await call(api.url, 'GET', rulesPath, ops)).status).toBe(403);

    const stranger = await createTenant(api.pool, 'Other merchant');
    expect((await call(api.url, 'GET', rulesPath, stranger.adminKey)).status).toBe(404);
    expect((await call(api.url, 'POST', rulesPath, stranger.adminKey, keyword)).status).toBe(404);
    const mine = await call<ContractRule>(api.url, 'POST', rulesPath, tenant.adminKey, keyword);
    expect((await call(api.url, 'GET', `${rulesPath}/${mine.body.id}`, stranger.adminKey)).status).toBe(404);
    expect((await call(api.url, 'DELETE', `${rulesPath}/${mine.body.id}`, stranger.adminKey)).status).toBe(404);
    expect((await call(api.url, 'GET', `${rulesPath}/${mine.body.id}`, tenant.adminKey)).status).toBe(200);
  });

  it('describes the rule routes in the OpenAPI document', async () => {
    const doc = await call<{ paths: Record<string, Record<string, { description?: string }>> }>(api.url, 'GET', '/openapi.json', null);
    const item = doc.body.paths['/v1/contracts/{contractId}/rules/{ruleId}'];
    expect(Object.keys(item ?? {})).toEqual(expect.arrayContaining(['get', 'put', 'delete']));
    expect(doc.body.paths['/v1/contracts/{contractId}/rules']?.post?.description).toMatch(/RE2/);
  });
});
