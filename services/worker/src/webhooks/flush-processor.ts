import { createHash } from 'node:crypto';
import type { WebhookJob } from '@anchorwatch/schemas';
import { getWebhookTarget } from '@anchorwatch/store';
import type { WebhookSinkDeps } from './alert-sink.ts';
import { queueDelivery, queueFlush } from './delivery-queue.ts';

/**
 * Closes a grouping window: when repeats were counted, sends one notification for the latest of them with the
 * count, and opens the next window; otherwise the group ends and the next alert is sent at once.
 */
export async function processFlush(deps: WebhookSinkDeps, job: Extract<WebhookJob, { type: 'flush' }>): Promise<number> {
  // Derived, not random: a retried flush must open the same next window the first run opened.
  const nextWindowId = createHash('sha256').update(job.windowId).digest('hex').slice(0, 32);
  const { count, latest } = await deps.grouping.flush(job.webhookId, job.groupKey, job.windowId, nextWindowId);
  if (count === 0 || !latest) return 0;
  const target = await getWebhookTarget(deps.pool, job.webhookId);
  if (!target || target.deleted) return 0;
  await queueDelivery(deps.pool, deps.queue, deps.config, {
    merchantId: target.merchantId,
    webhookId: job.webhookId,
    kind: 'alert',
    dedupeKey: `group:${job.groupKey}:${job.windowId}`,
    alert: latest,
    alertCount: count,
  });
  await queueFlush(deps.queue, deps.config, { type: 'flush', webhookId: job.webhookId, groupKey: job.groupKey, windowId: nextWindowId });
  return count;
}
