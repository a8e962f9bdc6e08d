import { randomUUID } from 'node:crypto';
import type { AlertEvent } from '@anchorwatch/schemas';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/support/config.ts';
import { createEvidenceQueue } from '../src/evidence/evidence-queue.ts';
import { createEvidenceSink } from '../src/evidence/evidence-sink.ts';

const config = testConfig({ EVIDENCE_POST_ROLL_SECONDS: 30, EVIDENCE_FINALISE_GRACE_MS: 5000 });
let redis: Redis;
let queue: ReturnType<typeof createEvidenceQueue>;

beforeAll(() => {
  redis = new Redis(config.REDIS_URL);
  queue = createEvidenceQueue(redis, config);
});
afterAll(async () => {
  await queue.obliterate({ force: true });
  await queue.close();
  redis.disconnect();
});

const event = (kind: AlertEvent['kind'], alertId: string, createdAt: string, feedSeq: string): AlertEvent =>
  ({ feedSeq, kind, merchantId: randomUUID(), recordedAt: createdAt, alert: { id: alertId, createdAt } }) as AlertEvent;

describe('evidence outbox sink', () => {
  it('schedules one delayed finalisation per raised alert, however often it is delivered, and ignores other changes', async () => {
    const sink = createEvidenceSink(queue, config);
    const raisedAt = new Date().toISOString();
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const batch = [event('raised', a, raisedAt, '1'), event('raised', b, raisedAt, '2'), event('retracted', c, raisedAt, '3')];
    await sink.deliver(batch);
    await sink.deliver(batch);
    const delayed = await queue.getDelayed();
    expect(delayed.map((j) => j.id).sort()).toEqual([a, b].sort());
    const job = delayed.find((j) => j.id === a)!;
    // Due when the default post-roll and the grace have passed since the alert was raised.
    expect(job.timestamp + job.delay).toBeGreaterThanOrEqual(Date.parse(raisedAt) + 30_000 + 5000 - 50);
    expect(job.timestamp + job.delay).toBeLessThanOrEqual(Date.parse(raisedAt) + 30_000 + 5000 + 50);
  });
});
