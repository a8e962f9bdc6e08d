import { apiApp } from '@anchorwatch/api/app';
import type { AlertEvent, ErrorBody } from '@anchorwatch/schemas';
import { createApiKey } from '@anchorwatch/store';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../support/config.ts';
import { FeedReader } from '../support/feed-reader.ts';
import { call, eventually } from '../support/http.ts';
import { seedAlerts, type SeedLine } from '../support/seed-alerts.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { createTenant, openSession, type LiveSession, type Tenant } from '../support/tenant.ts';

const startedAt = '2026-11-20T12:00:00.000Z';
let stack: Stack;
let secondApi: FastifyInstance;
let secondApiUrl: string;
let tenant: Tenant;
let staffKey: string;
let live: LiveSession;
let otherLive: LiveSession;
let lineNo = 0;
const readers: FeedReader[] = [];

beforeAll(async () => {
  stack = await startStack(testConfig());
  // A second API instance on the same database and Redis, as behind a load balancer.
  secondApi = Fastify();
  await secondApi.register(apiApp, { config: stack.config, pool: stack.pool });
  await secondApi.listen({ host: '127.0.0.1', port: 0 });
  const address = secondApi.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening');
  secondApiUrl = `http://127.0.0.1:${address.port}`;
  tenant = await createTenant(stack.pool, 'Feed merchant');
  staffKey = (await createApiKey(stack.pool, tenant.merchantId, { role: 'staff', name: 'feed watcher' })).key;
  live = await openSession(stack.apiUrl, tenant, [{ name: 'GlowLab Serum' }, { name: 'MagSnap' }], { startedAt });
  otherLive = await openSession(stack.apiUrl, tenant, [{ name: 'IronRoot Skillet' }], { startedAt });
});
afterAll(async () => {
  readers.forEach((r) => r.close());
  await secondApi.close();
  await stack.close();
});

async function openFeed(url: string, query: Record<string, string> = {}, headers: Record<string, string> = {}): Promise<FeedReader> {
  const reader = await FeedReader.open(url, staffKey, query, headers);
  readers.push(reader);
  await reader.waitReady();
  return reader;
}

/** Raises one alert per line in `session` through the store and the outbox, as the worker does. */
async function raise(session: LiveSession, lines: Omit<SeedLine, 'id' | 'at'>[]): Promise<string[]> {
  const withIds = lines.map((l) => ({ ...l, id: `l${(lineNo += 1)}`, at: lineNo }));
  const ids = await seedAlerts(stack.pool, { id: session.session.id, merchantId: tenant.merchantId, startedAtMs: Date.parse(startedAt) }, withIds);
  return withIds.map((l) => ids.get(l.id)!);
}

const serum = (): string => live.products[0]!.id;
const magsnap = (): string => live.products[1]!.id;
const alertIds = (events: AlertEvent[]): string[] => events.map((e) => e.alert.id);
const seqs = (events: AlertEvent[]): bigint[] => events.map((e) => BigInt(e.feedSeq));
const strictlyIncreasing = (xs: bigint[]): boolean => xs.every((x, i) => i === 0 || x > xs[i - 1]!);

describe('live alert feed', () => {
  it('delivers each change to feeds on both API instances, in feed order, through Redis', async () => {
    const a = await openFeed(stack.apiUrl);
    const b = await openFeed(secondApiUrl);
    const raised = await raise(live, [{ text: 'GlowLab serum is awful', productId: serum() }, { text: 'MagSnap broke', productId: magsnap() }]);
    const ack = await call(secondApiUrl, 'POST', `/v1/alerts/${raised[0]}/acknowledge`, staffKey);
    expect(ack.status).toBe(200);
    for (const reader of [a, b]) {
      const events = await reader.waitUntil((es) => es.length >= 3);
      expect(events.map((e) => [e.kind, e.alert.id])).toEqual([
        ['raised', raised[0]],
        ['raised', raised[1]],
        ['status_changed', raised[0]],
      ]);
      expect(events[2]!.alert.status).toBe('acknowledged');
      expect(events[2]!.alert.statusChanges[0]!.by.name).toBe('feed watcher');
      expect(strictlyIncreasing(seqs(events))).toBe(true);
    }
    expect(a.events.map((e) => e.feedSeq)).toEqual(b.events.map((e) => e.feedSeq));
  });

  it('replays what a client missed after its last id, exactly once, then goes on live', async () => {
    const first = await openFeed(stack.apiUrl);
    const [x] = await raise(live, [{ text: 'GlowLab serum is bad', productId: serum() }]);
    await first.waitUntil((es) => alertIds(es).includes(x!));
    const lastId = first.lastId;
    first.close();

    // While the client is away: two alerts raised, one dismissed.
    const missed = await raise(live, [{ text: 'GlowLab serum hurts', productId: serum() }, { text: 'MagSnap died', productId: magsnap() }]);
    expect((await call(stack.apiUrl, 'POST', `/v1/alerts/${x}/dismiss`, staffKey, { reason: 'a joke' })).status).toBe(200);

    const again = await FeedReader.open(secondApiUrl, staffKey, { after: lastId });
    readers.push(again);
    await again.waitReady();
    // Replayed, or live right after `ready` when the dispatcher had not numbered the dismissal yet.
    await again.waitUntil((es) => es.length >= 3);
    expect(again.events.map((e) => [e.kind, e.alert.id])).toEqual([
      ['raised', missed[0]],
      ['raised', missed[1]],
      ['status_changed', x],
    ]);
    expect(again.events[2]!.alert.statusChanges.at(-1)!.reason).toBe('a joke');

    const [y] = await raise(live, [{ text: 'MagSnap is junk', productId: magsnap() }]);
    await again.waitUntil((es) => alertIds(es).includes(y!));
    expect(again.events).toHaveLength(4);

    // The standard Last-Event-ID header works the same way as `after`.
    const viaHeader = await openFeed(stack.apiUrl, {}, { 'last-event-id': lastId });
    expect(viaHeader.events.map((e) => e.feedSeq)).toEqual(again.events.map((e) => e.feedSeq));
  });

  it('loses and repeats nothing when a client keeps reconnecting while alerts are being raised', async () => {
    const before = await openFeed(stack.apiUrl);
    const start = before.ready!.cursor;
    before.close();
    const received: AlertEvent[] = [];
    let cursor = start;
    const producing = (async () => {
      for (let i = 0; i < 12; i += 1) await raise(i % 2 ? otherLive : live, [{ text: `bad thing ${i}`, productId: i % 2 ? otherLive.products[0]!.id : serum() }]);
    })();
    for (let round = 0; round < 4; round += 1) {
      const reader = await FeedReader.open(round % 2 ? secondApiUrl : stack.apiUrl, staffKey, { after: cursor });
      readers.push(reader);
      await reader.waitReady();
      await new Promise((r) => setTimeout(r, 30));
      reader.close();
      received.push(...reader.events);
      cursor = reader.lastId;
    }
    await producing;
    const rows = await eventually(async () => {
      const { rows: numbered } = await stack.pool.query<{ feed_seq: string }>(
        `SELECT feed_seq::text AS feed_seq FROM alert_events WHERE merchant_id = $1 AND feed_seq > $2 ORDER BY alert_events.feed_seq`,
        [tenant.merchantId, start],
      );
      return numbered.length === 12 ? numbered : undefined;
    });
    const last = await openFeed(stack.apiUrl, { after: cursor });
    await last.waitUntil((es) => (es.at(-1) ?? received.at(-1))?.feedSeq === rows.at(-1)!.feed_seq);
    received.push(...last.events);
    expect(received.map((e) => e.feedSeq)).toEqual(rows.map((r) => r.feed_seq));
  });

  it('filters by session, product and minimum severity, live and in replay', async () => {
    const bySession = await openFeed(stack.apiUrl, { sessionId: otherLive.session.id });
    const byProduct = await openFeed(secondApiUrl, { productId: magsnap() });
    const bySeverity = await openFeed(stack.apiUrl, { minSeverity: 'high' });
    const cursor = bySession.ready!.cursor;
    const [low, critical, other] = await raise(live, [
      { text: 'MagSnap meh', productId: magsnap(), severity: 'low' },
      { text: 'GlowLab serum burned me', productId: serum(), severity: 'critical' },
    ]).then(async (ids) => [...ids, ...(await raise(otherLive, [{ text: 'IronRoot rusty', productId: otherLive.products[0]!.id, severity: 'medium' }]))]);
    // Markers raised after them: once a filtered feed has its markers, everything before them was offered to it.
    const [m1] = await raise(otherLive, [{ text: 'IronRoot cracked', productId: otherLive.products[0]!.id, severity: 'high' }]);
    const [m2] = await raise(live, [{ text: 'MagSnap exploded', productId: magsnap(), severity: 'critical' }]);
    await bySession.waitUntil((es) => alertIds(es).includes(m1!));
    await byProduct.waitUntil((es) => alertIds(es).includes(m2!));
    await bySeverity.waitUntil((es) => alertIds(es).includes(m2!));
    expect(alertIds(bySession.events)).toEqual([other, m1]);
    expect(alertIds(byProduct.events)).toEqual([low, m2]);
    expect(alertIds(bySeverity.events)).toEqual([critical, m1, m2]);

    const replayed = await openFeed(secondApiUrl, { after: cursor, minSeverity: 'medium', sessionId: live.session.id });
    expect(alertIds(replayed.events)).toEqual([critical, m2]);
    expect(replayed.ready!.cursor).toBe(bySeverity.events.at(-1)!.feedSeq);
  });

  it('is authenticated and scoped to the caller merchant', async () => {
    const res = await fetch(`${stack.apiUrl}/v1/alerts/feed`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as ErrorBody).error.code).toBe('unauthorized');
    const bad = await call<ErrorBody>(stack.apiUrl, 'GET', '/v1/alerts/feed?after=abc', staffKey);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');

    const stranger = await createTenant(stack.pool, 'Stranger');
    const theirs = await FeedReader.open(stack.apiUrl, stranger.adminKey, { after: '0' });
    readers.push(theirs);
    await theirs.waitReady();
    const mine = await openFeed(stack.apiUrl);
    const [z] = await raise(live, [{ text: 'GlowLab serum nasty', productId: serum() }]);
    await mine.waitUntil((es) => alertIds(es).includes(z!));
    expect(theirs.events).toEqual([]);
    expect(theirs.ready!.cursor).toBe('0');
  });

  it('ends open feeds when an API instance shuts down, so its clients can move to another instance', async () => {
    const third = Fastify();
    await third.register(apiApp, { config: stack.config, pool: stack.pool });
    await third.listen({ host: '127.0.0.1', port: 0 });
    const address = third.server.address();
    if (!address || typeof address === 'string') throw new Error('not listening');
    const reader = await openFeed(`http://127.0.0.1:${address.port}`);
    await third.close();
    await eventually(async () => (reader.ended ? true : undefined));
    const elsewhere = await openFeed(stack.apiUrl, { after: reader.lastId });
    const [w] = await raise(live, [{ text: 'GlowLab serum stinks', productId: serum() }]);
    await elsewhere.waitUntil((es) => alertIds(es).includes(w!));
  });
});
