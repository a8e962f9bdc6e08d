import type { IngestEvent } from '@anchorwatch/schemas';

/** Where an event sits on the session's clock: stream offsets (seconds) and wall-clock time (ms since epoch). */
export interface Placement {
  offsetStart: number;
  offsetEnd: number;
  occurredAtMs: number;
}

/**
 * Places an event on the session clock whose second 0 is `startedAtMs`: transcript and on-air offsets map to
 * wall-clock time, chat wall-clock time maps to an offset. Pure: the clock is an argument.
 */
export function placeEvent(event: IngestEvent, startedAtMs: number): Placement {
  switch (event.type) {
    case 'transcript':
      return { offsetStart: event.start, offsetEnd: event.end, occurredAtMs: startedAtMs + event.start * 1000 };
    case 'product_on_air':
      return { offsetStart: event.at, offsetEnd: event.at, occurredAtMs: startedAtMs + event.at * 1000 };
    case 'chat': {
      const occurredAtMs = Date.parse(event.ts);
      const offset = (occurredAtMs - startedAtMs) / 1000;
      return { offsetStart: offset, offsetEnd: offset, occurredAtMs };
    }
  }
}

/** A product going on air at a stream offset. */
export interface OnAirMark {
  productRef: string;
  at: number;
}

/**
 * The product on air at `offset`: the latest mark at or before it (marks sorted by `at`), or null before the
 * first. A product stays on air until the next mark.
 */
export function onAirAt(marks: readonly OnAirMark[], offset: number): string | null {
  let lo = 0;
  let hi = marks.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (marks[mid]!.at <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? null : marks[found]!.productRef;
}
