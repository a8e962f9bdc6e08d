import type { Redis } from 'ioredis';

// One hash per endpoint: `lease`/`leaseUntil` (the request in flight) and `next` (earliest start of the next one),
// on Redis' clock so several worker processes agree.
const acquireScript = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local leaseUntil = tonumber(redis.call('HGET', KEYS[1], 'leaseUntil') or '0')
local nextAt = tonumber(redis.call('HGET', KEYS[1], 'next') or '0')
local wait = math.max(leaseUntil - now, nextAt - now, 0)
if wait > 0 then return wait end
redis.call('HSET', KEYS[1], 'lease', ARGV[1], 'leaseUntil', now + tonumber(ARGV[2]), 'next', now + tonumber(ARGV[3]))
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) + tonumber(ARGV[3]) + 3600000)
return 0`;

const releaseScript = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if redis.call('HGET', KEYS[1], 'lease') == ARGV[1] then redis.call('HDEL', KEYS[1], 'lease', 'leaseUntil') end
local holdOff = tonumber(ARGV[2])
if holdOff > 0 then
  local nextAt = tonumber(redis.call('HGET', KEYS[1], 'next') or '0')
  redis.call('HSET', KEYS[1], 'next', math.max(nextAt, now + holdOff))
end
return 1`;

/**
 * Per-endpoint admission, shared by every worker: one request in flight per endpoint and a minimum interval
 * between starts (Slack takes about one message a second). BullMQ's own limiter is queue-wide, so a slow or
 * rate-limited endpoint would hold everyone back; here a job that may not start yet is put back with a delay and
 * its worker slot goes to another endpoint.
 */
export class EndpointGate {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(webhookId: string): string {
    return `${this.prefix}:webhook-gate:${webhookId}`;
  }

  /** 0 when the caller may send now (and holds the lease for `leaseMs`), else how many ms to wait. */
  async acquire(webhookId: string, token: string, leaseMs: number, intervalMs: number): Promise<number> {
    return Number(await this.redis.eval(acquireScript, 1, this.key(webhookId), token, leaseMs, intervalMs));
  }

  /** Ends the caller's lease; `holdOffMs` (from a Retry-After) pushes the endpoint's next start later. */
  async release(webhookId: string, token: string, holdOffMs = 0): Promise<void> {
    await this.redis.eval(releaseScript, 1, this.key(webhookId), token, holdOffMs);
  }
}
