import type { Finding, Severity } from '@anchorwatch/schemas';
import { insertEvents, recordAlertEvents, upsertAlerts, withTransaction, type Pool } from '@anchorwatch/store';

export interface SeedLine {
  id: string;
  at: number;
  text: string;
  productId: string;
  severity?: Severity;
  /** Chat lines are stored as chat; the rest as final host transcript. */
  chat?: boolean;
}

/**
 * Stores transcript/chat lines and one alert per line straight through the store, as the worker would (alert rows
 * and their `raised` outbox entries in one transaction), for tests that need alerts without running detection.
 * Returns the alert ids by line id.
 */
export async function seedAlerts(
  pool: Pool,
  session: { id: string; merchantId: string; startedAtMs: number },
  lines: SeedLine[],
): Promise<Map<string, string>> {
  const receivedAt = new Date().toISOString();
  await withTransaction(pool, async (tx) => {
    await insertEvents(
      tx,
      session,
      lines.map((l) => ({
        event: l.chat
          ? { type: 'chat' as const, id: l.id, ts: new Date(session.startedAtMs + l.at * 1000).toISOString(), user: 'viewer1', text: l.text, receivedAt }
          : { type: 'transcript' as const, id: l.id, start: l.at, end: l.at + 1, text: l.text, speaker: 'host', final: true, receivedAt },
        offsetStart: l.at,
        offsetEnd: l.at + 1,
        occurredAt: new Date(session.startedAtMs + l.at * 1000),
      })),
    );
    const findings: Finding[] = lines.map((l) => ({
      eventId: l.id,
      productId: l.productId,
      kind: l.chat ? 'chat_negative' : 'host_negative',
      rule: 'test_rule',
      severity: l.severity ?? 'high',
      score: 0.8,
      explanation: {
        clause: l.text,
        product: { via: 'name', text: l.text.split(' ')[0]!, start: 0, end: l.text.split(' ')[0]!.length },
        cues: [{ text: l.text.split(' ').at(-1)!, weight: 1, source: 'lexicon' }],
        negated: [],
      },
      detectorVersion: 'test-1',
    }));
    await upsertAlerts(tx, session, findings);
    const { rows } = await tx.query<{ id: string }>(
      'SELECT id FROM alerts WHERE session_id = $1 AND event_id = ANY($2) ORDER BY event_id',
      [session.id, lines.map((l) => l.id)],
    );
    await recordAlertEvents(tx, rows.map((r) => ({ alertId: r.id, kind: 'raised' as const })));
  });
  const { rows } = await pool.query<{ id: string; event_id: string }>(
    'SELECT id, event_id FROM alerts WHERE session_id = $1 AND event_id = ANY($2)',
    [session.id, lines.map((l) => l.id)],
  );
  return new Map(rows.map((r) => [r.event_id, r.id]));
}
