import type { AlertEvent, AlertEventKind } from '@anchorwatch/schemas';
import { alertColumns, alertsWithEvents, toAlert, type AlertRow } from './alert-rows.ts';
import type { Queryable } from './db.ts';

/** PostgreSQL notification channel that wakes the dispatcher when outbox rows commit. */
export const ALERT_EVENTS_CHANNEL = 'alert_events';

export interface AlertEventEntry {
  alertId: string;
  kind: AlertEventKind;
}

/** An outbox row as the dispatcher hands it on: the alert event plus the row key to mark it dispatched. */
export interface PendingAlertEvent {
  seq: number;
  event: AlertEvent;
}

interface AlertEventRow extends AlertRow {
  seq: number;
  feed_seq: string;
  change: AlertEventKind;
  merchant_id: string;
  recorded_at: Date;
}

const selectAlertEvents = `
  SELECT ev.seq, ev.feed_seq::text AS feed_seq, ev.kind AS change, ev.merchant_id, ev.recorded_at, ${alertColumns}
  FROM alert_events ev JOIN ${alertsWithEvents} ON a.id = ev.alert_id`;

const toAlertEvent = (r: AlertEventRow): AlertEvent => ({
  feedSeq: r.feed_seq,
  kind: r.change,
  merchantId: r.merchant_id,
  recordedAt: r.recorded_at.toISOString(),
  alert: toAlert(r),
});

/**
 * Writes alert changes to the outbox. Call it inside the transaction that makes the change: the rows commit with
 * it or not at all, and the notification that wakes the dispatcher is delivered at commit.
 */
export async function recordAlertEvents(tx: Queryable, entries: AlertEventEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.query(
    `INSERT INTO alert_events (merchant_id, session_id, alert_id, kind)
     SELECT a.merchant_id, a.session_id, a.id, x.kind
     FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS x(alert_id, kind, ord) JOIN alerts a ON a.id = x.alert_id
     ORDER BY x.ord`,
    [entries.map((e) => e.alertId), entries.map((e) => e.kind)],
  );
  await tx.query('SELECT pg_notify($1, NULL)', [ALERT_EVENTS_CHANNEL]);
}

/**
 * Gives the next committed outbox rows their feed position, in commit-visible order. Only the dispatcher that holds
 * the leader lock may call it: numbering from the current maximum is then race-free, and the unique index on
 * feed_seq turns any mistake into an error rather than a duplicate.
 */
export async function numberPendingAlertEvents(db: Queryable, limit: number): Promise<number> {
  const { rowCount } = await db.query(
    `WITH top AS (SELECT COALESCE(MAX(feed_seq), 0) AS n FROM alert_events),
          next AS (SELECT seq, row_number() OVER (ORDER BY seq) AS rn
                   FROM alert_events WHERE feed_seq IS NULL ORDER BY seq LIMIT $1)
     UPDATE alert_events ev SET feed_seq = top.n + next.rn FROM top, next WHERE ev.seq = next.seq`,
    [limit],
  );
  return rowCount ?? 0;
}

/** Numbered rows not yet handed to every sink, in feed order. */
export async function listUndispatchedAlertEvents(db: Queryable, limit: number): Promise<PendingAlertEvent[]> {
  const { rows } = await db.query<AlertEventRow>(
    `${selectAlertEvents} WHERE ev.dispatched_at IS NULL AND ev.feed_seq IS NOT NULL ORDER BY ev.feed_seq LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({ seq: r.seq, event: toAlertEvent(r) }));
}

/** Marks outbox rows as delivered to every sink. */
export async function markAlertEventsDispatched(db: Queryable, seqs: number[]): Promise<void> {
  if (seqs.length === 0) return;
  await db.query('UPDATE alert_events SET dispatched_at = clock_timestamp() WHERE seq = ANY($1::bigint[])', [seqs]);
}

/**
 * A merchant's alert changes after a feed position, in feed order, each with the alert as it is now: what a live
 * feed client missed while it was away.
 */
export async function listAlertEventsAfter(
  db: Queryable,
  merchantId: string,
  afterFeedSeq: string,
  limit: number,
): Promise<AlertEvent[]> {
  const { rows } = await db.query<AlertEventRow>(
    `${selectAlertEvents} WHERE ev.merchant_id = $1 AND ev.feed_seq > $2::bigint ORDER BY ev.feed_seq LIMIT $3`,
    [merchantId, afterFeedSeq, limit],
  );
  return rows.map(toAlertEvent);
}

/** The merchant's newest feed position ("0" before its first alert change): where a feed that asks for no replay starts. */
export async function latestFeedSeq(db: Queryable, merchantId: string): Promise<string> {
  const { rows } = await db.query<{ n: string }>(
    'SELECT coalesce(max(feed_seq), 0)::text AS n FROM alert_events WHERE merchant_id = $1 AND feed_seq IS NOT NULL',
    [merchantId],
  );
  return rows[0]!.n;
}
