-- Up Migration

-- Deny entries: longer words that contain one of a product's names but do not name it (香水柠檬茶 for a perfume
-- called 香水, "Juniper Lane" for a product called Juniper). The longer entry wins; on a tie, the name does.
ALTER TABLE products ADD COLUMN not_mentions text[] NOT NULL DEFAULT '{}';

-- Down Migration
ALTER TABLE products DROP COLUMN not_mentions;
