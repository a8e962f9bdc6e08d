import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createDetector, DEFAULT_RULES, detectStream } from '@anchorwatch/engine';
import { catalog as catalogSchema, ingestEvent, type IngestEvent } from '@anchorwatch/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../support/config.ts';
import { call, eventually } from '../support/http.ts';
import { IngestClient } from '../support/ingest-client.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { createTenant, openSession, type LiveSession, type Tenant } from '../support/tenant.ts';
import type { Alert, CreatedSessionBody } from '../support/types.ts';

// A labelled Douyin-style beauty session (shared/data): its catalogue, events and gold negative pairs.
const dataRoot = process.env.ANCHORWATCH_SHARED_DATA ?? resolve(import.meta.dirname, '../../../shared/data');
const dir = join(dataRoot, 'livecommerce-zh-dev-2');
const startedAt = '2026-12-04T12:00:00.000Z';
const readJsonl = (name: string): unknown[] =>
  readFileSync(join(dir, name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as unknown);
const sessionCatalog = catalogSchema.parse(JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')));
const labels = readJsonl('labels.jsonl') as { eventId: string; negative: string[] }[];

let stack: Stack;
let tenant: Tenant;
let live: LiveSession;
let events: IngestEvent[];
const slugOf = new Map<string, string>();

beforeAll(async () => {
  stack = await startStack(testConfig());
  tenant = await createTenant(stack.pool);
  const products = sessionCatalog.products.map((p) => ({ name: p.name, aliases: p.aliases, brand: p.brand ?? undefined }));
  live = await openSession(stack.apiUrl, tenant, products, { startedAt, title: '可可美妆专场', language: 'zh' });
  const idOf = new Map(sessionCatalog.products.map((p, i) => [p.id, live.products[i]!.id]));
  for (const [slug, id] of idOf) slugOf.set(id, slug);
  events = readJsonl('events.jsonl').map((raw) => {
    const e = ingestEvent.parse(raw);
    return e.type === 'product_on_air' ? { ...e, productId: idOf.get(e.productId)! } : e;
  });
});
afterAll(() => stack.close());

describe('a Chinese session, end to end', () => {
  it('keeps the session language the merchant chose and refuses an unknown one', async () => {
    const got = await call<CreatedSessionBody>(stack.apiUrl, 'GET', `/v1/sessions/${live.session.id}`, tenant.adminKey);
    expect(got.body.language).toBe('zh');
    const bad = await call<{ error: { code: string } }>(stack.apiUrl, 'POST', '/v1/sessions', tenant.adminKey, {
      contractId: live.contract.id,
      language: 'fr',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
  });

  it('streams the session over the socket and raises the offline engine’s alerts with the Chinese text intact', async () => {
    const client = await IngestClient.connect(live.session.ingestUrl, live.session.ingestToken);
    for (let i = 0; i < events.length; i += 10) client.send(events.slice(i, i + 10));
    await client.waitForAcks(events.map((e) => e.id));
    expect(client.errors).toEqual([]);

    const offline = detectStream(
      createDetector({ products: live.products.map((p) => ({ id: p.id, name: p.name, brand: p.brand, aliases: p.aliases })) }, { language: 'zh', rules: DEFAULT_RULES }),
      events,
      { startedAtMs: Date.parse(startedAt) },
    );
    expect(offline.length).toBeGreaterThan(20);
    const list = async (): Promise<Alert[]> =>
      (await call<Alert[]>(stack.apiUrl, 'GET', `/v1/alerts?sessionId=${live.session.id}&limit=1000`, tenant.adminKey)).body;
    // Chat bursts come from many lines (compared with the CLI in rules-parity.test.ts); here, line by line.
    const lineAlerts = await eventually(async () => {
      const found = (await list()).filter((a) => a.kind !== 'chat_burst');
      return found.length >= offline.length ? found : undefined;
    });
    const pair = (eventId: string, productId: string, rule: string): string => `${eventId}→${slugOf.get(productId)}→${rule}`;
    expect(lineAlerts.map((a) => pair(a.eventId, a.productId, a.rule)).sort()).toEqual(
      offline.map((f) => pair(f.eventId, f.productId, f.rule)).sort(),
    );

    // Most alerts are labelled negatives of the right product (the rest are the engine's known misses).
    const gold = new Set(labels.flatMap((l) => l.negative.map((slug) => `${l.eventId}→${slug}`)));
    const right = lineAlerts.filter((a) => gold.has(`${a.eventId}→${slugOf.get(a.productId)}`));
    expect(right.length / lineAlerts.length).toBeGreaterThanOrEqual(0.85);

    const textOf = new Map(events.flatMap((e) => (e.type === 'product_on_air' ? [] : [[e.id, e.text] as const])));
    for (const alert of lineAlerts) {
      expect(alert.text).toBe(textOf.get(alert.eventId));
      expect(alert.text).toMatch(/[\u4e00-\u9fff]/);
      expect(alert.text).toContain(alert.explanation.clause);
      for (const cue of alert.explanation.cues) expect(alert.text).toContain(cue.text);
    }
    // 踩雷 (stepped on a mine) names the rule in pinyin and is quoted in Chinese.
    const mine = lineAlerts.find((a) => a.rule === 'phrase.zh-cai-lei');
    expect(mine?.explanation.cues.map((c) => c.text)).toContain('踩雷');
    await client.close();
  });
});
