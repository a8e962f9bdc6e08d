import type { Alert, Finding, ListAlertsQuery } from '@anchorwatch/schemas';
import type { Queryable } from './db.ts';
import { NotFoundError } from './errors.ts';

export interface AlertRow {
  id: string;
  session_id: string;
  product_id: string;
  event_id: string;
  event_type: 'transcript' | 'chat';
  text: string;
  speaker: string | null;
  kind: Alert['kind'];
  rule: string;
  severity: Alert['severity'];
  score: number;
  explanation: Alert['explanation'];
  detector_version: string;
  offset_start: number;
  occurred_at: Date;
  received_at: Date;
  created_at: Date;
  status: Alert['status'];
  status_changes: Alert['statusChanges'];
}

/** Maps a row of `selectAlerts` to the wire alert. */
export const toAlert = (r: AlertRow): Alert => ({
  id: r.id,
  sessionId: r.session_id,
  productId: r.product_id,
  eventId: r.event_id,
  eventType: r.event_type,
  text: r.text,
  speaker: r.speaker,
  kind: r.kind,
  rule: r.rule,
  severity: r.severity,
  score: r.score,
  explanation: r.explanation,
  detectorVersion: r.detector_version,
  offsetSeconds: r.offset_start,
  occurredAt: r.occurred_at.toISOString(),
  eventReceivedAt: r.received_at.toISOString(),
  createdAt: r.created_at.toISOString(),
  status: r.status,
  statusChanges: r.status_changes,
});

/** The alert columns with their event and lifecycle; callers add WHERE / ORDER BY on `a` (alerts) and `e` (events). */
export const selectAlerts = `
  SELECT a.id, a.session_id, a.product_id, a.event_id, e.type AS event_type, e.text, e.speaker, a.kind, a.rule,
         a.severity, a.score, a.explanation, a.detector_version, e.offset_start, e.occurred_at, e.received_at,
         a.created_at, a.status, coalesce(sc.changes, '[]'::json) AS status_changes
  FROM alerts a JOIN events e ON e.session_id = a.session_id AND e.event_id = a.event_id
  LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object(
             'from', c.from_status, 'to', c.to_status,
             'at', to_char(c.changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
             'by', json_build_object('keyId', k.id, 'name', k.name), 'reason', c.reason) ORDER BY c.id) AS changes
    FROM alert_status_changes c JOIN api_keys k ON k.id = c.api_key_id
    WHERE c.alert_id = a.id) sc ON true`;

/** Stable identity of an alert within a session: the same finding is never stored twice. */
export const alertKey = (f: Pick<Finding, 'eventId' | 'productId' | 'rule'>): string =>
  `${f.eventId}\u0000${f.productId}\u0000${f.rule}`;

/** Stores findings as alerts; a finding already stored is skipped, one that was retracted opens again. */
export async function upsertAlerts(
  db: Queryable,
  session: { id: string; merchantId: string },
  findings: Finding[],
): Promise<number> {
  if (findings.length === 0) return 0;
  const { rowCount } = await db.query(
    `INSERT INTO alerts (merchant_id, session_id, event_id, product_id, kind, rule, severity, score, explanation,
                         detector_version)
     SELECT $1, $2, * FROM unnest($3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::float8[],
                                  $9::jsonb[], $10::text[])
     ON CONFLICT (session_id, event_id, product_id, rule) DO UPDATE SET status = 'open'
       WHERE alerts.status = 'retracted'`,
    [
      session.merchantId,
      session.id,
      findings.map((f) => f.eventId),
      findings.map((f) => f.productId),
      findings.map((f) => f.kind),
      findings.map((f) => f.rule),
      findings.map((f) => f.severity),
      findings.map((f) => f.score),
      findings.map((f) => JSON.stringify(f.explanation)),
      findings.map((f) => f.detectorVersion),
    ],
  );
  return rowCount ?? 0;
}

/**
 * Retracts the open alerts on `eventIds` that are not in `keep` (a late `product_on_air` changed what "this"
 * referred to). Alerts someone already acted on are left as they are.
 */
export async function retractAlertsExcept(
  db: Queryable,
  sessionId: string,
  eventIds: string[],
  keep: Set<string>,
): Promise<number> {
  if (eventIds.length === 0) return 0;
  const { rows } = await db.query<{ id: string; event_id: string; product_id: string; rule: string }>(
    `SELECT id, event_id, product_id, rule FROM alerts WHERE session_id = $1 AND event_id = ANY($2) AND status = 'open'`,
    [sessionId, eventIds],
  );
  const stale = rows.filter((r) => !keep.has(alertKey({ eventId: r.event_id, productId: r.product_id, rule: r.rule })));
  if (stale.length === 0) return 0;
  await db.query(`UPDATE alerts SET status = 'retracted' WHERE id = ANY($1::uuid[])`, [stale.map((r) => r.id)]);
  return stale.length;
}

/** Lists a merchant's alerts, newest first; retracted alerts are left out. */
export async function listAlerts(db: Queryable, merchantId: string, query: ListAlertsQuery): Promise<Alert[]> {
  const { rows } = await db.query<AlertRow>(
    `${selectAlerts}
     WHERE a.merchant_id = $1 AND a.status <> 'retracted'
       AND ($2::uuid IS NULL OR a.session_id = $2) AND ($3::uuid IS NULL OR a.product_id = $3)
       AND ($4::timestamptz IS NULL OR a.created_at > $4)
     ORDER BY a.created_at DESC, a.id DESC LIMIT $5`,
    [merchantId, query.sessionId ?? null, query.productId ?? null, query.since ?? null, query.limit],
  );
  return rows.map(toAlert);
}

/** One of the merchant's alerts, with its event and lifecycle. */
export async function getAlert(db: Queryable, merchantId: string, alertId: string): Promise<Alert> {
  const { rows } = await db.query<AlertRow>(`${selectAlerts} WHERE a.merchant_id = $1 AND a.id = $2`, [merchantId, alertId]);
  if (!rows[0]) throw new NotFoundError('alert');
  return toAlert(rows[0]);
}
