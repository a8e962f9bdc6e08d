import type { IngestBatchJob, IngestEvent, ReceivedEvent, RuleBody } from '@anchorwatch/schemas';
import {
  createContract,
  createPool,
  createProduct,
  createRule,
  createSession,
  listAlerts,
  replaceRule,
  withTransaction,
  type Pool,
} from '@anchorwatch/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/support/config.ts';
import { createTenant } from '../../../test/support/tenant.ts';
import { DetectorCache } from '../src/detector-cache.ts';
import { processIngestBatch } from '../src/processors/ingest-batch.ts';

let pool: Pool;
let merchantId: string;
// A TTL far longer than the test: rule changes must be picked up by the version check, not by expiry.
const detectors = new DetectorCache(3_600_000);
const bursts = { windowMs: 60_000, minComplaints: 3 };
const startedAt = Date.parse('2026-11-20T12:00:00.000Z');

beforeAll(async () => {
  pool = createPool(testConfig().DATABASE_URL, 6);
  merchantId = (await createTenant(pool)).merchantId;
});
afterAll(() => pool.end());

async function newSession() {
  const bank = await createProduct(pool, merchantId, { name: 'MagSnap Power Bank', aliases: ['magsnap'] });
  const serum = await createProduct(pool, merchantId, { name: 'GlowLab Serum', aliases: ['serum'] });
  const contract = await createContract(pool, merchantId, { creator: 'Maddie', productIds: [bank.id, serum.id] });
  const session = await createSession(pool, merchantId, { contractId: contract.id, startedAt: new Date(startedAt).toISOString() });
  const run = (events: IngestEvent[]) => {
    const job: IngestBatchJob = {
      merchantId,
      sessionId: session.id,
      events: events.map((e) => ({ ...e, receivedAt: '2026-11-20T12:10:00.000Z' }) as ReceivedEvent),
    };
    return processIngestBatch({ pool, detectors, bursts, orderWaitMs: 5000 }, job);
  };
  const alerts = async () => (await listAlerts(pool, merchantId, { sessionId: session.id, limit: 1000 })).reverse();
  return { bank, serum, contract, session, run, alerts };
}

const chat = (id: string, second: number, user: string, text: string): IngestEvent => ({
  type: 'chat', id, ts: new Date(startedAt + second * 1000).toISOString(), user, text,
});

describe('merchant rules in a live session', () => {
  it('applies a new, changed or disabled rule from the next batch on, without a restart', async () => {
    const s = await newSession();
    await s.run([chat('c1', 1, 'amy', 'my magsnap melted in the car')]);
    expect(await s.alerts()).toEqual([]);

    const melted: RuleBody = { name: 'Melted', kind: 'keyword', terms: ['melted'], severity: 'critical', scope: 'chat' };
    const rule = await withTransaction(pool, (tx) => createRule(tx, merchantId, s.contract.id, melted, 100));
    await s.run([chat('c2', 2, 'bob', 'the magsnap melted too')]);
    const [alert] = await s.alerts();
    expect(alert).toMatchObject({
      eventId: 'c2',
      productId: s.bank.id,
      rule: `rule.${rule.id}`,
      severity: 'critical',
      explanation: { rules: [{ id: rule.id, name: 'Melted', severity: 'critical', match: { text: 'melted', start: 12, end: 18 } }] },
    });

    await withTransaction(pool, (tx) => replaceRule(tx, merchantId, s.contract.id, rule.id, { ...melted, enabled: false }));
    await s.run([chat('c3', 3, 'cat', 'magsnap melted, third one')]);
    expect((await s.alerts()).map((a) => a.eventId)).toEqual(['c2']);
  });

  it('applies the default rules to every contract', async () => {
    const s = await newSession();
    await s.run([chat('c1', 1, 'amy', 'heads up, the serum was recalled last month')]);
    expect((await s.alerts()).map((a) => [a.rule, a.productId])).toEqual([['rule.default.recall-or-legal', s.serum.id]]);
  });
});

describe('chat bursts', () => {
  it('raises one chat_burst when distinct viewers complain about one product within the window, across batches', async () => {
    const s = await newSession();
    await s.run([chat('c1', 10, 'amy', 'the magsnap is a scam'), chat('c2', 12, 'amy', 'total scam, the magsnap')]);
    await s.run([chat('c3', 20, 'bob', 'magsnap broke after a day, awful')]);
    expect((await s.alerts()).filter((a) => a.kind === 'chat_burst')).toEqual([]);

    await s.run([chat('c4', 40, 'cat', 'my magsnap is fake'), chat('c5', 45, 'dan', 'the serum is a scam')]);
    const burst = (await s.alerts()).filter((a) => a.kind === 'chat_burst');
    expect(burst).toHaveLength(1);
    expect(burst[0]).toMatchObject({
      eventId: 'c4',
      productId: s.bank.id,
      rule: 'burst.chat',
      severity: 'high',
      explanation: { burst: { windowSeconds: 60, complaints: 4, viewers: 3, eventIds: ['c1', 'c2', 'c3', 'c4'] } },
    });

    // More complaints inside the same window are part of that burst; a new window raises a new one.
    await s.run([chat('c6', 50, 'eve', 'magsnap scam'), chat('c7', 150, 'fay', 'magsnap is trash')]);
    await s.run([chat('c8', 160, 'gus', 'magsnap is a scam'), chat('c9', 170, 'hal', 'magsnap is fake, awful')]);
    expect((await s.alerts()).filter((a) => a.kind === 'chat_burst').map((a) => a.eventId)).toEqual(['c4', 'c9']);
  });

  it('counts complaints, not host speech, and is off when the worker is given no burst options', async () => {
    const s = await newSession();
    const host = (id: string, start: number): IngestEvent => ({
      type: 'transcript', id, start, end: start + 1, speaker: 'host', final: true, text: 'honestly the magsnap is a scam',
    });
    await s.run([host('t1', 1), host('t2', 2), host('t3', 3), host('t4', 4)]);
    expect((await s.alerts()).filter((a) => a.kind === 'chat_burst')).toEqual([]);
    const job: IngestBatchJob = {
      merchantId,
      sessionId: s.session.id,
      events: [chat('c1', 5, 'a', 'magsnap scam'), chat('c2', 6, 'b', 'magsnap scam'), chat('c3', 7, 'c', 'magsnap scam')].map(
        (e) => ({ ...e, receivedAt: '2026-11-20T12:10:00.000Z' }) as ReceivedEvent,
      ),
    };
    await processIngestBatch({ pool, detectors, orderWaitMs: 5000 }, job);
    expect((await s.alerts()).filter((a) => a.kind === 'chat_burst')).toEqual([]);
  });
});
