-- Contract view: one row per known version. source is 'detailed' or 'compact' (where the text came
-- from), or null for a version known only by its timestamp (then title and abstract are null too).
CREATE OR REPLACE VIEW report.paper_versions AS
SELECT v.arxiv_id,
       v.version,
       v.submitted_at,
       v.title,
       v.abstract,
       v.source
FROM warehouse.paper_versions v;

COMMENT ON VIEW report.paper_versions IS 'One row per known version of each paper: its submission time and its own title and abstract.';
