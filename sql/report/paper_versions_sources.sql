-- Contract view: one row per known version. source is the source format its text came from (a row of
-- warehouse.source_formats: 'detailed', 'listing', 'compact'), or null for a version known only by its
-- timestamp (then title and abstract are null too). The view names no format: a new one needs no change here.
CREATE OR REPLACE VIEW report.paper_versions AS
SELECT v.arxiv_id,
       v.version,
       v.submitted_at,
       v.title,
       v.abstract,
       v.source
FROM warehouse.paper_versions v;

COMMENT ON VIEW report.paper_versions IS 'One row per known version of each paper: its submission time, its own title and abstract, and the source format they came from.';
