-- The report views at a million papers (issue 23): the aggregate views within 2 s, and the per-paper views
-- answering a query by id, by category and month, and by author within 50 ms (report.coauthorships by
-- author: report.coauthorships_of, sql/report/coauthorships_of.sql, through the primary key alone).
--
-- report_store.paper_lists (006_report_store.sql) gains narrow copies of what those queries filter and
-- count by, written by sql/load/refresh_paper_lists.sql with the lists, for the same papers:
-- - report.daily_submissions counts from them instead of reading warehouse.papers and
--   warehouse.paper_versions, whose rows carry every title and abstract: 2.4 GB read at a million
--   papers, 2.5-4 s; from these columns, 1.4-1.5 s;
-- - report.papers takes its primary_category, categories and published_at from here, so a query by
--   category and month reads one month's narrow rows by their index (about 20,000 at a million papers)
--   and only the matching papers' wide rows;
-- - report.revisions takes known_versions from here instead of counting every paper's versions, which a
--   query for a few papers had to do whole.
--
-- Invariant (after every committed batch), besides 006_report_store.sql's: every paper has its row;
-- primary_category and published_at equal the paper's in warehouse.papers; known_versions counts its rows
-- of warehouse.paper_versions, and revised_at holds the submitted_at of those after v1 that have one, in
-- version order.
ALTER TABLE report_store.paper_lists
    ADD COLUMN primary_category text,
    ADD COLUMN published_at     timestamptz,
    ADD COLUMN revised_at       timestamptz[],
    ADD COLUMN known_versions   integer;

COMMENT ON COLUMN report_store.paper_lists.revised_at IS 'submitted_at of the versions after v1 (those that have one), in version order: report.daily_submissions counts them.';

CREATE INDEX paper_lists_published_at ON report_store.paper_lists (published_at);

-- report.paper_authors by display name (the way to find an author's papers: docs/reporting.md).
CREATE INDEX authors_display_name ON warehouse.authors (display_name);
