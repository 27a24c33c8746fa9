-- Migration FasterReportStores: the stores behind report.digests and the author store's second form.
--
-- report.digests materialized: counting every digest's papers, and the digest where each paper was first
-- listed, from all of the evidence took 1.6-1.9 s per query at 200,000 papers.
--
-- Invariant: digest_papers holds one row per row of warehouse.digests, with
--   * listed_papers = the distinct papers of its evidence,
--   * new_papers    = the papers whose earliest evidence (lowest digest_id) is in it.
-- A loaded digest's counts never change afterwards: digest ids grow with load order (one loader at a
-- time, under the load lock), so a later digest can neither list a paper earlier nor take a paper's
-- first listing from it. Each batch therefore only adds the rows of its own digests, counted from the
-- evidence its reconciliation reads anyway (src/Etl.Data/Loading/DigestPaperCounts.cs). etl reparse
-- replaces evidence, and with it possibly a paper's first digest: its rebuild recounts every digest
-- (sql/load/digest_papers_full.sql).
CREATE TABLE IF NOT EXISTS report_store.digest_papers (
    digest_id     bigint PRIMARY KEY REFERENCES warehouse.digests ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    listed_papers integer NOT NULL CHECK (listed_papers >= 0),
    new_papers    integer NOT NULL CHECK (new_papers BETWEEN 0 AND listed_papers)
);

-- The author store, second form: each author's papers per primary category live in author_stats
-- (category_papers) instead of a table of their own, so a drain writes each changed author once, not
-- once per category plus once for the author (sql/load/author_store_delta.sql). Replaces the table
-- author_categories of sql/schema/008_author_store.sql; the other invariants there still hold, and:
--   * author_stats.category_papers = per primary category of the author's papers, their number
--     (a JSON object of positive integers; categories without papers are absent);
--   * author_stats.top_categories = the (at most) three categories of category_papers with the most
--     papers, ties going to the lower code in byte order.
ALTER TABLE report_store.author_stats ADD COLUMN IF NOT EXISTS category_papers jsonb NOT NULL DEFAULT '{}';
ALTER TABLE report_store.author_stats ALTER COLUMN category_papers DROP DEFAULT;
DROP TABLE IF EXISTS report_store.author_categories;
