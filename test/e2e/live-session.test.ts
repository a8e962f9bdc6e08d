import { createDetector, DEFAULT_RULES, detectStream } from '@anchorwatch/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../support/config.ts';
import { call, eventually } from '../support/http.ts';
import { IngestClient } from '../support/ingest-client.ts';
import { sampleStream } from '../support/sample-stream.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { createTenant, openSession, type LiveSession, type Tenant } from '../support/tenant.ts';
import type { Alert } from '../support/types.ts';

const startedAt = '2026-11-20T12:00:00.000Z';
const catalog = [
  { name: 'GlowLab Vitamin C Serum', aliases: ['glowlab serum'] },
  { name: 'VoltCore MagSnap Power Bank', aliases: ['magsnap'] },
  { name: 'IronRoot Cast Iron Skillet', aliases: ['ironroot skillet'] },
];

let stack: Stack;
let tenant: Tenant;
let live: LiveSession;

beforeAll(async () => {
  stack = await startStack(testConfig());
  tenant = await createTenant(stack.pool);
  live = await openSession(stack.apiUrl, tenant, catalog, { startedAt, title: 'Friday deals' });
});
afterAll(() => stack.close());

describe('a live session, end to end', () => {
  it('streams a few hundred mixed events over the socket and finds exactly the expected alerts through the API', async () => {
    const products = live.products.map((p) => ({ id: p.id, alias: p.aliases[0]! }));
    const { events, expected } = sampleStream(products, 300, Date.parse(startedAt));
    const client = await IngestClient.connect(live.session.ingestUrl, live.session.ingestToken);

    // Frames of 1–7 events, with a bad frame or a bad event after every fifth frame.
    let sent = 0;
    let frameNo = 0;
    const badIds: string[] = [];
    while (sent < events.length) {
      const size = (frameNo % 7) + 1;
      const frame: unknown[] = events.slice(sent, sent + size);
      sent += size;
      frameNo += 1;
      if (frameNo % 5 === 0) {
        const badId = `bad${frameNo}`;
        badIds.push(badId);
        frame.splice(1, 0, { type: 'chat', id: badId, ts: 'not a time', user: 'x', text: 'x' });
      }
      client.send(frame);
      if (frameNo % 10 === 0) client.send('{"broken json');
    }
    await client.waitForAcks(events.map((e) => e.id));
    const errors = await client.waitForErrors(badIds.length + Math.floor(frameNo / 10));
    expect(errors.filter((e) => e.code === 'invalid_event').map((e) => e.id).sort()).toEqual([...badIds].sort());
    expect(errors.filter((e) => e.code === 'invalid_json')).toHaveLength(Math.floor(frameNo / 10));
    badIds.forEach((id) => expect(client.acked.has(id)).toBe(false));

    const { rows } = await stack.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE session_id = $1', [
      live.session.id,
    ]);
    await eventually(async () => {
      const stored = await stack.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE session_id = $1', [
        live.session.id,
      ]);
      return stored.rows[0]!.n === events.length ? true : undefined;
    });
    expect(rows[0]!.n).toBeLessThanOrEqual(events.length);

    const expectedPairs = [...expected].flatMap(([eventId, ids]) => ids.map((p) => `${eventId}→${p}`)).sort();
    const alerts = await eventually(async () => {
      const res = await call<Alert[]>(stack.apiUrl, 'GET', `/v1/alerts?sessionId=${live.session.id}&limit=1000`, tenant.adminKey);
      return res.body.length >= expectedPairs.length ? res.body : undefined;
    });
    await new Promise((r) => setTimeout(r, 300));
    const final = await call<Alert[]>(stack.apiUrl, 'GET', `/v1/alerts?sessionId=${live.session.id}&limit=1000`, tenant.adminKey);
    expect(final.body.map((a) => `${a.eventId}→${a.productId}`).sort()).toEqual(expectedPairs);
    expect(alerts.length).toBe(expectedPairs.length);

    // The worker gives the same findings as the offline engine (`anchorwatch detect`) over the same events.
    const offline = detectStream(
      createDetector({ products: live.products.map((p) => ({ id: p.id, name: p.name, aliases: p.aliases })) }, { rules: DEFAULT_RULES }),
      events,
      { startedAtMs: Date.parse(startedAt) },
    );
    expect(final.body.map((a) => `${a.eventId}→${a.productId}→${a.rule}`).sort()).toEqual(
      offline.map((f) => `${f.eventId}→${f.productId}→${f.rule}`).sort(),
    );
    await client.close();
  });

  it('gives each alert its text, product, rule, severity, both clocks and the timing of its detection', async () => {
    const res = await call<Alert[]>(stack.apiUrl, 'GET', `/v1/alerts?sessionId=${live.session.id}&limit=1000`, tenant.adminKey);
    expect(res.body.length).toBeGreaterThan(0);
    const times = res.body.map((a) => Date.parse(a.createdAt));
    expect(times).toEqual([...times].sort((x, y) => y - x));
    for (const alert of res.body) {
      expect(alert.text.length).toBeGreaterThan(0);
      expect(live.products.map((p) => p.id)).toContain(alert.productId);
      expect(Date.parse(alert.occurredAt)).toBe(Date.parse(startedAt) + Math.round(alert.offsetSeconds * 1000));
      expect(Date.parse(alert.createdAt)).toBeGreaterThanOrEqual(Date.parse(alert.eventReceivedAt));
      expect(alert.explanation.cues.length).toBeGreaterThan(0);
      expect(['host_negative', 'chat_negative']).toContain(alert.kind);
      expect(alert.kind === 'host_negative').toBe(alert.eventType === 'transcript');
    }
    const byProduct = await call<Alert[]>(
      stack.apiUrl,
      'GET',
      `/v1/alerts?sessionId=${live.session.id}&productId=${live.products[1]!.id}&limit=1000`,
      tenant.adminKey,
    );
    expect(byProduct.body.length).toBeGreaterThan(0);
    expect(byProduct.body.every((a) => a.productId === live.products[1]!.id)).toBe(true);
    const newest = res.body[0]!;
    const since = await call<Alert[]>(
      stack.apiUrl,
      'GET',
      `/v1/alerts?sessionId=${live.session.id}&since=${encodeURIComponent(newest.createdAt)}`,
      tenant.adminKey,
    );
    expect(since.body).toEqual([]);
  });
});
