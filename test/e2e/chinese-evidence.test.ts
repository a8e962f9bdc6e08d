import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ClipDocument, EvidenceDetail } from '@anchorwatch/schemas';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertsOf, chat, clipOf, evidenceTestConfig, line, roleKeys, send, type RoleKeys } from '../support/evidence.ts';
import { FeedReader } from '../support/feed-reader.ts';
import { call, eventually } from '../support/http.ts';
import { IngestClient } from '../support/ingest-client.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { createTenant, openSession, type LiveSession, type Tenant } from '../support/tenant.ts';
import type { Alert } from '../support/types.ts';

// Issue 6 "done when": a Chinese session streamed over the ingest socket keeps its Chinese text intact in the
// alert, the live feed, the evidence clip, and the export bundle's HTML and PDF reports.
const run = promisify(execFile);
const hostLine = '说实话这个沁颜精华液就是智商税 用了三天就烂脸';
const chatLine = '沁颜精华液踩雷了 用完过敏';
let stack: Stack;
let tenant: Tenant;
let keys: RoleKeys;
let live: LiveSession;
let feed: FeedReader;
let alerts: Alert[];
let clips: EvidenceDetail[];
let dir: string;

beforeAll(async () => {
  stack = await startStack(
    evidenceTestConfig(),
  );
  dir = mkdtempSync(join(tmpdir(), 'aw-zh-evidence-'));
  tenant = await createTenant(stack.pool, '可可美妆');
  keys = await roleKeys(stack.apiUrl, tenant);
  feed = await FeedReader.open(stack.apiUrl, keys.staff);
  await feed.waitReady();
  const startedAtMs = Date.now() - 60_000;
  live = await openSession(stack.apiUrl, tenant, [{ name: '沁颜精华液', brand: '沁颜', aliases: ['精华液'] }], {
    startedAt: new Date(startedAtMs).toISOString(),
    title: '沁颜美妆专场',
    language: 'zh',
  });
  const client = await IngestClient.connect(live.session.ingestUrl, live.session.ingestToken);
  await send(client, [
    line('z1', 10, '欢迎宝宝们来到直播间'),
    line('z2', 14, hostLine),
    chat('z3', startedAtMs, 16, chatLine),
    line('z4', 20, '还有最后五十单'),
  ]);
  await client.close();
  alerts = (await alertsOf(stack.apiUrl, keys.staff, live.session.id, 2)).sort((a, b) => a.eventId.localeCompare(b.eventId));
  await call(stack.apiUrl, 'POST', `/v1/sessions/${live.session.id}/end`, tenant.adminKey);
  clips = await Promise.all(alerts.map((a) => clipOf(stack.apiUrl, keys.legal, a.id)));
  // The export carries the session's Merkle root, sealed once every clip is in.
  await eventually(async () => (await call<EvidenceDetail>(stack.apiUrl, 'GET', `/v1/evidence/${clips[0]!.id}`, keys.legal)).body.proof ?? undefined);
});
afterAll(async () => {
  feed?.close();
  rmSync(dir, { recursive: true, force: true });
  await stack?.close();
});

async function exported(): Promise<Record<string, Uint8Array>> {
  const res = await fetch(`${stack.apiUrl}/v1/evidence/export?sessionId=${live.session.id}`, { headers: { authorization: `Bearer ${keys.legal}` } });
  expect(res.status).toBe(200);
  return unzipSync(new Uint8Array(await res.arrayBuffer()));
}

describe('a Chinese session’s alerts, feed and evidence', () => {
  it('raises the host’s and the viewer’s complaints with the Chinese words as cues', () => {
    expect(alerts.map((a) => [a.eventId, a.rule, a.text])).toEqual([
      ['z2', 'phrase.zh-zhi-shang-shui', hostLine],
      ['z3', 'phrase.zh-cai-lei', chatLine],
    ]);
    expect(alerts[0]!.explanation.cues.map((c) => c.text)).toContain('智商税');
    expect(alerts[1]!.explanation.product.text).toBe('沁颜精华液');
  });

  it('carries the Chinese text intact on the live feed (SSE)', async () => {
    const events = await feed.waitUntil((es) => alerts.every((a) => es.some((e) => e.kind === 'raised' && e.alert.id === a.id)));
    for (const alert of alerts) {
      const raised = events.find((e) => e.kind === 'raised' && e.alert.id === alert.id)!;
      expect(raised.alert.text).toBe(alert.text);
      expect(raised.alert.explanation).toEqual(alert.explanation);
    }
  });

  it('keeps the Chinese trigger, title and product in the clip JSON, from the API and in the bundle', async () => {
    const [host, viewer] = clips;
    expect(host!.quote).toBe(hostLine);
    expect(host!.document.trigger).toMatchObject({ eventId: 'z2', text: hostLine });
    expect(host!.document.session.title).toBe('沁颜美妆专场');
    expect(host!.document.product.name).toBe('沁颜精华液');
    expect(host!.document.events.map((e) => e.text)).toEqual(['欢迎宝宝们来到直播间', hostLine, chatLine, '还有最后五十单']);
    expect(viewer!.document.trigger.text).toBe(chatLine);

    const files = await exported();
    for (const clip of clips) {
      const name = `clips/${String(clip.seq).padStart(8, '0')}-${clip.id}.json`;
      const raw = strFromU8(files[name]!);
      // UTF-8 characters, not \u escapes: the bundle reads as Chinese in any editor.
      expect(raw).toContain(clip.document.trigger.text!);
      expect((JSON.parse(raw) as ClipDocument).trigger.text).toBe(clip.document.trigger.text);
    }
    const html = strFromU8(files['report.html']!);
    expect(html).toMatch(/<meta charset="utf-8">/i);
    expect(html).toContain(`<mark>${hostLine}</mark>`);
    expect(html).toContain(`<mark>${chatLine}</mark>`);
    expect(html).toContain('沁颜美妆专场');
  });

  it('renders the PDF report in Noto Sans CJK, and its page reads back as Chinese (PDF → PNG → OCR)', async () => {
    const pdf = join(dir, 'report.pdf');
    writeFileSync(pdf, (await exported())['report.pdf']!);
    const fonts = await run('pdffonts', [pdf]);
    expect(fonts.stdout).toMatch(/NotoSansCJK/);
    // The head of page 1 (title and timeline, which quotes both lines) at 150 dpi, read by one OCR thread: well
    // under a second, where the whole page with tesseract's default threads takes several on two busy cores.
    await run('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-x', '0', '-y', '0', '-W', '1241', '-H', '700', pdf, join(dir, 'head')]);
    // tesseract-ocr-chi-sim: the Simplified Chinese model.
    const { stdout } = await run('tesseract', [join(dir, 'head-1.png'), 'stdout', '-l', 'chi_sim'], {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    });
    const text = stdout.replace(/\s+/g, '');
    expect(text).toContain('就是智商税');
    expect(text).toContain('沁颜精华液踩雷了');
    expect(text).toContain('沁颜美妆专场');
  });

  it('raises the README’s example alert from the README’s frame', async () => {
    const readme = await openSession(
      stack.apiUrl,
      tenant,
      [{ name: '青禾 氨基酸洗面奶 120g', brand: '青禾', aliases: ['洗面奶', '青禾洁面'] }],
      { startedAt: '2026-11-20T12:00:00Z', language: 'zh' },
    );
    const client = await IngestClient.connect(readme.session.ingestUrl, readme.session.ingestToken);
    const text = '亲禾洗面奶踩雷了😭 洗完脸又干又绷';
    await send(client, [
      { type: 'product_on_air', id: 'p1', productId: readme.products[0]!.id, at: 0 },
      { type: 'chat', id: 'c1', ts: '2026-11-20T12:00:05Z', user: '小鹿', text },
      { type: 'chat', id: 'c2', ts: '2026-11-20T12:00:06Z', user: '小鹿', text: '一点都不干 没踩雷' },
    ]);
    await client.close();
    const [alert, ...more] = await alertsOf(stack.apiUrl, keys.staff, readme.session.id, 1);
    expect(more).toEqual([]);
    expect(alert).toMatchObject({ eventId: 'c1', productId: readme.products[0]!.id, kind: 'chat_negative', rule: 'phrase.zh-cai-lei', severity: 'medium', text });
    expect(alert!.explanation).toEqual({
      clause: '亲禾洗面奶踩雷了😭',
      product: { via: 'alias', text: '亲禾洗面奶', start: 0, end: 5 },
      cues: [{ text: '踩雷', weight: -3, source: 'phrase' }],
      negated: [],
    });
  });
});
