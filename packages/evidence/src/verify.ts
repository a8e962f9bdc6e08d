import { bundleManifest, clipDocument, type BundleManifest, type VerifyReport } from '@anchorwatch/schemas';
import { isCanonical, sha256Hex } from './canonical.ts';
import { merkleRoot, verifyInclusion } from './merkle.ts';

/**
 * Problems found, per clip (null: the bundle as a whole). The first failure reported is the failing clip earliest
 * in the chain; problems of the bundle as a whole come first.
 */
class Findings {
  private readonly byClip = new Map<string | null, string[]>();
  constructor(private readonly seqOf: (clipId: string) => number = () => 0) {}
  add(clipId: string | null, problem: string): void {
    const list = this.byClip.get(clipId) ?? [];
    list.push(problem);
    this.byClip.set(clipId, list);
  }
  report(clipsChecked: number, rootsChecked: number): VerifyReport {
    const failing = [...this.byClip.keys()].sort((x, y) =>
      x === null ? -1 : y === null ? 1 : this.seqOf(x) - this.seqOf(y),
    );
    const first = failing[0];
    return {
      ok: failing.length === 0,
      clipsChecked,
      rootsChecked,
      firstFailure: first === undefined ? null : { clipId: first, problems: this.byClip.get(first)! },
    };
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Checks one clip's bytes against its claimed hash and identity; returns its parsed document when readable. */
function checkClipBytes(
  findings: Findings,
  claim: { clipId: string; hash: string; seq: number; prevHash: string | null; sessionId: string },
  bytes: Uint8Array | string,
): void {
  const id = claim.clipId;
  if (sha256Hex(bytes) !== claim.hash) findings.add(id, `SHA-256 of the clip does not match its recorded hash ${claim.hash}`);
  let text: string;
  try {
    text = typeof bytes === 'string' ? bytes : utf8.decode(bytes);
  } catch {
    findings.add(id, 'clip is not valid UTF-8');
    return;
  }
  if (!isCanonical(text)) findings.add(id, 'clip is not RFC 8785 canonical JSON');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    findings.add(id, 'clip is not JSON');
    return;
  }
  const doc = clipDocument.safeParse(parsed);
  if (!doc.success) {
    findings.add(id, `clip does not match the clip format: ${doc.error.issues[0]?.message ?? 'invalid'}`);
    return;
  }
  if (doc.data.clipId !== id) findings.add(id, `clip names itself ${doc.data.clipId}`);
  if (doc.data.chain.seq !== claim.seq) findings.add(id, `clip says chain position ${doc.data.chain.seq}, recorded ${claim.seq}`);
  if (doc.data.chain.prevHash !== claim.prevHash) findings.add(id, 'clip\'s previous-hash link differs from the chain');
  if (doc.data.session.id !== claim.sessionId) findings.add(id, 'clip belongs to another session than recorded');
}

/** Chain links, in seq order: contiguous positions, each naming the previous one's hash. */
function checkLinks(
  findings: Findings,
  links: readonly { seq: number; hash: string; prevHash: string | null; clipId?: string | null }[],
): void {
  for (let i = 0; i < links.length; i += 1) {
    const link = links[i]!;
    const prev = links[i - 1];
    const who = link.clipId ?? null;
    if (prev && link.seq !== prev.seq + 1) findings.add(who, `chain skips from position ${prev.seq} to ${link.seq}`);
    else if (prev && link.prevHash !== prev.hash) {
      // The later clip recorded the earlier one's hash when it was finalised: the earlier one is what changed.
      findings.add(prev.clipId ?? who, `hash differs from the one clip #${link.seq} recorded as its predecessor`);
    }
    else if (link.seq === 1 && link.prevHash !== null) findings.add(who, 'the first clip of a chain must have no previous hash');
  }
}

/** A stored clip as the database holds it. */
export interface StoredClip {
  clipId: string;
  sessionId: string;
  seq: number;
  hash: string;
  prevHash: string | null;
  canonical: string;
}

/** A stored session Merkle root, the clips it covers in leaf order, and their hashes when it was sealed. */
export interface StoredRoot {
  sessionId: string;
  root: string;
  clipIds: readonly string[];
  leafHashes: readonly string[];
}

/**
 * Re-checks a merchant's stored evidence: every clip's hash recomputed from its canonical text, the chain from
 * position 1 unbroken, and every session root recomputed from the clips it covers.
 */
export function verifyStoredEvidence(clips: readonly StoredClip[], roots: readonly StoredRoot[]): VerifyReport {
  const sorted = [...clips].sort((a, b) => a.seq - b.seq);
  const seqs = new Map(sorted.map((c) => [c.clipId, c.seq]));
  const findings = new Findings((id) => seqs.get(id) ?? 0);
  if (sorted[0] && sorted[0].seq !== 1) findings.add(sorted[0].clipId, 'the chain does not start at position 1');
  for (const clip of sorted) checkClipBytes(findings, clip, clip.canonical);
  checkLinks(findings, sorted);
  const byId = new Map(sorted.map((c) => [c.clipId, c]));
  for (const root of roots) {
    if (root.leafHashes.length !== root.clipIds.length || merkleRoot(root.leafHashes) !== root.root) {
      findings.add(root.clipIds[0] ?? null, `the sealed Merkle root of session ${root.sessionId} does not match its leaves`);
    }
    root.clipIds.forEach((id, i) => {
      const clip = byId.get(id);
      if (!clip) findings.add(id, `clip of session ${root.sessionId}'s Merkle root is missing`);
      else if (clip.hash !== root.leafHashes[i]) findings.add(id, `hash differs from the one sealed in session ${root.sessionId}'s Merkle root`);
    });
  }
  return findings.report(sorted.length, roots.length);
}

/**
 * Verifies an export bundle offline, from its files alone: the manifest, every file hash, every clip's hash
 * and canonical form, the chain links between the exported clips, and each clip's Merkle inclusion proof.
 */
export function verifyBundle(files: ReadonlyMap<string, Uint8Array>): VerifyReport {
  const seqs = new Map<string, number>();
  const findings = new Findings((id) => seqs.get(id) ?? 0);
  const manifestBytes = files.get('manifest.json');
  if (!manifestBytes) {
    findings.add(null, 'manifest.json is missing');
    return findings.report(0, 0);
  }
  let manifest: BundleManifest;
  try {
    const parsed = bundleManifest.safeParse(JSON.parse(utf8.decode(manifestBytes)));
    if (!parsed.success) throw new Error(parsed.error.issues[0]?.message);
    manifest = parsed.data;
  } catch (err) {
    findings.add(null, `manifest.json is unreadable: ${(err as Error).message}`);
    return findings.report(0, 0);
  }
  const chain = [...manifest.chain].sort((a, b) => a.seq - b.seq);
  const linkAt = new Map(chain.map((l) => [l.seq, l]));
  const clips = [...manifest.clips].sort((a, b) => a.seq - b.seq);
  const clipAt = new Map(clips.map((c) => [c.seq, c.clipId]));
  for (const c of clips) seqs.set(c.clipId, c.seq);
  const roots = new Map<string, string>();

  for (const entry of clips) {
    const bytes = files.get(entry.file);
    const link = linkAt.get(entry.seq);
    if (!bytes) {
      findings.add(entry.clipId, `${entry.file} is missing from the bundle`);
      continue;
    }
    if (!link) findings.add(entry.clipId, `the manifest's chain has no position ${entry.seq}`);
    else if (link.hash !== entry.sha256) findings.add(entry.clipId, `the chain records another hash at position ${entry.seq}`);
    checkClipBytes(
      findings,
      { clipId: entry.clipId, hash: entry.sha256, seq: entry.seq, prevHash: link?.prevHash ?? null, sessionId: entry.sessionId },
      bytes,
    );
    if (entry.proof) {
      const p = entry.proof;
      if (p.sessionId !== entry.sessionId) findings.add(entry.clipId, 'inclusion proof names another session');
      if (!verifyInclusion(entry.sha256, p.path, p.root)) findings.add(entry.clipId, 'Merkle inclusion proof does not lead to the session root');
      const known = roots.get(p.sessionId);
      if (known && known !== p.root) findings.add(entry.clipId, `clips of session ${p.sessionId} claim different Merkle roots`);
      roots.set(p.sessionId, p.root);
    }
  }
  checkLinks(findings, chain.map((l) => ({ ...l, clipId: clipAt.get(l.seq) ?? null })));
  for (const [name, hash] of Object.entries(manifest.files)) {
    const bytes = files.get(name);
    if (!bytes) findings.add(null, `${name} is missing from the bundle`);
    else if (sha256Hex(bytes) !== hash) findings.add(null, `${name} does not match its hash in the manifest`);
  }
  return findings.report(clips.length, roots.size);
}
