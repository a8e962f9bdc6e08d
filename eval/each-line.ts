import { onAirAt, placeEvent, type OnAirMark } from '@anchorwatch/engine';
import type { EvalStream } from './stream.ts';

/** A transcript or chat event of a stream, as a visitor sees it. */
export type LineEvent = Extract<EvalStream['events'][number], { text: string }>;

/**
 * Visits every final transcript and chat line of a stream in order with the product on air at its time, by the
 * same `onAirAt` rule the worker and `detectStream` apply.
 */
export function eachLine(stream: EvalStream, visit: (event: LineEvent, onAir: string | null) => void): void {
  const marks: OnAirMark[] = [];
  for (const event of stream.events) {
    if (event.type === 'product_on_air') {
      marks.push({ productRef: event.productId, at: event.at });
      marks.sort((a, b) => a.at - b.at);
      continue;
    }
    if (event.type === 'transcript' && event.final === false) continue;
    visit(event, onAirAt(marks, placeEvent(event, stream.startedAtMs).offsetStart));
  }
}
