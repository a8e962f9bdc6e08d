import { z } from 'zod';
import { alert } from './api.ts';
import { severity } from './findings.ts';

const id = z.string().uuid();
const timestamp = z.iso.datetime({ offset: true });

/** BullMQ queue that carries webhook deliveries (and group flushes) from the alert sink to the worker. */
export const WEBHOOK_QUEUE = 'webhook-deliveries';

// Endpoints
export const webhookFormat = z.enum(['standard', 'slack']);
export type WebhookFormat = z.infer<typeof webhookFormat>;

/** A period during which the endpoint is not notified: alerts raised inside it are dropped for this webhook. */
export const muteWindow = z
  .object({ startsAt: timestamp, endsAt: timestamp })
  .refine((w) => Date.parse(w.startsAt) < Date.parse(w.endsAt), { message: 'endsAt must be after startsAt', path: ['endsAt'] });
export type MuteWindow = z.infer<typeof muteWindow>;

const webhookUrl = z.url({ protocol: /^https?$/ }).max(2000);

export const createWebhookBody = z.object({
  url: webhookUrl,
  format: webhookFormat.default('standard'),
  /** Only alerts at or above this severity are sent. */
  minSeverity: severity.default('low'),
  /** Only alerts about these products (empty or absent: every product). */
  productIds: z.array(id).max(1000).default([]),
  /** Only alerts of these sessions (empty or absent: every session). */
  sessionIds: z.array(id).max(1000).default([]),
  muteWindows: z.array(muteWindow).max(50).default([]),
  description: z.string().max(500).optional(),
});
export type CreateWebhookBody = z.infer<typeof createWebhookBody>;

/** Every field optional; `enabled: true` re-enables an endpoint that was disabled after failing, `false` pauses it. */
export const updateWebhookBody = z
  .object({
    url: webhookUrl,
    format: webhookFormat,
    minSeverity: severity,
    productIds: z.array(id).max(1000),
    sessionIds: z.array(id).max(1000),
    muteWindows: z.array(muteWindow).max(50),
    description: z.string().max(500).nullable(),
    enabled: z.boolean(),
  })
  .partial();
export type UpdateWebhookBody = z.infer<typeof updateWebhookBody>;

export const webhook = z.object({
  id,
  url: z.string(),
  format: webhookFormat,
  minSeverity: severity,
  productIds: z.array(id),
  sessionIds: z.array(id),
  muteWindows: z.array(muteWindow),
  description: z.string().nullable(),
  /** Set when the endpoint failed for the whole retry schedule (or was paused); nothing is sent while set. */
  disabledAt: timestamp.nullable(),
  disabledReason: z.string().nullable(),
  /** While set and in the future, deliveries carry a second signature made with the previous secret. */
  previousSecretExpiresAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Webhook = z.infer<typeof webhook>;

/**
 * A disabled endpoint as anyone on the merchant's team may see it (the staff page shows these): its host only, since
 * a Slack URL's path is itself a secret.
 */
export const webhookNotice = z.object({
  webhookId: id,
  format: webhookFormat,
  host: z.string(),
  description: z.string().nullable(),
  disabledAt: timestamp,
  disabledReason: z.string().nullable(),
});
export type WebhookNotice = z.infer<typeof webhookNotice>;

/** The signing secret (`whsec_…`, Standard Webhooks form) is shown here once. */
export const createdWebhook = webhook.extend({ secret: z.string() });
export const rotatedSecret = z.object({ secret: z.string(), previousSecretExpiresAt: timestamp });

// Deliveries
/** The message id (`webhook-id` header) of a delivery: stable across retries and replays so receivers can dedupe. */
export const messageIdOf = (deliveryId: string): string => `msg_${deliveryId}`;

export const deliveryKind = z.enum(['alert', 'test']);
/** pending: queued or between retries; succeeded: a 2xx was received; dead: failed for the whole schedule. */
export const deliveryStatus = z.enum(['pending', 'succeeded', 'dead']);
export type DeliveryStatus = z.infer<typeof deliveryStatus>;

export const deliveryAttempt = z.object({
  attempt: z.number().int(),
  at: timestamp,
  /** HTTP status received; null when no response came (timeout, refused address, connection error). */
  statusCode: z.number().int().nullable(),
  latencyMs: z.number().int(),
  error: z.string().nullable(),
});
export type DeliveryAttempt = z.infer<typeof deliveryAttempt>;

export const webhookDelivery = z.object({
  id,
  webhookId: id,
  kind: deliveryKind,
  /** The `webhook-id` header: the same on every retry and replay, so receivers can drop duplicates. */
  messageId: z.string(),
  alertId: id.nullable(),
  /** How many alerts of the same session + product + rule this notification stands for (grouping). */
  alertCount: z.number().int().min(1),
  status: deliveryStatus,
  attempts: z.array(deliveryAttempt),
  createdAt: timestamp,
  deliveredAt: timestamp.nullable(),
});
export type WebhookDelivery = z.infer<typeof webhookDelivery>;

export const listDeliveriesQuery = z.object({
  status: deliveryStatus.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type ListDeliveriesQuery = z.infer<typeof listDeliveriesQuery>;
export const deliveryParams = z.object({ id, deliveryId: id });
export const queuedDelivery = z.object({ deliveryId: id, messageId: z.string() });

// Jobs on WEBHOOK_QUEUE
export const webhookJob = z.discriminatedUnion('type', [
  /** Send one stored delivery (its body is rebuilt from the stored alert snapshot at each attempt). */
  z.object({ type: z.literal('deliver'), deliveryId: id }),
  /** End of a grouping window: send one notification counting the repeats it absorbed, if any. */
  z.object({ type: z.literal('flush'), webhookId: id, groupKey: z.string(), windowId: z.string() }),
]);
export type WebhookJob = z.infer<typeof webhookJob>;

// What receivers get (format "standard"): the Standard Webhooks `{type, timestamp, data}` envelope.
export const webhookEventType = z.enum(['alert.raised', 'webhook.test']);
export const alertRaisedData = z.object({
  alert,
  product: z.object({ id, name: z.string() }),
  session: z.object({ id, title: z.string().nullable(), platform: z.string().nullable() }),
  /** The alert and its repeats (same session, product and rule) within the grouping cooldown. */
  count: z.number().int().min(1),
  evidenceUrl: z.string(),
});
export const webhookPayload = z.discriminatedUnion('type', [
  z.object({ type: z.literal('alert.raised'), timestamp, data: alertRaisedData }),
  z.object({ type: z.literal('webhook.test'), timestamp, data: z.object({ webhookId: id, message: z.string() }) }),
]);
export type AlertRaisedData = z.infer<typeof alertRaisedData>;
export type WebhookPayload = z.infer<typeof webhookPayload>;
