import type { Finding, IngestEvent, Voice } from '@anchorwatch/schemas';
import { onAirAt, placeEvent, type OnAirMark } from './timeline.ts';
import type { Detector } from './types.ts';

/** Where a stream sits on the clock, and what was on air before these events (a worker's earlier batches). */
export interface StreamOptions {
  startedAtMs: number;
  marks?: readonly OnAirMark[];
  /** The stream's voice after earlier batches (see `DetectContext.voice`); this run's lines are counted in it. */
  voice?: Voice;
}

/** Inserts a mark keeping `marks` sorted by `at`; a later mark at the same second wins, as it arrived last. */
function insertMark(marks: OnAirMark[], mark: OnAirMark): void {
  let i = marks.length;
  while (i > 0 && marks[i - 1]!.at > mark.at) i--;
  marks.splice(i, 0, mark);
}

/**
 * Runs a detector over events in arrival order, tracking the on-air product with `onAirAt` over the marks seen
 * so far and the stream's voice, and returns every finding in order. Partial transcripts (`final: false`) are skipped.
 */
export function detectStream(detector: Detector, events: Iterable<IngestEvent>, options: StreamOptions): Finding[] {
  const marks: OnAirMark[] = [...(options.marks ?? [])].sort((a, b) => a.at - b.at);
  const findings: Finding[] = [];
  const voice = options.voice ?? {};
  for (const event of events) {
    if (event.type === 'product_on_air') {
      insertMark(marks, { productRef: event.productId, at: event.at });
      continue;
    }
    if (event.type === 'transcript' && event.final === false) continue;
    const { offsetStart } = placeEvent(event, options.startedAtMs);
    const speaker = event.type === 'transcript' ? event.speaker : event.user;
    const input = { eventId: event.id, type: event.type, text: event.text, speaker };
    findings.push(...detector.detect(input, { onAirProductId: onAirAt(marks, offsetStart), voice }));
  }
  return findings;
}
