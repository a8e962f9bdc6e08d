import { randomBytes } from 'node:crypto';
import type { ErrorBody, Webhook, WebhookDelivery } from '@anchorwatch/schemas';
import { parseAllowList } from '@anchorwatch/webhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postWebhook } from '../../services/worker/src/webhooks/http-sender.ts';
import { testConfig } from '../support/config.ts';
import { call, eventually } from '../support/http.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { createTenant, type Tenant } from '../support/tenant.ts';
import { WebhookReceiver } from '../support/webhook-receiver.ts';

let stack: Stack;
let tenant: Tenant;
let rx: WebhookReceiver;

beforeAll(async () => {
  stack = await startStack(
    testConfig({
      WEBHOOK_SECRET_KEY: randomBytes(32).toString('base64'),
      WEBHOOK_ALLOWED_ADDRESSES: '127.0.0.1',
      WEBHOOK_BACKOFF_BASE_MS: 20,
      WEBHOOK_BACKOFF_MAX_MS: 50,
      WEBHOOK_MAX_ATTEMPTS: 3,
      WEBHOOK_MIN_INTERVAL_MS: 0,
      // Generous, so a loaded CI machine never turns a slow 200 into a failure; timeouts are tested on their own.
      WEBHOOK_TIMEOUT_MS: 10_000,
    }),
  );
  tenant = await createTenant(stack.pool);
  rx = await WebhookReceiver.start();
});
afterAll(async () => {
  await rx.stop();
  await stack.close();
});

const api = <T>(method: string, path: string, body?: unknown) => call<T>(stack.apiUrl, method, path, tenant.adminKey, body);

describe('failing endpoints', () => {
  it('dead-letters a delivery that failed for the whole schedule, disables the endpoint, and replays it once re-enabled', async () => {
    rx.answer = () => ({ status: 500 });
    const hook = (await api<Webhook>('POST', '/v1/webhooks', { url: rx.url('/dead') })).body;
    const test = await api<{ deliveryId: string; messageId: string }>('POST', `/v1/webhooks/${hook.id}/test`);

    const [dead] = await eventually(async () => {
      const log = await api<WebhookDelivery[]>('GET', `/v1/webhooks/${hook.id}/deliveries?status=dead`);
      return log.body.length === 1 ? log.body : undefined;
    });
    expect(dead!.id).toBe(test.body.deliveryId);
    expect(dead!.attempts.map((a) => a.statusCode)).toEqual([500, 500, 500]);
    const disabled = await eventually(async () => {
      const w = await api<Webhook>('GET', `/v1/webhooks/${hook.id}`);
      return w.body.disabledAt ? w.body : undefined;
    });
    expect(disabled.disabledReason).toContain('failed 3 times');
    expect((await api<Webhook[]>('GET', '/v1/webhooks')).body.find((w) => w.id === hook.id)?.disabledAt).toBe(disabled.disabledAt);

    // Replay waits for the operator to re-enable the endpoint.
    const early = await api<ErrorBody>('POST', `/v1/webhooks/${hook.id}/deliveries/${dead!.id}/replay`);
    expect(early.status).toBe(409);
    expect((await api<ErrorBody>('POST', `/v1/webhooks/${hook.id}/test`)).status).toBe(409);

    rx.answer = () => ({ status: 200 });
    expect((await api<Webhook>('PATCH', `/v1/webhooks/${hook.id}`, { enabled: true })).body.disabledAt).toBeNull();
    const replay = await api<{ messageId: string }>('POST', `/v1/webhooks/${hook.id}/deliveries/${dead!.id}/replay`);
    expect(replay.status).toBe(202);
    expect(replay.body.messageId).toBe(test.body.messageId);
    const done = await eventually(async () => {
      const log = await api<WebhookDelivery[]>('GET', `/v1/webhooks/${hook.id}/deliveries`);
      return log.body[0]?.status === 'succeeded' ? log.body[0] : undefined;
    });
    expect(done.attempts.map((a) => a.statusCode)).toEqual([500, 500, 500, 200]);
    const ids = rx.on('/dead').map((r) => r.headers['webhook-id']);
    expect(new Set(ids)).toEqual(new Set([test.body.messageId]));
    expect(ids).toHaveLength(4);
    expect((await api<ErrorBody>('POST', `/v1/webhooks/${hook.id}/deliveries/${dead!.id}/replay`)).status).toBe(409);
  });

  it('does not disable an endpoint that received another delivery while one was failing', async () => {
    // The first message (B) is held in flight while A is queued, then accepted; every later request (A) fails.
    let releaseB!: () => void;
    const heldB = new Promise<void>((r) => (releaseB = r));
    rx.answer = () => (rx.on('/flaky').length === 1 ? { status: 200, hold: heldB } : { status: 500 });
    const hook = (await api<Webhook>('POST', '/v1/webhooks', { url: rx.url('/flaky') })).body;
    const b = await api<{ deliveryId: string }>('POST', `/v1/webhooks/${hook.id}/test`);
    await eventually(async () => (rx.on('/flaky').length === 1 ? true : undefined));
    const a = await api<{ deliveryId: string }>('POST', `/v1/webhooks/${hook.id}/test`);
    releaseB();

    const log = await eventually(async () => {
      const l = await api<WebhookDelivery[]>('GET', `/v1/webhooks/${hook.id}/deliveries`);
      return l.body.find((d) => d.id === a.body.deliveryId)?.status === 'dead' ? l.body : undefined;
    });
    expect(log.find((d) => d.id === b.body.deliveryId)?.status).toBe('succeeded');
    expect(log.find((d) => d.id === a.body.deliveryId)?.attempts.map((x) => x.statusCode)).toEqual([500, 500, 500]);
    expect((await api<Webhook>('GET', `/v1/webhooks/${hook.id}`)).body.disabledAt).toBeNull();
  });

  it('times out an endpoint that does not answer', async () => {
    rx.answer = () => ({ status: 200, hold: new Promise(() => undefined) });
    const result = await postWebhook(rx.url('/hang'), '{}', {}, { timeoutMs: 300, allow: parseAllowList('127.0.0.1') });
    expect(result).toMatchObject({ ok: false, statusCode: null });
    expect(result.error).toMatch(/no complete response within 300 ms/);
    expect(rx.on('/hang')).toHaveLength(1);
  });
});

describe('paused and deleted endpoints', () => {
  it('dead-letters what was queued for a paused endpoint, and drops what was queued for a deleted one', async () => {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    rx.answer = () => ({ status: 200, hold: released });
    const paused = (await api<Webhook>('POST', '/v1/webhooks', { url: rx.url('/paused') })).body;
    const deleted = (await api<Webhook>('POST', '/v1/webhooks', { url: rx.url('/deleted') })).body;
    // One request in flight per endpoint: the second test event of each waits behind the first.
    for (const hook of [paused, deleted]) {
      await api('POST', `/v1/webhooks/${hook.id}/test`);
      await eventually(async () => (rx.on(hook === paused ? '/paused' : '/deleted').length === 1 ? true : undefined));
    }
    const waitingPaused = await api<{ deliveryId: string }>('POST', `/v1/webhooks/${paused.id}/test`);
    const waitingDeleted = await api<{ deliveryId: string }>('POST', `/v1/webhooks/${deleted.id}/test`);
    await api('PATCH', `/v1/webhooks/${paused.id}`, { enabled: false });
    await api('DELETE', `/v1/webhooks/${deleted.id}`);
    release();

    const dead = await eventually(async () => {
      const log = await api<WebhookDelivery[]>('GET', `/v1/webhooks/${paused.id}/deliveries?status=dead`);
      return log.body.length ? log.body : undefined;
    });
    expect(dead.map((d) => d.id)).toEqual([waitingPaused.body.deliveryId]);
    const row = await eventually(async () => {
      const { rows } = await stack.pool.query<{ status: string }>('SELECT status FROM webhook_deliveries WHERE id = $1', [waitingDeleted.body.deliveryId]);
      return rows[0]?.status === 'dead' ? rows[0] : undefined;
    });
    expect(row.status).toBe('dead');
    expect(rx.on('/paused')).toHaveLength(1);
    expect(rx.on('/deleted')).toHaveLength(1);
  });
});

describe('server-side request forgery at delivery time', () => {
  it('checks the address again when sending: a receiver no longer allow-listed gets nothing', async () => {
    const before = rx.received.length;
    const refused = await postWebhook(rx.url('/ssrf'), '{}', {}, { timeoutMs: 1000, allow: parseAllowList('') });
    expect(refused).toMatchObject({ ok: false, statusCode: null });
    expect(refused.error).toMatch(/refused: .*loopback/);
    rx.answer = () => ({ status: 204 });
    const allowed = await postWebhook(rx.url('/ssrf'), '{}', {}, { timeoutMs: 1000, allow: parseAllowList('127.0.0.1') });
    expect(allowed).toMatchObject({ ok: true, statusCode: 204 });
    expect(rx.received.length - before).toBe(1);
  });

  it('refuses a host whose DNS answer changed to a private address, and never follows redirects', async () => {
    const rebound = await postWebhook('https://hooks.customer.example/in', '{}', {}, {
      timeoutMs: 1000, allow: parseAllowList(''), resolve: async () => ['93.184.216.34', '10.0.0.8'],
    });
    expect(rebound.error).toMatch(/10\.0\.0\.8 is a private address/);
    rx.answer = () => ({ status: 302 });
    const redirect = await postWebhook(rx.url('/redirect'), '{}', {}, { timeoutMs: 1000, allow: parseAllowList('127.0.0.1') });
    expect(redirect).toMatchObject({ ok: false, statusCode: 302 });
  });
});
