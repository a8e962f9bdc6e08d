import { z } from 'zod';
import { explanation, findingKind, severity } from './findings.ts';

const id = z.string().uuid();
const timestamp = z.iso.datetime({ offset: true });

export const role = z.enum(['admin', 'staff', 'legal', 'ops']);
export type Role = z.infer<typeof role>;

export const idParams = z.object({ id });

// Keys
export const createKeyBody = z.object({ role, name: z.string().min(1).max(200) });
export const apiKey = z.object({ id, role, name: z.string(), prefix: z.string(), createdAt: timestamp });
export const createdKey = apiKey.extend({ key: z.string() });
export type ApiKey = z.infer<typeof apiKey>;

// Products
export const createProductBody = z.object({
  name: z.string().min(1).max(300),
  aliases: z.array(z.string().min(1).max(200)).max(50).default([]),
  sku: z.string().min(1).max(100).optional(),
  brand: z.string().min(1).max(200).optional(),
  /** Words that contain the product's names without naming it (see the catalogue's `notMentions`). */
  notMentions: z.array(z.string().min(1).max(200)).max(50).default([]),
});
export const product = z.object({
  id,
  name: z.string(),
  aliases: z.array(z.string()),
  notMentions: z.array(z.string()),
  sku: z.string().nullable(),
  brand: z.string().nullable(),
  createdAt: timestamp,
});
// Input type: callers inside the product (tests, the demo) may leave defaulted fields out.
export type CreateProductBody = z.input<typeof createProductBody>;
export type Product = z.infer<typeof product>;

// Contracts
const evidenceRoll = z.number().int().min(0).max(600);
export const createContractBody = z
  .object({
    creator: z.string().min(1).max(200),
    productIds: z.array(id).min(1).max(1000),
    startsAt: timestamp.optional(),
    endsAt: timestamp.optional(),
    /** Seconds of context an evidence clip keeps before/after the triggering line (default: config). */
    evidencePreRollSeconds: evidenceRoll.optional(),
    evidencePostRollSeconds: evidenceRoll.optional(),
  })
  .refine((c) => !c.startsAt || !c.endsAt || c.startsAt <= c.endsAt, {
    message: 'endsAt must not be before startsAt',
    path: ['endsAt'],
  });
export const contract = z.object({
  id,
  creator: z.string(),
  productIds: z.array(id),
  startsAt: timestamp.nullable(),
  endsAt: timestamp.nullable(),
  createdAt: timestamp,
  evidencePreRollSeconds: z.number().nullable(),
  evidencePostRollSeconds: z.number().nullable(),
});
export type CreateContractBody = z.infer<typeof createContractBody>;
export type Contract = z.infer<typeof contract>;

// Sessions
export const sessionStatus = z.enum(['live', 'ended']);
/** The language of a session's lines; 'auto' detects each line's (Chinese when it holds Chinese characters). */
export const sessionLanguage = z.enum(['auto', 'en', 'zh']);
export type SessionLanguage = z.infer<typeof sessionLanguage>;
export const createSessionBody = z.object({
  contractId: id,
  platform: z.string().min(1).max(100).optional(),
  title: z.string().min(1).max(500).optional(),
  mediaUrl: z.url().max(2000).optional(),
  startedAt: timestamp.optional(),
  /** Defaults to 'auto'. */
  language: sessionLanguage.optional(),
});
export const session = z.object({
  id,
  contractId: id,
  platform: z.string().nullable(),
  title: z.string().nullable(),
  mediaUrl: z.string().nullable(),
  /** Wall-clock time of stream second 0; null until given or until the first event arrives. */
  startedAt: timestamp.nullable(),
  startedAtSource: z.enum(['client', 'first_event']).nullable(),
  status: sessionStatus,
  createdAt: timestamp,
  endedAt: timestamp.nullable(),
  language: sessionLanguage,
});
export const createdSession = session.extend({ ingestToken: z.string(), ingestUrl: z.string() });
export type CreateSessionBody = z.infer<typeof createSessionBody>;
export type Session = z.infer<typeof session>;

// Alerts
export const alertStatus = z.enum(['open', 'acknowledged', 'resolved', 'dismissed', 'retracted']);
/** The statuses a person can move an alert to (retraction is the engine's). */
export const alertActionStatus = z.enum(['acknowledged', 'resolved', 'dismissed']);
/** One move of an alert through its lifecycle: who (API key) and when; a dismissal carries its reason. */
export const alertStatusChange = z.object({
  from: alertStatus,
  to: alertActionStatus,
  at: timestamp,
  by: z.object({ keyId: id, name: z.string() }),
  reason: z.string().nullable(),
});
export type AlertStatus = z.infer<typeof alertStatus>;
export type AlertActionStatus = z.infer<typeof alertActionStatus>;
export type AlertStatusChange = z.infer<typeof alertStatusChange>;
export const alert = z.object({
  id,
  sessionId: id,
  productId: id,
  eventId: z.string(),
  eventType: z.enum(['transcript', 'chat']),
  text: z.string(),
  speaker: z.string().nullable(),
  kind: findingKind,
  rule: z.string(),
  severity,
  score: z.number(),
  explanation,
  detectorVersion: z.string(),
  /** Seconds since stream start. */
  offsetSeconds: z.number(),
  /** Wall-clock time of the utterance. */
  occurredAt: timestamp,
  eventReceivedAt: timestamp,
  createdAt: timestamp,
  status: alertStatus,
  /** The lifecycle so far, oldest first (empty while open). */
  statusChanges: z.array(alertStatusChange),
});
export const listAlertsQuery = z.object({
  sessionId: id.optional(),
  productId: id.optional(),
  since: timestamp.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type Alert = z.infer<typeof alert>;
export type ListAlertsQuery = z.infer<typeof listAlertsQuery>;

// Health
export const health = z.object({ status: z.enum(['ok', 'unavailable']), checks: z.record(z.string(), z.boolean()) });
