import type { Config } from '@anchorwatch/runtime';
import type { Alert, AlertEvent } from '@anchorwatch/schemas';
import { listEnabledWebhooks, type Pool } from '@anchorwatch/store';
import { groupKeyOf, wantsAlert } from '@anchorwatch/webhooks';
import type { AlertSink } from '../outbox/alert-sink.ts';
import type { AlertGrouping } from './alert-grouping.ts';
import { queueDelivery, queueFlush, type WebhookQueue } from './delivery-queue.ts';

export interface WebhookSinkDeps {
  pool: Pool;
  queue: WebhookQueue;
  grouping: AlertGrouping;
  config: Config;
}

/**
 * Queues one delivery per matching webhook for each raised alert. Idempotent: the grouping decision is stored per
 * (webhook, alert), the delivery row is unique per (webhook, alert) and its job id is derived from it, so a
 * repeated dispatch never sends twice. Does no network I/O beyond PostgreSQL and Redis.
 */
export async function notifyWebhooks(deps: WebhookSinkDeps, events: AlertEvent[]): Promise<void> {
  const raised = events.filter((e) => e.kind === 'raised');
  const byMerchant = new Map<string, Alert[]>();
  for (const e of raised) byMerchant.set(e.merchantId, [...(byMerchant.get(e.merchantId) ?? []), e.alert]);
  for (const [merchantId, alerts] of byMerchant) {
    const webhooks = await listEnabledWebhooks(deps.pool, merchantId);
    for (const alert of alerts) {
      for (const webhook of webhooks.filter((w) => wantsAlert(w, alert))) {
        const groupKey = groupKeyOf(alert);
        const decision = await deps.grouping.admit(webhook.id, groupKey, alert);
        if (decision.action === 'grouped') continue;
        await queueDelivery(deps.pool, deps.queue, deps.config, {
          merchantId,
          webhookId: webhook.id,
          kind: 'alert',
          dedupeKey: `alert:${alert.id}`,
          alert,
          alertCount: 1,
        });
        await queueFlush(deps.queue, deps.config, { type: 'flush', webhookId: webhook.id, groupKey, windowId: decision.windowId });
      }
    }
  }
}

/** The webhook sink for the alert dispatcher. */
export function createWebhookSink(deps: WebhookSinkDeps): AlertSink {
  return { name: 'webhooks', deliver: (events) => notifyWebhooks(deps, events) };
}
