import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { AuditEntry, ErrorBody, EvidenceDetail, EvidenceSummary, LegalHold, VerifyReport } from '@anchorwatch/schemas';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../support/config.ts';
import { alertsOf, clipOf, evidenceTestConfig, line, roleKeys, send, type RoleKeys } from '../support/evidence.ts';
import { call, eventually } from '../support/http.ts';
import { IngestClient } from '../support/ingest-client.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { createTenant, openSession, type LiveSession, type Tenant } from '../support/tenant.ts';

const run = promisify(execFile);
const cli = 'services/cli/bin/anchorwatch.js';
const quote = 'honestly the glowlab serum gave me a rash';
let stack: Stack;
let a: Tenant;
let aKeys: RoleKeys;
let b: Tenant;
let bKeys: RoleKeys;
let sessionA: LiveSession;
let clipsA: EvidenceDetail[];
let dir: string;

/** A session of `tenant` with two alerts, ended, its clips finalised and its Merkle root sealed. */
async function clippedSession(tenant: Tenant, keys: RoleKeys, title: string): Promise<{ live: LiveSession; clips: EvidenceDetail[] }> {
  const live = await openSession(stack.apiUrl, tenant, [{ name: 'GlowLab Serum', aliases: ['glowlab serum'] }], {
    startedAt: new Date(Date.now() - 60_000).toISOString(),
    title,
    mediaUrl: 'https://video.example/live/7.mp4',
  });
  const client = await IngestClient.connect(live.session.ingestUrl, live.session.ingestToken);
  await send(client, [
    line('l1', 10, 'welcome to the stream everyone'),
    line('l2', 14, quote),
    line('l3', 20, 'we have about forty units left'),
    line('l4', 40, 'the glowlab serum broke after two days'),
  ]);
  await client.close();
  const alerts = await alertsOf(stack.apiUrl, tenant.adminKey, live.session.id, 2);
  await call(stack.apiUrl, 'POST', `/v1/sessions/${live.session.id}/end`, tenant.adminKey);
  const clips = await Promise.all(alerts.map((al) => clipOf(stack.apiUrl, keys.legal, al.id)));
  await eventually(async () => {
    const res = await call<EvidenceDetail>(stack.apiUrl, 'GET', `/v1/evidence/${clips[0]!.id}`, keys.legal);
    return res.body.proof ?? undefined;
  });
  return { live, clips: clips.sort((x, y) => x.document.trigger.offsetStart - y.document.trigger.offsetStart) };
}

/** GET returning the raw body (a zip). */
async function download(path: string, key: string): Promise<{ status: number; bytes: Uint8Array; type: string | null }> {
  const res = await fetch(`${stack.apiUrl}${path}`, { headers: { authorization: `Bearer ${key}` } });
  return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()), type: res.headers.get('content-type') };
}

async function verifyCli(bundle: Uint8Array): Promise<{ code: number; stdout: string }> {
  const path = join(dir, `bundle-${Math.random().toString(36).slice(2)}.zip`);
  writeFileSync(path, bundle);
  try {
    const { stdout } = await run(process.execPath, [cli, 'evidence', 'verify', path], { env: { PATH: process.env.PATH } });
    return { code: 0, stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

beforeAll(async () => {
  stack = await startStack(
    evidenceTestConfig(),
  );
  dir = mkdtempSync(join(tmpdir(), 'aw-evidence-'));
  a = await createTenant(stack.pool, 'Merchant A');
  b = await createTenant(stack.pool, 'Merchant B');
  aKeys = await roleKeys(stack.apiUrl, a);
  bKeys = await roleKeys(stack.apiUrl, b);
  ({ live: sessionA, clips: clipsA } = await clippedSession(a, aKeys, 'Glow live 直播'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await stack.close();
});

describe('roles and tenancy on every evidence route', () => {
  it('lets legal and admin keys read evidence and refuses staff and ops keys with 403', async () => {
    const clipId = clipsA[0]!.id;
    const reads = ['/v1/evidence', `/v1/evidence/${clipId}`, '/v1/evidence/verify', `/v1/evidence/export?sessionId=${sessionA.session.id}`, '/v1/legal-holds'];
    for (const path of reads) {
      for (const key of [aKeys.legal, aKeys.admin]) expect((await download(path, key)).status, path).toBe(200);
      for (const key of [aKeys.staff, aKeys.ops]) {
        const res = await call<ErrorBody>(stack.apiUrl, 'GET', path, key);
        expect(res.status, path).toBe(403);
        expect(res.body.error.code).toBe('forbidden');
      }
      expect((await call(stack.apiUrl, 'GET', path, null)).status).toBe(401);
    }
    for (const key of [aKeys.staff, aKeys.ops]) {
      const hold = await call(stack.apiUrl, 'POST', '/v1/legal-holds', key, { sessionId: sessionA.session.id, reason: 'x' });
      expect(hold.status).toBe(403);
    }
  });

  it("answers 404 for another merchant's clip and hold, and never lists or exports it", async () => {
    const other = await call<ErrorBody>(stack.apiUrl, 'GET', `/v1/evidence/${clipsA[0]!.id}`, bKeys.admin);
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('not_found');
    const listed = await call<EvidenceSummary[]>(stack.apiUrl, 'GET', `/v1/evidence?sessionId=${sessionA.session.id}`, bKeys.legal);
    expect(listed.body).toEqual([]);
    const byAlert = await call<EvidenceSummary[]>(stack.apiUrl, 'GET', `/v1/evidence?alertId=${clipsA[0]!.alertId}`, bKeys.legal);
    expect(byAlert.body).toEqual([]);
    const exported = await download(`/v1/evidence/export?sessionId=${sessionA.session.id}`, bKeys.legal);
    const manifest = JSON.parse(strFromU8(unzipSync(exported.bytes)['manifest.json']!)) as { clips: unknown[] };
    expect(manifest.clips).toEqual([]);
    const hold = await call(stack.apiUrl, 'POST', '/v1/legal-holds', bKeys.legal, { sessionId: sessionA.session.id, reason: 'x' });
    expect(hold.status).toBe(404);
    const own = await call<LegalHold>(stack.apiUrl, 'POST', '/v1/legal-holds', aKeys.legal, { contractId: sessionA.contract.id, reason: 'dispute' });
    expect(own.status).toBe(201);
    expect((await call(stack.apiUrl, 'POST', `/v1/legal-holds/${own.body.id}/release`, bKeys.admin)).status).toBe(404);
    expect((await call(stack.apiUrl, 'POST', `/v1/legal-holds/${own.body.id}/release`, aKeys.legal)).status).toBe(200);
    expect((await call(stack.apiUrl, 'POST', `/v1/legal-holds/${own.body.id}/release`, aKeys.legal)).status).toBe(409);
    const verify = await call<VerifyReport>(stack.apiUrl, 'GET', '/v1/evidence/verify', bKeys.legal);
    expect(verify.body).toMatchObject({ ok: true, clipsChecked: 0 });
  });

  it('filters clips by contract, product, alert and the time of the quote', async () => {
    const list = async (query: string) =>
      (await call<EvidenceSummary[]>(stack.apiUrl, 'GET', `/v1/evidence?${query}`, aKeys.legal)).body.map((c) => c.id).sort();
    const all = clipsA.map((c) => c.id).sort();
    expect(await list(`contractId=${sessionA.contract.id}`)).toEqual(all);
    expect(await list(`productId=${sessionA.products[0]!.id}`)).toEqual(all);
    expect(await list(`alertId=${clipsA[1]!.alertId}`)).toEqual([clipsA[1]!.id]);
    const [first, second] = clipsA.map((c) => c.document.trigger.occurredAt);
    expect(await list(`from=${encodeURIComponent(second!)}`)).toEqual([clipsA[1]!.id]);
    expect(await list(`to=${encodeURIComponent(first!)}`)).toEqual([clipsA[0]!.id]);
    expect(await list(`sessionId=${sessionA.session.id}&limit=1`)).toHaveLength(1);
  });

  it('refuses bad filters and a hold naming both or neither target with a typed 400', async () => {
    const bad = await call<ErrorBody>(stack.apiUrl, 'GET', '/v1/evidence?sessionId=nope', aKeys.legal);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    const both = await call<ErrorBody>(stack.apiUrl, 'POST', '/v1/legal-holds', aKeys.legal, {
      sessionId: sessionA.session.id,
      contractId: sessionA.contract.id,
      reason: 'x',
    });
    expect(both.status).toBe(400);
  });
});

describe('audit log', () => {
  it('records who viewed and exported what, from where, readable by admins only', async () => {
    const clipId = clipsA[1]!.id;
    await call(stack.apiUrl, 'GET', `/v1/evidence/${clipId}`, aKeys.legal, undefined);
    await download(`/v1/evidence/export?sessionId=${sessionA.session.id}`, aKeys.legal);
    const keys = await call<{ id: string; role: string }[]>(stack.apiUrl, 'GET', '/v1/keys', a.adminKey);
    const legalKeyId = keys.body.find((k) => k.role === 'legal')!.id;
    const log = await call<AuditEntry[]>(stack.apiUrl, 'GET', '/v1/audit?limit=50', a.adminKey);
    expect(log.status).toBe(200);
    const view = log.body.find((e) => e.action === 'evidence.view' && e.target.clipId === clipId);
    expect(view).toMatchObject({ keyId: legalKeyId, role: 'legal', ip: '127.0.0.1' });
    const exported = log.body.find((e) => e.action === 'evidence.export');
    expect(exported?.target.clipIds).toEqual(expect.arrayContaining(clipsA.map((c) => c.id)));
    expect((await call(stack.apiUrl, 'GET', '/v1/audit', aKeys.legal)).status).toBe(403);
    expect((await call(stack.apiUrl, 'GET', '/v1/audit', aKeys.staff)).status).toBe(403);
    const others = await call<AuditEntry[]>(stack.apiUrl, 'GET', '/v1/audit', b.adminKey);
    expect(others.body.some((e) => e.target.clipId === clipId)).toBe(false);
  });

  it('is append-only in the database, as are clips', async () => {
    await expect(stack.pool.query(`UPDATE audit_log SET action = 'x' WHERE merchant_id = $1`, [a.merchantId])).rejects.toThrow(/append-only/);
    await expect(stack.pool.query('DELETE FROM audit_log WHERE merchant_id = $1', [a.merchantId])).rejects.toThrow(/append-only/);
    await expect(stack.pool.query(`UPDATE evidence_clips SET quote = 'x' WHERE id = $1`, [clipsA[0]!.id])).rejects.toThrow(/append-only/);
    await expect(stack.pool.query('DELETE FROM evidence_clips WHERE id = $1', [clipsA[0]!.id])).rejects.toThrow(/append-only/);
    await expect(stack.pool.query('DELETE FROM evidence_session_roots WHERE session_id = $1', [sessionA.session.id])).rejects.toThrow(/append-only/);
  });
});

describe('export bundle and offline verification', () => {
  it('exports a bundle that `anchorwatch evidence verify` accepts, with the report in HTML and PDF', async () => {
    const res = await download(`/v1/evidence/export?sessionId=${sessionA.session.id}`, aKeys.legal);
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/zip');
    const files = unzipSync(res.bytes);
    expect(Object.keys(files).sort()).toEqual(
      ['manifest.json', 'report.html', 'report.pdf', ...clipsA.map((c) => `clips/${String(c.seq).padStart(8, '0')}-${c.id}.json`)].sort(),
    );
    const html = strFromU8(files['report.html']!);
    expect(html).toContain(`<mark>${quote}</mark>`);
    expect(html).toContain(clipsA[0]!.document.trigger.occurredAt.slice(11, 19));
    // The session's ingest connection is listed, so its disconnects show in the report.
    const { rows } = await stack.pool.query<{ opened_at: Date }>('SELECT opened_at FROM ingest_connections WHERE session_id = $1', [
      sessionA.session.id,
    ]);
    expect(rows).toHaveLength(1);
    expect(html).toContain(`<li>connected ${rows[0]!.opened_at.toISOString().slice(0, 10)} ${rows[0]!.opened_at.toISOString().slice(11, 19)} UTC`);
    const verified = await verifyCli(res.bytes);
    expect(verified).toMatchObject({ code: 0 });
    expect(verified.stdout).toMatch(/^OK: 2 clips, their chain links and 1 session Merkle roots verified/);
  });

  it('names the first clip whose bytes were changed in the bundle, and exits non-zero', async () => {
    const files = unzipSync((await download(`/v1/evidence/export?sessionId=${sessionA.session.id}`, aKeys.legal)).bytes);
    const target = clipsA[1]!;
    const name = `clips/${String(target.seq).padStart(8, '0')}-${target.id}.json`;
    // One changed byte anywhere in the clip: in its quote, and (separately) in its chain link.
    for (const edit of [(t: string) => t.replace('gave me a rash', 'gave me a glow'), (t: string) => t.replace('"prevHash":"', '"prevHash":"0')]) {
      const tampered = { ...files, [name]: new TextEncoder().encode(edit(strFromU8(files[name]!))) };
      const result = await verifyCli(zipSync(tampered));
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(`first failing clip ${target.id}`);
    }
    const manifest = strFromU8(files['manifest.json']!).replace(/"root": "[0-9a-f]/, '"root": "z');
    const badRoot = await verifyCli(zipSync({ ...files, 'manifest.json': new TextEncoder().encode(manifest) }));
    expect(badRoot.code).toBe(1);
    const noPdf = await verifyCli(zipSync({ ...files, 'report.pdf': new Uint8Array([37, 80, 68, 70]) }));
    expect(noPdf.code).toBe(1);
    expect(noPdf.stdout).toContain('report.pdf does not match');
  });

  it('renders a PDF report whose page shows the quote and its timestamps (PDF → PNG → OCR)', async () => {
    const files = unzipSync((await download(`/v1/evidence/export?sessionId=${sessionA.session.id}`, aKeys.legal)).bytes);
    const pdf = join(dir, 'report.pdf');
    writeFileSync(pdf, files['report.pdf']!);
    const fonts = await run('pdffonts', [pdf]);
    expect(fonts.stdout).toMatch(/NotoSansCJK/);
    await run('pdftoppm', ['-r', '200', '-png', '-f', '1', '-l', '1', pdf, join(dir, 'page')]);
    const { stdout } = await run('tesseract', [join(dir, 'page-1.png'), 'stdout']);
    const text = stdout.replace(/\s+/g, ' ').toLowerCase();
    expect(text).toContain(quote);
    const first = clipsA[0]!.document;
    expect(text).toContain(`${first.trigger.occurredAt.slice(0, 10)} ${first.trigger.occurredAt.slice(11, 19)} utc`);
    expect(text).toContain(first.window.startAt.slice(11, 19));
    expect(text).toContain(first.window.endAt.slice(11, 19));
  });

  it('refuses an export over EVIDENCE_EXPORT_MAX_CLIPS with export_too_large', async () => {
    const small = await startStack(testConfig({ EVIDENCE_EXPORT_MAX_CLIPS: 1 }), { worker: false });
    try {
      const res = await call<ErrorBody>(small.apiUrl, 'GET', `/v1/evidence/export?sessionId=${sessionA.session.id}`, aKeys.legal);
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('export_too_large');
    } finally {
      await small.close();
    }
  });
});

describe('tampering in the database', () => {
  it('is detected by GET /v1/evidence/verify, naming the clip, even with its hash recomputed', async () => {
    const c = await createTenant(stack.pool, 'Merchant C');
    const cKeys = await roleKeys(stack.apiUrl, c);
    const { clips } = await clippedSession(c, cKeys, 'tamper test');
    expect((await call<VerifyReport>(stack.apiUrl, 'GET', '/v1/evidence/verify', cKeys.legal)).body.ok).toBe(true);
    const target = clips[0]!;
    const client = await stack.pool.connect();
    try {
      // Only someone bypassing the application and its trigger can change a clip; verification still notices.
      await client.query('BEGIN');
      await client.query('ALTER TABLE evidence_clips DISABLE TRIGGER evidence_clips_append_only');
      await client.query(
        `UPDATE evidence_clips SET canonical = replace(canonical, 'gave me a rash', 'gave me a glow'),
                hash = encode(sha256(convert_to(replace(canonical, 'gave me a rash', 'gave me a glow'), 'UTF8')), 'hex')
         WHERE id = $1`,
        [target.id],
      );
      await client.query('ALTER TABLE evidence_clips ENABLE TRIGGER evidence_clips_append_only');
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const report = await call<VerifyReport>(stack.apiUrl, 'GET', '/v1/evidence/verify', cKeys.legal);
    expect(report.body.ok).toBe(false);
    expect(report.body.firstFailure?.clipId).toBe(target.id);
    const bundle = await download('/v1/evidence/export', cKeys.legal);
    const result = await verifyCli(bundle.bytes);
    expect(result.code).toBe(1);
  });
});

describe('retention and legal holds', () => {
  it('purges old raw events nothing references, but keeps clip windows and everything under an active hold', async () => {
    const d = await createTenant(stack.pool, 'Merchant D');
    const dKeys = await roleKeys(stack.apiUrl, d);
    const { live: clipped } = await clippedSession(d, dKeys, 'retention with clips');
    const plain = async (title: string) => {
      const live = await openSession(stack.apiUrl, d, [{ name: 'Lip Tint' }], { title });
      const client = await IngestClient.connect(live.session.ingestUrl, live.session.ingestToken);
      await send(client, [line('x1', 1, 'hello there'), line('x2', 200, 'still here')]);
      await client.close();
      return live;
    };
    const held = await plain('held');
    const free = await plain('free');
    const contractHeld = await plain('contract held');
    const count = async (sessionId: string) =>
      (await stack.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE session_id = $1', [sessionId])).rows[0]!.n;
    await eventually(async () => ((await count(held.session.id)) === 2 && (await count(free.session.id)) === 2 ? true : undefined));
    const hold = await call<LegalHold>(stack.apiUrl, 'POST', '/v1/legal-holds', dKeys.legal, { sessionId: held.session.id, reason: 'claim 42' });
    expect(hold.status).toBe(201);
    const onContract = await call<LegalHold>(stack.apiUrl, 'POST', '/v1/legal-holds', dKeys.admin, {
      contractId: contractHeld.contract.id,
      reason: 'claim 43',
    });
    expect(onContract.status).toBe(201);
    await eventually(async () => ((await count(contractHeld.session.id)) === 2 ? true : undefined));
    // Age this merchant's events past the retention period (other tests' events stay fresh).
    await stack.pool.query(`UPDATE events SET stored_at = now() - interval '40 days' WHERE merchant_id = $1`, [d.merchantId]);
    const purge = async () => {
      const { stdout } = await run(process.execPath, [cli, 'evidence', 'purge'], {
        env: { PATH: process.env.PATH, DATABASE_URL: stack.config.DATABASE_URL, LOG_LEVEL: 'silent' },
      });
      return JSON.parse(stdout) as { purged: number };
    };
    await purge();
    expect(await count(free.session.id)).toBe(0);
    expect(await count(held.session.id)).toBe(2);
    expect(await count(contractHeld.session.id)).toBe(2);
    // The clipped session: its lines at 10–40 s lie in clip windows (or trigger alerts) and stay.
    expect(await count(clipped.session.id)).toBe(4);

    expect((await call(stack.apiUrl, 'POST', `/v1/legal-holds/${hold.body.id}/release`, dKeys.legal)).status).toBe(200);
    await purge();
    expect(await count(held.session.id)).toBe(0);
  });
});
