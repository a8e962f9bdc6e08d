import { burstFinding, findChatBursts, type BurstOptions } from '@anchorwatch/engine';
import type { Finding } from '@anchorwatch/schemas';
import { listComplaintsAround, upsertAlerts, type Queryable } from '@anchorwatch/store';

/**
 * Raises `chat_burst` alerts for the products this batch's viewer complaints are about. The state (complaints
 * and bursts already stored, by any worker and any earlier batch) comes from the database, inside the batch's
 * transaction and session lock; the decision is the engine's pure `findChatBursts`. Returns the burst findings
 * and the ids of the burst alerts stored new (for the outbox).
 */
export async function raiseChatBursts(
  tx: Queryable,
  session: { id: string; merchantId: string },
  findings: readonly Finding[],
  options: BurstOptions,
): Promise<{ findings: Finding[]; raised: string[] }> {
  const complaints = findings.filter((f) => f.kind === 'chat_negative');
  if (complaints.length === 0) return { findings: [], raised: [] };
  const productIds = [...new Set(complaints.map((f) => f.productId))];
  const eventIds = [...new Set(complaints.map((f) => f.eventId))];
  const stored = await listComplaintsAround(tx, session.id, productIds, eventIds, options.windowMs);
  const alerts: Finding[] = [];
  for (const productId of productIds) {
    // One complaint per event, even if rule changes left two alerts on it.
    const mine = new Map(stored.filter((s) => s.kind === 'chat_negative' && s.productId === productId).map((c) => [c.eventId, c]));
    const raised = stored.filter((s) => s.kind === 'chat_burst' && s.productId === productId);
    for (const burst of findChatBursts([...mine.values()], raised, options)) {
      const finding = burstFinding(burst, mine, options);
      if (finding) alerts.push(finding);
    }
  }
  return { findings: alerts, raised: await upsertAlerts(tx, session, alerts) };
}
