import { createRedis, type Config } from '@anchorwatch/runtime';
import { WEBHOOK_QUEUE, webhookJob, type WebhookJob } from '@anchorwatch/schemas';
import type { Pool } from '@anchorwatch/store';
import { parseAllowList, parseSecretKey, retryDelayMs, WEBHOOK_BACKOFF, type Resolver } from '@anchorwatch/webhooks';
import { UnrecoverableError, Worker } from 'bullmq';
import type { FastifyBaseLogger } from 'fastify';
import type { Redis } from 'ioredis';
import { AlertGrouping } from './alert-grouping.ts';
import { createWebhookQueue, type WebhookQueue } from './delivery-queue.ts';
import { processDelivery } from './deliver-processor.ts';
import { EndpointGate } from './endpoint-gate.ts';
import { processFlush } from './flush-processor.ts';
import { createWebhookSink, type WebhookSinkDeps } from './alert-sink.ts';

export interface WebhookWorker {
  worker: Worker<WebhookJob>;
  queue: WebhookQueue;
  /** The alert sink for the dispatcher; shares the worker's queue and grouping. */
  sink: ReturnType<typeof createWebhookSink>;
  close(): Promise<void>;
}

/**
 * Consumes the webhook queue: deliveries (with the per-endpoint gate, per-attempt timeout and the retry schedule
 * of WEBHOOK_BACKOFF_*) and grouping-window flushes. Malformed jobs fail at once.
 */
export function createWebhookWorker(
  connection: Redis,
  config: Config,
  deps: { pool: Pool; resolve?: Resolver },
  logger: FastifyBaseLogger,
): WebhookWorker {
  // The sink's own connection that fails fast: a Redis outage makes the dispatcher retry the batch instead of
  // stalling on the worker connection, which waits for Redis forever.
  const producer = createRedis(config.REDIS_URL, 'producer');
  const queue = createWebhookQueue(producer, config);
  const sinkDeps: WebhookSinkDeps = {
    pool: deps.pool,
    queue,
    grouping: new AlertGrouping(producer, config.QUEUE_PREFIX, config.WEBHOOK_GROUP_COOLDOWN_MS),
    config,
  };
  const deliverDeps = {
    pool: deps.pool,
    config,
    gate: new EndpointGate(connection, config.QUEUE_PREFIX),
    allow: parseAllowList(config.WEBHOOK_ALLOWED_ADDRESSES),
    secretKey: config.WEBHOOK_SECRET_KEY ? parseSecretKey(config.WEBHOOK_SECRET_KEY) : null,
    resolve: deps.resolve,
  };
  const schedule = { attempts: config.WEBHOOK_MAX_ATTEMPTS, baseMs: config.WEBHOOK_BACKOFF_BASE_MS, maxMs: config.WEBHOOK_BACKOFF_MAX_MS };
  const worker = new Worker<WebhookJob>(
    WEBHOOK_QUEUE,
    async (job, token) => {
      const parsed = webhookJob.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError(`invalid webhook job: ${parsed.error.message}`);
      return parsed.data.type === 'deliver'
        ? processDelivery(deliverDeps, job, token, parsed.data.deliveryId)
        : processFlush(sinkDeps, parsed.data);
    },
    {
      connection,
      prefix: config.QUEUE_PREFIX,
      concurrency: config.WEBHOOK_CONCURRENCY,
      lockDuration: Math.max(config.WORKER_LOCK_DURATION_MS, config.WEBHOOK_TIMEOUT_MS * 2),
      settings: {
        backoffStrategy: (attemptsMade, type) => (type === WEBHOOK_BACKOFF ? retryDelayMs(attemptsMade, schedule) : -1),
      },
    },
  );
  worker.on('failed', (job, err) => {
    // Attempt failures are in the delivery log; the URL may carry a secret (Slack) so it is never logged.
    logger.warn({ jobId: job?.id, attemptsMade: job?.attemptsMade, err: err.message }, 'webhook job attempt failed');
  });
  worker.on('error', (err) => logger.error({ err }, 'webhook worker error'));
  return {
    worker,
    queue,
    sink: createWebhookSink(sinkDeps),
    async close() {
      await worker.close();
      await queue.close();
      producer.disconnect();
    },
  };
}
