import type { Queryable } from './db.ts';

/** Records that an ingest socket of a session opened; returns the connection's id. */
export async function recordConnectionOpened(
  db: Queryable,
  session: { id: string; merchantId: string },
  openedAt: Date,
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO ingest_connections (session_id, merchant_id, opened_at, last_seen_at) VALUES ($1, $2, $3, $3) RETURNING id',
    [session.id, session.merchantId, openedAt],
  );
  return rows[0]!.id;
}

/** Records that an ingest socket is still open (a heartbeat: a dead process stops sending it). */
export async function touchConnection(db: Queryable, id: string, at: Date): Promise<void> {
  await db.query('UPDATE ingest_connections SET last_seen_at = $2 WHERE id = $1 AND closed_at IS NULL', [id, at]);
}

/** Records that an ingest socket closed, with its WebSocket close code. */
export async function recordConnectionClosed(db: Queryable, id: string, closedAt: Date, code: number): Promise<void> {
  await db.query('UPDATE ingest_connections SET closed_at = $2, close_code = $3 WHERE id = $1 AND closed_at IS NULL', [
    id,
    closedAt,
    code,
  ]);
}

/**
 * A session's ingest connections, in the order they opened. `closedAt` is null while open; a connection whose
 * heartbeat stopped more than `staleAfterMs` ago (its ingest process died) counts as closed when last seen, with
 * `lost` set and no close code.
 */
export async function listConnections(
  db: Queryable,
  sessionId: string,
  staleAfterMs: number,
): Promise<{ openedAt: Date; closedAt: Date | null; closeCode: number | null; lost: boolean }[]> {
  const { rows } = await db.query<{ opened_at: Date; closed_at: Date | null; close_code: number | null; lost: boolean }>(
    `SELECT opened_at, close_code,
            (closed_at IS NULL AND last_seen_at < now() - $2 * interval '1 millisecond') AS lost,
            CASE WHEN closed_at IS NULL AND last_seen_at < now() - $2 * interval '1 millisecond' THEN last_seen_at
                 ELSE closed_at END AS closed_at
     FROM ingest_connections WHERE session_id = $1 ORDER BY opened_at, id`,
    [sessionId, staleAfterMs],
  );
  return rows.map((r) => ({ openedAt: r.opened_at, closedAt: r.closed_at, closeCode: r.close_code, lost: r.lost }));
}
