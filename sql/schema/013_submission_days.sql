-- report.daily_submissions (sql/report/daily_submissions.sql) counts papers by the day of their v1 and of
-- each later version. Read from warehouse.papers and warehouse.paper_versions, whose rows carry every
-- title and abstract, that aggregate read 2.4 GB at a million papers and took 2.5-4 s; from these narrow
-- columns of report_store.paper_lists (about 210 MB for the same papers) it takes 1.6 s. They are
-- written by sql/load/refresh_paper_lists.sql with the lists, for the same papers.
--
-- Invariant (after every committed batch), besides 006_report_store.sql's: primary_category and
-- published_at equal the paper's in warehouse.papers, and revised_at holds the submitted_at of the paper's
-- versions after v1 that have one, in version order.
ALTER TABLE report_store.paper_lists
    ADD COLUMN primary_category text,
    ADD COLUMN published_at     timestamptz,
    ADD COLUMN revised_at       timestamptz[];

COMMENT ON COLUMN report_store.paper_lists.revised_at IS 'submitted_at of the versions after v1 (those that have one), in version order: report.daily_submissions counts them.';
