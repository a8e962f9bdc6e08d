import { z } from 'zod';
import { receivedEvent } from './events.ts';

/** BullMQ queue that carries ingested events from ingest to the worker. */
export const INGEST_QUEUE = 'ingest-events';

/** One queued batch: events of one session, in the order ingest received them. */
export const ingestBatchJob = z.object({
  merchantId: z.string().uuid(),
  sessionId: z.string().uuid(),
  events: z.array(receivedEvent).min(1),
  /**
   * The batch's place among its session's batches (1, 2, …), as ingest queued them: the worker reads a session's
   * batches in this order, so what one line means never depends on which worker won a race. Absent on jobs queued
   * before sequencing existed; those are read when they come.
   */
  seq: z.number().int().positive().optional(),
});
export type IngestBatchJob = z.infer<typeof ingestBatchJob>;
