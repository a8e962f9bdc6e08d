-- Up Migration

-- The highest ingest batch number of the session the worker has read: it reads a session's batches in order.
ALTER TABLE sessions ADD COLUMN batch_seq bigint NOT NULL DEFAULT 0;

-- Down Migration
ALTER TABLE sessions DROP COLUMN batch_seq;
