import type { Catalog, IngestEvent } from '@anchorwatch/schemas';

/** One scored unit: a catalogue, events in the ingest wire format, and the gold negative (event, product) pairs. */
export interface EvalStream {
  catalog: Catalog;
  events: IngestEvent[];
  startedAtMs: number;
  /** Gold pairs as `eventId|productId`. */
  gold: Set<string>;
}

/** A labelled data set: one or many streams, scored together (pooled) and, for sessions, one by one. */
export interface EvalSet {
  name: string;
  /** `en`, `zh`: sessions are pooled per language. */
  language: string;
  /** `session` sets are reported one by one and pooled; `public` sets are reported on their own. */
  kind: 'session' | 'public';
  streams: EvalStream[];
}

/** The key of one (event, product) pair. */
export const pairKey = (eventId: string, productId: string): string => `${eventId}|${productId}`;
