-- Per paper: how it was revised. Texts are compared exactly (they are normalized when loaded); a
-- comparison is null when either text is unknown.
CREATE OR REPLACE VIEW report.revisions AS
SELECT p.arxiv_id,
       report_store.serial_plan(p.latest_version) AS latest_version,  -- never a parallel plan (sql/schema/015_serial_views.sql)
       k.known_versions,
       p.published_at AS first_submitted_at,
       p.updated_at AS last_submitted_at,
       round((extract(epoch FROM p.updated_at - p.published_at) / 86400)::numeric, 2) AS days_v1_to_latest,
       CASE WHEN v1.title IS NOT NULL AND vl.title IS NOT NULL THEN v1.title <> vl.title END AS title_changed,
       CASE WHEN v1.abstract IS NOT NULL AND vl.abstract IS NOT NULL THEN v1.abstract <> vl.abstract END AS abstract_changed
FROM warehouse.papers p
-- known_versions as report_store.paper_lists counts it (sql/schema/013_report_at_scale.sql): counting
-- every paper's versions here made a query for a few papers count them all. LEFT, with the same rows
-- (each paper has its row of lists), so a query that does not read known_versions skips it.
LEFT JOIN report_store.paper_lists k ON k.arxiv_id = p.arxiv_id
JOIN warehouse.paper_versions v1 ON v1.arxiv_id = p.arxiv_id AND v1.version = 1
JOIN warehouse.paper_versions vl ON vl.arxiv_id = p.arxiv_id AND vl.version = p.latest_version;

COMMENT ON VIEW report.revisions IS 'Per paper: versions known, first and last submission, days from v1 to the latest version, and whether title and abstract changed between v1 and the latest version.';
COMMENT ON COLUMN report.revisions.arxiv_id IS 'arXiv identifier without version.';
COMMENT ON COLUMN report.revisions.latest_version IS 'Highest version number known.';
COMMENT ON COLUMN report.revisions.known_versions IS 'How many versions are known (versions no digest named are not counted: v1 and v3 known gives 2).';
COMMENT ON COLUMN report.revisions.first_submitted_at IS 'Submission time of v1 (UTC); null when unknown.';
COMMENT ON COLUMN report.revisions.last_submitted_at IS 'Submission time of the latest version (UTC); null when unknown.';
COMMENT ON COLUMN report.revisions.days_v1_to_latest IS 'Days (2 decimals) from v1 to the latest version; 0 for single-version papers; null when a time is unknown.';
COMMENT ON COLUMN report.revisions.title_changed IS 'Whether the latest version''s title differs from v1''s; null when either is unknown.';
COMMENT ON COLUMN report.revisions.abstract_changed IS 'Whether the latest version''s abstract differs from v1''s; null when either is unknown.';
