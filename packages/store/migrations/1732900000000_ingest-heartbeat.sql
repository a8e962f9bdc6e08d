-- Up Migration

-- An ingest process that dies never records its sockets' close. Each open connection is touched every
-- INGEST_SESSION_RECHECK_MS; readers treat one not seen for INGEST_CONNECTION_STALE_MS as closed when last seen,
-- so evidence never claims a connection that was in fact gone.
ALTER TABLE ingest_connections ADD COLUMN last_seen_at timestamptz;
UPDATE ingest_connections SET last_seen_at = coalesce(closed_at, opened_at);
ALTER TABLE ingest_connections ALTER COLUMN last_seen_at SET NOT NULL;

-- Down Migration
ALTER TABLE ingest_connections DROP COLUMN last_seen_at;
