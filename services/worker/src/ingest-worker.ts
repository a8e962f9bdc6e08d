import type { Config } from '@anchorwatch/runtime';
import { INGEST_QUEUE, ingestBatchJob, type IngestBatchJob } from '@anchorwatch/schemas';
import { DelayedError, UnrecoverableError, Worker } from 'bullmq';
import type { FastifyBaseLogger } from 'fastify';
import type { Redis } from 'ioredis';
import { BatchNotDue, processIngestBatch, type BatchDeps, type BatchResult } from './processors/ingest-batch.ts';

/**
 * Consumes the ingest queue. A job that does not parse can never succeed, so it fails at once
 * (UnrecoverableError); database and Redis faults are rethrown and retried with backoff; a batch whose session's
 * previous batch is still unread is delayed a moment (WORKER_ORDER_RETRY_MS) without counting as an attempt.
 */
export function createIngestWorker(
  connection: Redis,
  config: Config,
  deps: BatchDeps,
  logger: FastifyBaseLogger,
): Worker<IngestBatchJob, BatchResult> {
  const worker = new Worker<IngestBatchJob, BatchResult>(
    INGEST_QUEUE,
    async (job, token) => {
      const parsed = ingestBatchJob.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError(`invalid ingest job: ${parsed.error.message}`);
      try {
        return await processIngestBatch(deps, parsed.data);
      } catch (err) {
        if (!(err instanceof BatchNotDue)) throw err;
        // Not a failure: back in a moment, without spending one of the job's attempts.
        await job.moveToDelayed(Date.now() + config.WORKER_ORDER_RETRY_MS, token);
        throw new DelayedError();
      }
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
