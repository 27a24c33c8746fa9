-- Which parsing rules produced each digest's evidence (Etl.Core/Parsing/ParsingRules.cs).
--
-- Invariant: every evidence and rejection row of a digest was derived by the rules of its
-- rules_version. Digests loaded before this column existed were parsed by version 1; the default
-- only backfills them, after which the loader must say which rules it used.
ALTER TABLE warehouse.digests ADD COLUMN rules_version integer NOT NULL DEFAULT 1 CHECK (rules_version >= 1);
ALTER TABLE warehouse.digests ALTER COLUMN rules_version DROP DEFAULT;

COMMENT ON COLUMN warehouse.digests.rules_version IS 'Version of the parsing rules that derived this file''s evidence; etl reparse brings older ones up to date.';
