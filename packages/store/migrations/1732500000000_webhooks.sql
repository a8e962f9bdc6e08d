-- Up Migration

-- Webhook endpoints. The signing secret must stay usable (deliveries are signed with it), so unlike API keys it is
-- stored encrypted (AES-256-GCM, key WEBHOOK_SECRET_KEY), never hashed. During a rotation the previous secret
-- keeps signing until previous_secret_expires_at.
CREATE TABLE webhooks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  merchant_id uuid NOT NULL REFERENCES merchants(id),
  url text NOT NULL,
  format text NOT NULL CHECK (format IN ('standard', 'slack')),
  min_severity text NOT NULL CHECK (min_severity IN ('low', 'medium', 'high', 'critical')),
  product_ids uuid[] NOT NULL DEFAULT '{}',
  session_ids uuid[] NOT NULL DEFAULT '{}',
  mute_windows jsonb NOT NULL DEFAULT '[]',
  description text,
  secret_sealed text NOT NULL,
  previous_secret_sealed text,
  previous_secret_expires_at timestamptz,
  disabled_at timestamptz,
  disabled_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE INDEX webhooks_merchant ON webhooks (merchant_id, created_at) WHERE deleted_at IS NULL;

-- One notification to one endpoint. dedupe_key (the alert, a grouping window, a test) makes a repeated dispatch a
-- no-op; the alert is kept as it was when raised, so every retry and replay sends the same body.
CREATE TABLE webhook_deliveries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  merchant_id uuid NOT NULL REFERENCES merchants(id),
  webhook_id uuid NOT NULL REFERENCES webhooks(id),
  kind text NOT NULL CHECK (kind IN ('alert', 'test')),
  dedupe_key text NOT NULL,
  alert_id uuid REFERENCES alerts(id),
  alert jsonb,
  alert_count integer NOT NULL DEFAULT 1 CHECK (alert_count >= 1),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'dead')),
  created_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz,
  UNIQUE (webhook_id, dedupe_key)
);
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (webhook_id, created_at DESC);

-- The delivery log: every HTTP attempt with its status code (null: no response) and latency.
CREATE TABLE webhook_delivery_attempts (
  delivery_id uuid NOT NULL REFERENCES webhook_deliveries(id),
  attempt integer NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  status_code integer,
  latency_ms integer NOT NULL,
  error text,
  PRIMARY KEY (delivery_id, attempt)
);

-- Down Migration
DROP TABLE webhook_delivery_attempts;
DROP TABLE webhook_deliveries;
DROP TABLE webhooks;
