import { createLogger } from '@anchorwatch/runtime';
import type { AlertEvent, IngestEvent, ReceivedEvent } from '@anchorwatch/schemas';
import {
  createContract,
  createPool,
  createProduct,
  createSession,
  listAlertEventsAfter,
  type Pool,
} from '@anchorwatch/store';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/support/config.ts';
import { eventually } from '../../../test/support/http.ts';
import { createTenant } from '../../../test/support/tenant.ts';
import { DetectorCache } from '../src/detector-cache.ts';
import type { AlertSink } from '../src/outbox/alert-sink.ts';
import { createAlertDispatcher, type AlertDispatcher } from '../src/outbox/dispatcher.ts';
import { processIngestBatch } from '../src/processors/ingest-batch.ts';

let pool: Pool;
const detectors = new DetectorCache(60_000);
const log = createLogger({ LOG_LEVEL: 'silent' }, 'outbox-test');
const running: AlertDispatcher[] = [];

beforeAll(() => {
  pool = createPool(testConfig().DATABASE_URL, 8);
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((d) => d.close()));
});
afterAll(() => pool.end());

/** A sink that keeps what it hears; `failures` makes its next calls throw. */
function collectingSink(name = 'collect'): AlertSink & { heard: AlertEvent[]; calls: number; failures: number } {
  return {
    name,
    heard: [],
    calls: 0,
    failures: 0,
    async deliver(events) {
      this.calls += 1;
      if (this.failures > 0) {
        this.failures -= 1;
        throw new Error('receiver unavailable');
      }
      this.heard.push(...events);
    },
  };
}

function dispatcher(sinks: AlertSink[], pollMs = 50): AlertDispatcher {
  const d = createAlertDispatcher({ pool, sinks, batchSize: 3, pollMs, log });
  running.push(d);
  return d;
}

async function liveSession() {
  const { merchantId } = await createTenant(pool);
  const serum = await createProduct(pool, merchantId, { name: 'GlowLab Vitamin C Serum', aliases: [] });
  const bank = await createProduct(pool, merchantId, { name: 'MagSnap Power Bank', aliases: ['magsnap'] });
  const contract = await createContract(pool, merchantId, { creator: 'Maddie', productIds: [serum.id, bank.id] });
  const session = await createSession(pool, merchantId, { contractId: contract.id, startedAt: '2026-11-20T12:00:00.000Z' });
  const send = (events: IngestEvent[]) =>
    processIngestBatch({ pool, detectors, orderWaitMs: 5000 }, {
      merchantId,
      sessionId: session.id,
      events: events.map((e) => ({ ...e, receivedAt: '2026-11-20T12:01:00.000Z' }) as ReceivedEvent),
    });
  return { merchantId, serum, bank, send };
}

const negative = (id: string, start: number, text = 'this is a total waste of money') =>
  ({ type: 'transcript', id, start, end: start + 2, text, speaker: 'host', final: true }) as const;
const onAir = (id: string, productId: string, at: number) => ({ type: 'product_on_air', id, productId, at }) as const;
const summary = (events: AlertEvent[]) => events.map((e) => [e.kind, e.alert.eventId, e.alert.productId]);

describe('alert outbox', () => {
  it('hands raised and retracted alerts to every sink in feed order, numbered without gaps', async () => {
    const s = await liveSession();
    const first = collectingSink('first');
    const second = collectingSink('second');
    dispatcher([first, second]);

    await s.send([onAir('p1', s.serum.id, 0), negative('t1', 5), negative('t2', 8), negative('t3', 11)]);
    await s.send([onAir('p2', s.bank.id, 7)]); // arrives late: t2 and t3 were about the power bank

    const heard = await eventually(async () => (first.heard.length >= 7 ? first.heard : undefined));
    expect(summary(heard)).toEqual([
      ['raised', 't1', s.serum.id],
      ['raised', 't2', s.serum.id],
      ['raised', 't3', s.serum.id],
      ['raised', 't2', s.bank.id],
      ['raised', 't3', s.bank.id],
      ['retracted', 't2', s.serum.id],
      ['retracted', 't3', s.serum.id],
    ]);
    expect(heard[5]!.alert.status).toBe('retracted');
    expect(second.heard).toEqual(first.heard);
    const seqs = heard.map((e) => BigInt(e.feedSeq));
    expect(seqs.slice(1).every((n, i) => n === seqs[i]! + 1n)).toBe(true);
  });

  it('offers the same events again after a sink fails, so nothing is lost', async () => {
    const s = await liveSession();
    const flaky = collectingSink();
    flaky.failures = 2;
    dispatcher([flaky]);
    await s.send([negative('t1', 5, 'the magsnap broke after two days')]);
    const heard = await eventually(async () => (flaky.heard.length > 0 ? flaky.heard : undefined));
    expect(flaky.calls).toBe(3);
    expect(summary(heard)).toEqual([['raised', 't1', s.bank.id]]);
  });

  it('lets one dispatcher lead; a standby takes over what the leader left when it stops', async () => {
    const s = await liveSession();
    const a = collectingSink('a');
    const b = collectingSink('b');
    const leader = dispatcher([a]);
    await eventually(async () => (leader.isLeader() ? true : undefined));
    const standby = dispatcher([b]);

    await s.send([negative('t1', 5, 'the magsnap broke after two days')]);
    await eventually(async () => (a.heard.length === 1 ? true : undefined));
    expect(standby.isLeader()).toBe(false);

    await leader.close();
    await s.send([negative('t2', 9, 'the magsnap stopped working, do not buy it')]);
    const heard = await eventually(async () => (b.heard.length === 1 ? b.heard : undefined));
    expect(summary(heard)).toEqual([['raised', 't2', s.bank.id]]);
    expect(a.heard).toHaveLength(1);
  });

  it('replays a merchant’s changes after a feed position, and only that merchant’s', async () => {
    const s = await liveSession();
    const other = await liveSession();
    const sink = collectingSink();
    dispatcher([sink]);
    await s.send([negative('t1', 5, 'the magsnap broke after two days'), negative('t2', 9, 'the magsnap is a scam')]);
    await other.send([negative('t1', 5, 'the magsnap broke after two days')]);
    await eventually(async () => (sink.heard.length === 3 ? true : undefined));

    const all = await listAlertEventsAfter(pool, s.merchantId, '0', 100);
    expect(all.map((e) => e.alert.eventId)).toEqual(['t1', 't2']);
    const missed = await listAlertEventsAfter(pool, s.merchantId, all[0]!.feedSeq, 100);
    expect(missed).toEqual([all[1]]);
  });
});
