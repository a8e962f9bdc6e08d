import type { IngestBatchJob, IngestEvent, ReceivedEvent } from '@anchorwatch/schemas';
import { createContract, createPool, createProduct, createSession, listAlerts, type Pool } from '@anchorwatch/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/support/config.ts';
import { createTenant } from '../../../test/support/tenant.ts';
import { DetectorCache } from '../src/detector-cache.ts';
import { processIngestBatch } from '../src/processors/ingest-batch.ts';

let pool: Pool;
let merchantId: string;
const detectors = new DetectorCache(60_000);
const receivedAt = '2026-11-20T12:00:30.000Z';

beforeAll(async () => {
  pool = createPool(testConfig().DATABASE_URL, 6);
  merchantId = (await createTenant(pool)).merchantId;
});
afterAll(() => pool.end());

async function newSession() {
  const serum = await createProduct(pool, merchantId, { name: 'GlowLab Vitamin C Serum', aliases: ['glowlab serum'] });
  const bank = await createProduct(pool, merchantId, { name: 'MagSnap Power Bank', aliases: ['magsnap'] });
  const contract = await createContract(pool, merchantId, { creator: 'Maddie', productIds: [serum.id, bank.id] });
  const session = await createSession(pool, merchantId, { contractId: contract.id, startedAt: '2026-11-20T12:00:00.000Z' });
  const job = (events: IngestEvent[]): IngestBatchJob => ({
    merchantId,
    sessionId: session.id,
    events: events.map((e) => ({ ...e, receivedAt }) as ReceivedEvent),
  });
  const alerts = async () =>
    (await listAlerts(pool, merchantId, { sessionId: session.id, limit: 100 })).map((a) => [a.eventId, a.productId]);
  return { serum, bank, session, job, alerts };
}

const line = (id: string, start: number, text: string) =>
  ({ type: 'transcript', id, start, end: start + 2, text, speaker: 'host', final: true }) as const;
const onAir = (id: string, productId: string, at: number) => ({ type: 'product_on_air', id, productId, at }) as const;

describe('processIngestBatch', () => {
  it('stores every event once and analyses a resent id only the first time', async () => {
    const s = await newSession();
    const batch = s.job([line('t1', 5, 'the magsnap broke after two days, do not buy it'), line('t2', 8, 'hello everyone')]);
    const first = await processIngestBatch({ pool, detectors, orderWaitMs: 5000 }, batch);
    const again = await processIngestBatch({ pool, detectors, orderWaitMs: 5000 }, batch);
    expect(first).toMatchObject({ stored: 2, alerts: 1 });
    expect(again).toMatchObject({ stored: 0, analysed: 0, alerts: 0 });
    expect(await s.alerts()).toEqual([['t1', s.bank.id]]);
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM events WHERE session_id = $1', [s.session.id]);
    expect(rows[0].n).toBe(2);
  });

  it('places lines on the session clock: offsets and wall-clock time for both transcript and chat', async () => {
    const s = await newSession();
    await processIngestBatch({ pool, detectors, orderWaitMs: 5000 }, s.job([
      line('t1', 12.5, 'welcome'),
      { type: 'chat', id: 'c1', ts: '2026-11-20T12:00:20.250Z', user: 'amy', text: 'hi' },
    ]));
    const { rows } = await pool.query<{ event_id: string; offset_start: number; occurred_at: Date }>(
      'SELECT event_id, offset_start, occurred_at FROM events WHERE session_id = $1 ORDER BY event_id',
      [s.session.id],
    );
    expect(rows.map((r) => [r.event_id, r.offset_start, r.occurred_at.toISOString()])).toEqual([
      ['c1', 20.25, '2026-11-20T12:00:20.250Z'],
      ['t1', 12.5, '2026-11-20T12:00:12.500Z'],
    ]);
  });

  it('attributes "this" to the product on air, even when the on-air mark arrives in a later batch', async () => {
    const s = await newSession();
    await processIngestBatch({ pool, detectors, orderWaitMs: 5000 }, s.job([line('t1', 20, 'honestly this is a total waste of money')]));
    expect(await s.alerts()).toEqual([]);

    await processIngestBatch({ pool, detectors, orderWaitMs: 5000 }, s.job([onAir('p1', s.serum.id, 10)]));
    expect(await s.alerts()).toEqual([['t1', s.serum.id]]);

    // A later-arriving switch at 15 s means the line at 20 s was about the power bank all along.
    const result = await processIngestBatch({ pool, detectors, orderWaitMs: 5000 }, s.job([onAir('p2', s.bank.id, 15)]));
    expect(result.retracted).toBe(1);
    expect(await s.alerts()).toEqual([['t1', s.bank.id]]);
  });

  it('keeps on-air context right when two workers process batches of one session at once', async () => {
    const s = await newSession();
    const batches = [
      s.job([onAir('p1', s.serum.id, 0), line('t1', 5, 'this is a total waste of money')]),
      s.job([onAir('p2', s.bank.id, 30), line('t2', 35, 'this is a total waste of money')]),
      s.job([line('t3', 40, 'it stopped working after a week')]),
    ];
    await Promise.all(batches.map((b) => processIngestBatch({ pool, detectors, orderWaitMs: 5000 }, b)));
    expect((await s.alerts()).sort()).toEqual(
      [['t1', s.serum.id], ['t2', s.bank.id], ['t3', s.bank.id]].sort(),
    );
  });

  it("reads a session's batches in the order ingest numbered them, and a lost predecessor holds none up for long", async () => {
    const s = await newSession();
    const now = new Date().toISOString();
    const numbered = (seq: number, events: IngestEvent[], receivedAt = now): IngestBatchJob => ({
      ...s.job(events),
      seq,
      events: events.map((e) => ({ ...e, receivedAt }) as ReceivedEvent),
    });
    const deps = { pool, detectors, orderWaitMs: 5000 };
    const second = numbered(2, [line('t2', 8, 'it stopped working after a week')]);
    // Batch 2 before batch 1: not read (nothing stored), back to the queue for a moment.
    await expect(processIngestBatch(deps, second)).rejects.toMatchObject({ name: 'BatchNotDue', seq: 2, read: 0 });
    const stored = async () =>
      (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE session_id = $1', [s.session.id])).rows[0]!.n;
    expect(await stored()).toBe(0);
    await processIngestBatch(deps, numbered(1, [onAir('p1', s.bank.id, 0), line('t1', 5, 'hello everyone')]));
    await processIngestBatch(deps, second);
    expect(await s.alerts()).toEqual([['t2', s.bank.id]]);
    // A batch read again (a retry after a crash) is no gap; batch 4 without 3 waits until 3 is long overdue.
    await processIngestBatch(deps, second);
    await expect(processIngestBatch(deps, numbered(4, [line('t4', 20, 'so bad')]))).rejects.toMatchObject({ name: 'BatchNotDue' });
    const longAgo = new Date(Date.now() - 10_000).toISOString();
    await expect(processIngestBatch(deps, numbered(4, [line('t4', 20, 'hello again')], longAgo))).resolves.toMatchObject({ stored: 1 });
    const { rows } = await pool.query<{ batch_seq: string }>('SELECT batch_seq FROM sessions WHERE id = $1', [s.session.id]);
    expect(Number(rows[0]!.batch_seq)).toBe(4);
  });

  it('ignores an on-air mark naming a product outside the contract', async () => {
    const s = await newSession();
    await processIngestBatch({ pool, detectors, orderWaitMs: 5000 }, s.job([
      onAir('p1', 'not-a-contract-product', 0),
      line('t1', 5, 'this is a total waste of money'),
    ]));
    expect(await s.alerts()).toEqual([]);
  });
});
