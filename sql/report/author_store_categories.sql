-- The author store, second form: each author's papers per primary category live in author_stats
-- (category_papers) instead of a table of their own, so a drain writes each changed author once, not
-- once per category plus once for the author (sql/load/author_store_delta.sql). Replaces the table
-- author_categories of sql/report/author_store.sql; the other invariants there still hold, and:
--   * author_stats.category_papers = per primary category of the author's papers, their number
--     (a JSON object of positive integers; categories without papers are absent);
--   * author_stats.top_categories = the (at most) three categories of category_papers with the most
--     papers, ties going to the lower code in byte order.
ALTER TABLE report_store.author_stats ADD COLUMN IF NOT EXISTS category_papers jsonb NOT NULL DEFAULT '{}';
ALTER TABLE report_store.author_stats ALTER COLUMN category_papers DROP DEFAULT;
DROP TABLE IF EXISTS report_store.author_categories;
