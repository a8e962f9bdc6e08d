import {
  allowedTransitions,
  type AlertActionStatus,
  type AlertStatus,
  type DetectorFeedback,
  type ListFeedbackQuery,
} from '@anchorwatch/schemas';
import type { Queryable } from './db.ts';
import { InvalidTransitionError, NotFoundError } from './errors.ts';

/** Who moves an alert: the caller's merchant and API key. */
export interface Actor {
  merchantId: string;
  keyId: string;
}

/**
 * Moves one of the merchant's alerts to `to`, recording who and when (and a dismissal's reason). Run it inside a
 * transaction: the alert row is locked so two people acting at once see each other's move, and the loser gets
 * `invalid_transition`. Returns the status the alert left.
 */
export async function changeAlertStatus(
  tx: Queryable,
  actor: Actor,
  alertId: string,
  to: AlertActionStatus,
  reason: string | null = null,
): Promise<AlertStatus> {
  const { rows } = await tx.query<{ status: AlertStatus }>(
    'SELECT status FROM alerts WHERE merchant_id = $1 AND id = $2 FOR UPDATE',
    [actor.merchantId, alertId],
  );
  const from = rows[0]?.status;
  if (!from) throw new NotFoundError('alert');
  if (!allowedTransitions[from].includes(to)) {
    const allowed = allowedTransitions[from];
    throw new InvalidTransitionError(
      `the alert is ${from}; it cannot become ${to}` +
        (allowed.length ? ` (it can become: ${allowed.join(', ')})` : ' (that status is final)'),
    );
  }
  await tx.query('UPDATE alerts SET status = $2 WHERE id = $1', [alertId, to]);
  await tx.query(
    `INSERT INTO alert_status_changes (merchant_id, alert_id, from_status, to_status, api_key_id, reason)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [actor.merchantId, alertId, from, to, actor.keyId, reason],
  );
  return from;
}

interface FeedbackRow {
  alert_id: string;
  session_id: string;
  product_id: string;
  rule: string;
  kind: DetectorFeedback['kind'];
  severity: DetectorFeedback['severity'];
  detector_version: string;
  text: string;
  reason: string;
  from_status: AlertStatus;
  changed_at: Date;
  key_id: string;
  key_name: string;
}

/** The merchant's dismissals with their reasons, newest first: what staff told us the detector got wrong. */
export async function listDetectorFeedback(
  db: Queryable,
  merchantId: string,
  query: ListFeedbackQuery,
): Promise<DetectorFeedback[]> {
  const { rows } = await db.query<FeedbackRow>(
    `SELECT a.id AS alert_id, a.session_id, a.product_id, a.rule, a.kind, a.severity, a.detector_version, e.text,
            c.reason, c.from_status, c.changed_at, k.id AS key_id, k.name AS key_name
     FROM alert_status_changes c
     JOIN alerts a ON a.id = c.alert_id
     JOIN events e ON e.session_id = a.session_id AND e.event_id = a.event_id
     JOIN api_keys k ON k.id = c.api_key_id
     WHERE c.merchant_id = $1 AND c.to_status = 'dismissed'
       AND ($2::text IS NULL OR a.detector_version = $2) AND ($3::text IS NULL OR a.rule = $3)
     ORDER BY c.changed_at DESC, c.id DESC LIMIT $4`,
    [merchantId, query.detectorVersion ?? null, query.rule ?? null, query.limit],
  );
  return rows.map((r) => ({
    alertId: r.alert_id,
    sessionId: r.session_id,
    productId: r.product_id,
    rule: r.rule,
    kind: r.kind,
    severity: r.severity,
    detectorVersion: r.detector_version,
    text: r.text,
    reason: r.reason,
    dismissedFrom: r.from_status,
    at: r.changed_at.toISOString(),
    by: { keyId: r.key_id, name: r.key_name },
  }));
}
