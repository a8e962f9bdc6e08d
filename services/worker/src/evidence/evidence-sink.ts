import type { Config } from '@anchorwatch/runtime';
import type { FinaliseClipJob } from '@anchorwatch/schemas';
import type { Queue } from 'bullmq';
import type { AlertSink } from '../outbox/alert-sink.ts';
import { scheduleClipFinalisation } from './evidence-queue.ts';

/**
 * The outbox sink of evidence clips: every raised alert gets its clip's delayed finalisation job. Idempotent (the
 * job id is the alert id) and quick (one Redis round trip per batch). Retractions need nothing here: a clip not
 * finalised yet is skipped for a retracted alert, and a finalised one is never changed.
 */
export function createEvidenceSink(queue: Queue<FinaliseClipJob | Record<string, never>>, config: Config): AlertSink {
  return {
    name: 'evidence',
    async deliver(events) {
      const raised = events
        .filter((e) => e.kind === 'raised')
        .map((e) => ({ merchantId: e.merchantId, alertId: e.alert.id, raisedAt: new Date(e.alert.createdAt) }));
      await scheduleClipFinalisation(queue, config, raised);
    },
  };
}
