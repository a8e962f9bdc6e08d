import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildWeb } from '@anchorwatch/web/build';
import { createApiKey, createWebhook, disableWebhook } from '@anchorwatch/store';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from '../support/browser.ts';
import { testConfig } from '../support/config.ts';
import { call, eventually } from '../support/http.ts';
import { IngestClient } from '../support/ingest-client.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { createTenant, openSession, type LiveSession, type Tenant } from '../support/tenant.ts';
import type { Alert } from '../support/types.ts';

const artifacts = join(import.meta.dirname, '..', '..', 'test-artifacts');
const startedAt = new Date(Date.now() - 60_000).toISOString();
let stack: Stack;
let browser: Browser;
let page: Page;
let tenant: Tenant;
let staffKey: string;
let live: LiveSession;
let ingest: IngestClient;

beforeAll(async () => {
  await buildWeb();
  stack = await startStack(testConfig());
  tenant = await createTenant(stack.pool, 'Page merchant');
  staffKey = (await createApiKey(stack.pool, tenant.merchantId, { role: 'staff', name: 'page tester' })).key;
  live = await openSession(stack.apiUrl, tenant, [{ name: 'VoltCore MagSnap Power Bank', aliases: ['magsnap'] }], {
    startedAt,
    title: 'Friday deals',
  });
  ingest = await IngestClient.connect(live.session.ingestUrl, live.session.ingestToken);
  // An ops endpoint that failed for its whole retry schedule: staff must see that Slack is not hearing alerts.
  const hook = await createWebhook(stack.pool, tenant.merchantId, {
    url: 'https://hooks.slack.com/services/T000/B000/not-for-staff-eyes', format: 'slack', minSeverity: 'low',
    productIds: [], sessionIds: [], muteWindows: [], description: 'Ops Slack',
  }, 'sealed-secret-not-used-here');
  await disableWebhook(stack.pool, hook.id, 'failed for the whole retry schedule');
  browser = await launchBrowser();
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await ingest?.close();
  await stack?.close();
});

/** Alert ids in the order the page lists them. */
async function alertsOnPage(): Promise<string[]> {
  const cards = page.locator('#alerts li[data-alert-id]');
  const ids: string[] = [];
  for (let i = 0; i < (await cards.count()); i += 1) ids.push((await cards.nth(i).getAttribute('data-alert-id'))!);
  return ids;
}

describe('the staff page', () => {
  it('is served at / with a content security policy', async () => {
    const res = await fetch(`${stack.apiUrl}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<label for="api-key">API key</label>');
  });

  it('refuses an unknown key at sign-in, then signs in with the keyboard and goes live', async () => {
    await page.goto(`${stack.apiUrl}/`);
    await page.focus('#api-key');
    await page.keyboard.type('aw_staff_not_a_real_key');
    await page.keyboard.press('Enter');
    await page.locator('#sign-in-error', { hasText: 'unknown' }).waitFor();
    await page.fill('#api-key', staffKey);
    await page.keyboard.press('Enter');
    await page.locator('#connection', { hasText: /^Live$/ }).waitFor();
    const stored = await page.evaluate(
      () => (globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }).sessionStorage.getItem('anchorwatch.apiKey'),
    );
    expect(stored).toBe(staffKey);
    expect(page.url()).not.toContain(staffKey);
    expect(await page.locator('#sign-in-form').isVisible()).toBe(false);
    expect(await page.textContent('#sessions')).toContain('Friday deals');
    const notice = page.locator('#notices .notice', { hasText: 'Ops Slack' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('hooks.slack.com');
    expect(await notice.textContent()).not.toContain('not-for-staff-eyes');
  });

  it('shows an alert streamed over the ingest socket within 2 s, with the negative words highlighted', async () => {
    const lines = [
      { type: 'transcript', id: 't1', start: 3, end: 4, text: 'okay let me show you the power bank', speaker: 'host', final: true },
      { type: 'transcript', id: 't2', start: 5, end: 7, text: 'honestly the magsnap broke after two days, do not buy it', speaker: 'host', final: true },
      { type: 'chat', id: 'c3', ts: new Date(Date.parse(startedAt) + 8000).toISOString(), user: 'viewer7', text: 'what size is it' },
    ];
    ingest.send(lines);
    await ingest.waitForAcks(lines.map((l) => l.id));
    // The bar: on the page within 2 s of the events being accepted.
    await page.waitForSelector('#alerts li[data-alert-id]', { timeout: 2_000 });

    const card = page.locator('#alerts li[data-alert-id]').first();
    expect(await card.locator('h3').textContent()).toBe('VoltCore MagSnap Power Bank');
    expect(await card.locator('mark.product').allTextContents()).toEqual(['magsnap']);
    expect((await card.locator('mark.cue').allTextContents()).length).toBeGreaterThan(0);
    expect(await card.locator('.meta').textContent()).toContain('stream 0:00:05');
    expect(await card.locator('.badge').textContent()).toMatch(/high|critical/);

    // Keyboard: the quote opens the transcript and chat around the alert.
    await card.locator('[data-action="context"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#context-lines li.current');
    expect(await page.locator('#context-lines li').count()).toBe(3);
    expect(await page.textContent('#context-lines li.current')).toContain('magsnap broke');
  });

  it('acknowledges and dismisses with a reason, and the API records who did it', async () => {
    const [alertId] = await alertsOnPage();
    await page.locator(`#alert-${alertId} [data-action="acknowledge"]`).click();
    const acked = await eventually(async () => {
      const res = await call<Alert>(stack.apiUrl, 'GET', `/v1/alerts/${alertId}`, staffKey);
      return res.body.status === 'acknowledged' ? res.body : undefined;
    });
    expect(acked.statusChanges.map((c) => c.by.name)).toEqual(['page tester']);
    await page.waitForSelector(`#alert-${alertId}[data-status="acknowledged"]`);

    ingest.send({ type: 'transcript', id: 't4', start: 20, end: 22, text: 'the magsnap gave me a rash', speaker: 'host', final: true });
    await page.locator('#alerts li[data-alert-id]').nth(1).waitFor();
    const [newest, oldest] = await alertsOnPage();
    expect(oldest).toBe(alertId);
    await page.locator(`#alert-${newest} [data-action="dismiss-open"]`).click();
    await page.keyboard.type('the host was quoting a review, not her own view');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const dismissed = await eventually(async () => {
      const res = await call<Alert>(stack.apiUrl, 'GET', `/v1/alerts/${newest}`, staffKey);
      return res.body.status === 'dismissed' ? res.body : undefined;
    });
    expect(dismissed.statusChanges.at(-1)!.reason).toBe('the host was quoting a review, not her own view');
    await page.waitForSelector(`#alert-${newest}[data-status="dismissed"]`);

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'staff-page.png'), fullPage: true });
  });

  it('shows a Chinese line whole, with its Chinese complaint word highlighted', async () => {
    const text = '说实话这个magsnap就是智商税';
    ingest.send({ type: 'transcript', id: 't5', start: 30, end: 32, text, speaker: 'host', final: true });
    await page.locator('#alerts li[data-alert-id]').nth(2).waitFor();
    const card = page.locator('#alerts li[data-alert-id]').first();
    expect(await card.locator('[data-action="context"]').textContent()).toBe(`“${text}”`);
    expect(await card.locator('mark.product').allTextContents()).toEqual(['magsnap']);
    expect(await card.locator('mark.cue').allTextContents()).toEqual(['智商税']);
  });

  it('marks a complaint whose words name two products, with nothing on air to say which, on both alerts', async () => {
    const slides = await openSession(stack.apiUrl, tenant, [
      { name: 'Halyard Recovery Slides', aliases: ['slides'] },
      { name: 'Cushion Pool Slides', aliases: ['slides'] },
    ], { startedAt, title: 'Summer shoes' });
    const client = await IngestClient.connect(slides.session.ingestUrl, slides.session.ingestToken);
    try {
      client.send({ type: 'chat', id: 'c9', ts: new Date(Date.parse(startedAt) + 9000).toISOString(), user: 'viewer2', text: 'the slides are awful' });
      await client.waitForAcks(['c9']);
      const cards = page.locator('#alerts li[data-alert-id]', { hasText: 'the slides are awful' });
      await cards.nth(1).waitFor();
      // The new products' names arrive with the catalogue refresh the first alert about them triggers.
      await cards.locator('h3', { hasText: /Slides$/ }).nth(1).waitFor();
      const notes = new Map<string, string>();
      for (let i = 0; i < 2; i++) notes.set((await cards.nth(i).locator('h3').textContent())!, (await cards.nth(i).locator('.ambiguous').textContent())!);
      expect(notes.get('Halyard Recovery Slides')).toContain('“slides” also names Cushion Pool Slides');
      expect(notes.get('Cushion Pool Slides')).toContain('“slides” also names Halyard Recovery Slides');
    } finally {
      await client.close();
    }
  });
});
