import type { Config } from '@anchorwatch/runtime';
import {
  EVIDENCE_QUEUE,
  FINALISE_CLIP_JOB,
  finaliseClipJob,
  PURGE_EVENTS_JOB,
  SWEEP_EVIDENCE_JOB,
} from '@anchorwatch/schemas';
import { purgeExpiredEvents, type Pool } from '@anchorwatch/store';
import { DelayedError, UnrecoverableError, Worker, type Queue } from 'bullmq';
import type { FastifyBaseLogger } from 'fastify';
import type { Redis } from 'ioredis';
import { finaliseClip } from './finalise-clip.ts';
import { sweepEvidence } from './sweep-evidence.ts';

/** Registers the repeatable sweep and purge jobs (idempotent: every worker may call it). */
export async function scheduleEvidenceMaintenance(queue: Queue, config: Config): Promise<void> {
  await queue.upsertJobScheduler('evidence-sweep', { every: config.EVIDENCE_SWEEP_INTERVAL_MS }, { name: SWEEP_EVIDENCE_JOB, data: {} });
  await queue.upsertJobScheduler('evidence-purge', { every: config.EVIDENCE_PURGE_INTERVAL_MS }, { name: PURGE_EVENTS_JOB, data: {} });
}

/**
 * Consumes the evidence queue. A finalisation that comes too early (the contract's post-roll is longer than the
 * default the job was scheduled with) moves itself back to the delayed set until its window has passed.
 */
export function createEvidenceWorker(
  connection: Redis,
  config: Config,
  pool: Pool,
  logger: FastifyBaseLogger,
): Worker {
  const deps = { pool, config };
  const worker = new Worker(
    EVIDENCE_QUEUE,
    async (job, token) => {
      switch (job.name) {
        case FINALISE_CLIP_JOB: {
          const parsed = finaliseClipJob.safeParse(job.data);
          if (!parsed.success) throw new UnrecoverableError(`invalid finalise job: ${parsed.error.message}`);
          const result = await finaliseClip(deps, parsed.data);
          if (result.outcome === 'wait') {
            await job.moveToDelayed(result.dueAt, token);
            throw new DelayedError();
          }
          return result;
        }
        case SWEEP_EVIDENCE_JOB:
          return sweepEvidence(deps);
        case PURGE_EVENTS_JOB:
          return {
            purged: await purgeExpiredEvents(pool, {
              retentionDays: config.EVIDENCE_RETENTION_DAYS,
              batchSize: config.EVIDENCE_PURGE_BATCH_SIZE,
            }),
          };
        default:
          throw new UnrecoverableError(`unknown evidence job ${job.name}`);
      }
    },
    {
      connection,
      prefix: config.QUEUE_PREFIX,
      concurrency: config.EVIDENCE_CONCURRENCY,
      lockDuration: config.WORKER_LOCK_DURATION_MS,
      stalledInterval: config.WORKER_LOCK_DURATION_MS,
    },
  );
  worker.on('failed', (job, err) => logger.error({ err, jobId: job?.id, name: job?.name }, 'evidence job failed'));
  worker.on('error', (err) => logger.error({ err }, 'evidence worker error'));
  return worker;
}
