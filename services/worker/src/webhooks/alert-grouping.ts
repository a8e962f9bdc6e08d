import { alert as alertSchema, type Alert } from '@anchorwatch/schemas';
import type { Redis } from 'ioredis';

// KEYS: group hash, seen marker of (webhook, alert). ARGV: alert id, alert JSON, cooldown ms, seen TTL ms.
// The decision is stored with the alert, so a repeated dispatch of the same alert gets the same answer.
const admitScript = `
local prior = redis.call('GET', KEYS[2])
if prior then return prior end
local decision
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('HSET', KEYS[1], 'window', ARGV[1], 'count', 0)
  decision = 'send:' .. ARGV[1]
else
  redis.call('HINCRBY', KEYS[1], 'count', 1)
  redis.call('HSET', KEYS[1], 'latest', ARGV[2])
  decision = 'grouped'
end
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]) * 3)
redis.call('SET', KEYS[2], decision, 'PX', tonumber(ARGV[4]))
return decision`;

// KEYS: group hash. ARGV: window closing, next window id, cooldown ms. Returns {count, latest alert JSON}; count 0
// when nothing repeated (the group ends). Re-running a flush returns what the first run returned.
const flushScript = `
local window = redis.call('HGET', KEYS[1], 'window')
if window ~= ARGV[1] then
  if redis.call('HGET', KEYS[1], 'flushed') == ARGV[1] then
    return {tonumber(redis.call('HGET', KEYS[1], 'flushedCount')), redis.call('HGET', KEYS[1], 'flushedLatest')}
  end
  return {0, ''}
end
local count = tonumber(redis.call('HGET', KEYS[1], 'count') or '0')
if count == 0 then
  redis.call('DEL', KEYS[1])
  return {0, ''}
end
local latest = redis.call('HGET', KEYS[1], 'latest')
redis.call('HSET', KEYS[1], 'window', ARGV[2], 'count', 0, 'flushed', ARGV[1], 'flushedCount', count, 'flushedLatest', latest)
redis.call('HDEL', KEYS[1], 'latest')
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]) * 3)
return {count, latest}`;

/** What to do with an alert for one webhook. */
export type GroupDecision = { action: 'send'; windowId: string } | { action: 'grouped' };

/**
 * Alertmanager-style grouping per webhook: the first alert of a session + product + rule is sent at once and opens
 * a window of `cooldownMs`; repeats inside it are counted, and when the window closes one notification carries
 * their count (and opens the next window). A window with no repeats ends the group.
 */
export class AlertGrouping {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly cooldownMs: number,
  ) {}

  private groupKey(webhookId: string, groupKey: string): string {
    return `${this.prefix}:webhook-group:${webhookId}:${groupKey}`;
  }

  /** Decides whether an alert is sent now or counted into the open window. */
  async admit(webhookId: string, groupKey: string, alert: Alert): Promise<GroupDecision> {
    const seenTtlMs = Math.max(this.cooldownMs * 3, 24 * 3600_000);
    const decision = String(
      await this.redis.eval(admitScript, 2, this.groupKey(webhookId, groupKey), `${this.prefix}:webhook-seen:${webhookId}:${alert.id}`,
        alert.id, JSON.stringify(alert), this.cooldownMs, seenTtlMs),
    );
    return decision.startsWith('send:') ? { action: 'send', windowId: decision.slice(5) } : { action: 'grouped' };
  }

  /** Closes a window: the repeats it absorbed (0: none, the group ended) and the latest of them. */
  async flush(webhookId: string, groupKey: string, windowId: string, nextWindowId: string): Promise<{ count: number; latest: Alert | null }> {
    const [count, latest] = (await this.redis.eval(flushScript, 1, this.groupKey(webhookId, groupKey), windowId, nextWindowId, this.cooldownMs)) as [number, string];
    return { count: Number(count), latest: Number(count) > 0 && latest ? alertSchema.parse(JSON.parse(latest)) : null };
  }
}
