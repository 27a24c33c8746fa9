-- Issue 12: how many words the parser repaired as mojibake in each digest (Etl.Core Mojibake). The
-- warehouse keeps only the repaired text, so the count is taken while parsing and stored per file;
-- report.data_quality sums it. Digests loaded before this column existed count 0 (unknown: reparse
-- to count them).
ALTER TABLE warehouse.digests ADD COLUMN IF NOT EXISTS mojibake_repairs integer NOT NULL DEFAULT 0 CHECK (mojibake_repairs >= 0);
