import type { ClipDocument, ClipEvent } from '@anchorwatch/schemas';
import { canonicalJson, sha256Hex } from './canonical.ts';
import { clipWindow, coverageGaps, inWindow, mediaFragmentUrl, type ConnectionPeriod } from './window.ts';

/** Everything a clip is made from, as read from the database at finalisation. */
export interface ClipSource {
  clipId: string;
  merchantId: string;
  alert: ClipDocument['alert'];
  trigger: ClipEvent;
  session: Omit<ClipDocument['session'], 'mediaFragmentUrl'>;
  contract: ClipDocument['contract'];
  product: ClipDocument['product'];
  preRollSeconds: number;
  postRollSeconds: number;
  silenceThresholdSeconds: number;
  /** Stored events of the session around the window; those outside it are left out here. */
  events: readonly ClipEvent[];
  connections: readonly ConnectionPeriod[];
  finalisedAt: Date;
  chain: ClipDocument['chain'];
}

/** A finalised clip: its document, the canonical text that was hashed, and the hash. */
export interface SealedClip {
  document: ClipDocument;
  canonical: string;
  hash: string;
}

const byStreamOrder = (a: ClipEvent, b: ClipEvent): number =>
  a.offsetStart - b.offsetStart || a.receivedAt.localeCompare(b.receivedAt) || a.eventId.localeCompare(b.eventId);

/** Builds the clip document from its sources (pure) and seals it: RFC 8785 canonical JSON and its SHA-256. */
export function assembleClip(src: ClipSource): SealedClip {
  const window = clipWindow(
    { start: src.trigger.offsetStart, end: src.trigger.offsetEnd },
    src.preRollSeconds,
    src.postRollSeconds,
  );
  const startedAtMs = Date.parse(src.session.startedAt);
  const at = (offset: number): string => new Date(startedAtMs + Math.round(offset * 1000)).toISOString();
  const events = src.events.filter((e) => inWindow(window, e.offsetStart)).sort(byStreamOrder);
  const gaps = coverageGaps({
    window,
    startedAtMs,
    asOfMs: src.finalisedAt.getTime(),
    connections: src.connections,
    transcript: events.filter((e) => e.type === 'transcript').map((e) => ({ start: e.offsetStart, end: e.offsetEnd })),
    silenceThresholdSeconds: src.silenceThresholdSeconds,
  });
  const document: ClipDocument = {
    format: 'anchorwatch-clip/1',
    clipId: src.clipId,
    merchantId: src.merchantId,
    alert: src.alert,
    trigger: src.trigger,
    window: {
      preRollSeconds: src.preRollSeconds,
      postRollSeconds: src.postRollSeconds,
      startOffset: window.start,
      endOffset: window.end,
      startAt: at(window.start),
      endAt: at(window.end),
    },
    session: { ...src.session, mediaFragmentUrl: mediaFragmentUrl(src.session.mediaUrl, window) },
    contract: src.contract,
    product: src.product,
    events,
    coverage: { silenceThresholdSeconds: src.silenceThresholdSeconds, complete: gaps.length === 0, gaps },
    finalisedAt: src.finalisedAt.toISOString(),
    chain: src.chain,
  };
  const canonical = canonicalJson(document);
  return { document, canonical, hash: sha256Hex(canonical) };
}
