import { z } from 'zod';
import { alertStatus, type AlertActionStatus, type AlertStatus } from './api.ts';
import { findingKind, severity } from './findings.ts';

const id = z.string().uuid();
const timestamp = z.iso.datetime({ offset: true });

/**
 * Where a person may move an alert from each status: open -> acknowledged -> resolved | dismissed (an open alert
 * may also be resolved or dismissed directly). Resolved, dismissed and retracted are final.
 */
export const allowedTransitions: Record<AlertStatus, readonly AlertActionStatus[]> = {
  open: ['acknowledged', 'resolved', 'dismissed'],
  acknowledged: ['resolved', 'dismissed'],
  resolved: [],
  dismissed: [],
  retracted: [],
};

/** Body of POST /v1/alerts/:id/dismiss: why the alert was wrong or not worth acting on. */
export const dismissAlertBody = z.object({ reason: z.string().trim().min(1).max(2000) });
export type DismissAlertBody = z.infer<typeof dismissAlertBody>;

/** One dismissal read back as feedback on the detector: what it flagged, under which rule and version, and why not. */
export const detectorFeedback = z.object({
  alertId: id,
  sessionId: id,
  productId: id,
  rule: z.string(),
  kind: findingKind,
  severity,
  detectorVersion: z.string(),
  text: z.string(),
  reason: z.string(),
  dismissedFrom: alertStatus,
  at: timestamp,
  by: z.object({ keyId: id, name: z.string() }),
});
export const listFeedbackQuery = z.object({
  detectorVersion: z.string().min(1).max(100).optional(),
  rule: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type DetectorFeedback = z.infer<typeof detectorFeedback>;
export type ListFeedbackQuery = z.infer<typeof listFeedbackQuery>;

/** A stored transcript or chat line of a session, as staff read it around an alert. */
export const sessionEvent = z.object({
  eventId: z.string(),
  type: z.enum(['transcript', 'chat']),
  offsetSeconds: z.number(),
  occurredAt: timestamp,
  speaker: z.string().nullable(),
  text: z.string(),
});
/** Lines whose stream offset (seconds) lies in [from, to], oldest first. */
export const sessionEventsQuery = z
  .object({
    from: z.coerce.number().min(0),
    to: z.coerce.number().min(0),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .refine((q) => q.from <= q.to, { message: 'to must not be before from', path: ['to'] });
export type SessionEvent = z.infer<typeof sessionEvent>;
export type SessionEventsQuery = z.infer<typeof sessionEventsQuery>;

/**
 * Query of GET /v1/alerts/feed. `after` is the last feedSeq the client saw (the `Last-Event-ID` header is read too):
 * everything after it is replayed before live events; without it the feed starts now.
 */
export const alertFeedQuery = z.object({
  after: z.string().regex(/^\d{1,19}$/, 'a feedSeq: decimal digits').optional(),
  sessionId: id.optional(),
  productId: id.optional(),
  minSeverity: severity.optional(),
});
export type AlertFeedQuery = z.infer<typeof alertFeedQuery>;
