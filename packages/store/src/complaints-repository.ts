import type { Explanation } from '@anchorwatch/schemas';
import type { Queryable } from './db.ts';

/** A stored viewer complaint (`chat_negative`) or burst (`chat_burst`) alert, placed on the clock. */
export interface StoredComplaint {
  eventId: string;
  productId: string;
  kind: 'chat_negative' | 'chat_burst';
  atMs: number;
  viewer: string | null;
  score: number;
  explanation: Explanation;
  detectorVersion: string;
}

/**
 * A session's live complaint and burst alerts about `productIds` near the events `aroundEventIds`: complaints
 * within `marginMs` of them and bursts within twice that, the state chat-burst detection needs across batches.
 */
export async function listComplaintsAround(
  db: Queryable,
  sessionId: string,
  productIds: string[],
  aroundEventIds: string[],
  marginMs: number,
): Promise<StoredComplaint[]> {
  const { rows } = await db.query<{
    event_id: string;
    product_id: string;
    kind: StoredComplaint['kind'];
    occurred_at: Date;
    speaker: string | null;
    score: number;
    explanation: Explanation;
    detector_version: string;
  }>(
    `WITH around AS (
       SELECT min(occurred_at) AS lo, max(occurred_at) AS hi FROM events WHERE session_id = $1 AND event_id = ANY($3)
     )
     SELECT a.event_id, a.product_id, a.kind, e.occurred_at, e.speaker, a.score, a.explanation, a.detector_version
     FROM around, alerts a JOIN events e ON e.session_id = a.session_id AND e.event_id = a.event_id
     WHERE a.session_id = $1 AND a.product_id = ANY($2::uuid[]) AND a.status <> 'retracted'
       AND ((a.kind = 'chat_negative' AND e.occurred_at BETWEEN around.lo - $4 * interval '1 millisecond'
                                                            AND around.hi + $4 * interval '1 millisecond')
         OR (a.kind = 'chat_burst' AND e.occurred_at BETWEEN around.lo - $4 * interval '2 millisecond'
                                                         AND around.hi + $4 * interval '2 millisecond'))`,
    [sessionId, productIds, aroundEventIds, marginMs],
  );
  return rows.map((r) => ({
    eventId: r.event_id,
    productId: r.product_id,
    kind: r.kind,
    atMs: r.occurred_at.getTime(),
    viewer: r.speaker,
    score: r.score,
    explanation: r.explanation,
    detectorVersion: r.detector_version,
  }));
}
