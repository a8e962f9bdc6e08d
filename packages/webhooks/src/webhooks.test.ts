import { randomBytes } from 'node:crypto';
import type { Alert, AlertRaisedData } from '@anchorwatch/schemas';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, parseAllowList, refusalOf, RefusedUrlError } from './address-check.ts';
import { groupKeyOf, isMuted, wantsAlert } from './notice-filters.ts';
import { retryDelays, scheduleSpanMs } from './retry-schedule.ts';
import { openSecret, parseSecretKey, sealSecret } from './secret-box.ts';
import { generateSigningSecret, signPayload } from './signing.ts';
import { escapeMrkdwn, slackAlertMessage, slackLimits } from './slack-message.ts';

const alert: Alert = {
  id: '0b8f1a52-5c1e-4a57-8f33-2a0d6f1b9e01',
  sessionId: '1c9f2b63-6d2f-4b68-9044-3b1e7f2c0f12',
  productId: '2d0a3c74-7e3a-4c79-a155-4c2f803d1a23',
  eventId: 'c7',
  eventType: 'chat',
  text: 'the <!channel> serum broke & leaked > everywhere',
  speaker: 'viewer3',
  kind: 'chat_negative',
  rule: 'negative_cue',
  severity: 'high',
  score: 0.81,
  explanation: { clause: 'the serum broke', product: { via: 'name', text: 'serum', start: 4, end: 9 }, cues: [], negated: [] },
  detectorVersion: 'test',
  offsetSeconds: 3725.4,
  occurredAt: '2026-11-20T12:02:05.000Z',
  eventReceivedAt: '2026-11-20T12:02:05.100Z',
  createdAt: '2026-11-20T12:02:05.200Z',
  status: 'open',
  statusChanges: [],
};

describe('retry schedule', () => {
  it('doubles from the base, caps at the maximum, and the defaults span about a day', () => {
    expect(retryDelays({ attempts: 5, baseMs: 100, maxMs: 500 })).toEqual([100, 200, 400, 500]);
    const hours = scheduleSpanMs({ attempts: 14, baseMs: 60_000, maxMs: 4 * 3600_000 }) / 3600_000;
    expect(hours).toBeGreaterThan(20);
    expect(hours).toBeLessThan(28);
  });
});

describe('address checks', () => {
  const none = parseAllowList('');
  it('refuses private, loopback, link-local and other special-use addresses', () => {
    for (const a of ['10.1.2.3', '172.16.0.1', '192.168.1.1', '127.0.0.1', '169.254.169.254', '0.0.0.0', '100.64.0.1', '::1', 'fe80::1', 'fc00::1', '::ffff:127.0.0.1', '224.0.0.1']) {
      expect(refusalOf(a, none), a).not.toBeNull();
    }
    expect(refusalOf('93.184.216.34', none)).toBeNull();
    expect(refusalOf('2606:4700::1111', none)).toBeNull();
  });

  it('lets the operator allow-list name addresses and ranges', () => {
    const allow = parseAllowList('127.0.0.1, 10.20.0.0/16');
    expect(refusalOf('127.0.0.1', allow)).toBeNull();
    expect(refusalOf('10.20.5.5', allow)).toBeNull();
    expect(refusalOf('10.21.0.1', allow)).not.toBeNull();
    expect(() => parseAllowList('not-an-ip')).toThrow();
  });

  it('checks every address a host resolves to, and plain http only towards allow-listed ones', async () => {
    const resolveTo = (...addresses: string[]) => async () => addresses;
    await expect(checkWebhookUrl('https://hooks.example/x', none, resolveTo('93.184.216.34', '10.0.0.1'))).rejects.toThrow(RefusedUrlError);
    await expect(checkWebhookUrl('https://hooks.example/x', none, resolveTo('93.184.216.34'))).resolves.toEqual(['93.184.216.34']);
    await expect(checkWebhookUrl('http://hooks.example/x', none, resolveTo('93.184.216.34'))).rejects.toThrow(/https/);
    await expect(checkWebhookUrl('http://127.0.0.1:9/x', parseAllowList('127.0.0.1'))).resolves.toEqual(['127.0.0.1']);
    await expect(checkWebhookUrl('http://[::1]:9/x', parseAllowList('127.0.0.1'))).rejects.toThrow(/loopback/);
    await expect(checkWebhookUrl('https://u:p@hooks.example/', none, resolveTo('93.184.216.34'))).rejects.toThrow(/credentials/);
  });
});

describe('secrets', () => {
  it('seals and opens a signing secret; a wrong key or altered text fails', () => {
    const key = parseSecretKey(randomBytes(32).toString('base64'));
    const secret = generateSigningSecret();
    const sealed = sealSecret(secret, key);
    expect(sealed).not.toContain(secret.slice(6));
    expect(openSecret(sealed, key)).toBe(secret);
    expect(() => openSecret(sealed, randomBytes(32))).toThrow();
    expect(() => openSecret(`${sealed.slice(0, -2)}AA`, key)).toThrow();
    expect(() => parseSecretKey('c2hvcnQ=')).toThrow(/32 bytes/);
  });

  it('signs with every live secret so receivers on either one verify', () => {
    const current = generateSigningSecret();
    const previous = generateSigningSecret();
    const body = JSON.stringify({ type: 'webhook.test' });
    const headers = signPayload([current, previous], 'msg_1', new Date(), body);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(current).verify(body, { ...headers })).toEqual({ type: 'webhook.test' });
    expect(new Webhook(previous).verify(body, { ...headers })).toEqual({ type: 'webhook.test' });
    expect(() => new Webhook(generateSigningSecret()).verify(body, { ...headers })).toThrow();
  });
});

describe('filters and grouping', () => {
  const filters = { minSeverity: 'medium' as const, productIds: [], sessionIds: [], muteWindows: [] };
  it('applies severity, product and session filters', () => {
    expect(wantsAlert(filters, alert)).toBe(true);
    expect(wantsAlert({ ...filters, minSeverity: 'critical' }, alert)).toBe(false);
    expect(wantsAlert({ ...filters, productIds: [alert.sessionId] }, alert)).toBe(false);
    expect(wantsAlert({ ...filters, sessionIds: [alert.sessionId] }, alert)).toBe(true);
  });
  it('drops alerts raised inside a mute window (end exclusive)', () => {
    const window = { startsAt: '2026-11-20T12:00:00Z', endsAt: '2026-11-20T13:00:00Z' };
    expect(isMuted([window], new Date(alert.createdAt))).toBe(true);
    expect(isMuted([window], new Date('2026-11-20T13:00:00Z'))).toBe(false);
    expect(wantsAlert({ ...filters, muteWindows: [window] }, alert)).toBe(false);
  });
  it('groups by session, product and rule', () => {
    expect(groupKeyOf(alert)).toBe(groupKeyOf({ ...alert, id: 'other' } as Alert));
    expect(groupKeyOf(alert)).not.toBe(groupKeyOf({ ...alert, rule: 'other_rule' }));
  });
});

describe('slack message', () => {
  const data: AlertRaisedData = {
    alert,
    product: { id: alert.productId, name: 'GlowLab Vitamin C Serum' },
    session: { id: alert.sessionId, title: 'Friday glow', platform: 'tiktok' },
    count: 3,
    evidenceUrl: `https://api.example/v1/evidence?alertId=${alert.id}`,
  };
  it('carries product, quote, severity, session, time and the evidence link in Block Kit blocks', () => {
    const message = slackAlertMessage(data);
    const json = JSON.stringify(message);
    for (const part of ['GlowLab Vitamin C Serum', 'leaked', 'high', 'Friday glow', '01:02:05', data.evidenceUrl, '3 times']) {
      expect(json).toContain(part);
    }
    expect(message.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'context', 'actions']);
  });
  it('escapes mrkdwn control characters so a quote cannot mention a channel', () => {
    expect(escapeMrkdwn('<!channel> & >')).toBe('&lt;!channel&gt; &amp; &gt;');
    expect(JSON.stringify(slackAlertMessage(data).blocks)).not.toContain('<!channel>');
  });
  it('clips long quotes and names to the Block Kit limits', () => {
    const long = slackAlertMessage({ ...data, alert: { ...alert, text: 'x'.repeat(10_000) }, product: { ...data.product, name: 'p'.repeat(500) } });
    const [header, quote] = long.blocks;
    expect(header?.type === 'header' && header.text.text.length).toBeLessThanOrEqual(slackLimits.headerText);
    expect(quote?.type === 'section' && quote.text?.text.length).toBeLessThanOrEqual(slackLimits.sectionText);
  });
});
