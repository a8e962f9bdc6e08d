import type { Finding } from '@anchorwatch/schemas';

/** A viewer complaint about one product: a `chat_negative` finding placed on the clock. */
export interface Complaint {
  eventId: string;
  productId: string;
  atMs: number;
  /** Chat user; null when unknown (then each complaint counts as its own viewer). */
  viewer: string | null;
}

/** How many complaints from distinct viewers within how long make a burst. */
export interface BurstOptions {
  windowMs: number;
  minComplaints: number;
}

/** A burst: the complaint that completed it and the complaints in its window. */
export interface Burst {
  productId: string;
  eventId: string;
  atMs: number;
  eventIds: string[];
  viewers: number;
}

/**
 * Finds bursts of viewer complaints: per product, a complaint completes a burst when the window ending at it
 * (`windowMs`, inclusive) holds complaints from at least `minComplaints` distinct viewers. One product raises at
 * most one burst per window: a candidate within `windowMs` of a burst already raised (`raised`, e.g. stored by
 * earlier batches, or found earlier in this scan) is not a new burst. Pure and order-independent: complaints are
 * sorted by time, then event id.
 */
export function findChatBursts(
  complaints: readonly Complaint[],
  raised: readonly { productId: string; atMs: number }[],
  options: BurstOptions,
): Burst[] {
  const minComplaints = Math.max(1, Math.floor(options.minComplaints));
  const byProduct = new Map<string, Complaint[]>();
  for (const c of complaints) {
    const list = byProduct.get(c.productId) ?? [];
    list.push(c);
    byProduct.set(c.productId, list);
  }
  const bursts: Burst[] = [];
  for (const [productId, list] of [...byProduct].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    list.sort((a, b) => a.atMs - b.atMs || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0));
    const taken = raised.filter((r) => r.productId === productId).map((r) => r.atMs);
    let from = 0;
    for (let i = 0; i < list.length; i++) {
      const at = list[i]!.atMs;
      while (list[from]!.atMs < at - options.windowMs) from++;
      if (taken.some((t) => Math.abs(t - at) < options.windowMs)) continue;
      const window = list.slice(from, i + 1);
      const viewers = new Set(window.map((c) => c.viewer ?? `\u0000${c.eventId}`)).size;
      if (viewers < minComplaints) continue;
      bursts.push({ productId, eventId: list[i]!.eventId, atMs: at, eventIds: window.map((c) => c.eventId), viewers });
      taken.push(at);
    }
  }
  return bursts;
}

/** The rule id of every chat-burst finding. */
export const BURST_RULE = 'burst.chat';

/**
 * A burst as a finding: pinned on the complaint that completed it, explained by that complaint's explanation plus
 * the burst (window, complaints, viewers, events), scored as its most negative complaint.
 */
export function burstFinding(
  burst: Burst,
  complaints: ReadonlyMap<string, Pick<Finding, 'score' | 'explanation' | 'detectorVersion'>>,
  options: BurstOptions,
): Finding | null {
  const trigger = complaints.get(burst.eventId);
  if (!trigger) return null;
  const score = Math.max(...burst.eventIds.map((id) => complaints.get(id)?.score ?? 0));
  return {
    eventId: burst.eventId,
    productId: burst.productId,
    kind: 'chat_burst',
    rule: BURST_RULE,
    severity: 'high',
    score,
    explanation: {
      ...trigger.explanation,
      burst: { windowSeconds: options.windowMs / 1000, complaints: burst.eventIds.length, viewers: burst.viewers, eventIds: burst.eventIds },
    },
    detectorVersion: trigger.detectorVersion,
  };
}
