import { once } from 'node:events';
import { verifyInclusion } from '@anchorwatch/evidence';
import { EVIDENCE_QUEUE, type EvidenceDetail, type VerifyReport } from '@anchorwatch/schemas';
import { createPool } from '@anchorwatch/store';
import { finaliseClip } from '@anchorwatch/worker/evidence';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertsOf, chat, clipOf, evidenceTestConfig, line, roleKeys, send, storedEvents, type RoleKeys } from '../support/evidence.ts';
import { call, eventually } from '../support/http.ts';
import { IngestClient } from '../support/ingest-client.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { createTenant, openSession, type Tenant } from '../support/tenant.ts';
import { spawnWorker } from '../support/worker-process.ts';

const negative = 'honestly the glowlab serum gave me a rash';
let stack: Stack;
let tenant: Tenant;
let keys: RoleKeys;
let redis: Redis;

beforeAll(async () => {
  stack = await startStack(
    evidenceTestConfig({ WORKER_LOCK_DURATION_MS: 1000 }),
    { worker: false },
  );
  tenant = await createTenant(stack.pool, 'Evidence clips');
  keys = await roleKeys(stack.apiUrl, tenant);
  redis = new Redis(stack.config.REDIS_URL);
});
afterAll(async () => {
  redis.disconnect();
  await stack.close();
});

describe('an alert yields a clip of exactly its window', () => {
  it('holds the events from pre-roll to post-roll, including those that arrive after the alert, and is finalised when the session ends', async () => {
    await stack.startWorker();
    const startedAtMs = Date.now();
    const live = await openSession(
      stack.apiUrl,
      tenant,
      [{ name: 'GlowLab Serum', aliases: ['glowlab serum'] }],
      { startedAt: new Date(startedAtMs).toISOString(), title: 'Friday glow live', mediaUrl: 'https://video.example/live/42.mp4' },
      { evidencePreRollSeconds: 10, evidencePostRollSeconds: 10 },
    );
    expect(live.contract).toMatchObject({ evidencePreRollSeconds: 10, evidencePostRollSeconds: 10 });
    const client = await IngestClient.connect(live.session.ingestUrl, live.session.ingestToken);
    await send(client, [
      line('t5', 5, 'welcome everyone to the stream'),
      line('t12', 12, 'let me show you the texture up close'),
      chat('c15', startedAtMs, 15, 'hi from Ohio'),
      line('t20', 20, negative),
    ]);
    const [alert] = await alertsOf(stack.apiUrl, keys.staff, live.session.id, 1);
    // These arrive after the alert was raised; the last two lie on and just past the window's end (31.5 s).
    const after = [
      line('t25', 25, 'we have about forty units left'),
      chat('c28', startedAtMs, 28, 'what size is it'),
      line('t30', 30, 'hit follow for the coupon'),
      { type: 'product_on_air' as const, id: 'p31', productId: live.products[0]!.id, at: 31.5 },
      line('t33', 33, 'next up is the lipstick'),
    ];
    await send(client, after);
    await storedEvents(stack.pool, live.session.id, after.map((e) => e.id));
    await client.close();
    const ended = await call(stack.apiUrl, 'POST', `/v1/sessions/${live.session.id}/end`, tenant.adminKey);
    expect(ended.status).toBe(200);

    const clip = await clipOf(stack.apiUrl, keys.legal, alert!.id);
    const doc = clip.document;
    expect(doc.events.map((e) => e.eventId)).toEqual(['t12', 'c15', 't20', 't25', 'c28', 't30', 'p31']);
    expect(doc.trigger).toMatchObject({ eventId: 't20', text: negative, speaker: 'host', offsetStart: 20, offsetEnd: 21.5 });
    expect(doc.trigger.occurredAt).toBe(new Date(startedAtMs + 20_000).toISOString());
    expect(doc.window).toMatchObject({ preRollSeconds: 10, postRollSeconds: 10, startOffset: 10, endOffset: 31.5 });
    expect(doc.session).toMatchObject({
      id: live.session.id,
      platform: 'test',
      host: 'Maddie',
      title: 'Friday glow live',
      clock: 'client',
      mediaFragmentUrl: 'https://video.example/live/42.mp4#t=10,31.5',
    });
    expect(doc.contract.id).toBe(live.contract.id);
    expect(doc.product).toMatchObject({ id: live.products[0]!.id, name: 'GlowLab Serum' });
    expect(doc.alert).toMatchObject({ id: alert!.id, rule: alert!.rule, detectorVersion: alert!.detectorVersion });
    expect(doc.alert.explanation).toEqual(alert!.explanation);
    expect(clip.quote).toBe(negative);

    // Once the session is sealed, the clip carries an inclusion proof to the session's Merkle root.
    const proven = await eventually(async () => {
      const res = await call<EvidenceDetail>(stack.apiUrl, 'GET', `/v1/evidence/${clip.id}`, keys.legal);
      return res.body.proof ?? undefined;
    });
    expect(verifyInclusion(clip.hash, proven.path, proven.root)).toBe(true);
    await stack.stopWorker();
  });

  it('records every ingest disconnect and marks the time without a connection as a gap in the clip', async () => {
    await stack.startWorker();
    const startedAtMs = Date.now();
    const live = await openSession(stack.apiUrl, tenant, [{ name: 'GlowLab Serum', aliases: ['glowlab serum'] }], {
      startedAt: new Date(startedAtMs).toISOString(),
    });
    const offsetNow = () => Math.round(Date.now() - startedAtMs) / 1000;
    const first = await IngestClient.connect(live.session.ingestUrl, live.session.ingestToken);
    await send(first, [line('a1', offsetNow(), 'let me show you the texture')]);
    await first.close();
    await new Promise((r) => setTimeout(r, 300));
    const second = await IngestClient.connect(live.session.ingestUrl, live.session.ingestToken);
    await send(second, [line('a2', offsetNow(), negative)]);
    const [alert] = await alertsOf(stack.apiUrl, keys.staff, live.session.id, 1);
    await second.close();
    const { rows: periods } = await eventually(async () => {
      const res = await stack.pool.query<{ opened_at: Date; closed_at: Date | null }>(
        'SELECT opened_at, closed_at FROM ingest_connections WHERE session_id = $1 ORDER BY opened_at',
        [live.session.id],
      );
      return res.rows.length === 2 && res.rows.every((r) => r.closed_at) ? res : undefined;
    });
    await call(stack.apiUrl, 'POST', `/v1/sessions/${live.session.id}/end`, tenant.adminKey);

    const clip = await clipOf(stack.apiUrl, keys.legal, alert!.id);
    const disconnects = clip.document.coverage.gaps.filter((g) => g.kind === 'disconnected');
    const toOffset = (d: Date) => Math.round(d.getTime() - startedAtMs) / 1000;
    expect(disconnects).toContainEqual(
      expect.objectContaining({ startOffset: toOffset(periods[0]!.closed_at!), endOffset: toOffset(periods[1]!.opened_at) }),
    );
    // Two lines in a 60 s window leave long silences, marked against the configured threshold.
    expect(clip.document.coverage.silenceThresholdSeconds).toBe(stack.config.EVIDENCE_SILENCE_GAP_SECONDS);
    expect(clip.document.coverage.gaps.some((g) => g.kind === 'no_transcript')).toBe(true);
    expect(clip.document.coverage.complete).toBe(false);
    await stack.stopWorker();
  });
});

describe('finalisation survives a killed worker', () => {
  it('finalises the clip after the worker that raised the alert is SIGKILLed before the post-roll ends', async () => {
    const live = await openSession(
      stack.apiUrl,
      tenant,
      [{ name: 'GlowLab Serum', aliases: ['glowlab serum'] }],
      { startedAt: new Date().toISOString() },
      { evidencePreRollSeconds: 5, evidencePostRollSeconds: 6 },
    );
    const child = spawnWorker(stack.config, { EVIDENCE_FINALISE_GRACE_MS: '0', EVIDENCE_POST_ROLL_SECONDS: '6' });
    const queue = new Queue(EVIDENCE_QUEUE, { connection: redis, prefix: stack.config.QUEUE_PREFIX });
    try {
      const client = await IngestClient.connect(live.session.ingestUrl, live.session.ingestToken);
      await send(client, [line('k1', 1, 'welcome back everyone'), line('k2', 3, negative)]);
      await client.close();
      const [alert] = await alertsOf(stack.apiUrl, keys.staff, live.session.id, 1);
      // The child's outbox sink scheduled the clip (jobId = alert id, due 6 s after the alert): kill it now.
      const job = await eventually(async () => (await queue.getJob(alert!.id)) ?? undefined);
      child.kill('SIGKILL');
      await once(child, 'exit');
      expect(await job.getState()).toBe('delayed');
      const { rows } = await stack.pool.query('SELECT 1 FROM evidence_clips WHERE alert_id = $1', [alert!.id]);
      expect(rows).toEqual([]);

      await stack.startWorker();
      const clip = await clipOf(stack.apiUrl, keys.legal, alert!.id, 25_000);
      expect(clip.document.events.map((e) => e.eventId)).toEqual(['k1', 'k2']);
      expect(clip.document.trigger.text).toBe(negative);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await queue.close();
      await stack.stopWorker();
    }
  });
});

describe('the hash chain under concurrent finalisation', () => {
  it('appends clips finalised at once by several workers to one linear chain, once per alert', async () => {
    const other = await createTenant(stack.pool, 'Concurrent chain');
    const otherKeys = await roleKeys(stack.apiUrl, other);
    await stack.startWorker();
    const live = await openSession(stack.apiUrl, other, [{ name: 'GlowLab Serum', aliases: ['glowlab serum'] }], {
      startedAt: new Date().toISOString(),
    });
    const client = await IngestClient.connect(live.session.ingestUrl, live.session.ingestToken);
    const lines = Array.from({ length: 12 }, (_, i) => line(`n${i}`, 2 + i * 3, i % 2 ? negative : 'the glowlab serum broke, total waste of money'));
    await send(client, lines);
    await client.close();
    const alerts = await alertsOf(stack.apiUrl, other.adminKey, live.session.id, 12);
    await stack.stopWorker();

    // Two pools stand for two worker processes; every alert is finalised twice at once.
    const pools = [createPool(stack.config.DATABASE_URL, 4), createPool(stack.config.DATABASE_URL, 4)];
    try {
      const results = await Promise.all(
        alerts.flatMap((a, i) => [0, 1].map((k) =>
          finaliseClip({ pool: pools[(i + k) % 2]!, config: stack.config }, { merchantId: other.merchantId, alertId: a.id }, { early: true }),
        )),
      );
      expect(results.filter((r) => r.outcome === 'created')).toHaveLength(alerts.length);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
    const { rows } = await stack.pool.query<{ seq: number; hash: string; prev_hash: string | null }>(
      'SELECT seq, hash, prev_hash FROM evidence_clips WHERE merchant_id = $1 ORDER BY seq',
      [other.merchantId],
    );
    expect(rows.map((r) => r.seq)).toEqual(alerts.map((_, i) => i + 1));
    rows.forEach((r, i) => expect(r.prev_hash).toBe(i === 0 ? null : rows[i - 1]!.hash));
    const verify = await call<VerifyReport>(stack.apiUrl, 'GET', '/v1/evidence/verify', otherKeys.legal);
    expect(verify.body).toMatchObject({ ok: true, clipsChecked: alerts.length });
  });
});
