import type { CoverageGap } from '@anchorwatch/schemas';

/** Seconds rounded to the millisecond, so float noise never reaches a hashed document. */
export const roundSeconds = (s: number): number => Math.round(s * 1000) / 1000;

/** A stretch of stream time, in seconds since stream second 0. */
export interface Span {
  start: number;
  end: number;
}

/** The clip window of a line: pre-roll before its start to post-roll after its end (never before second 0). */
export function clipWindow(trigger: Span, preRollSeconds: number, postRollSeconds: number): Span {
  return { start: roundSeconds(Math.max(0, trigger.start - preRollSeconds)), end: roundSeconds(trigger.end + postRollSeconds) };
}

/** True when an event starting at `offset` belongs to the window (both bounds inclusive). */
export const inWindow = (window: Span, offset: number): boolean => offset >= window.start && offset <= window.end;

/** The parts of `window` that no span covers, in order, longer than `minSeconds`. */
export function uncovered(window: Span, spans: readonly Span[], minSeconds: number): Span[] {
  const sorted = spans
    .map((s) => ({ start: Math.max(s.start, window.start), end: Math.min(s.end, window.end) }))
    .filter((s) => s.end >= s.start)
    .sort((a, b) => a.start - b.start);
  const holes: Span[] = [];
  let cursor = window.start;
  for (const s of sorted) {
    if (s.start > cursor) holes.push({ start: cursor, end: s.start });
    cursor = Math.max(cursor, s.end);
  }
  if (cursor < window.end) holes.push({ start: cursor, end: window.end });
  return holes.filter((h) => h.end - h.start > minSeconds).map((h) => ({ start: roundSeconds(h.start), end: roundSeconds(h.end) }));
}

/** One ingest connection, wall-clock milliseconds; `closedAtMs` null while it is open. */
export interface ConnectionPeriod {
  openedAtMs: number;
  closedAtMs: number | null;
}

export interface CoverageInput {
  window: Span;
  startedAtMs: number;
  /** Connections still open count as up until this moment. */
  asOfMs: number;
  connections: readonly ConnectionPeriod[];
  /** Transcript lines of the window as spans. */
  transcript: readonly Span[];
  silenceThresholdSeconds: number;
}

/**
 * The gaps of a window: every moment no ingest connection was open ('disconnected', however short), and every
 * stretch longer than the silence threshold that no transcript line covers ('no_transcript').
 */
export function coverageGaps(input: CoverageInput): CoverageGap[] {
  const toOffset = (ms: number): number => (ms - input.startedAtMs) / 1000;
  const at = (offset: number): string => new Date(input.startedAtMs + Math.round(offset * 1000)).toISOString();
  const up = input.connections.map((c) => ({ start: toOffset(c.openedAtMs), end: toOffset(c.closedAtMs ?? input.asOfMs) }));
  const gap = (kind: CoverageGap['kind']) => (s: Span): CoverageGap => ({
    kind,
    startOffset: s.start,
    endOffset: s.end,
    startAt: at(s.start),
    endAt: at(s.end),
  });
  return [
    ...uncovered(input.window, up, 0).map(gap('disconnected')),
    ...uncovered(input.window, input.transcript, input.silenceThresholdSeconds).map(gap('no_transcript')),
  ].sort((a, b) => a.startOffset - b.startOffset || a.kind.localeCompare(b.kind));
}

/** The media URL with a Media Fragments `#t=start,end` (seconds) replacing any fragment it had. */
export function mediaFragmentUrl(mediaUrl: string | null, window: Span): string | null {
  if (!mediaUrl) return null;
  const base = mediaUrl.replace(/#.*$/, '');
  return `${base}#t=${roundSeconds(window.start)},${roundSeconds(window.end)}`;
}
