import { pingRedis, registerHealthRoutes, type Config } from '@anchorwatch/runtime';
import type { IngestBatchJob } from '@anchorwatch/schemas';
import { pingDatabase, type Pool } from '@anchorwatch/store';
import type { Worker } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { DetectorCache } from './detector-cache.ts';
import { createIngestWorker } from './ingest-worker.ts';
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
  }
}

/**
 * Registers the worker service: the BullMQ consumer and its health routes. Closing the app closes the worker,
 * which waits for the jobs in hand to finish.
 */
export async function workerApp(app: FastifyInstance, options: WorkerOptions): Promise<void> {
  const { config, pool, redis } = options;
  const worker = createIngestWorker(redis, config, { pool, detectors: new DetectorCache(config.WORKER_CATALOG_TTL_MS) }, app.log);
  app.decorate('ingestWorker', worker);
  app.addHook('onClose', async () => worker.close());
  const webhooks = createWebhookWorker(redis, config, { pool }, app.log);
  app.addHook('onClose', async () => webhooks.close());
  registerHealthRoutes(
    app,
    { database: () => pingDatabase(pool), redis: () => pingRedis(redis), worker: async () => worker.isRunning() },
    options.isDraining,
  );
}
