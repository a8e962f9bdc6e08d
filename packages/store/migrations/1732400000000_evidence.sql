-- Up Migration

-- Per-contract evidence window (seconds of context before/after the triggering line); NULL: the config default.
ALTER TABLE contracts
  ADD COLUMN evidence_pre_roll_seconds integer CHECK (evidence_pre_roll_seconds BETWEEN 0 AND 600),
  ADD COLUMN evidence_post_roll_seconds integer CHECK (evidence_post_roll_seconds BETWEEN 0 AND 600);

-- Every ingest connection of a session (wall clock): the complement is when the stream could not reach us.
CREATE TABLE ingest_connections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id uuid NOT NULL REFERENCES sessions(id),
  merchant_id uuid NOT NULL REFERENCES merchants(id),
  opened_at timestamptz NOT NULL,
  closed_at timestamptz,
  close_code integer
);
CREATE INDEX ingest_connections_session ON ingest_connections (session_id, opened_at);

-- Evidence clips: one per alert, written once. `canonical` holds the exact RFC 8785 text that was hashed.
-- (merchant_id, seq) is the merchant's hash chain; prev_hash is the hash of the clip at seq - 1.
CREATE TABLE evidence_clips (
  id uuid PRIMARY KEY,
  merchant_id uuid NOT NULL REFERENCES merchants(id),
  alert_id uuid NOT NULL UNIQUE REFERENCES alerts(id),
  session_id uuid NOT NULL REFERENCES sessions(id),
  contract_id uuid NOT NULL REFERENCES contracts(id),
  product_id uuid NOT NULL REFERENCES products(id),
  seq bigint NOT NULL CHECK (seq >= 1),
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  prev_hash text CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  canonical text NOT NULL,
  quote text NOT NULL,
  occurred_at timestamptz NOT NULL,
  window_start double precision NOT NULL,
  window_end double precision NOT NULL,
  finalised_at timestamptz NOT NULL,
  UNIQUE (merchant_id, seq),
  CHECK ((seq = 1) = (prev_hash IS NULL))
);
CREATE INDEX evidence_clips_session ON evidence_clips (session_id, window_start);
CREATE INDEX evidence_clips_merchant_time ON evidence_clips (merchant_id, occurred_at);

-- Merkle root over a session's clips (leaves: clip hashes in chain order), recorded once the session has ended.
CREATE TABLE evidence_session_roots (
  session_id uuid PRIMARY KEY REFERENCES sessions(id),
  merchant_id uuid NOT NULL REFERENCES merchants(id),
  root text NOT NULL CHECK (root ~ '^[0-9a-f]{64}$'),
  clip_ids uuid[] NOT NULL,
  leaf_hashes text[] NOT NULL,
  sealed_at timestamptz NOT NULL DEFAULT now()
);

-- Legal holds: while one is active (released_at NULL) on a contract or session, nothing of it is purged.
CREATE TABLE legal_holds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  merchant_id uuid NOT NULL REFERENCES merchants(id),
  contract_id uuid REFERENCES contracts(id),
  session_id uuid REFERENCES sessions(id),
  reason text NOT NULL,
  placed_by uuid NOT NULL REFERENCES api_keys(id),
  placed_at timestamptz NOT NULL DEFAULT now(),
  released_by uuid REFERENCES api_keys(id),
  released_at timestamptz,
  CHECK ((contract_id IS NULL) <> (session_id IS NULL))
);
CREATE INDEX legal_holds_active_contract ON legal_holds (contract_id) WHERE released_at IS NULL;
CREATE INDEX legal_holds_active_session ON legal_holds (session_id) WHERE released_at IS NULL;

-- Who viewed or exported what, when, from where.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  merchant_id uuid NOT NULL REFERENCES merchants(id),
  key_id uuid NOT NULL REFERENCES api_keys(id),
  role text NOT NULL,
  action text NOT NULL,
  target jsonb NOT NULL,
  ip text,
  user_agent text,
  at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX audit_log_merchant ON audit_log (merchant_id, id DESC);

-- Append-only tables: the database refuses UPDATE, DELETE and TRUNCATE whatever the application does.
CREATE FUNCTION anchorwatch_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER evidence_clips_append_only BEFORE UPDATE OR DELETE ON evidence_clips
  FOR EACH ROW EXECUTE FUNCTION anchorwatch_append_only();
CREATE TRIGGER evidence_clips_no_truncate BEFORE TRUNCATE ON evidence_clips
  FOR EACH STATEMENT EXECUTE FUNCTION anchorwatch_append_only();
CREATE TRIGGER evidence_session_roots_append_only BEFORE UPDATE OR DELETE ON evidence_session_roots
  FOR EACH ROW EXECUTE FUNCTION anchorwatch_append_only();
CREATE TRIGGER evidence_session_roots_no_truncate BEFORE TRUNCATE ON evidence_session_roots
  FOR EACH STATEMENT EXECUTE FUNCTION anchorwatch_append_only();
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION anchorwatch_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION anchorwatch_append_only();

-- Down Migration
DROP TABLE audit_log;
DROP TABLE legal_holds;
DROP TABLE evidence_session_roots;
DROP TABLE evidence_clips;
DROP FUNCTION anchorwatch_append_only();
DROP TABLE ingest_connections;
ALTER TABLE contracts DROP COLUMN evidence_pre_roll_seconds, DROP COLUMN evidence_post_roll_seconds;
