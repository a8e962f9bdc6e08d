-- Up Migration

-- Tenants. Every other row belongs to exactly one merchant and every query is scoped by merchant_id.
CREATE TABLE merchants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- API keys are stored only as SHA-256 of the full key (keys carry 256 bits of entropy, so no slow hash is needed).
CREATE TABLE api_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  merchant_id uuid NOT NULL REFERENCES merchants(id),
  role text NOT NULL CHECK (role IN ('admin', 'staff', 'legal', 'ops')),
  name text NOT NULL,
  prefix text NOT NULL,
  key_hash bytea NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX api_keys_merchant ON api_keys (merchant_id);

CREATE TABLE products (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  merchant_id uuid NOT NULL REFERENCES merchants(id),
  name text NOT NULL,
  aliases text[] NOT NULL DEFAULT '{}',
  sku text,
  brand text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX products_merchant ON products (merchant_id, created_at);

CREATE TABLE contracts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  merchant_id uuid NOT NULL REFERENCES merchants(id),
  creator text NOT NULL,
  starts_at timestamptz,
  ends_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contracts_merchant ON contracts (merchant_id, created_at);

CREATE TABLE contract_products (
  contract_id uuid NOT NULL REFERENCES contracts(id),
  product_id uuid NOT NULL REFERENCES products(id),
  PRIMARY KEY (contract_id, product_id)
);

CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  merchant_id uuid NOT NULL REFERENCES merchants(id),
  contract_id uuid NOT NULL REFERENCES contracts(id),
  platform text,
  title text,
  media_url text,
  -- Wall-clock time of stream second 0: given by the client, or the arrival of the first event.
  started_at timestamptz,
  started_at_source text CHECK (started_at_source IN ('client', 'first_event')),
  ingest_token_hash bytea NOT NULL UNIQUE,
  status text NOT NULL DEFAULT 'live' CHECK (status IN ('live', 'ended')),
  created_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz
);
CREATE INDEX sessions_merchant ON sessions (merchant_id, created_at);

-- Every accepted event, once: (session_id, event_id) makes a resent id a no-op.
CREATE TABLE events (
  session_id uuid NOT NULL REFERENCES sessions(id),
  event_id text NOT NULL,
  merchant_id uuid NOT NULL REFERENCES merchants(id),
  type text NOT NULL CHECK (type IN ('transcript', 'chat', 'product_on_air')),
  -- Stream offsets in seconds; for chat, derived from its wall-clock time and the session's started_at.
  offset_start double precision NOT NULL,
  offset_end double precision NOT NULL,
  occurred_at timestamptz NOT NULL,
  text text,
  speaker text,
  product_ref text,
  received_at timestamptz NOT NULL,
  stored_at timestamptz NOT NULL DEFAULT now(),
  payload jsonb NOT NULL,
  PRIMARY KEY (session_id, event_id)
);
CREATE INDEX events_session_offset ON events (session_id, offset_start);
CREATE INDEX events_on_air ON events (session_id, offset_start) WHERE type = 'product_on_air';

CREATE TABLE alerts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  merchant_id uuid NOT NULL REFERENCES merchants(id),
  session_id uuid NOT NULL REFERENCES sessions(id),
  event_id text NOT NULL,
  product_id uuid NOT NULL REFERENCES products(id),
  kind text NOT NULL,
  rule text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  score double precision NOT NULL,
  explanation jsonb NOT NULL,
  detector_version text NOT NULL,
  status text NOT NULL DEFAULT 'open'
    CHECK (status IN ('open', 'acknowledged', 'resolved', 'dismissed', 'retracted')),
  -- Millisecond precision, as the API prints it, so `since=<createdAt>` never returns the alert it names.
  created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', clock_timestamp()),
  FOREIGN KEY (session_id, event_id) REFERENCES events (session_id, event_id),
  UNIQUE (session_id, event_id, product_id, rule)
);
CREATE INDEX alerts_merchant_created ON alerts (merchant_id, created_at DESC);
CREATE INDEX alerts_session_created ON alerts (session_id, created_at DESC);

-- Down Migration
DROP TABLE alerts;
DROP TABLE events;
DROP TABLE sessions;
DROP TABLE contract_products;
DROP TABLE contracts;
DROP TABLE products;
DROP TABLE api_keys;
DROP TABLE merchants;
