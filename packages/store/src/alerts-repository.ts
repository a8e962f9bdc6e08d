import type { Alert, Finding, ListAlertsQuery } from '@anchorwatch/schemas';
import { alertsWithEvents, selectAlerts, toAlert, type AlertRow } from './alert-rows.ts';
import type { Queryable } from './db.ts';
import { NotFoundError } from './errors.ts';

/** Stable identity of an alert within a session: the same finding is never stored twice. */
export const alertKey = (f: Pick<Finding, 'eventId' | 'productId' | 'rule'>): string =>
  `${f.eventId}\u0000${f.productId}\u0000${f.rule}`;

/**
 * Stores findings as alerts; a finding already stored is skipped, one that was retracted opens again. Returns the
 * ids of the alerts raised (new or reopened), for the outbox.
 */
export async function upsertAlerts(
  db: Queryable,
  session: { id: string; merchantId: string },
  findings: Finding[],
): Promise<string[]> {
  if (findings.length === 0) return [];
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO alerts (merchant_id, session_id, event_id, product_id, kind, rule, severity, score, explanation,
                         detector_version)
     SELECT $1, $2, * FROM unnest($3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::float8[],
                                  $9::jsonb[], $10::text[])
     ON CONFLICT (session_id, event_id, product_id, rule) DO UPDATE SET status = 'open'
       WHERE alerts.status = 'retracted'
     RETURNING id`,
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
  return rows.map((r) => r.id);
}

/**
 * Retracts the open alerts on `eventIds` that are not in `keep` (a late `product_on_air` changed what "this"
 * referred to). Alerts someone already acted on are left as they are. Returns the ids retracted.
 */
export async function retractAlertsExcept(
  db: Queryable,
  sessionId: string,
  eventIds: string[],
  keep: Set<string>,
): Promise<string[]> {
  if (eventIds.length === 0) return [];
  const { rows } = await db.query<{ id: string; event_id: string; product_id: string; rule: string }>(
    // Bursts are derived from many lines, not from this line's text: re-reading the line does not retract them.
    // In stream order, so the outbox (and everyone downstream) hears of retractions in the order the lines ran.
    `SELECT a.id, a.event_id, a.product_id, a.rule FROM ${alertsWithEvents}
     WHERE a.session_id = $1 AND a.event_id = ANY($2) AND a.status = 'open' AND a.kind <> 'chat_burst'
     ORDER BY e.offset_start, a.event_id, a.id`,
    [sessionId, eventIds],
  );
  const stale = rows.filter((r) => !keep.has(alertKey({ eventId: r.event_id, productId: r.product_id, rule: r.rule })));
  if (stale.length === 0) return [];
  const ids = stale.map((r) => r.id);
  await db.query(`UPDATE alerts SET status = 'retracted' WHERE id = ANY($1::uuid[])`, [ids]);
  return ids;
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
