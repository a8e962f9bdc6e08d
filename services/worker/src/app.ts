import { createRedis, pingRedis, registerHealthRoutes, type Config } from '@anchorwatch/runtime';
import type { IngestBatchJob } from '@anchorwatch/schemas';
import { pingDatabase, type Pool } from '@anchorwatch/store';
import type { Queue, Worker } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { DetectorCache } from './detector-cache.ts';
import { createEvidenceQueue } from './evidence/evidence-queue.ts';
import { createEvidenceSink } from './evidence/evidence-sink.ts';
import { createEvidenceWorker, scheduleEvidenceMaintenance } from './evidence/evidence-worker.ts';
import { createIngestWorker } from './ingest-worker.ts';
import type { AlertSink } from './outbox/alert-sink.ts';
import { createAlertDispatcher, type AlertDispatcher } from './outbox/dispatcher.ts';
import { createRedisFeedSink } from './outbox/redis-feed-sink.ts';
import type { BatchResult } from './processors/ingest-batch.ts';
import { createWebhookWorker } from './webhooks/webhook-worker.ts';

export interface WorkerOptions {
  config: Config;
  pool: Pool;
  redis: Redis;
  isDraining?: () => boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    ingestWorker: Worker<IngestBatchJob, BatchResult>;
    evidenceQueue: Queue;
    alertDispatcher: AlertDispatcher;
  }
}

/**
 * Registers the worker service: the BullMQ consumer, the alert outbox dispatcher and its sinks, and the health
 * routes. Closing the app closes the worker, which waits for the jobs in hand to finish, then the dispatcher.
 */
export async function workerApp(app: FastifyInstance, options: WorkerOptions): Promise<void> {
  const { config, pool, redis } = options;
  const bursts = { windowMs: config.CHAT_BURST_WINDOW_MS, minComplaints: config.CHAT_BURST_MIN_COMPLAINTS };
  const worker = createIngestWorker(redis, config, { pool, detectors: new DetectorCache(config.WORKER_CATALOG_TTL_MS), bursts, orderWaitMs: config.WORKER_ORDER_WAIT_MS }, app.log);
  app.decorate('ingestWorker', worker);
  app.addHook('onClose', async () => worker.close());
  const evidenceQueue = createEvidenceQueue(redis, config);
  const evidenceWorker = createEvidenceWorker(redis, config, pool, app.log);
  await scheduleEvidenceMaintenance(evidenceQueue, config);
  app.decorate('evidenceQueue', evidenceQueue);

  // Everything that must hear of alert changes, in the order it hears them.
  const sinks: AlertSink[] = [createEvidenceSink(evidenceQueue, config)];
  // Its own connection that fails fast: a Redis outage makes the batch retry instead of stalling the dispatcher.
  const feedRedis = createRedis(config.REDIS_URL, 'client');
  sinks.push(createRedisFeedSink(feedRedis, config.QUEUE_PREFIX));
  const webhooks = createWebhookWorker(redis, config, { pool }, app.log);
  sinks.push(webhooks.sink);
  const dispatcher = createAlertDispatcher({
    pool,
    sinks,
    batchSize: config.OUTBOX_BATCH_SIZE,
    pollMs: config.OUTBOX_POLL_MS,
    log: app.log.child({ component: 'outbox' }),
  });
  app.decorate('alertDispatcher', dispatcher);
  app.addHook('onClose', async () => dispatcher.close());
  // After the dispatcher: it may still hand a batch to the evidence sink while closing.
  app.addHook('onClose', async () => {
    await evidenceWorker.close();
    await evidenceQueue.close();
  });
  app.addHook('onClose', async () => void feedRedis.disconnect());
  app.addHook('onClose', async () => webhooks.close());
  registerHealthRoutes(
    app,
    { database: () => pingDatabase(pool), redis: () => pingRedis(redis), worker: async () => worker.isRunning() && evidenceWorker.isRunning() },
    options.isDraining,
  );
}
