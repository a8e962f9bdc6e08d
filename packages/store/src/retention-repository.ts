import type { Queryable } from './db.ts';

/**
 * Deletes up to `batchSize` raw events stored before `olderThan` that nothing needs: no alert names them, no
 * clip's window holds them, and neither their session nor its contract is under an active legal hold.
 * Returns how many were deleted; call again until it returns less than `batchSize`.
 */
export async function purgeUnreferencedEvents(db: Queryable, olderThan: Date, batchSize: number): Promise<number> {
  const { rowCount } = await db.query(
    `DELETE FROM events e USING (
       SELECT ev.session_id, ev.event_id FROM events ev JOIN sessions s ON s.id = ev.session_id
       WHERE ev.stored_at < $1
         AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.session_id = ev.session_id AND a.event_id = ev.event_id)
         AND NOT EXISTS (SELECT 1 FROM evidence_clips c WHERE c.session_id = ev.session_id
                           AND ev.offset_start BETWEEN c.window_start AND c.window_end)
         AND NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.released_at IS NULL
                           AND (h.session_id = s.id OR h.contract_id = s.contract_id))
       LIMIT $2
     ) doomed
     WHERE e.session_id = doomed.session_id AND e.event_id = doomed.event_id`,
    [olderThan, batchSize],
  );
  return rowCount ?? 0;
}

/** Purges, in batches, every raw event older than `retentionDays` that no alert, clip or active legal hold keeps. */
export async function purgeExpiredEvents(
  db: Queryable,
  limits: { retentionDays: number; batchSize: number },
  now = new Date(),
): Promise<number> {
  const olderThan = new Date(now.getTime() - limits.retentionDays * 24 * 3600 * 1000);
  let total = 0;
  for (;;) {
    const n = await purgeUnreferencedEvents(db, olderThan, limits.batchSize);
    total += n;
    if (n < limits.batchSize) return total;
  }
}
