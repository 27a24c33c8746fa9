-- The author store (migration ReportingPerformance): report.authors and report.coauthorships materialized
-- (their views are sql/report/authors.sql and coauthorships.sql): aggregating the 800,000 author links
-- into 1.5 million coauthor pairs on every query took 17-34 s at 200,000 papers.
--
-- Kept current once per load, not per batch (src/Etl.Data/Reporting/ReportStore.cs): every batch only
-- records the papers it touched in dirty_papers, in its own transaction (so a crash never loses them);
-- the load's last batch then drains them in its own transaction (since 20261126000000_FasterReportStores;
-- before, the drain had a transaction of its own after the last batch), bringing the tables below up to
-- date for those papers, and empties dirty_papers. A drain adjusts the figures by each changed paper's old
-- (paper_author_keys) and new contribution (sql/load/author_store_delta.sql), or, when the dirty papers
-- are a large share of the warehouse (a backfill), recomputes everything once
-- (sql/load/author_store_full.sql). Between the batches of a running load the two views lag behind.
--
-- Invariants (whenever dirty_papers is empty):
--   * paper_author_keys holds, per paper with authors, its distinct author keys (sorted), the UTC day
--     of its v1 and its primary category: exactly what the figures below counted for it;
--   * coauthor_pairs equals, per pair of authors with a joint paper (author_key_a < author_key_b in
--     byte order), the number of papers both sign and their first and last day;
--   * author_categories equals, per author and primary category, the author's papers in it (since
--     20261126000000_FasterReportStores: author_stats.category_papers, sql/schema/009_report_store_digests.sql);
--   * author_stats equals the per-author figures of report.authors (coauthors = pairs of the author);
--   * the display names in author_stats and coauthor_pairs are those of warehouse.authors.
-- When dirty_papers or dirty_authors is not empty, the invariants hold for every paper and author not
-- in them.
--
-- Display names are copied into the stores rather than joined by the views: joining 1.5 million pairs
-- twice with the authors cost more than scanning them (0.7-1 s of a full SELECT at 200,000 papers).
-- A batch that changes display names records those authors in dirty_authors for the drain.
CREATE TABLE IF NOT EXISTS report_store.dirty_papers (
    arxiv_id text PRIMARY KEY
);

CREATE TABLE IF NOT EXISTS report_store.dirty_authors (
    author_key text PRIMARY KEY
);

CREATE TABLE IF NOT EXISTS report_store.paper_author_keys (
    arxiv_id         text PRIMARY KEY,
    author_keys      text[] NOT NULL,  -- distinct, sorted
    day              date,
    primary_category text
);

CREATE TABLE IF NOT EXISTS report_store.coauthor_pairs (
    author_key_a     text NOT NULL,
    display_name_a   text NOT NULL,
    author_key_b     text NOT NULL CHECK (author_key_a COLLATE "C" < author_key_b COLLATE "C"),
    display_name_b   text NOT NULL,
    joint_papers     integer NOT NULL,
    first_joint_date date,
    last_joint_date  date,
    PRIMARY KEY (author_key_a, author_key_b)
);

CREATE TABLE IF NOT EXISTS report_store.author_categories (
    author_key       text NOT NULL,
    primary_category text NOT NULL,
    papers           integer NOT NULL,
    PRIMARY KEY (author_key, primary_category)
);

CREATE TABLE IF NOT EXISTS report_store.author_stats (
    author_key       text PRIMARY KEY,
    display_name     text NOT NULL,
    papers           integer NOT NULL,
    first_paper_date date,
    last_paper_date  date,
    coauthors        integer NOT NULL,
    top_categories   text[] NOT NULL
);
