import { assembleClip } from '@anchorwatch/evidence';
import type { Config } from '@anchorwatch/runtime';
import {
  findClipIdByAlert,
  insertClip,
  listConnections,
  listEventsInWindow,
  loadClipSource,
  lockChainHead,
  withTransaction,
  type Pool,
} from '@anchorwatch/store';
import { randomUUID } from 'node:crypto';
import { clipWindow } from '@anchorwatch/evidence';
import { clipDueAt } from './evidence-queue.ts';

export interface FinaliseDeps {
  pool: Pool;
  config: Config;
}

/** What finalising did: made the clip, found it made already, skipped a retracted alert, or must wait until `dueAt`. */
export type FinaliseOutcome =
  | { outcome: 'created' | 'exists'; clipId: string }
  | { outcome: 'skipped'; reason: string }
  | { outcome: 'wait'; dueAt: number };

/**
 * Finalises an alert's clip: reads the window's events and the session's connections, seals the document, and
 * appends it to the merchant's hash chain under the chain lock. Idempotent: an alert has at most one clip.
 * `early` (the session has ended) finalises before the post-roll has passed in real time.
 */
export async function finaliseClip(
  deps: FinaliseDeps,
  job: { merchantId: string; alertId: string },
  options: { early?: boolean; now?: Date } = {},
): Promise<FinaliseOutcome> {
  const { pool, config } = deps;
  return withTransaction(pool, async (tx) => {
    const existing = await findClipIdByAlert(tx, job.alertId);
    if (existing) return { outcome: 'exists', clipId: existing };
    const src = await loadClipSource(tx, job.merchantId, job.alertId);
    if (!src) return { outcome: 'skipped', reason: 'alert not found' };
    if (src.alert.status === 'retracted') return { outcome: 'skipped', reason: 'alert retracted' };
    if (!src.session.startedAt || !src.session.clock) return { outcome: 'skipped', reason: 'session has no clock' };

    const pre = src.contract.preRollSeconds ?? config.EVIDENCE_PRE_ROLL_SECONDS;
    const post = src.contract.postRollSeconds ?? config.EVIDENCE_POST_ROLL_SECONDS;
    const now = options.now ?? new Date();
    const dueAt = clipDueAt(new Date(src.alert.raisedAt), post, config.EVIDENCE_FINALISE_GRACE_MS);
    // An ended session is finalised early by the sweep, which first waits EVIDENCE_SESSION_END_GRACE_MS for queued events.
    if (!options.early && now.getTime() < dueAt) return { outcome: 'wait', dueAt };

    const window = clipWindow({ start: src.trigger.offsetStart, end: src.trigger.offsetEnd }, pre, post);
    const events = await listEventsInWindow(tx, src.session.id, window.start, window.end);
    const connections = await listConnections(tx, src.session.id, config.INGEST_CONNECTION_STALE_MS);
    const head = await lockChainHead(tx, job.merchantId);
    // Another worker may have finalised this alert while we waited for the chain lock.
    const raced = await findClipIdByAlert(tx, job.alertId);
    if (raced) return { outcome: 'exists', clipId: raced };

    const { status: _alertStatus, merchantId: _m, ...alert } = src.alert;
    const { status: _sessionStatus, ...session } = src.session;
    const { preRollSeconds: _p, postRollSeconds: _q, ...contract } = src.contract;
    const sealed = assembleClip({
      clipId: randomUUID(),
      merchantId: job.merchantId,
      alert,
      trigger: src.trigger,
      session: { ...session, startedAt: src.session.startedAt, clock: src.session.clock },
      contract,
      product: src.product,
      preRollSeconds: pre,
      postRollSeconds: post,
      silenceThresholdSeconds: config.EVIDENCE_SILENCE_GAP_SECONDS,
      events,
      connections: connections.map((c) => ({ openedAtMs: c.openedAt.getTime(), closedAtMs: c.closedAt?.getTime() ?? null })),
      finalisedAt: now,
      chain: { seq: (head?.seq ?? 0) + 1, prevHash: head?.hash ?? null },
    });
    await insertClip(tx, sealed.document, sealed.canonical, sealed.hash);
    return { outcome: 'created', clipId: sealed.document.clipId };
  });
}
