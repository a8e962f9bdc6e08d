import type { Alert } from '@anchorwatch/schemas';

// How an alert is read: the alert row joined with the event it is about. Shared by the alert and outbox
// repositories; not part of the package's public surface.
export interface AlertRow {
  id: string;
  session_id: string;
  product_id: string;
  event_id: string;
  event_type: 'transcript' | 'chat';
  text: string;
  speaker: string | null;
  kind: Alert['kind'];
  rule: string;
  severity: Alert['severity'];
  score: number;
  explanation: Alert['explanation'];
  detector_version: string;
  offset_start: number;
  occurred_at: Date;
  received_at: Date;
  created_at: Date;
  status: Alert['status'];
  status_changes: Alert['statusChanges'];
}

export const toAlert = (r: AlertRow): Alert => ({
  id: r.id,
  sessionId: r.session_id,
  productId: r.product_id,
  eventId: r.event_id,
  eventType: r.event_type,
  text: r.text,
  speaker: r.speaker,
  kind: r.kind,
  rule: r.rule,
  severity: r.severity,
  score: r.score,
  explanation: r.explanation,
  detectorVersion: r.detector_version,
  offsetSeconds: r.offset_start,
  occurredAt: r.occurred_at.toISOString(),
  eventReceivedAt: r.received_at.toISOString(),
  createdAt: r.created_at.toISOString(),
  status: r.status,
  statusChanges: r.status_changes,
});

export const alertColumns = `a.id, a.session_id, a.product_id, a.event_id, e.type AS event_type, e.text, e.speaker,
  a.kind, a.rule, a.severity, a.score, a.explanation, a.detector_version, e.offset_start, e.occurred_at,
  e.received_at, a.created_at, a.status,
  (SELECT coalesce(json_agg(json_build_object(
            'from', c.from_status, 'to', c.to_status,
            'at', to_char(c.changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
            'by', json_build_object('keyId', k.id, 'name', k.name), 'reason', c.reason) ORDER BY c.id), '[]'::json)
   FROM alert_status_changes c JOIN api_keys k ON k.id = c.api_key_id WHERE c.alert_id = a.id) AS status_changes`;

export const alertsWithEvents = `alerts a JOIN events e ON e.session_id = a.session_id AND e.event_id = a.event_id`;

export const selectAlerts = `SELECT ${alertColumns} FROM ${alertsWithEvents}`;
