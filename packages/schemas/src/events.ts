import { z } from 'zod';

/** Client-chosen event id: unique within a session; a resent id is acknowledged again and not analysed twice. */
export const eventId = z.string().min(1).max(128);

/** Seconds since the stream began (stream second 0 is the session's `startedAt`). */
const streamOffset = z.number().finite().min(0);

/** One speech-to-text chunk of host speech. Partial results (`final: false`) are acknowledged, never analysed. */
export const transcriptEvent = z
  .object({
    type: z.literal('transcript'),
    id: eventId,
    start: streamOffset,
    end: streamOffset,
    text: z.string(),
    speaker: z.string().min(1).max(64).default('host'),
    final: z.boolean().default(true),
  })
  .refine((e) => e.end >= e.start, { message: 'end must not be before start', path: ['end'] });

/** One viewer chat message, stamped with the platform's wall-clock time. */
export const chatEvent = z.object({
  type: z.literal('chat'),
  id: eventId,
  ts: z.iso.datetime({ offset: true }),
  user: z.string().min(1).max(128),
  text: z.string(),
});

/** The host starts showcasing a product; it stays on air until the next one. */
export const productOnAirEvent = z.object({
  type: z.literal('product_on_air'),
  id: eventId,
  productId: z.string().min(1).max(128),
  at: streamOffset,
});

/** Any event a client may send to the ingest socket. */
export const ingestEvent = z.discriminatedUnion('type', [transcriptEvent, chatEvent, productOnAirEvent]);

/** An event as queued by ingest: the client's event plus the moment ingest received it. */
export const receivedEvent = z.intersection(ingestEvent, z.object({ receivedAt: z.iso.datetime() }));

export type TranscriptEvent = z.infer<typeof transcriptEvent>;
export type ChatEvent = z.infer<typeof chatEvent>;
export type ProductOnAirEvent = z.infer<typeof productOnAirEvent>;
export type IngestEvent = z.infer<typeof ingestEvent>;
export type ReceivedEvent = z.infer<typeof receivedEvent>;
/** Events whose text the detector reads. */
export type TextEvent = TranscriptEvent | ChatEvent;
