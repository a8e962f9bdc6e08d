import type { Config } from '@anchorwatch/runtime';
import { INGEST_QUEUE, ingestBatchJob, type IngestBatchJob } from '@anchorwatch/schemas';
import { UnrecoverableError, Worker } from 'bullmq';
import type { FastifyBaseLogger } from 'fastify';
import type { Redis } from 'ioredis';
import { processIngestBatch, type BatchDeps, type BatchResult } from './processors/ingest-batch.ts';

/**
 * Consumes the ingest queue. A job that does not parse can never succeed, so it fails at once
 * (UnrecoverableError); database and Redis faults are rethrown and retried with backoff.
 */
export function createIngestWorker(
  connection: Redis,
  config: Config,
  deps: BatchDeps,
  logger: FastifyBaseLogger,
): Worker<IngestBatchJob, BatchResult> {
  const worker = new Worker<IngestBatchJob, BatchResult>(
    INGEST_QUEUE,
    async (job) => {
      const parsed = ingestBatchJob.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError(`invalid ingest job: ${parsed.error.message}`);
      return processIngestBatch(deps, parsed.data);
    },
    {
      connection,
      prefix: config.QUEUE_PREFIX,
      concurrency: config.WORKER_CONCURRENCY,
      // A worker that dies mid-job stops renewing its lock; another worker picks the job up after this long.
      lockDuration: config.WORKER_LOCK_DURATION_MS,
      stalledInterval: config.WORKER_LOCK_DURATION_MS,
    },
  );
  worker.on('failed', (job, err) =>
    logger.error({ err, jobId: job?.id, attemptsMade: job?.attemptsMade }, 'ingest batch failed'),
  );
  worker.on('error', (err) => logger.error({ err }, 'worker error'));
  return worker;
}
