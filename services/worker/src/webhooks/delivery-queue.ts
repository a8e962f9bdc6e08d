import type { Config } from '@anchorwatch/runtime';
import { WEBHOOK_QUEUE, type WebhookJob } from '@anchorwatch/schemas';
import { recordDelivery, type NewDelivery, type Queryable } from '@anchorwatch/store';
import { deliverJobId, deliverJobOptions, flushJobId } from '@anchorwatch/webhooks';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

export type WebhookQueue = Queue<WebhookJob>;

/** The webhook delivery queue (its own, so a backlog of deliveries never delays ingest batches). */
export function createWebhookQueue(connection: Redis, config: Config): WebhookQueue {
  return new Queue<WebhookJob>(WEBHOOK_QUEUE, { connection, prefix: config.QUEUE_PREFIX });
}

/**
 * Records a delivery (once per webhook and dedupe key) and queues its send. A delivery already sent or dead is not
 * queued again; a pending one is re-queued under the same job id, which BullMQ ignores while the job exists.
 */
export async function queueDelivery(db: Queryable, queue: WebhookQueue, config: Config, delivery: NewDelivery): Promise<string> {
  const { id, status } = await recordDelivery(db, delivery);
  if (status === 'pending') {
    await queue.add('deliver', { type: 'deliver', deliveryId: id }, deliverJobOptions(deliverJobId(id), config.WEBHOOK_MAX_ATTEMPTS));
  }
  return id;
}

/** Schedules the end of a grouping window. */
export async function queueFlush(queue: WebhookQueue, config: Config, job: Extract<WebhookJob, { type: 'flush' }>): Promise<void> {
  await queue.add('flush', job, {
    jobId: flushJobId(job.webhookId, job.windowId),
    delay: config.WEBHOOK_GROUP_COOLDOWN_MS,
    attempts: 5,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: { age: 3600, count: 10_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  });
}
