import { messageIdOf, type Alert, type DeliveryAttempt, type ListDeliveriesQuery, type WebhookDelivery } from '@anchorwatch/schemas';
import type { Queryable } from './db.ts';
import { ConflictError, NotFoundError } from './errors.ts';

/** A notification to record before it is queued. */
export interface NewDelivery {
  merchantId: string;
  webhookId: string;
  kind: 'alert' | 'test';
  /** Makes recording idempotent per webhook: `alert:<id>`, `group:<key>:<window>`, `test:<uuid>`. */
  dedupeKey: string;
  alert: Alert | null;
  alertCount: number;
}

/** Records a delivery once per (webhook, dedupeKey) and returns its id, whether it was new or already there. */
export async function recordDelivery(db: Queryable, d: NewDelivery): Promise<{ id: string; status: WebhookDelivery['status'] }> {
  const { rows } = await db.query<{ id: string; status: WebhookDelivery['status'] }>(
    `WITH ins AS (
       INSERT INTO webhook_deliveries (merchant_id, webhook_id, kind, dedupe_key, alert_id, alert, alert_count)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (webhook_id, dedupe_key) DO NOTHING RETURNING id, status
     ) SELECT id, status FROM ins
       UNION ALL SELECT id, status FROM webhook_deliveries WHERE webhook_id = $2 AND dedupe_key = $4
       LIMIT 1`,
    [d.merchantId, d.webhookId, d.kind, d.dedupeKey, d.alert?.id ?? null, d.alert ? JSON.stringify(d.alert) : null, d.alertCount],
  );
  if (rows[0]) return rows[0];
  // A concurrent insert of the same key committed after this statement's snapshot: read it now.
  const again = await db.query<{ id: string; status: WebhookDelivery['status'] }>(
    'SELECT id, status FROM webhook_deliveries WHERE webhook_id = $1 AND dedupe_key = $2',
    [d.webhookId, d.dedupeKey],
  );
  return again.rows[0]!;
}

/** A delivery as the sender reads it, with the names the message shows. */
export interface DeliveryToSend {
  id: string;
  webhookId: string;
  kind: 'alert' | 'test';
  status: WebhookDelivery['status'];
  alert: Alert | null;
  alertCount: number;
  product: { id: string; name: string } | null;
  session: { id: string; title: string | null; platform: string | null } | null;
  /** Attempts recorded so far (across replays). */
  attempts: number;
}

/** Loads a delivery for sending, or null when it no longer exists. */
export async function getDeliveryToSend(db: Queryable, id: string): Promise<DeliveryToSend | null> {
  const { rows } = await db.query<{
    id: string; webhook_id: string; kind: 'alert' | 'test'; status: WebhookDelivery['status']; alert: Alert | null;
    alert_count: number; product_name: string | null; session_title: string | null; session_platform: string | null;
    attempts: number;
  }>(
    `SELECT d.id, d.webhook_id, d.kind, d.status, d.alert, d.alert_count, p.name AS product_name,
            s.title AS session_title, s.platform AS session_platform,
            (SELECT count(*)::int FROM webhook_delivery_attempts a WHERE a.delivery_id = d.id) AS attempts
     FROM webhook_deliveries d
     LEFT JOIN products p ON p.id = (d.alert->>'productId')::uuid AND p.merchant_id = d.merchant_id
     LEFT JOIN sessions s ON s.id = (d.alert->>'sessionId')::uuid AND s.merchant_id = d.merchant_id
     WHERE d.id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id,
    webhookId: r.webhook_id,
    kind: r.kind,
    status: r.status,
    alert: r.alert,
    alertCount: r.alert_count,
    product: r.alert ? { id: r.alert.productId, name: r.product_name ?? r.alert.productId } : null,
    session: r.alert ? { id: r.alert.sessionId, title: r.session_title, platform: r.session_platform } : null,
    attempts: r.attempts,
  };
}

/** Appends one attempt to the delivery log. */
export async function recordAttempt(
  db: Queryable,
  deliveryId: string,
  a: { statusCode: number | null; latencyMs: number; error: string | null },
): Promise<void> {
  await db.query(
    `INSERT INTO webhook_delivery_attempts (delivery_id, attempt, status_code, latency_ms, error)
     SELECT $1, coalesce(max(attempt), 0) + 1, $2, $3, $4 FROM webhook_delivery_attempts WHERE delivery_id = $1`,
    [deliveryId, a.statusCode, Math.round(a.latencyMs), a.error],
  );
}

/** Marks a delivery received by its endpoint. */
export async function markDeliverySucceeded(db: Queryable, deliveryId: string): Promise<void> {
  await db.query(`UPDATE webhook_deliveries SET status = 'succeeded', delivered_at = now() WHERE id = $1`, [deliveryId]);
}

/** Moves a delivery to the dead-letter list (it failed for the whole schedule, or its endpoint is gone/disabled). */
export async function markDeliveryDead(db: Queryable, deliveryId: string): Promise<void> {
  await db.query(`UPDATE webhook_deliveries SET status = 'dead' WHERE id = $1 AND status = 'pending'`, [deliveryId]);
}

/** True when the webhook received any delivery after `since`: a failing delivery then does not mean a dead endpoint. */
export async function webhookSucceededSince(db: Queryable, webhookId: string, since: Date): Promise<boolean> {
  const { rowCount } = await db.query(
    `SELECT 1 FROM webhook_deliveries WHERE webhook_id = $1 AND status = 'succeeded' AND delivered_at > $2 LIMIT 1`,
    [webhookId, since],
  );
  return (rowCount ?? 0) > 0;
}

interface DeliveryRow {
  id: string;
  webhook_id: string;
  kind: WebhookDelivery['kind'];
  alert_id: string | null;
  alert_count: number;
  status: WebhookDelivery['status'];
  created_at: Date;
  delivered_at: Date | null;
  attempts: { attempt: number; at: string; status_code: number | null; latency_ms: number; error: string | null }[];
}

const toDelivery = (r: DeliveryRow): WebhookDelivery => ({
  id: r.id,
  webhookId: r.webhook_id,
  kind: r.kind,
  messageId: messageIdOf(r.id),
  alertId: r.alert_id,
  alertCount: r.alert_count,
  status: r.status,
  attempts: r.attempts.map(
    (a): DeliveryAttempt => ({
      attempt: a.attempt,
      at: new Date(a.at).toISOString(),
      statusCode: a.status_code,
      latencyMs: a.latency_ms,
      error: a.error,
    }),
  ),
  createdAt: r.created_at.toISOString(),
  deliveredAt: r.delivered_at?.toISOString() ?? null,
});

/** The delivery log of one of the merchant's webhooks, newest first, each with its attempts. */
export async function listDeliveries(
  db: Queryable,
  merchantId: string,
  webhookId: string,
  query: ListDeliveriesQuery,
): Promise<WebhookDelivery[]> {
  const { rows } = await db.query<DeliveryRow>(
    `SELECT d.id, d.webhook_id, d.kind, d.alert_id, d.alert_count, d.status, d.created_at, d.delivered_at,
            coalesce((SELECT json_agg(json_build_object('attempt', a.attempt, 'at', a.at, 'status_code', a.status_code,
                                                        'latency_ms', a.latency_ms, 'error', a.error) ORDER BY a.attempt)
                      FROM webhook_delivery_attempts a WHERE a.delivery_id = d.id), '[]') AS attempts
     FROM webhook_deliveries d
     WHERE d.merchant_id = $1 AND d.webhook_id = $2 AND ($3::text IS NULL OR d.status = $3)
     ORDER BY d.created_at DESC, d.id DESC LIMIT $4`,
    [merchantId, webhookId, query.status ?? null, query.limit],
  );
  return rows.map(toDelivery);
}

/** Puts a dead delivery back to pending for a manual replay; anything else is a conflict. */
export async function reopenDeadDelivery(db: Queryable, merchantId: string, webhookId: string, deliveryId: string): Promise<void> {
  const { rows } = await db.query<{ status: WebhookDelivery['status'] }>(
    `SELECT status FROM webhook_deliveries WHERE merchant_id = $1 AND webhook_id = $2 AND id = $3 FOR UPDATE`,
    [merchantId, webhookId, deliveryId],
  );
  if (!rows[0]) throw new NotFoundError('delivery');
  if (rows[0].status !== 'dead') throw new ConflictError(`only dead deliveries can be replayed; this one is ${rows[0].status}`);
  await db.query(`UPDATE webhook_deliveries SET status = 'pending' WHERE id = $1`, [deliveryId]);
}
