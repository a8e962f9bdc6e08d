import { once } from 'node:events';
import { INGEST_QUEUE } from '@anchorwatch/schemas';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../support/config.ts';
import { call, eventually } from '../support/http.ts';
import { IngestClient } from '../support/ingest-client.ts';
import { sampleStream } from '../support/sample-stream.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { createTenant, openSession, type Tenant } from '../support/tenant.ts';
import type { Alert } from '../support/types.ts';
import { spawnWorker } from '../support/worker-process.ts';

const startedAt = '2026-11-20T12:00:00.000Z';
let stack: Stack;
let tenant: Tenant;

beforeAll(async () => {
  stack = await startStack(testConfig({ WORKER_LOCK_DURATION_MS: 1000 }), { worker: false });
  tenant = await createTenant(stack.pool);
});
afterAll(() => stack.close());

async function streamSession(lines: number) {
  const live = await openSession(stack.apiUrl, tenant, [{ name: 'MagSnap Power Bank', aliases: ['magsnap'] }], { startedAt });
  const { events, expected } = sampleStream(
    live.products.map((p) => ({ id: p.id, alias: p.aliases[0]! })),
    lines,
    Date.parse(startedAt),
  );
  const client = await IngestClient.connect(live.session.ingestUrl, live.session.ingestToken);
  for (let i = 0; i < events.length; i += 10) client.send(events.slice(i, i + 10));
  await client.waitForAcks(events.map((e) => e.id));
  await client.close();
  const storedCount = async () =>
    (await stack.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE session_id = $1', [live.session.id]))
      .rows[0]!.n;
  return { live, events, expected, storedCount };
}

describe('acknowledged events survive a crash', () => {
  it('keeps events acknowledged while no worker runs, and analyses them once one starts', async () => {
    const { live, events, expected, storedCount } = await streamSession(60);
    expect(await storedCount()).toBe(0);
    await stack.startWorker();
    await eventually(async () => ((await storedCount()) === events.length ? true : undefined));
    const alerts = await eventually(async () => {
      const res = await call<Alert[]>(stack.apiUrl, 'GET', `/v1/alerts?sessionId=${live.session.id}`, tenant.adminKey);
      return res.body.length === expected.size ? res.body : undefined;
    });
    expect(alerts.map((a) => a.eventId).sort()).toEqual([...expected.keys()].sort());
    await stack.stopWorker();
  });

  it('recovers a batch whose worker process was killed mid-job (SIGKILL), storing every event once', async () => {
    // Hold the session row so the worker process blocks inside its transaction, then kill it there.
    const live = await openSession(stack.apiUrl, tenant, [{ name: 'GlowLab Serum', aliases: ['glowlab serum'] }], { startedAt });
    const blocker = await stack.pool.connect();
    await blocker.query('BEGIN');
    await blocker.query('SELECT 1 FROM sessions WHERE id = $1 FOR UPDATE', [live.session.id]);

    const child = spawnWorker(stack.config);
    const redis = new Redis(stack.config.REDIS_URL);
    const queue = new Queue(INGEST_QUEUE, { connection: redis, prefix: stack.config.QUEUE_PREFIX });
    try {
      const { events } = sampleStream([{ id: live.products[0]!.id, alias: 'glowlab serum' }], 40, Date.parse(startedAt));
      const client = await IngestClient.connect(live.session.ingestUrl, live.session.ingestToken);
      client.send(events);
      await client.waitForAcks(events.map((e) => e.id));
      await client.close();

      await eventually(async () => ((await queue.getActiveCount()) > 0 ? true : undefined), 20_000);
      child.kill('SIGKILL');
      await once(child, 'exit');
      await blocker.query('ROLLBACK');

      await stack.startWorker();
      const stored = async () =>
        (await stack.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE session_id = $1', [live.session.id]))
          .rows[0]!.n;
      await eventually(async () => ((await stored()) === events.length ? true : undefined), 20_000);
      expect(await stored()).toBe(events.length);
    } finally {
      blocker.release();
      if (child.exitCode === null) child.kill('SIGKILL');
      await queue.close();
      redis.disconnect();
      await stack.stopWorker();
    }
  });

  it('stores a resent event once when a client reconnects and resends what it is unsure of', async () => {
    const { live, events, storedCount } = await streamSession(30);
    const again = await IngestClient.connect(live.session.ingestUrl, live.session.ingestToken);
    again.send(events);
    await again.waitForAcks(events.map((e) => e.id));
    await again.close();
    await stack.startWorker();
    await eventually(async () => ((await storedCount()) === events.length ? true : undefined));
    await new Promise((r) => setTimeout(r, 300));
    expect(await storedCount()).toBe(events.length);
    const { rows } = await stack.pool.query<{ n: number; d: number }>(
      'SELECT count(*)::int AS n, count(DISTINCT (event_id, product_id, rule))::int AS d FROM alerts WHERE session_id = $1',
      [live.session.id],
    );
    expect(rows[0]!.n).toBe(rows[0]!.d);
    await stack.stopWorker();
  });
});
