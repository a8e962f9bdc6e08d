import { findChatBursts, type BurstOptions } from '@anchorwatch/engine';
import type { Finding } from '@anchorwatch/schemas';
import { listComplaintsAround, upsertAlerts, type Queryable } from '@anchorwatch/store';

export const BURST_RULE = 'burst.chat';

/**
 * Raises `chat_burst` alerts for the products this batch's viewer complaints are about. The state (complaints
 * and bursts already stored, by any worker and any earlier batch) comes from the database, inside the batch's
 * transaction and session lock; the decision is the engine's pure `findChatBursts`. Returns alerts stored.
 */
export async function raiseChatBursts(
  tx: Queryable,
  session: { id: string; merchantId: string },
  findings: readonly Finding[],
  options: BurstOptions,
): Promise<number> {
  const complaints = findings.filter((f) => f.kind === 'chat_negative');
  if (complaints.length === 0) return 0;
  const productIds = [...new Set(complaints.map((f) => f.productId))];
  const eventIds = [...new Set(complaints.map((f) => f.eventId))];
  const stored = await listComplaintsAround(tx, session.id, productIds, eventIds, options.windowMs);
  // One complaint per (event, product), even if rule changes left two alerts on it.
  const byKey = new Map(stored.filter((s) => s.kind === 'chat_negative').map((c) => [`${c.eventId}\u0000${c.productId}`, c]));
  const bursts = findChatBursts([...byKey.values()], stored.filter((s) => s.kind === 'chat_burst'), options);
  const alerts: Finding[] = bursts.map((b) => {
    const trigger = byKey.get(`${b.eventId}\u0000${b.productId}`)!;
    const score = Math.max(...b.eventIds.map((id) => byKey.get(`${id}\u0000${b.productId}`)?.score ?? 0));
    return {
      eventId: b.eventId,
      productId: b.productId,
      kind: 'chat_burst',
      rule: BURST_RULE,
      severity: 'high',
      score,
      explanation: {
        ...trigger.explanation,
        burst: { windowSeconds: options.windowMs / 1000, complaints: b.eventIds.length, viewers: b.viewers, eventIds: b.eventIds },
      },
      detectorVersion: trigger.detectorVersion,
    };
  });
  return upsertAlerts(tx, session, alerts);
}
