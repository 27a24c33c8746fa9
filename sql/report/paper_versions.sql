-- Contract view: one row per known version. source is the source format its text came from (a row of
-- warehouse.source_formats: 'detailed', 'snapshot', 'listing', 'compact'), or null for a version known only by its
-- timestamp (then title and abstract are null too). The view names no format: a new one needs no change here.
CREATE OR REPLACE VIEW report.paper_versions AS
SELECT v.arxiv_id,
       report_store.serial_plan(v.version) AS version,  -- never a parallel plan (sql/schema/015_serial_views.sql)
       v.submitted_at,
       v.title,
       v.abstract,
       v.source
FROM warehouse.paper_versions v;

COMMENT ON VIEW report.paper_versions IS 'One row per known version of each paper: its submission time, its own title and abstract, and the source format they came from.';
COMMENT ON COLUMN report.paper_versions.arxiv_id IS 'arXiv identifier without version.';
COMMENT ON COLUMN report.paper_versions.version IS 'Version number: 1, every version a detailed digest named and every version a snapshot record listed (versions in between are not invented).';
COMMENT ON COLUMN report.paper_versions.submitted_at IS 'When this version was submitted (UTC); null when unknown.';
COMMENT ON COLUMN report.paper_versions.title IS 'This version''s own title; null when no digest showed its text.';
COMMENT ON COLUMN report.paper_versions.abstract IS 'This version''s own abstract; null when no digest showed its text.';
COMMENT ON COLUMN report.paper_versions.source IS 'Format of the entry the text comes from (detailed, snapshot, listing, compact); null when known only by its timestamp.';
