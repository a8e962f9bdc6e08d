-- Up Migration

-- The alert outbox: every change to an alert (raised, retracted, status changed) is written here in the same
-- transaction as the change, so nothing downstream (evidence, webhooks, the live feed) can miss one when a
-- process dies between commit and notification. One dispatcher at a time numbers rows with feed_seq in the order
-- it hands them to the sinks: feed_seq is the live feed's cursor.
CREATE TABLE alert_events (
  seq bigserial PRIMARY KEY,
  merchant_id uuid NOT NULL REFERENCES merchants(id),
  session_id uuid NOT NULL REFERENCES sessions(id),
  alert_id uuid NOT NULL REFERENCES alerts(id),
  kind text NOT NULL CHECK (kind IN ('raised', 'retracted', 'status_changed')),
  recorded_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', clock_timestamp()),
  feed_seq bigint UNIQUE,
  dispatched_at timestamptz
);
CREATE INDEX alert_events_pending ON alert_events (seq) WHERE dispatched_at IS NULL;
CREATE INDEX alert_events_feed ON alert_events (merchant_id, feed_seq) WHERE feed_seq IS NOT NULL;

-- Down Migration
DROP TABLE alert_events;
