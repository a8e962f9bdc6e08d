import rateLimit from '@fastify/rate-limit';
import type { Config, Redis } from '@anchorwatch/runtime';
import type { FastifyInstance } from 'fastify';

/**
 * Limits each API key to `API_RATE_LIMIT_PER_MINUTE` requests, counted in Redis so the limit holds across API
 * instances. It runs after authentication (preHandler), so one noisy integration cannot starve its merchant's
 * other keys, and unknown keys never reach a counter. If Redis is unreachable requests pass: the limit protects
 * capacity, and refusing every request would be the outage it exists to prevent.
 */
export async function registerRateLimit(scope: FastifyInstance, config: Config, redis: Redis): Promise<void> {
  await scope.register(rateLimit, {
    max: config.API_RATE_LIMIT_PER_MINUTE,
    timeWindow: 60_000,
    hook: 'preHandler',
    keyGenerator: (request) => request.principal?.keyId ?? request.ip,
    redis,
    nameSpace: `${config.QUEUE_PREFIX}:api-rate:`,
    skipOnError: true,
  });
}
