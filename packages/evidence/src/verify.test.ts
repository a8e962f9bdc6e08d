import { describe, expect, it } from 'vitest';
import { clipDocument, type ClipDocument } from '@anchorwatch/schemas';
import { assembleClip, type ClipSource } from './assemble-clip.ts';
import { canonicalJson, isCanonical, sha256Hex } from './canonical.ts';
import { merkleRoot } from './merkle.ts';
import { verifyStoredEvidence, type StoredClip } from './verify.ts';

const ids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];
const uuid = (n: number): string => `${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`;

function source(clipId: string, seq: number, prevHash: string | null): ClipSource {
  const ev = (id: string, start: number, text: string) => ({
    eventId: id,
    type: 'transcript' as const,
    offsetStart: start,
    offsetEnd: start + 2,
    occurredAt: new Date(Date.parse('2026-11-20T12:00:00Z') + start * 1000).toISOString(),
    receivedAt: '2026-11-20T12:10:00.000Z',
    speaker: 'host',
    text,
    productRef: null,
  });
  const trigger = ev('t2', 40, 'the serum gave me a rash');
  return {
    clipId,
    merchantId: uuid(1),
    alert: {
      id: uuid(10 + seq),
      kind: 'host_negative',
      rule: 'negative-v1',
      severity: 'high',
      score: 0.8,
      explanation: { clause: 'the serum gave me a rash', product: { via: 'name', text: 'serum', start: 4, end: 9 }, cues: [], negated: [] },
      detectorVersion: 'engine-1',
      raisedAt: '2026-11-20T12:00:41.000Z',
    },
    trigger,
    session: { id: uuid(2), platform: 'tiktok', host: 'Maddie', title: '测试 live', mediaUrl: 'https://v.example/1.mp4', startedAt: '2026-11-20T12:00:00.000Z', clock: 'client' },
    contract: { id: uuid(3), creator: 'Maddie', startsAt: null, endsAt: null },
    product: { id: uuid(4), name: 'GlowLab Serum', brand: null, sku: null },
    preRollSeconds: 30,
    postRollSeconds: 30,
    silenceThresholdSeconds: 10,
    events: [ev('t0', 5, 'too early'), ev('t1', 15, 'before'), trigger, ev('t3', 60, 'after'), ev('t4', 73, 'too late')],
    connections: [{ openedAtMs: Date.parse('2026-11-20T11:59:00Z'), closedAtMs: null }],
    finalisedAt: new Date('2026-11-20T12:01:30.000Z'),
    chain: { seq, prevHash },
  };
}

function chainOf(n: number): StoredClip[] {
  const clips: StoredClip[] = [];
  for (let i = 0; i < n; i += 1) {
    const sealed = assembleClip(source(ids[i]!, i + 1, clips[i - 1]?.hash ?? null));
    clips.push({ clipId: ids[i]!, sessionId: uuid(2), seq: i + 1, hash: sealed.hash, prevHash: sealed.document.chain.prevHash, canonical: sealed.canonical });
  }
  return clips;
}

describe('assembleClip', () => {
  it('keeps exactly the events in the window, in canonical form that the schema accepts', () => {
    const sealed = assembleClip(source(ids[0]!, 1, null));
    expect(sealed.document.events.map((e) => e.eventId)).toEqual(['t1', 't2', 't3']);
    expect(sealed.document.window).toMatchObject({ startOffset: 10, endOffset: 72 });
    expect(sealed.document.session.mediaFragmentUrl).toBe('https://v.example/1.mp4#t=10,72');
    expect(isCanonical(sealed.canonical)).toBe(true);
    expect(clipDocument.parse(JSON.parse(sealed.canonical))).toEqual(sealed.document);
    // Gaps between transcript lines over 10 s are marked: 17–40 s and 42–60 s.
    expect(sealed.document.coverage.gaps.map((g) => [g.kind, g.startOffset, g.endOffset])).toEqual([
      ['no_transcript', 17, 40],
      ['no_transcript', 42, 60],
    ]);
  });

  it('canonicalises key order and numbers per RFC 8785', () => {
    expect(canonicalJson({ b: 1e21, a: [1.0, 'x', { d: null, c: 0.000001 }] })).toBe('{"a":[1,"x",{"c":0.000001,"d":null}],"b":1e+21}');
  });
});

describe('verifyStoredEvidence', () => {
  it('accepts an intact chain and its session root', () => {
    const clips = chainOf(3);
    const hashes = clips.map((c) => c.hash);
    const report = verifyStoredEvidence(clips, [{ sessionId: uuid(2), root: merkleRoot(hashes), clipIds: ids, leafHashes: hashes }]);
    expect(report).toEqual({ ok: true, clipsChecked: 3, rootsChecked: 1, firstFailure: null });
  });

  it('names the clip whose text was changed, and still names it when its hash column was recomputed', () => {
    const clips = chainOf(3);
    const hashes = clips.map((c) => c.hash);
    const doc = JSON.parse(clips[1]!.canonical) as ClipDocument;
    doc.trigger.text = 'the serum is fine';
    const forged = canonicalJson(doc);
    const edited = clips.map((c, i) => (i === 1 ? { ...c, canonical: forged } : c));
    expect(verifyStoredEvidence(edited, []).firstFailure?.clipId).toBe(ids[1]);
    const rehashed = clips.map((c, i) => (i === 1 ? { ...c, canonical: forged, hash: sha256Hex(forged) } : c));
    expect(verifyStoredEvidence(rehashed, []).firstFailure?.clipId).toBe(ids[1]);
    // The last clip has no successor to betray it: the session's sealed root does.
    const lastForged = canonicalJson({ ...(JSON.parse(clips[2]!.canonical) as ClipDocument), finalisedAt: '2026-11-21T00:00:00.000Z' });
    const lastRehashed = clips.map((c, i) => (i === 2 ? { ...c, canonical: lastForged, hash: sha256Hex(lastForged) } : c));
    expect(verifyStoredEvidence(lastRehashed, []).ok).toBe(true);
    const sealed = [{ sessionId: uuid(2), root: merkleRoot(hashes), clipIds: ids, leafHashes: hashes }];
    expect(verifyStoredEvidence(lastRehashed, sealed).firstFailure?.clipId).toBe(ids[2]);
  });

  it('detects a broken link and a wrong root', () => {
    const clips = chainOf(3);
    const relinked = clips.map((c, i) => (i === 2 ? { ...c, prevHash: clips[0]!.hash } : c));
    expect(verifyStoredEvidence(relinked, []).ok).toBe(false);
    const hashes = clips.map((c) => c.hash);
    const report = verifyStoredEvidence(clips, [{ sessionId: uuid(2), root: merkleRoot([clips[0]!.hash]), clipIds: ids, leafHashes: hashes }]);
    expect(report.ok).toBe(false);
    expect(report.firstFailure?.problems.join(' ')).toMatch(/Merkle root/);
  });
});
