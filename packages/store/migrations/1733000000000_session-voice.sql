-- Up Migration

-- The session's voice: how many of its transcript lines the line model read as each kind of text. The worker reads
-- every line in the kind most of them are, and carries the counts from batch to batch here.
ALTER TABLE sessions ADD COLUMN voice jsonb NOT NULL DEFAULT '{}';

-- Down Migration
ALTER TABLE sessions DROP COLUMN voice;
