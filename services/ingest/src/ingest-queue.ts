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

// How long a session's batch counter outlives its last batch.
const SEQUENCE_TTL_SECONDS = 7 * 24 * 3600;

/** The Redis key counting a session's batches, under the queue's prefix (tests and deployments stay apart). */
export const batchSequenceKey = (queue: Queue<IngestBatchJob>, sessionId: string): string =>
  `${queue.opts.prefix ?? 'bull'}:${INGEST_QUEUE}:seq:${sessionId}`;

/**
 * Queues one batch of a session's events, numbered after the session's previous batch (an atomic Redis counter,
 * shared by every ingest instance); resolves once Redis holds the job.
 */
export async function enqueueBatch(
  queue: Queue<IngestBatchJob>,
  redis: Redis,
  session: SessionContext,
  events: ReceivedEvent[],
): Promise<void> {
  const key = batchSequenceKey(queue, session.id);
  const [numbered] = (await redis.multi().incr(key).expire(key, SEQUENCE_TTL_SECONDS).exec()) ?? [];
  // No number, no job: the client gets no ack and sends the batch again.
  if (!numbered || numbered[0]) throw numbered?.[0] ?? new Error('numbering the batch was aborted');
  const seq = numbered[1] as number;
  await queue.add('batch', { merchantId: session.merchantId, sessionId: session.id, events, seq });
}
