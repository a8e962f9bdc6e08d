import type { DetectorFeedback, ErrorBody, SessionEvent } from '@anchorwatch/schemas';
import { createApiKey } from '@anchorwatch/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/support/http.ts';
import { seedAlerts } from '../../../test/support/seed-alerts.ts';
import { createTenant, openSession, type LiveSession, type Tenant } from '../../../test/support/tenant.ts';
import type { Alert } from '../../../test/support/types.ts';
import { buildApi, closeApi, type ApiUnderTest } from './helper.ts';

const startedAt = '2026-11-20T12:00:00.000Z';
let api: ApiUnderTest;
let tenant: Tenant;
let other: Tenant;
let live: LiveSession;
let staffKey: string;
let staffKeyId: string;
let legalKey: string;
let alertIds: Map<string, string>;

beforeAll(async () => {
  api = await buildApi();
  tenant = await createTenant(api.pool, 'Lifecycle merchant');
  other = await createTenant(api.pool, 'Someone else');
  live = await openSession(api.url, tenant, [{ name: 'GlowLab Serum' }], { startedAt });
  const staff = await createApiKey(api.pool, tenant.merchantId, { role: 'staff', name: 'night shift' });
  staffKey = staff.key;
  staffKeyId = staff.id;
  legalKey = (await createApiKey(api.pool, tenant.merchantId, { role: 'legal', name: 'counsel' })).key;
  const productId = live.products[0]!.id;
  alertIds = await seedAlerts(
    api.pool,
    { id: live.session.id, merchantId: tenant.merchantId, startedAtMs: Date.parse(startedAt) },
    [
      { id: 't1', at: 10, text: 'GlowLab serum is awful', productId },
      { id: 't2', at: 20, text: 'GlowLab serum is terrible', productId },
      { id: 't3', at: 30, text: 'GlowLab serum burns', productId },
      { id: 'c4', at: 31, text: 'GlowLab serum broke', productId, chat: true },
    ],
  );
});
afterAll(() => closeApi(api));

const alertOf = (line: string): string => alertIds.get(line)!;

describe('alert lifecycle', () => {
  it('acknowledges then resolves, recording who and when for each move', async () => {
    const ack = await call<Alert>(api.url, 'POST', `/v1/alerts/${alertOf('t1')}/acknowledge`, staffKey);
    expect(ack.status).toBe(200);
    expect(ack.body.status).toBe('acknowledged');
    expect(ack.body.statusChanges).toHaveLength(1);
    expect(ack.body.statusChanges[0]).toMatchObject({
      from: 'open',
      to: 'acknowledged',
      by: { keyId: staffKeyId, name: 'night shift' },
      reason: null,
    });
    expect(Date.parse(ack.body.statusChanges[0]!.at)).not.toBeNaN();

    const resolved = await call<Alert>(api.url, 'POST', `/v1/alerts/${alertOf('t1')}/resolve`, tenant.adminKey);
    expect(resolved.status).toBe(200);
    expect(resolved.body.statusChanges.map((c) => [c.from, c.to, c.by.name])).toEqual([
      ['open', 'acknowledged', 'night shift'],
      ['acknowledged', 'resolved', 'test admin'],
    ]);
    const listed = await call<Alert[]>(api.url, 'GET', `/v1/alerts?sessionId=${live.session.id}`, legalKey);
    expect(listed.body.find((a) => a.id === alertOf('t1'))?.status).toBe('resolved');
  });

  it('answers 409 invalid_transition for a move the status does not allow, and changes nothing', async () => {
    for (const move of ['acknowledge', 'resolve']) {
      const res = await call<ErrorBody>(api.url, 'POST', `/v1/alerts/${alertOf('t1')}/${move}`, staffKey);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('invalid_transition');
      expect(res.body.error.message).toContain('resolved');
    }
    const after = await call<Alert>(api.url, 'GET', `/v1/alerts/${alertOf('t1')}`, staffKey);
    expect(after.body.statusChanges).toHaveLength(2);
  });

  it('lets exactly one of two simultaneous acknowledgements win', async () => {
    const results = await Promise.all(
      [staffKey, tenant.adminKey].map((k) => call<ErrorBody>(api.url, 'POST', `/v1/alerts/${alertOf('t3')}/acknowledge`, k)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('dismisses with a reason that admins read back as detector feedback', async () => {
    const noReason = await call<ErrorBody>(api.url, 'POST', `/v1/alerts/${alertOf('t2')}/dismiss`, staffKey, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.code).toBe('validation_failed');
    const blank = await call<ErrorBody>(api.url, 'POST', `/v1/alerts/${alertOf('t2')}/dismiss`, staffKey, { reason: '  ' });
    expect(blank.status).toBe(400);

    const dismissed = await call<Alert>(api.url, 'POST', `/v1/alerts/${alertOf('t2')}/dismiss`, staffKey, {
      reason: 'sarcasm: the host was joking',
    });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.status).toBe('dismissed');
    expect(dismissed.body.statusChanges[0]).toMatchObject({ from: 'open', to: 'dismissed', reason: 'sarcasm: the host was joking' });

    const feedback = await call<DetectorFeedback[]>(api.url, 'GET', '/v1/feedback', tenant.adminKey);
    expect(feedback.status).toBe(200);
    expect(feedback.body).toEqual([
      expect.objectContaining({
        alertId: alertOf('t2'),
        reason: 'sarcasm: the host was joking',
        rule: 'test_rule',
        detectorVersion: 'test-1',
        text: 'GlowLab serum is terrible',
        dismissedFrom: 'open',
        by: { keyId: staffKeyId, name: 'night shift' },
      }),
    ]);
    const filtered = await call<DetectorFeedback[]>(api.url, 'GET', '/v1/feedback?detectorVersion=other', tenant.adminKey);
    expect(filtered.body).toEqual([]);
    const byStaff = await call<ErrorBody>(api.url, 'GET', '/v1/feedback', staffKey);
    expect(byStaff.status).toBe(403);
    const byOther = await call<DetectorFeedback[]>(api.url, 'GET', '/v1/feedback', other.adminKey);
    expect(byOther.body).toEqual([]);
  });

  it('refuses legal keys (read-only) and hides alerts of other merchants', async () => {
    const byLegal = await call<ErrorBody>(api.url, 'POST', `/v1/alerts/${alertOf('c4')}/acknowledge`, legalKey);
    expect(byLegal.status).toBe(403);
    const byOther = await call<ErrorBody>(api.url, 'POST', `/v1/alerts/${alertOf('c4')}/acknowledge`, other.adminKey);
    expect(byOther.status).toBe(404);
    expect(byOther.body.error.code).toBe('not_found');
    const still = await call<Alert>(api.url, 'GET', `/v1/alerts/${alertOf('c4')}`, legalKey);
    expect(still.body.status).toBe('open');
  });
});

describe('session events around an alert', () => {
  it('returns transcript and chat lines between two offsets, oldest first, scoped to the merchant', async () => {
    const res = await call<SessionEvent[]>(api.url, 'GET', `/v1/sessions/${live.session.id}/events?from=15&to=31`, legalKey);
    expect(res.status).toBe(200);
    expect(res.body.map((e) => [e.eventId, e.type, e.offsetSeconds])).toEqual([
      ['t2', 'transcript', 20],
      ['t3', 'transcript', 30],
      ['c4', 'chat', 31],
    ]);
    expect(res.body[0]!.occurredAt).toBe('2026-11-20T12:00:20.000Z');
    const limited = await call<SessionEvent[]>(api.url, 'GET', `/v1/sessions/${live.session.id}/events?from=0&to=100&limit=1`, staffKey);
    expect(limited.body.map((e) => e.eventId)).toEqual(['t1']);
    const backwards = await call<ErrorBody>(api.url, 'GET', `/v1/sessions/${live.session.id}/events?from=20&to=10`, staffKey);
    expect(backwards.status).toBe(400);
    const foreign = await call<ErrorBody>(api.url, 'GET', `/v1/sessions/${live.session.id}/events?from=0&to=100`, other.adminKey);
    expect(foreign.status).toBe(404);
  });
});
