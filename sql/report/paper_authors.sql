-- One row per author of each paper, in author order: the link between report.papers (arxiv_id) and
-- report.authors (author_key), which report.papers' list of display names cannot give. It is how an
-- author's papers are found fast (docs/reporting.md): by display name through its index
-- (sql/schema/013_report_at_scale.sql), or by author_key, then the papers by arxiv_id. The Parquet
-- export's paper_authors.parquet is this view.
CREATE OR REPLACE VIEW report.paper_authors AS
SELECT pa.arxiv_id,
       report_store.serial_plan(pa.position) AS position,  -- never a parallel plan (sql/schema/015_serial_views.sql)
       pa.author_key,
       a.display_name
FROM warehouse.paper_authors pa
-- LEFT, with the same rows (every link's author exists: its key is checked before any load commits), so a
-- query that reads no display name does not look the authors up (report.papers says how).
LEFT JOIN warehouse.authors a ON a.author_key = pa.author_key;

COMMENT ON VIEW report.paper_authors IS 'One row per author of each paper, in author order: joins report.papers (arxiv_id) with report.authors (author_key).';
COMMENT ON COLUMN report.paper_authors.arxiv_id IS 'arXiv identifier without version (as in report.papers).';
COMMENT ON COLUMN report.paper_authors.position IS 'Position in the paper''s author list, from 1.';
COMMENT ON COLUMN report.paper_authors.author_key IS 'Identity of the person (as in report.authors).';
COMMENT ON COLUMN report.paper_authors.display_name IS 'The person''s display name (as in report.authors and in report.papers.authors).';
