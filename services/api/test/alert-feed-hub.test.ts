import { alertFeedChannel, createLogger, createRedis } from '@anchorwatch/runtime';
import type { AlertEvent } from '@anchorwatch/schemas';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/support/config.ts';
import { eventually } from '../../../test/support/http.ts';
import { AlertFeedHub } from '../src/feed/alert-feed-hub.ts';

const config = testConfig();
const log = createLogger({ LOG_LEVEL: 'silent' }, 'hub-test');
const admin = createRedis(config.REDIS_URL, 'client');
const hub = new AlertFeedHub(config.REDIS_URL, config.QUEUE_PREFIX, log);
afterAll(() => {
  hub.close();
  admin.disconnect();
});

const at = '2026-11-20T12:00:05.000Z';
const event = (merchantId: string, feedSeq: string): AlertEvent => ({
  feedSeq,
  kind: 'raised',
  merchantId,
  recordedAt: at,
  alert: {
    id: randomUUID(),
    sessionId: randomUUID(),
    productId: randomUUID(),
    eventId: 't1',
    eventType: 'transcript',
    text: 'the serum is awful',
    speaker: 'host',
    kind: 'host_negative',
    rule: 'sentiment.negative',
    severity: 'high',
    score: 0.6,
    explanation: { clause: 'the serum is awful', product: { via: 'name', text: 'serum', start: 4, end: 9 }, cues: [], negated: [] },
    detectorVersion: 'test',
    offsetSeconds: 5,
    occurredAt: at,
    eventReceivedAt: at,
    createdAt: at,
    status: 'open',
    statusChanges: [],
  },
});

describe('the feed hub', () => {
  it('ends every open feed when its Redis subscription drops, and subscribes afresh afterwards', async () => {
    const merchantId = randomUUID();
    let lost = 0;
    await hub.subscribe(merchantId, { onEvent: () => undefined, onLost: () => (lost += 1) });
    const name = `${config.QUEUE_PREFIX}:alert-feed-hub`;
    const id = await eventually(async () => {
      const list = (await admin.client('LIST')) as string;
      return /id=(\d+) .*name=(\S+)/.exec(list.split('\n').find((l) => l.includes(`name=${name} `)) ?? '')?.[1];
    });
    await admin.client('KILL', 'ID', id);
    await eventually(async () => (lost === 1 ? true : undefined));

    const heard: string[] = [];
    await hub.subscribe(merchantId, { onEvent: (e) => heard.push(e.feedSeq), onLost: () => undefined });
    // Schema-checked on arrival: a malformed message is dropped, a well-formed one passed on.
    await admin.publish(alertFeedChannel(config.QUEUE_PREFIX, merchantId), JSON.stringify(event(merchantId, '7')));
    await admin.publish(alertFeedChannel(config.QUEUE_PREFIX, merchantId), JSON.stringify({ feedSeq: 'x' }));
    await admin.publish(alertFeedChannel(config.QUEUE_PREFIX, merchantId), 'not json');
    await admin.publish(alertFeedChannel(config.QUEUE_PREFIX, merchantId), JSON.stringify(event(merchantId, '8')));
    await eventually(async () => (heard.length === 2 ? true : undefined));
    expect(heard).toEqual(['7', '8']);
  });
});
