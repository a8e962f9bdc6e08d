-- Up Migration

-- The language of a session's lines: 'auto' lets the engine tell Chinese from English line by line.
ALTER TABLE sessions ADD COLUMN language text NOT NULL DEFAULT 'auto' CHECK (language IN ('auto', 'en', 'zh'));

-- Down Migration
ALTER TABLE sessions DROP COLUMN language;
