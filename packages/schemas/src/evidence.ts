import { z } from 'zod';
import { explanation, findingKind, severity } from './findings.ts';

const id = z.string().uuid();
const timestamp = z.iso.datetime({ offset: true });
/** Lower-case hex SHA-256. */
export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** BullMQ queue of evidence jobs: clip finalisation (delayed, jobId = alert id), session sealing and purging. */
export const EVIDENCE_QUEUE = 'evidence';
export const FINALISE_CLIP_JOB = 'finalise-clip';
export const SWEEP_EVIDENCE_JOB = 'sweep-evidence';
export const PURGE_EVENTS_JOB = 'purge-events';

/** Finalise the clip of one alert once its post-roll has passed. */
export const finaliseClipJob = z.object({ merchantId: id, alertId: id });
export type FinaliseClipJob = z.infer<typeof finaliseClipJob>;

/** One stored event inside a clip's window, exactly as ingested. */
export const clipEvent = z.object({
  eventId: z.string(),
  type: z.enum(['transcript', 'chat', 'product_on_air']),
  offsetStart: z.number(),
  offsetEnd: z.number(),
  occurredAt: timestamp,
  receivedAt: timestamp,
  speaker: z.string().nullable(),
  text: z.string().nullable(),
  productRef: z.string().nullable(),
});
export type ClipEvent = z.infer<typeof clipEvent>;

/** A stretch of the window nobody can vouch for: the ingest socket was down, or no transcript arrived. */
export const coverageGap = z.object({
  kind: z.enum(['disconnected', 'no_transcript']),
  startOffset: z.number(),
  endOffset: z.number(),
  startAt: timestamp,
  endAt: timestamp,
});
export type CoverageGap = z.infer<typeof coverageGap>;

/**
 * The evidence clip document: what is hashed (as RFC 8785 canonical JSON) and exported. Its `chain` member links
 * it to the merchant's previous clip, so the hash covers the link.
 */
export const clipDocument = z.object({
  format: z.literal('anchorwatch-clip/1'),
  clipId: id,
  merchantId: id,
  alert: z.object({
    id,
    kind: findingKind,
    rule: z.string(),
    severity,
    score: z.number(),
    explanation,
    detectorVersion: z.string(),
    raisedAt: timestamp,
  }),
  trigger: clipEvent,
  window: z.object({
    preRollSeconds: z.number(),
    postRollSeconds: z.number(),
    startOffset: z.number(),
    endOffset: z.number(),
    startAt: timestamp,
    endAt: timestamp,
  }),
  session: z.object({
    id,
    platform: z.string().nullable(),
    host: z.string(),
    title: z.string().nullable(),
    mediaUrl: z.string().nullable(),
    /** mediaUrl with a Media Fragments `#t=start,end` (seconds) naming the window; null without a mediaUrl. */
    mediaFragmentUrl: z.string().nullable(),
    startedAt: timestamp,
    /** Which clock fixed stream second 0: the client's `startedAt`, or the arrival of the first event. */
    clock: z.enum(['client', 'first_event']),
  }),
  contract: z.object({ id, creator: z.string(), startsAt: timestamp.nullable(), endsAt: timestamp.nullable() }),
  product: z.object({ id, name: z.string(), brand: z.string().nullable(), sku: z.string().nullable() }),
  events: z.array(clipEvent),
  coverage: z.object({
    silenceThresholdSeconds: z.number(),
    complete: z.boolean(),
    gaps: z.array(coverageGap),
  }),
  finalisedAt: timestamp,
  chain: z.object({ seq: z.number().int().min(1), prevHash: sha256Hex.nullable() }),
});
export type ClipDocument = z.infer<typeof clipDocument>;

/** One step of a Merkle inclusion path: the sibling hash and which side it sits on. */
export const proofStep = z.object({ side: z.enum(['left', 'right']), hash: sha256Hex });
export const inclusionProof = z.object({
  sessionId: id,
  root: sha256Hex,
  leafIndex: z.number().int().min(0),
  leafCount: z.number().int().min(1),
  path: z.array(proofStep),
});
export type ProofStep = z.infer<typeof proofStep>;
export type InclusionProof = z.infer<typeof inclusionProof>;

/** A clip as the API lists it. */
export const evidenceSummary = z.object({
  id,
  alertId: id,
  sessionId: id,
  contractId: id,
  productId: id,
  seq: z.number().int(),
  hash: sha256Hex,
  prevHash: sha256Hex.nullable(),
  quote: z.string(),
  occurredAt: timestamp,
  finalisedAt: timestamp,
});
export const evidenceDetail = evidenceSummary.extend({
  /** The exact canonical bytes that were hashed (RFC 8785), as text. */
  canonical: z.string(),
  document: clipDocument,
  proof: inclusionProof.nullable(),
});
export type EvidenceSummary = z.infer<typeof evidenceSummary>;
export type EvidenceDetail = z.infer<typeof evidenceDetail>;

export const evidenceQuery = z.object({
  contractId: id.optional(),
  sessionId: id.optional(),
  productId: id.optional(),
  alertId: id.optional(),
  /** Trigger utterance's wall-clock time, inclusive bounds. */
  from: timestamp.optional(),
  to: timestamp.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type EvidenceQuery = z.infer<typeof evidenceQuery>;

/** The result of re-checking stored clips: every hash recomputed, every chain link and Merkle root compared. */
export const verifyReport = z.object({
  ok: z.boolean(),
  clipsChecked: z.number().int(),
  rootsChecked: z.number().int(),
  firstFailure: z.object({ clipId: z.string().nullable(), problems: z.array(z.string()) }).nullable(),
});
export type VerifyReport = z.infer<typeof verifyReport>;

/** manifest.json of an export bundle: everything `anchorwatch evidence verify` needs, offline. */
export const bundleManifest = z.object({
  format: z.literal('anchorwatch-evidence-bundle/1'),
  generatedAt: timestamp,
  merchantId: id,
  filters: z.record(z.string(), z.string()),
  clips: z.array(
    z.object({ clipId: id, file: z.string(), sha256: sha256Hex, seq: z.number().int(), sessionId: id, proof: inclusionProof.nullable() }),
  ),
  /** Every link of the merchant's chain from the first exported clip to the last (hashes only for the others). */
  chain: z.array(z.object({ seq: z.number().int(), hash: sha256Hex, prevHash: sha256Hex.nullable() })),
  /** SHA-256 of the other files of the bundle (reports). */
  files: z.record(z.string(), sha256Hex),
});
export type BundleManifest = z.infer<typeof bundleManifest>;

// Legal holds
export const createLegalHoldBody = z
  .object({ contractId: id.optional(), sessionId: id.optional(), reason: z.string().min(1).max(1000) })
  .refine((b) => (b.contractId ? 1 : 0) + (b.sessionId ? 1 : 0) === 1, {
    message: 'name exactly one of contractId or sessionId',
    path: ['contractId'],
  });
export const legalHold = z.object({
  id,
  contractId: id.nullable(),
  sessionId: id.nullable(),
  reason: z.string(),
  placedAt: timestamp,
  releasedAt: timestamp.nullable(),
});
export type CreateLegalHoldBody = z.infer<typeof createLegalHoldBody>;
export type LegalHold = z.infer<typeof legalHold>;

// Audit log
export const auditEntry = z.object({
  id: z.string(),
  at: timestamp,
  keyId: id,
  role: z.string(),
  action: z.string(),
  target: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export const auditQuery = z.object({
  action: z.string().optional(),
  before: z.string().regex(/^\d+$/).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type AuditEntry = z.infer<typeof auditEntry>;
export type AuditQuery = z.infer<typeof auditQuery>;
