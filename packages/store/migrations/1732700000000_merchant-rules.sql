-- Up Migration

-- A contract's merchant rules. Every write bumps contracts.rules_version in the same transaction, so workers can
-- tell with one cheap read per batch whether a live session's compiled rules are stale.
CREATE TABLE contract_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  merchant_id uuid NOT NULL REFERENCES merchants(id),
  contract_id uuid NOT NULL REFERENCES contracts(id),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('keyword', 'phrase', 'regex', 'sentiment')),
  terms text[] NOT NULL DEFAULT '{}',
  pattern text,
  threshold double precision CHECK (threshold BETWEEN 0 AND 1),
  severity text NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  scope text NOT NULL CHECK (scope IN ('host', 'chat', 'both')),
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', clock_timestamp()),
  updated_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', clock_timestamp())
);
CREATE INDEX contract_rules_contract ON contract_rules (contract_id, created_at);

ALTER TABLE contracts ADD COLUMN rules_version bigint NOT NULL DEFAULT 0;

-- Chat-burst detection reads a session's recent complaints about one product.
CREATE INDEX alerts_session_product_kind ON alerts (session_id, product_id, kind);

-- Down Migration
DROP INDEX alerts_session_product_kind;
ALTER TABLE contracts DROP COLUMN rules_version;
DROP TABLE contract_rules;
