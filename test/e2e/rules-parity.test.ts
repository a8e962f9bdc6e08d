import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ContractRule, Finding, IngestEvent } from '@anchorwatch/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../support/config.ts';
import { call, eventually } from '../support/http.ts';
import { IngestClient } from '../support/ingest-client.ts';
import { sampleStream } from '../support/sample-stream.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { createTenant, openSession, type LiveSession, type Tenant } from '../support/tenant.ts';
import type { Alert } from '../support/types.ts';

const run = promisify(execFile);
const startedAt = '2026-11-20T12:00:00.000Z';
const startedAtMs = Date.parse(startedAt);
const burstSettings = { CHAT_BURST_WINDOW_MS: 60_000, CHAT_BURST_MIN_COMPLAINTS: 3 };

let stack: Stack;
let tenant: Tenant;
let live: LiveSession;
let dir: string;

beforeAll(async () => {
  stack = await startStack(testConfig(burstSettings));
  tenant = await createTenant(stack.pool);
  live = await openSession(stack.apiUrl, tenant, [
    { name: 'GlowLab Vitamin C Serum', aliases: ['glowlab serum'] },
    { name: 'VoltCore MagSnap Power Bank', aliases: ['magsnap'], sku: 'VC-MS-10K' },
    { name: 'IronRoot Cast Iron Skillet', aliases: ['ironroot skillet'] },
  ], { startedAt });
  dir = mkdtempSync(join(tmpdir(), 'aw-parity-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await stack.close();
});

const rules = [
  { name: 'Melted', kind: 'keyword', terms: ['melted', 'warped'], severity: 'critical', scope: 'chat' },
  { name: 'Sends buyers elsewhere', kind: 'phrase', terms: ['buy it elsewhere', 'cheaper on shopmart'], severity: 'medium', scope: 'host' },
  { name: 'Batch numbers', kind: 'regex', pattern: String.raw`batch\s*#?\d{4,}`, severity: 'low', scope: 'both' },
  { name: 'Chat: clear negatives only', kind: 'sentiment', threshold: 0.3, severity: 'medium', scope: 'chat' },
];

/** Lines that only the merchant rules flag, and a burst of complaints about the skillet, after the sample stream. */
function ruleLines(skillet: string): IngestEvent[] {
  const chat = (id: string, second: number, user: string, text: string): IngestEvent => ({
    type: 'chat', id, ts: new Date(startedAtMs + second * 1000).toISOString(), user, text,
  });
  return [
    { type: 'product_on_air', id: 'r-on', productId: skillet, at: 500 },
    { type: 'transcript', id: 'r-t1', start: 502, end: 504, speaker: 'host', final: true, text: 'you can buy it elsewhere if you like' },
    // Alone it reads like a restaurant review's complaint; in this host's voice, kept across batches, it is a pitch.
    { type: 'transcript', id: 'r-t2', start: 504, end: 505, speaker: 'host', final: true, text: 'skip the line and order now' },
    chat('r-c1', 505, 'zed', 'the magsnap warped in my bag'),
    chat('r-c2', 506, 'yan', 'is magsnap batch #20931 the new one?'),
    chat('r-c3', 510, 'ann', 'the ironroot skillet is a scam'),
    chat('r-c4', 520, 'ben', 'ironroot skillet rusted after one wash, total rip-off'),
    chat('r-c5', 530, 'cid', 'my ironroot skillet cracked, do not buy it'),
    chat('r-c6', 535, 'dee', 'ironroot skillet is trash'),
    chat('r-c7', 540, 'eve', 'my VC-MS-10K died in a day'),
  ];
}

const view = (f: Pick<Finding, 'eventId' | 'productId' | 'kind' | 'rule' | 'severity' | 'score' | 'explanation'>) => ({
  eventId: f.eventId, productId: f.productId, kind: f.kind, rule: f.rule, severity: f.severity, score: f.score, explanation: f.explanation,
});

describe('merchant rules end to end', () => {
  it('gives the same findings from `anchorwatch detect --rules` as the worker stores, explanations included', async () => {
    for (const rule of rules) {
      const res = await call(stack.apiUrl, 'POST', `/v1/contracts/${live.contract.id}/rules`, tenant.adminKey, rule);
      expect(res.status).toBe(201);
    }
    const skillet = live.products[2]!.id;
    const products = live.products.map((p) => ({ id: p.id, alias: p.aliases[0]! }));
    const events = [...sampleStream(products, 200, startedAtMs).events, ...ruleLines(skillet)];

    // What the CLI prints, from the rules as the API lists them.
    const stored = await call<ContractRule[]>(stack.apiUrl, 'GET', `/v1/contracts/${live.contract.id}/rules`, tenant.adminKey);
    writeFileSync(join(dir, 'rules.json'), JSON.stringify(stored.body));
    writeFileSync(join(dir, 'catalog.json'), JSON.stringify({ products: live.products.map((p) => ({ id: p.id, name: p.name, aliases: p.aliases, sku: p.sku })) }));
    writeFileSync(join(dir, 'events.jsonl'), events.map((e) => JSON.stringify(e)).join('\n'));
    const { stdout } = await run(process.execPath, [
      'services/cli/bin/anchorwatch.js', 'detect', '--catalog', join(dir, 'catalog.json'), '--input', join(dir, 'events.jsonl'),
      '--rules', join(dir, 'rules.json'), '--started-at', startedAt,
    ], { env: { ...process.env, CHAT_BURST_WINDOW_MS: '60000', CHAT_BURST_MIN_COMPLAINTS: '3' }, maxBuffer: 10 * 1024 * 1024 });
    const offline = stdout.trim().split('\n').map((l) => view(JSON.parse(l) as Finding));

    // What the worker stores, from the same events over the socket, sent at once: the worker reads a session's
    // batches in the order ingest numbered them, whichever of its four slots takes each first.
    const client = await IngestClient.connect(live.session.ingestUrl, live.session.ingestToken);
    for (let i = 0; i < events.length; i += 10) client.send(events.slice(i, i + 10));
    await client.waitForAcks(events.map((e) => e.id));
    await client.close();
    const path = `/v1/alerts?sessionId=${live.session.id}&limit=1000`;
    await eventually(async () => {
      const res = await call<Alert[]>(stack.apiUrl, 'GET', path, tenant.adminKey);
      return res.body.length >= offline.length ? true : undefined;
    });
    await new Promise((r) => setTimeout(r, 300));
    const alerts = (await call<Alert[]>(stack.apiUrl, 'GET', path, tenant.adminKey)).body;

    const key = (f: { eventId: string; productId: string; rule: string }) => `${f.eventId}|${f.productId}|${f.rule}`;
    const sort = <T extends { eventId: string; productId: string; rule: string }>(list: T[]) =>
      [...list].sort((a, b) => key(a).localeCompare(key(b)));
    expect(sort(alerts.map(view))).toEqual(sort(offline));
    // Every final transcript line was counted in the session's voice once, and the voice is the host's.
    const { rows } = await stack.pool.query<{ voice: Record<string, number> }>('SELECT voice FROM sessions WHERE id = $1', [live.session.id]);
    const transcripts = events.filter((e) => e.type === 'transcript' && e.final !== false).length;
    expect(Object.values(rows[0]!.voice).reduce((a, b) => a + b, 0)).toBe(transcripts);
    expect(rows[0]!.voice['host speech']).toBeGreaterThan(transcripts / 2);
    expect(alerts.filter((a) => a.eventId === 'r-t2')).toEqual([]);

    // The rules did fire, and each alert from the API explains itself.
    const byEvent = (id: string) => alerts.filter((a) => a.eventId === id);
    expect(byEvent('r-t1')[0]).toMatchObject({ kind: 'host_negative', productId: skillet, severity: 'medium', explanation: { rules: [{ name: 'Sends buyers elsewhere', match: { text: 'buy it elsewhere' } }] } });
    expect(byEvent('r-c1')[0]).toMatchObject({ severity: 'critical', explanation: { product: { text: 'magsnap' }, rules: [{ kind: 'keyword', match: { text: 'warped' } }] } });
    expect(byEvent('r-c7')[0]).toMatchObject({ productId: live.products[1]!.id, explanation: { product: { via: 'sku', text: 'VC-MS-10K' } } });
    expect(byEvent('r-c2')[0]).toMatchObject({ productId: live.products[1]!.id, severity: 'low', explanation: { rules: [{ kind: 'regex', match: { text: 'batch #20931' } }] } });
    const burst = alerts.filter((a) => a.kind === 'chat_burst' && a.productId === skillet);
    expect(burst).toHaveLength(1);
    expect(burst[0]!.explanation.burst).toMatchObject({ windowSeconds: 60, viewers: 3, eventIds: ['r-c3', 'r-c4', 'r-c5'] });
    for (const alert of alerts) {
      expect(alert.explanation.clause.length).toBeGreaterThan(0);
      expect(alert.explanation.cues.length + (alert.explanation.rules?.length ?? 0)).toBeGreaterThan(0);
      if (alert.rule.startsWith('rule.')) expect(alert.explanation.rules?.[0]?.match).not.toBeNull();
    }
    // The chat sentiment rule grades every chat complaint it lets through.
    const chatComplaints = alerts.filter((a) => a.kind === 'chat_negative' && !a.rule.startsWith('rule.'));
    expect(chatComplaints.length).toBeGreaterThan(0);
    for (const a of chatComplaints) expect(a.explanation.rules?.some((r) => r.kind === 'sentiment' && r.threshold === 0.3)).toBe(true);
  });

  it('applies a rule added, then disabled, through the API to the live session\'s next batch, with the worker running', async () => {
    const session = await openSession(stack.apiUrl, tenant, [{ name: 'AeroPods Pro', aliases: ['aeropods'] }], { startedAt });
    const client = await IngestClient.connect(session.session.ingestUrl, session.session.ingestToken);
    const line = (id: string, second: number): IngestEvent => ({
      type: 'chat', id, ts: new Date(startedAtMs + second * 1000).toISOString(), user: id, text: 'my aeropods came in the green box today',
    });
    const alertsFor = async () =>
      (await call<Alert[]>(stack.apiUrl, 'GET', `/v1/alerts?sessionId=${session.session.id}`, tenant.adminKey)).body.map((a) => a.eventId);
    const stored = async (id: string) => {
      await eventually(async () => {
        const { rows } = await stack.pool.query('SELECT 1 FROM events WHERE session_id = $1 AND event_id = $2', [session.session.id, id]);
        return rows.length > 0 ? true : undefined;
      });
    };

    client.send([line('a1', 1)]);
    await client.waitForAcks(['a1']);
    await stored('a1');
    expect(await alertsFor()).toEqual([]);

    const path = `/v1/contracts/${session.contract.id}/rules`;
    const rule = await call<ContractRule>(stack.apiUrl, 'POST', path, tenant.adminKey, {
      name: 'Old packaging', kind: 'phrase', terms: ['green box'], severity: 'high', scope: 'chat',
    });
    client.send([line('a2', 2)]);
    await client.waitForAcks(['a2']);
    expect(await eventually(async () => ((await alertsFor()).includes('a2') ? await alertsFor() : undefined))).toEqual(['a2']);

    await call(stack.apiUrl, 'PUT', `${path}/${rule.body.id}`, tenant.adminKey, {
      name: 'Old packaging', kind: 'phrase', terms: ['green box'], severity: 'high', scope: 'chat', enabled: false,
    });
    client.send([line('a3', 3)]);
    await client.waitForAcks(['a3']);
    await stored('a3');
    expect(await alertsFor()).toEqual(['a2']);
    await client.close();
  });
});
