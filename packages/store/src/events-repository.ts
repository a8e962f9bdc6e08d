import type { ReceivedEvent, SessionEvent } from '@anchorwatch/schemas';
import type { Queryable } from './db.ts';

/** An event placed on the session's clock, ready to store. */
export interface NewEvent {
  event: ReceivedEvent;
  offsetStart: number;
  offsetEnd: number;
  occurredAt: Date;
}

/** A stored transcript or chat line, as the worker re-reads it for analysis. */
export interface StoredTextEvent {
  eventId: string;
  type: 'transcript' | 'chat';
  offsetStart: number;
  text: string;
  speaker: string | null;
}

/** One `product_on_air` mark of a session's timeline. */
export interface OnAirMark {
  eventId: string;
  productRef: string;
  at: number;
}

const textOf = (e: ReceivedEvent): string | null => (e.type === 'product_on_air' ? null : e.text);
const speakerOf = (e: ReceivedEvent): string | null =>
  e.type === 'transcript' ? e.speaker : e.type === 'chat' ? e.user : null;

/**
 * Stores a batch of a session's events in one statement. Ids already stored are skipped; the returned set holds
 * the ids stored now, which are the only ones to analyse (a resent id is never analysed twice).
 */
export async function insertEvents(
  db: Queryable,
  session: { id: string; merchantId: string },
  events: NewEvent[],
): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const { rows } = await db.query<{ event_id: string }>(
    `INSERT INTO events (session_id, merchant_id, event_id, type, offset_start, offset_end, occurred_at, text, speaker,
                         product_ref, received_at, payload)
     SELECT $1, $2, * FROM unnest($3::text[], $4::text[], $5::float8[], $6::float8[], $7::timestamptz[], $8::text[],
                                  $9::text[], $10::text[], $11::timestamptz[], $12::jsonb[])
     ON CONFLICT (session_id, event_id) DO NOTHING
     RETURNING event_id`,
    [
      session.id,
      session.merchantId,
      events.map((e) => e.event.id),
      events.map((e) => e.event.type),
      events.map((e) => e.offsetStart),
      events.map((e) => e.offsetEnd),
      events.map((e) => e.occurredAt.toISOString()),
      events.map((e) => textOf(e.event)),
      events.map((e) => speakerOf(e.event)),
      events.map((e) => (e.event.type === 'product_on_air' ? e.event.productId : null)),
      events.map((e) => e.event.receivedAt),
      events.map((e) => JSON.stringify(e.event)),
    ],
  );
  return new Set(rows.map((r) => r.event_id));
}

/** Every `product_on_air` mark of a session, in stream order. */
export async function listOnAirTimeline(db: Queryable, sessionId: string): Promise<OnAirMark[]> {
  const { rows } = await db.query<{ event_id: string; product_ref: string; offset_start: number }>(
    `SELECT event_id, product_ref, offset_start FROM events
     WHERE session_id = $1 AND type = 'product_on_air' ORDER BY offset_start, received_at, event_id`,
    [sessionId],
  );
  return rows.map((r) => ({ eventId: r.event_id, productRef: r.product_ref, at: r.offset_start }));
}

/** Stored transcript and chat lines whose offset lies in [from, to) (`to` null: to the end). */
export async function listTextEventsBetween(
  db: Queryable,
  sessionId: string,
  from: number,
  to: number | null,
): Promise<StoredTextEvent[]> {
  const { rows } = await db.query<{
    event_id: string;
    type: 'transcript' | 'chat';
    offset_start: number;
    text: string;
    speaker: string | null;
  }>(
    `SELECT event_id, type, offset_start, text, speaker FROM events
     WHERE session_id = $1 AND type IN ('transcript', 'chat') AND offset_start >= $2
       AND ($3::float8 IS NULL OR offset_start < $3) ORDER BY offset_start, event_id`,
    [sessionId, from, to],
  );
  return rows.map((r) => ({
    eventId: r.event_id,
    type: r.type,
    offsetStart: r.offset_start,
    text: r.text,
    speaker: r.speaker,
  }));
}

/** A session's transcript and chat lines with offsets in [from, to], oldest first, at most `limit`. */
export async function listSessionEventsInWindow(
  db: Queryable,
  sessionId: string,
  window: { from: number; to: number; limit: number },
): Promise<SessionEvent[]> {
  const { rows } = await db.query<{
    event_id: string;
    type: 'transcript' | 'chat';
    offset_start: number;
    occurred_at: Date;
    speaker: string | null;
    text: string;
  }>(
    `SELECT event_id, type, offset_start, occurred_at, speaker, text FROM events
     WHERE session_id = $1 AND type IN ('transcript', 'chat') AND offset_start BETWEEN $2 AND $3
       AND coalesce(payload->>'final', 'true') <> 'false'
     ORDER BY offset_start, received_at, event_id LIMIT $4`,
    [sessionId, window.from, window.to, window.limit],
  );
  return rows.map((r) => ({
    eventId: r.event_id,
    type: r.type,
    offsetSeconds: r.offset_start,
    occurredAt: r.occurred_at.toISOString(),
    speaker: r.speaker,
    text: r.text,
  }));
}
