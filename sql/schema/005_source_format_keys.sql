-- Replace the CHECK constraints that spelled out the formats ('detailed', 'compact') by foreign keys to
-- warehouse.source_formats, whose rows the migration has just written. ALTER only: existing warehouses
-- keep every row (each one already names a format of the table).

ALTER TABLE warehouse.digests DROP CONSTRAINT digests_format_check;
ALTER TABLE warehouse.digests
    ADD CONSTRAINT digests_format_fkey FOREIGN KEY (format) REFERENCES warehouse.source_formats;

ALTER TABLE warehouse.evidence DROP CONSTRAINT evidence_format_check;
ALTER TABLE warehouse.evidence
    ADD CONSTRAINT evidence_format_fkey FOREIGN KEY (format) REFERENCES warehouse.source_formats;

-- Which formats name a version is the parsers' rule (detailed entries do; compact and listing entries are
-- placed by their date), so the table only keeps what holds for every format.
ALTER TABLE warehouse.evidence DROP CONSTRAINT evidence_check;
ALTER TABLE warehouse.evidence ADD CONSTRAINT evidence_version_check CHECK (version >= 1);

ALTER TABLE warehouse.paper_versions DROP CONSTRAINT paper_versions_source_check;
ALTER TABLE warehouse.paper_versions
    ADD CONSTRAINT paper_versions_source_fkey FOREIGN KEY (source) REFERENCES warehouse.source_formats;

COMMENT ON COLUMN warehouse.digests.category IS 'The digest''s category; null for formats that span categories (listings).';
COMMENT ON COLUMN warehouse.evidence.version IS 'The version the entry names (detailed); null for entries placed by their date (compact, listing).';
COMMENT ON COLUMN warehouse.author_variants.entries IS 'How many evidence entries (of any format with authors: detailed, listing) used this spelling.';
COMMENT ON TABLE warehouse.compact_versions IS 'Which version each entry that names none (compact and listing entries) speaks for; derived, it can change when later evidence brings timestamps.';
