import { randomBytes } from 'node:crypto';
import { createRedis, type Redis } from '@anchorwatch/runtime';
import { webhookPayload, type Alert, type Webhook, type WebhookDelivery } from '@anchorwatch/schemas';
import type { KnownBlock } from '@slack/types';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { raiseAlerts } from '../support/alerts.ts';
import { testConfig } from '../support/config.ts';
import { call, eventually } from '../support/http.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { createTenant, openSession, type LiveSession, type Tenant } from '../support/tenant.ts';
import { WebhookReceiver } from '../support/webhook-receiver.ts';
import { AlertGrouping } from '../../services/worker/src/webhooks/alert-grouping.ts';
import type { AlertSink } from '../../services/worker/src/outbox/alert-sink.ts';
import { createWebhookSink } from '../../services/worker/src/webhooks/alert-sink.ts';
import { createWebhookQueue, type WebhookQueue } from '../../services/worker/src/webhooks/delivery-queue.ts';

const catalog = [
  { name: 'GlowLab Vitamin C Serum', aliases: ['glowlab serum'] },
  { name: 'VoltCore MagSnap Power Bank', aliases: ['magsnap'] },
  { name: 'IronRoot Cast Iron Skillet', aliases: ['ironroot skillet'] },
];
/** One clearly negative line per product: three alerts in three different groups. */
const threeProducts = (tag: string) => [
  { id: `${tag}-1`, text: 'the glowlab serum gave me a rash', at: 10 },
  { id: `${tag}-2`, text: 'the magsnap broke after two days, do not buy it', at: 20 },
  { id: `${tag}-3`, text: 'the ironroot skillet gave me a rash', at: 30 },
];
const PUBLIC_API_URL = 'https://anchorwatch.example.test';

let stack: Stack;
let producer: Redis;
let queue: WebhookQueue;
let sink: AlertSink;
const receivers: WebhookReceiver[] = [];

beforeAll(async () => {
  stack = await startStack(
    testConfig({
      WEBHOOK_SECRET_KEY: randomBytes(32).toString('base64'),
      WEBHOOK_ALLOWED_ADDRESSES: '127.0.0.1',
      PUBLIC_API_URL,
      // A short schedule (about 8 s in all) so a receiver that is down for a moment is retried quickly.
      WEBHOOK_BACKOFF_BASE_MS: 50,
      WEBHOOK_BACKOFF_MAX_MS: 300,
      WEBHOOK_MAX_ATTEMPTS: 30,
      WEBHOOK_MIN_INTERVAL_MS: 10,
      WEBHOOK_SLACK_MIN_INTERVAL_MS: 300,
      WEBHOOK_TIMEOUT_MS: 8000,
      // Two slots only: a slow endpoint holding one must leave the other to everyone else.
      WEBHOOK_CONCURRENCY: 2,
      WEBHOOK_GROUP_COOLDOWN_MS: 600,
    }),
  );
  // The sink as the worker's alert dispatcher holds it; the stack's worker consumes what it queues.
  producer = createRedis(stack.config.REDIS_URL, 'producer');
  queue = createWebhookQueue(producer, stack.config);
  sink = createWebhookSink({
    pool: stack.pool,
    queue,
    grouping: new AlertGrouping(producer, stack.config.QUEUE_PREFIX, stack.config.WEBHOOK_GROUP_COOLDOWN_MS),
    config: stack.config,
  });
});
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.stop()));
  await stack.close();
  await queue.obliterate({ force: true });
  await queue.close();
  producer.disconnect();
});

async function receiver(options?: { listening?: boolean }): Promise<WebhookReceiver> {
  const r = await WebhookReceiver.start(options);
  receivers.push(r);
  return r;
}

async function newTenant(): Promise<{ tenant: Tenant; live: LiveSession }> {
  const tenant = await createTenant(stack.pool);
  const live = await openSession(stack.apiUrl, tenant, catalog, { startedAt: '2026-11-20T12:00:00.000Z', title: 'Friday deals' });
  return { tenant, live };
}

async function createWebhook(tenant: Tenant, body: Record<string, unknown>): Promise<Webhook & { secret: string }> {
  const res = await call<Webhook & { secret: string }>(stack.apiUrl, 'POST', '/v1/webhooks', tenant.adminKey, body);
  if (res.status !== 201) throw new Error(`webhook: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Hands raised alerts to the webhook sink again, as the alert dispatcher may (it delivers at least once). */
async function redispatch(tenant: Tenant, alerts: Alert[]): Promise<void> {
  await sink.deliver(
    alerts.map((alert, i) => ({ feedSeq: String(i + 1), kind: 'raised', merchantId: tenant.merchantId, recordedAt: new Date().toISOString(), alert })),
  );
}

const deliveries = async (tenant: Tenant, webhookId: string, query = ''): Promise<WebhookDelivery[]> =>
  (await call<WebhookDelivery[]>(stack.apiUrl, 'GET', `/v1/webhooks/${webhookId}/deliveries${query}`, tenant.adminKey)).body;

const verify = (secret: string, r: { body: string; headers: Record<string, string> }) =>
  webhookPayload.parse(new StandardWebhook(secret).verify(r.body, r.headers));

describe('webhook deliveries', () => {
  it('signs deliveries the standardwebhooks library verifies, logs them, and signs with both secrets after a rotation', async () => {
    const { tenant, live } = await newTenant();
    const rx = await receiver();
    const hook = await createWebhook(tenant, { url: rx.url() });
    const [alert] = await raiseAlerts(stack, tenant, live, threeProducts('sig').slice(0, 1));

    const [got] = await eventually(async () => (rx.received.length >= 1 ? rx.received : undefined));
    const payload = verify(hook.secret, got!);
    expect(payload.type).toBe('alert.raised');
    if (payload.type !== 'alert.raised') return;
    expect(payload.data.alert.id).toBe(alert!.id);
    expect(payload.data).toMatchObject({
      count: 1,
      product: { id: alert!.productId, name: 'GlowLab Vitamin C Serum' },
      session: { id: live.session.id, title: 'Friday deals' },
      evidenceUrl: `${PUBLIC_API_URL}/v1/evidence?alertId=${alert!.id}`,
    });

    const [logged] = await eventually(async () => {
      const log = await deliveries(tenant, hook.id);
      return log[0]?.status === 'succeeded' ? log : undefined;
    });
    expect(got!.headers['webhook-id']).toBe(logged!.messageId);
    expect(logged).toMatchObject({ alertId: alert!.id, kind: 'alert', alertCount: 1 });
    expect(logged!.attempts).toHaveLength(1);
    expect(logged!.attempts[0]).toMatchObject({ attempt: 1, statusCode: 204, error: null });
    expect(logged!.attempts[0]!.latencyMs).toBeGreaterThanOrEqual(0);

    const rotated = await call<{ secret: string }>(stack.apiUrl, 'POST', `/v1/webhooks/${hook.id}/rotate-secret`, tenant.adminKey);
    const test = await call<{ deliveryId: string; messageId: string }>(stack.apiUrl, 'POST', `/v1/webhooks/${hook.id}/test`, tenant.adminKey);
    expect(test.status).toBe(202);
    const testRequest = await eventually(async () => rx.received.find((r) => r.headers['webhook-id'] === test.body.messageId));
    expect(verify(rotated.body.secret, testRequest).type).toBe('webhook.test');
    expect(verify(hook.secret, testRequest).type).toBe('webhook.test');
    expect(() => new StandardWebhook(`whsec_${randomBytes(32).toString('base64')}`).verify(testRequest.body, testRequest.headers)).toThrow();
  });

  it('delivers every alert once per webhook-id to a receiver that was down and came back', async () => {
    const { tenant, live } = await newTenant();
    const rx = await receiver({ listening: false });
    const hook = await createWebhook(tenant, { url: rx.url() });
    const alerts = await raiseAlerts(stack, tenant, live, threeProducts('down'));
    expect(alerts).toHaveLength(3);

    // Every delivery failed at least once (connection refused) before the receiver comes up.
    await eventually(async () => {
      const log = await deliveries(tenant, hook.id);
      return log.length === 3 && log.every((d) => d.attempts.some((a) => a.statusCode === null)) ? true : undefined;
    });
    await rx.listen();

    const log = await eventually(async () => {
      const l = await deliveries(tenant, hook.id);
      return l.every((d) => d.status === 'succeeded') ? l : undefined;
    });
    const ids = rx.received.map((r) => r.headers['webhook-id']);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(log.map((d) => d.messageId).sort());
    const delivered = rx.received.map((r) => verify(hook.secret, r)).map((p) => (p.type === 'alert.raised' ? p.data.alert.id : null));
    expect(delivered.sort()).toEqual(alerts.map((a) => a.id).sort());

    // A repeated dispatch (the outbox delivers at least once) queues nothing new.
    await redispatch(tenant, alerts);
    const queued = await queue.getJobs(['waiting', 'delayed', 'active', 'prioritized']);
    expect(queued.filter((j) => j.name === 'deliver')).toEqual([]);
    expect(await deliveries(tenant, hook.id)).toHaveLength(3);
  });

  it('keeps delivering to other endpoints while one endpoint is slow', async () => {
    const { tenant, live } = await newTenant();
    const slow = await receiver();
    const fast = await receiver();
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    slow.answer = () => ({ status: 200, hold: released });
    const slowHook = await createWebhook(tenant, { url: slow.url() });
    await createWebhook(tenant, { url: fast.url() });
    const alerts = await raiseAlerts(stack, tenant, live, threeProducts('slow'));

    await eventually(async () => (fast.received.length === 3 ? true : undefined));
    // The slow endpoint has one request in flight, unanswered, and holds no more than one worker slot.
    expect(slow.received).toHaveLength(1);
    release();
    await eventually(async () => {
      const log = await deliveries(tenant, slowHook.id);
      return slow.received.length === 3 && log.every((d) => d.status === 'succeeded') ? true : undefined;
    });
  });

  it('posts valid Block Kit messages to a Slack URL, at most one per interval', async () => {
    const { tenant, live } = await newTenant();
    const slack = await receiver();
    await createWebhook(tenant, { url: slack.url('/services/T000/B000/XXXX'), format: 'slack' });
    const alerts = await raiseAlerts(stack, tenant, live, threeProducts('slack'));
    const got = await eventually(async () => (slack.received.length === 3 ? slack.received : undefined));

    for (const request of got) {
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['webhook-signature']).toBeUndefined();
      const message = slackMessage.parse(JSON.parse(request.body));
      const blocks: KnownBlock[] = message.blocks;
      const alert = alerts.find((a) => request.body.includes(`alertId=${a.id}`))!;
      expect(alert).toBeDefined();
      const product = live.products.find((p) => p.id === alert.productId)!.name;
      expect(blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: `Negative mention: ${product}` } });
      const text = JSON.stringify(blocks);
      for (const part of [alert.text, alert.severity, 'Friday deals', '<!date^']) expect(text).toContain(part);
      expect(blocks.at(-1)).toMatchObject({ type: 'actions', elements: [{ type: 'button', url: `${PUBLIC_API_URL}/v1/evidence?alertId=${alert.id}` }] });
    }
    // The per-endpoint interval (300 ms here) bounds the rate from below, whatever the machine's speed.
    const gaps = got.slice(1).map((r, i) => r.at - got[i]!.at);
    gaps.forEach((gap) => expect(gap).toBeGreaterThanOrEqual(200));
  });

  it('holds a Slack endpoint off for its Retry-After after a 429, and sends a Block Kit test message', async () => {
    const { tenant } = await newTenant();
    const slack = await receiver();
    slack.answer = () => (slack.received.length === 1 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 200 });
    const hook = await createWebhook(tenant, { url: slack.url('/services/T1/B1/limited'), format: 'slack' });
    const test = await call<{ deliveryId: string }>(stack.apiUrl, 'POST', `/v1/webhooks/${hook.id}/test`, tenant.adminKey);
    const [done] = await eventually(async () => {
      const log = await deliveries(tenant, hook.id);
      return log[0]?.status === 'succeeded' ? log : undefined;
    });
    expect(done!.id).toBe(test.body.deliveryId);
    expect(done!.attempts.map((a) => a.statusCode)).toEqual([429, 200]);
    // The retry schedule alone would retry after 50 ms; the endpoint asked for a second.
    expect(slack.received[1]!.at - slack.received[0]!.at).toBeGreaterThanOrEqual(900);
    const message = slackMessage.parse(JSON.parse(slack.received[1]!.body));
    expect(message.text).toContain('test message');
  });

  it('groups repeats of the same session, product and rule into one notification with a count, and honours mute windows', async () => {
    const { tenant, live } = await newTenant();
    const rx = await receiver();
    const muted = await receiver();
    const hook = await createWebhook(tenant, { url: rx.url() });
    const mutedHook = await createWebhook(tenant, {
      url: muted.url(),
      muteWindows: [{ startsAt: new Date(Date.now() - 3600_000).toISOString(), endsAt: new Date(Date.now() + 3600_000).toISOString() }],
    });
    const lines = [10, 20, 30].map((at, i) => ({ id: `grp-${i}`, text: 'the glowlab serum gave me a rash', at }));
    const alerts = await raiseAlerts(stack, tenant, live, lines);
    expect(new Set(alerts.map((a) => `${a.productId}/${a.rule}`)).size).toBe(1);

    // The first alert goes out at once; the two repeats come as one notification when the window closes.
    const got = await eventually(async () => (rx.received.length === 2 ? rx.received : undefined));
    const payloads = got.map((r) => verify(hook.secret, r)).map((p) => (p.type === 'alert.raised' ? p.data : null));
    expect(payloads.map((p) => p?.count)).toEqual([1, 2]);
    const ids = alerts.map((a) => a.id);
    expect(ids).toContain(payloads[0]?.alert.id);
    expect(ids).toContain(payloads[1]?.alert.id);
    expect(payloads[1]?.alert.id).not.toBe(payloads[0]?.alert.id);
    expect((await deliveries(tenant, hook.id)).map((d) => d.alertCount).sort()).toEqual([1, 2]);

    // A window with no repeats ends the group: the next alert of the same kind is sent at once, alone.
    const prefix = stack.config.QUEUE_PREFIX;
    const groupKey = `${prefix}:webhook-group:${hook.id}:${alerts[0]!.sessionId}:${alerts[0]!.productId}:${alerts[0]!.rule}`;
    const redis = createRedis(stack.config.REDIS_URL, 'client');
    try {
      await eventually(async () => ((await redis.exists(groupKey)) === 0 ? true : undefined));
    } finally {
      redis.disconnect();
    }
    const [later] = await raiseAlerts(stack, tenant, live, [{ id: 'grp-later', text: 'the glowlab serum gave me a rash', at: 90 }]);
    const third = await eventually(async () => rx.received[2]);
    const payload = verify(hook.secret, third);
    expect(payload.type === 'alert.raised' && [payload.data.alert.id, payload.data.count]).toEqual([later!.id, 1]);
    expect(muted.received).toEqual([]);
    expect(await deliveries(tenant, mutedHook.id)).toEqual([]);
  });

  it('carries a Chinese session\'s alert intact to a standard endpoint and into Slack\'s Block Kit', async () => {
    const tenant = await createTenant(stack.pool);
    const live = await openSession(stack.apiUrl, tenant, [{ name: '雪肌精华液', aliases: ['精华液'] }], {
      startedAt: '2026-11-20T12:00:00.000Z', title: '周五美妆专场', language: 'zh',
    });
    const standard = await receiver();
    const slack = await receiver();
    const hook = await createWebhook(tenant, { url: standard.url('/zh') });
    await createWebhook(tenant, { url: slack.url('/services/T000/B000/ZH'), format: 'slack' });
    const quote = '说实话这个精华液不值这个价，劝退';
    const [alert] = await raiseAlerts(stack, tenant, live, [{ id: 'zh-1', text: quote, at: 12 }]);
    expect(alert!.text).toBe(quote);

    const signed = verify(hook.secret, await eventually(async () => standard.received[0]));
    expect(signed.type === 'alert.raised' && signed.data.alert.text).toBe(quote);
    const message = slackMessage.parse(JSON.parse((await eventually(async () => slack.received[0]))!.body));
    const text = JSON.stringify(message.blocks);
    for (const part of [quote, '雪肌精华液', '周五美妆专场']) expect(text).toContain(part);
  });
});

// Block Kit, as far as these messages use it (https://docs.slack.dev/reference/block-kit): strict objects, so a
// misspelt or unknown field fails, with Slack's length limits.
const plainText = z.strictObject({ type: z.literal('plain_text'), text: z.string().min(1), emoji: z.boolean().optional() });
const mrkdwn = z.strictObject({ type: z.literal('mrkdwn'), text: z.string().min(1).max(3000) });
const block = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('header'), text: plainText.extend({ text: z.string().min(1).max(150) }) }),
  z.strictObject({ type: z.literal('section'), text: mrkdwn.optional(), fields: z.array(mrkdwn.extend({ text: z.string().max(2000) })).max(10).optional() })
    .refine((s) => s.text || s.fields, 'a section needs text or fields'),
  z.strictObject({ type: z.literal('context'), elements: z.array(mrkdwn).min(1).max(10) }),
  z.strictObject({
    type: z.literal('actions'),
    elements: z.array(z.strictObject({ type: z.literal('button'), text: plainText.extend({ text: z.string().max(75) }), url: z.url().max(3000), action_id: z.string().max(255) })).min(1).max(25),
  }),
]);
const slackMessage = z.strictObject({ text: z.string().min(1), blocks: z.array(block).min(1).max(50) });
