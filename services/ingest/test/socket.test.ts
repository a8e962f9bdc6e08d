import { createRedis, loggerOptions } from '@anchorwatch/runtime';
import type { IngestBatchJob, ReceivedEvent } from '@anchorwatch/schemas';
import { createContract, createPool, createProduct, createSession, endSession, listConnections, type Pool } from '@anchorwatch/store';
import type { Queue } from 'bullmq';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/support/config.ts';
import { eventually } from '../../../test/support/http.ts';
import { IngestClient } from '../../../test/support/ingest-client.ts';
import { createTenant } from '../../../test/support/tenant.ts';
import { ingestApp } from '../src/app.ts';
import { createIngestQueue } from '../src/ingest-queue.ts';

const config = testConfig({ INGEST_MAX_FRAME_BYTES: 4096, INGEST_MAX_EVENTS_PER_FRAME: 50, INGEST_SESSION_RECHECK_MS: 100 });
let app: FastifyInstance;
let pool: Pool;
let redis: Redis;
let queue: Queue<IngestBatchJob>;
let baseUrl: string;
let merchantId: string;

async function newSession(): Promise<{ url: string; token: string; id: string }> {
  const product = await createProduct(pool, merchantId, { name: 'GlowLab Serum', aliases: [] });
  const contract = await createContract(pool, merchantId, { creator: 'Host', productIds: [product.id] });
  const session = await createSession(pool, merchantId, { contractId: contract.id });
  return { url: `${baseUrl}/v1/sessions/${session.id}/ingest`, token: session.ingestToken, id: session.id };
}

async function queuedEvents(sessionId: string): Promise<ReceivedEvent[]> {
  const jobs = await queue.getJobs(['waiting', 'prioritized', 'delayed']);
  return jobs.filter((j) => j.data.sessionId === sessionId).flatMap((j) => j.data.events);
}

const chat = (id: string, text = 'love it') => ({ type: 'chat', id, ts: '2026-11-20T12:00:13.000Z', user: 'u', text });

beforeAll(async () => {
  pool = createPool(config.DATABASE_URL, 4);
  redis = createRedis(config.REDIS_URL, 'producer');
  queue = createIngestQueue(redis, config);
  app = Fastify();
  await app.register(ingestApp, { config, pool, redis, queue });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening');
  baseUrl = `ws://127.0.0.1:${address.port}`;
  merchantId = (await createTenant(pool)).merchantId;
});

afterAll(async () => {
  await app.close();
  await queue.obliterate({ force: true });
  await queue.close();
  redis.disconnect();
  await pool.end();
});

describe('ingest socket', () => {
  it('refuses a missing or wrong token before the upgrade', async () => {
    const { url } = await newSession();
    await expect(IngestClient.connect(url, '')).rejects.toThrow('HTTP 401');
    await expect(IngestClient.connect(url, 'awi_wrong')).rejects.toThrow('HTTP 401');
    const other = await newSession();
    await expect(IngestClient.connect(url, other.token)).rejects.toThrow('HTTP 401');
  });

  it('accepts the token in the query string too', async () => {
    const { url, token } = await newSession();
    const client = await IngestClient.connect(url, token, 'query');
    client.send(chat('c1'));
    await client.waitForAcks(['c1']);
    await client.close();
  });

  it('acks good events only once they are queued in Redis, batched', async () => {
    const { url, token, id } = await newSession();
    const client = await IngestClient.connect(url, token);
    const ids = Array.from({ length: 40 }, (_, i) => `c${i}`);
    for (let i = 0; i < ids.length; i += 4) client.send(ids.slice(i, i + 4).map((x) => chat(x)));
    await client.waitForAcks(ids);
    const queued = await queuedEvents(id);
    expect(queued.map((e) => e.id).sort()).toEqual([...ids].sort());
    expect(queued.every((e) => !Number.isNaN(Date.parse(e.receivedAt)))).toBe(true);
    const jobs = (await queue.getJobs(['waiting'])).filter((j) => j.data.sessionId === id);
    expect(jobs.length).toBeLessThan(10);
    // Numbered 1, 2, … per session, in the order they were queued, for the worker to read them in that order.
    const bySeq = [...jobs].sort((a, b) => a.data.seq! - b.data.seq!);
    expect(bySeq.map((j) => j.data.seq)).toEqual(jobs.map((_, i) => i + 1));
    expect(bySeq.flatMap((j) => j.data.events.map((e) => e.id))).toEqual(ids);
    await client.close();
  });

  it('answers bad frames and events with error frames and keeps the connection and the good events', async () => {
    const { url, token, id } = await newSession();
    const client = await IngestClient.connect(url, token);
    client.send('{not json');
    client.send([chat('good-1'), { type: 'chat', id: 'bad-1', text: 'no ts or user' }, chat('good-2')]);
    client.send(JSON.stringify({ type: 'transcript', id: 'big', start: 0, end: 1, text: 'x'.repeat(5000) }));
    client.send({ type: 'bogus', id: 'bad-2' });
    client.send(chat('good-3'));
    await client.waitForAcks(['good-1', 'good-2', 'good-3']);
    const errors = await client.waitForErrors(4);
    expect(errors.map((e) => [e.code, e.id])).toEqual([
      ['invalid_json', null],
      ['invalid_event', 'bad-1'],
      ['frame_too_large', null],
      ['invalid_event', 'bad-2'],
    ]);
    expect(client.closeCode).toBeNull();
    expect((await queuedEvents(id)).map((e) => e.id).sort()).toEqual(['good-1', 'good-2', 'good-3']);
    expect(client.acked.has('bad-1')).toBe(false);
    await client.close();
  });

  it('acks partial transcripts without queueing them', async () => {
    const { url, token, id } = await newSession();
    const client = await IngestClient.connect(url, token);
    client.send({ type: 'transcript', id: 't1', start: 1, end: 2, text: 'this is trash', final: false });
    await client.waitForAcks(['t1']);
    expect(await queuedEvents(id)).toEqual([]);
    await client.close();
  });

  it('refuses a connection to an ended session, and closes one that is ended mid-stream', async () => {
    const ended = await newSession();
    await endSession(pool, merchantId, ended.id);
    await expect(IngestClient.connect(ended.url, ended.token)).rejects.toThrow('HTTP 409');

    const live = await newSession();
    const client = await IngestClient.connect(live.url, live.token);
    client.send(chat('c1'));
    await client.waitForAcks(['c1']);
    await endSession(pool, merchantId, live.id);
    const deadline = Date.now() + 5000;
    while (client.closeCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(client.closeCode).toBe(4409);
  });

  it('keeps an open connection fresh with a heartbeat; one whose heartbeat stopped reads as closed when last seen', async () => {
    const { url, token, id } = await newSession();
    const client = await IngestClient.connect(url, token);
    const seen = async () =>
      (await pool.query<{ opened_at: Date; last_seen_at: Date }>('SELECT opened_at, last_seen_at FROM ingest_connections WHERE session_id = $1', [id])).rows;
    const [beat] = await eventually(async () => {
      const rows = await seen();
      return rows.length === 1 && rows[0]!.last_seen_at > rows[0]!.opened_at ? rows : undefined;
    });
    expect(await listConnections(pool, id, 60_000)).toEqual([expect.objectContaining({ closedAt: null, lost: false })]);

    // As if the ingest process had died a minute ago: no close was recorded, the heartbeat stopped.
    const lastSeen = new Date(Date.now() - 60_000);
    await client.close();
    await eventually(async () => {
      const { rows } = await pool.query('SELECT 1 FROM ingest_connections WHERE session_id = $1 AND closed_at IS NOT NULL', [id]);
      return rows.length === 1 ? true : undefined;
    });
    await pool.query('UPDATE ingest_connections SET closed_at = NULL, close_code = NULL, last_seen_at = $2 WHERE session_id = $1', [id, lastSeen]);
    expect(await listConnections(pool, id, 30_000)).toEqual([
      { openedAt: beat!.opened_at, closedAt: lastSeen, closeCode: null, lost: true },
    ]);
  });

  it('does not write the ingest token into logs', async () => {
    const lines: string[] = [];
    const opts = loggerOptions({ LOG_LEVEL: 'info' }, 'ingest');
    const server = Fastify({ logger: { ...opts, stream: { write: (l: string) => void lines.push(l) } } });
    await server.register(ingestApp, { config, pool, redis, queue });
    await server.listen({ host: '127.0.0.1', port: 0 });
    const address = server.server.address();
    if (!address || typeof address === 'string') throw new Error('not listening');
    const { id, token } = await newSession();
    const client = await IngestClient.connect(`ws://127.0.0.1:${address.port}/v1/sessions/${id}/ingest`, token, 'query');
    await client.close();
    await server.close();
    expect(lines.join('\n')).toContain(id);
    expect(lines.join('\n')).not.toContain(token);
  });
});
