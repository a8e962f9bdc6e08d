-- Up Migration

-- Every move of an alert through open -> acknowledged -> resolved | dismissed: who (API key) and when. A dismissal's
-- reason is the staff's feedback on the detector, kept next to the rule and detector version it judged.
CREATE TABLE alert_status_changes (
  id bigserial PRIMARY KEY,
  merchant_id uuid NOT NULL REFERENCES merchants(id),
  alert_id uuid NOT NULL REFERENCES alerts(id),
  from_status text NOT NULL,
  to_status text NOT NULL CHECK (to_status IN ('acknowledged', 'resolved', 'dismissed')),
  api_key_id uuid NOT NULL REFERENCES api_keys(id),
  reason text,
  changed_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', clock_timestamp())
);
CREATE INDEX alert_status_changes_alert ON alert_status_changes (alert_id, id);
CREATE INDEX alert_status_changes_feedback ON alert_status_changes (merchant_id, changed_at DESC)
  WHERE to_status = 'dismissed';

-- Down Migration
DROP TABLE alert_status_changes;
