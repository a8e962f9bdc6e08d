import { z } from 'zod';
import { receivedEvent } from './events.ts';

/** BullMQ queue that carries ingested events from ingest to the worker. */
export const INGEST_QUEUE = 'ingest-events';

/** One queued batch: events of one session, in the order ingest received them. */
export const ingestBatchJob = z.object({
  merchantId: z.string().uuid(),
  sessionId: z.string().uuid(),
  events: z.array(receivedEvent).min(1),
});
export type IngestBatchJob = z.infer<typeof ingestBatchJob>;
