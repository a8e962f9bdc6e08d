import type { Config } from '@anchorwatch/runtime';
import { EVIDENCE_QUEUE, FINALISE_CLIP_JOB, type FinaliseClipJob } from '@anchorwatch/schemas';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

/** The evidence queue: delayed clip finalisations and the repeatable sweep and purge jobs. */
export function createEvidenceQueue(connection: Redis, config: Config): Queue<FinaliseClipJob | Record<string, never>> {
  return new Queue(EVIDENCE_QUEUE, {
    connection,
    prefix: config.QUEUE_PREFIX,
    defaultJobOptions: {
      attempts: config.WORKER_JOB_ATTEMPTS,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { age: 7 * 24 * 3600, count: 100_000 },
      removeOnFail: false,
    },
  });
}

/** An alert just raised, as the scheduler needs it. */
export interface RaisedAlert {
  merchantId: string;
  alertId: string;
  raisedAt: Date;
}

/** When an alert's clip may be finalised: its post-roll (real time from when it was raised) plus the grace. */
export const clipDueAt = (raisedAt: Date, postRollSeconds: number, graceMs: number): number =>
  raisedAt.getTime() + postRollSeconds * 1000 + graceMs;

/**
 * Schedules the finalisation of each alert's clip as a delayed job whose id is the alert id, so delivering an
 * alert twice schedules it once. The delay uses the default post-roll; the job waits longer by itself when the
 * contract's post-roll is longer.
 */
export async function scheduleClipFinalisation(
  queue: Queue<FinaliseClipJob | Record<string, never>>,
  config: Config,
  alerts: readonly RaisedAlert[],
  now = Date.now(),
): Promise<void> {
  if (alerts.length === 0) return;
  await queue.addBulk(
    alerts.map((a) => ({
      name: FINALISE_CLIP_JOB,
      data: { merchantId: a.merchantId, alertId: a.alertId },
      opts: {
        jobId: a.alertId,
        delay: Math.max(0, clipDueAt(a.raisedAt, config.EVIDENCE_POST_ROLL_SECONDS, config.EVIDENCE_FINALISE_GRACE_MS) - now),
      },
    })),
  );
}
