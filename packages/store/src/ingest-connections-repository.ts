import type { Queryable } from './db.ts';

/** Records that an ingest socket of a session opened; returns the connection's id. */
export async function recordConnectionOpened(
  db: Queryable,
  session: { id: string; merchantId: string },
  openedAt: Date,
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO ingest_connections (session_id, merchant_id, opened_at) VALUES ($1, $2, $3) RETURNING id',
    [session.id, session.merchantId, openedAt],
  );
  return rows[0]!.id;
}

/** Records that an ingest socket closed, with its WebSocket close code. */
export async function recordConnectionClosed(db: Queryable, id: string, closedAt: Date, code: number): Promise<void> {
  await db.query('UPDATE ingest_connections SET closed_at = $2, close_code = $3 WHERE id = $1 AND closed_at IS NULL', [
    id,
    closedAt,
    code,
  ]);
}

/** A session's ingest connections, in the order they opened (closedAt null while open). */
export async function listConnections(
  db: Queryable,
  sessionId: string,
): Promise<{ openedAt: Date; closedAt: Date | null; closeCode: number | null }[]> {
  const { rows } = await db.query<{ opened_at: Date; closed_at: Date | null; close_code: number | null }>(
    'SELECT opened_at, closed_at, close_code FROM ingest_connections WHERE session_id = $1 ORDER BY opened_at, id',
    [sessionId],
  );
  return rows.map((r) => ({ openedAt: r.opened_at, closedAt: r.closed_at, closeCode: r.close_code }));
}
