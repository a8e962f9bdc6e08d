import type { Config } from '@anchorwatch/runtime';
import { INGEST_QUEUE, type IngestBatchJob, type ReceivedEvent } from '@anchorwatch/schemas';
import type { SessionContext } from '@anchorwatch/store';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

/** The producer side of the ingest queue. */
export function createIngestQueue(connection: Redis, config: Config): Queue<IngestBatchJob> {
  return new Queue<IngestBatchJob>(INGEST_QUEUE, {
    connection,
    prefix: config.QUEUE_PREFIX,
    defaultJobOptions: {
      attempts: config.WORKER_JOB_ATTEMPTS,
      backoff: { type: 'exponential', delay: 500 },
      removeOnComplete: { age: 3600, count: 10_000 },
      // Failed jobs stay in Redis until someone looks: an acknowledged event is never dropped silently.
      removeOnFail: false,
    },
  });
}

/** Queues one batch of a session's events; resolves once Redis holds the job. */
export async function enqueueBatch(
  queue: Queue<IngestBatchJob>,
  session: SessionContext,
  events: ReceivedEvent[],
): Promise<void> {
  await queue.add('batch', { merchantId: session.merchantId, sessionId: session.id, events });
}
