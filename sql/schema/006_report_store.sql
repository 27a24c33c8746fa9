-- The tables behind the materialized parts of the report views (migration ReportingLayer; the views
-- themselves are defined in sql/report and applied after the migrations). Kept current by the loader
-- for the papers a batch touches (sql/load/refresh_paper_lists.sql, sql/load/refresh_paper_quality.sql)
-- and by etl rebuild.
CREATE SCHEMA IF NOT EXISTS report_store;
COMMENT ON SCHEMA report_store IS 'Derived tables kept current by the loader so report views stay fast; not part of the reporting interface (read the report views).';

-- report.papers' expensive columns: each paper's author display names (in author order) and categories
-- (byte order). Without it, aggregating the link tables for every row took 3.3 s at 200,000 papers;
-- with it, report.papers is a one-to-one join on the primary key.
--
-- Invariant (after every committed batch): for every paper, authors and categories equal what
-- aggregating warehouse.paper_authors ⋈ warehouse.authors and warehouse.paper_categories gives.
CREATE TABLE IF NOT EXISTS report_store.paper_lists (
    arxiv_id   text PRIMARY KEY,  -- no foreign key: the refresh deletes and rewrites exactly the rows it must, and report.papers joins from warehouse.papers
    authors    text[] NOT NULL,
    categories text[] NOT NULL
);

-- report.data_quality's per-paper facts that need every evidence text (formats, duplicates, differing
-- versions); aggregating the whole evidence on every query took seconds.
--
-- Invariant (after every committed batch): each paper's row equals what sql/load/refresh_paper_quality.sql
-- computes from all of the paper's evidence.
CREATE TABLE IF NOT EXISTS report_store.paper_quality (
    arxiv_id            text PRIMARY KEY,
    formats             text[] NOT NULL,   -- distinct formats of the paper's entries, sorted
    duplicate_entries   integer NOT NULL,  -- entries beyond the first of the paper in the same file
    conflicting_formats text[] NOT NULL,   -- one element per version on which entries of that format disagree
    differing_formats   text[] NOT NULL    -- one 'a vs b' per version on which formats a and b share no text
);
