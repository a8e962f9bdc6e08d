import { describe, expect, it } from 'vitest';
import { clipWindow, coverageGaps, inWindow, mediaFragmentUrl, uncovered } from './window.ts';

describe('clip window', () => {
  it('spans pre-roll before the line to post-roll after it, never before stream second 0', () => {
    expect(clipWindow({ start: 100, end: 104.5 }, 30, 30)).toEqual({ start: 70, end: 134.5 });
    expect(clipWindow({ start: 10, end: 12 }, 30, 5)).toEqual({ start: 0, end: 17 });
    expect(inWindow({ start: 70, end: 134.5 }, 70)).toBe(true);
    expect(inWindow({ start: 70, end: 134.5 }, 134.5)).toBe(true);
    expect(inWindow({ start: 70, end: 134.5 }, 134.501)).toBe(false);
  });

  it('builds a Media Fragments URL, replacing an existing fragment', () => {
    expect(mediaFragmentUrl('https://v.example/live/1.mp4#old', { start: 70, end: 134.5 })).toBe('https://v.example/live/1.mp4#t=70,134.5');
    expect(mediaFragmentUrl(null, { start: 0, end: 1 })).toBeNull();
  });
});

describe('coverage gaps', () => {
  it('finds the uncovered parts of a window longer than a minimum', () => {
    const holes = uncovered({ start: 0, end: 60 }, [{ start: 5, end: 20 }, { start: 18, end: 30 }, { start: 45, end: 50 }], 10);
    expect(holes).toEqual([{ start: 30, end: 45 }]);
  });

  it('marks every disconnect and every silence over the threshold, with wall-clock times', () => {
    const startedAtMs = Date.parse('2026-11-20T12:00:00.000Z');
    const gaps = coverageGaps({
      window: { start: 0, end: 60 },
      startedAtMs,
      asOfMs: startedAtMs + 120_000,
      // Down from 20 s to 25 s, then open until after the window.
      connections: [
        { openedAtMs: startedAtMs, closedAtMs: startedAtMs + 20_000 },
        { openedAtMs: startedAtMs + 25_000, closedAtMs: null },
      ],
      transcript: [{ start: 0, end: 10 }, { start: 12, end: 20 }, { start: 40, end: 60 }],
      silenceThresholdSeconds: 10,
    });
    expect(gaps).toEqual([
      { kind: 'disconnected', startOffset: 20, endOffset: 25, startAt: '2026-11-20T12:00:20.000Z', endAt: '2026-11-20T12:00:25.000Z' },
      { kind: 'no_transcript', startOffset: 20, endOffset: 40, startAt: '2026-11-20T12:00:20.000Z', endAt: '2026-11-20T12:00:40.000Z' },
    ]);
  });
});
