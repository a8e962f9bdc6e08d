import { onAirAt, placeEvent, type DetectInput } from '@anchorwatch/engine';
import type { Finding, IngestBatchJob } from '@anchorwatch/schemas';
import {
  alertKey,
  insertEvents,
  listOnAirTimeline,
  listTextEventsBetween,
  lockSessionForBatch,
  markBatchRead,
  recordAlertEvents,
  retractAlertsExcept,
  saveSessionVoice,
  upsertAlerts,
  withTransaction,
  type NewEvent,
  type Pool,
  type StoredTextEvent,
} from '@anchorwatch/store';
import type { BurstOptions } from '@anchorwatch/engine';
import type { DetectorCache } from '../detector-cache.ts';
import { raiseChatBursts } from './chat-bursts.ts';

export interface BatchDeps {
  pool: Pool;
  detectors: DetectorCache;
  /**
   * How long a batch that arrived before its session's previous one waits for it (WORKER_ORDER_WAIT_MS), counted
   * from when ingest received it; after that it is read anyway (its predecessor was lost before it was queued).
   */
  orderWaitMs: number;
  /** Chat-burst detection (CHAT_BURST_*); off when absent. */
  bursts?: BurstOptions;
}

/** A batch whose session's previous batch has not been read yet: retry it shortly (see `BatchDeps.orderWaitMs`). */
export class BatchNotDue extends Error {
  constructor(readonly seq: number, readonly read: number) {
    super(`batch ${seq} waits for batch ${read + 1} of its session`);
    this.name = 'BatchNotDue';
  }
}

export interface BatchResult {
  stored: number;
  analysed: number;
  alerts: number;
  retracted: number;
}

const toText = (e: NewEvent): StoredTextEvent | null =>
  e.event.type === 'product_on_air' || (e.event.type === 'transcript' && !e.event.final)
    ? null
    : {
        eventId: e.event.id,
        type: e.event.type,
        offsetStart: e.offsetStart,
        text: e.event.text,
        speaker: e.event.type === 'transcript' ? e.event.speaker : e.event.user,
      };

/**
 * Stores one batch and analyses what is new, in one transaction holding the session's row lock, so batches of a
 * session never interleave even across workers, and are read in the order ingest queued them (`BatchNotDue`). A `product_on_air` that arrives after lines it precedes
 * re-analyses those lines: alerts that no longer hold are retracted, new ones raised. Every alert change goes to
 * the outbox in the same transaction.
 */
export async function processIngestBatch(deps: BatchDeps, job: IngestBatchJob): Promise<BatchResult> {
  const firstArrival = new Date(Math.min(...job.events.map((e) => Date.parse(e.receivedAt))));
  return withTransaction(deps.pool, async (tx) => {
    const session = await lockSessionForBatch(tx, job.sessionId, firstArrival);
    // Read a session's batches in the order ingest queued them: what a line means (the on-air product, the
    // session's voice) must not depend on which of several workers took the lock first.
    if (job.seq !== undefined) {
      const waiting = job.seq > session.batchSeq + 1 && Date.now() - firstArrival.getTime() < deps.orderWaitMs;
      if (waiting) throw new BatchNotDue(job.seq, session.batchSeq);
      await markBatchRead(tx, session.id, job.seq);
    }
    const startedAtMs = session.startedAt!.getTime();
    const placed: NewEvent[] = job.events.map((event) => {
      const p = placeEvent(event, startedAtMs);
      return { event, offsetStart: p.offsetStart, offsetEnd: p.offsetEnd, occurredAt: new Date(p.occurredAtMs) };
    });
    const inserted = await insertEvents(tx, session, placed);
    const fresh = placed.filter((e) => inserted.has(e.event.id));
    if (fresh.length === 0) return { stored: 0, analysed: 0, alerts: 0, retracted: 0 };

    const timeline = await listOnAirTimeline(tx, session.id);
    const rescan = await linesUnderLateMarks(tx, session.id, fresh, timeline, inserted);
    const newLines = fresh.map(toText).filter((e) => e !== null);
    const lines = [...newLines, ...rescan];

    const { detector, productIds } = await deps.detectors.forSession(tx, session.id);
    const findings: Finding[] = [];
    // New lines are counted in the session's voice; lines read again are read in it without being counted twice.
    const voice = session.voice;
    lines.forEach((line, i) => {
      const onAir = onAirAt(timeline, line.offsetStart);
      const input: DetectInput = { eventId: line.eventId, type: line.type, text: line.text, speaker: line.speaker };
      const context = {
        onAirProductId: onAir && productIds.has(onAir) ? onAir : null,
        language: session.language,
        voice: i < newLines.length ? voice : { ...voice },
      };
      for (const f of detector.detect(input, context)) {
        if (productIds.has(f.productId)) findings.push(f);
      }
    });
    await saveSessionVoice(tx, session.id, voice);
    const raised = await upsertAlerts(tx, session, findings);
    // Bursts read the complaints just stored, so they come after them.
    const bursts = deps.bursts ? await raiseChatBursts(tx, session, findings, deps.bursts) : { findings: [], raised: [] };
    const retracted = await retractAlertsExcept(
      tx,
      session.id,
      rescan.map((e) => e.eventId),
      new Set(findings.map(alertKey)),
    );
    // In this transaction, so a crash after commit cannot lose what evidence, webhooks and the feed must hear of.
    await recordAlertEvents(tx, [
      ...[...raised, ...bursts.raised].map((alertId) => ({ alertId, kind: 'raised' as const })),
      ...retracted.map((alertId) => ({ alertId, kind: 'retracted' as const })),
    ]);
    return {
      stored: fresh.length,
      analysed: lines.length,
      alerts: raised.length + bursts.raised.length,
      retracted: retracted.length,
    };
  });
}

/** Stored lines that fall under an on-air mark stored only now (it arrived after them). */
async function linesUnderLateMarks(
  tx: Parameters<typeof listOnAirTimeline>[0],
  sessionId: string,
  fresh: NewEvent[],
  timeline: { eventId: string; at: number }[],
  inserted: Set<string>,
): Promise<StoredTextEvent[]> {
  const lines = new Map<string, StoredTextEvent>();
  for (const mark of fresh.filter((e) => e.event.type === 'product_on_air')) {
    const index = timeline.findIndex((m) => m.eventId === mark.event.id);
    const next = timeline.slice(index + 1).find((m) => m.at > mark.offsetStart);
    for (const line of await listTextEventsBetween(tx, sessionId, mark.offsetStart, next?.at ?? null)) {
      if (!inserted.has(line.eventId)) lines.set(line.eventId, line);
    }
  }
  return [...lines.values()];
}
