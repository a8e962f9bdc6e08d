/** Name of the custom backoff strategy the webhook worker registers (see retry-schedule.ts). */
export const WEBHOOK_BACKOFF = 'webhook-schedule';

/** BullMQ job id of a delivery's first send: one per delivery, so a repeated dispatch never queues it twice. */
export const deliverJobId = (deliveryId: string): string => `deliver-${deliveryId}`;

/** BullMQ job id of the flush that closes a grouping window. */
export const flushJobId = (webhookId: string, windowId: string): string => `flush-${webhookId}-${windowId}`;

/**
 * Options of every delivery job, whoever queues it (the worker's alert sink, the API's test and replay): the
 * retry schedule, and finished jobs kept only briefly since the delivery log in PostgreSQL is the record.
 */
export function deliverJobOptions(jobId: string, attempts: number) {
  return {
    jobId,
    attempts,
    backoff: { type: WEBHOOK_BACKOFF },
    removeOnComplete: { age: 3600, count: 10_000 },
    removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
  };
}
