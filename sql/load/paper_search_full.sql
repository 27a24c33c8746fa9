-- Recomputes report_store.paper_search (sql/schema/011_paper_search.sql) for every paper: the drain of a
-- load whose dirty papers are a large share of the warehouse (a backfill), of etl rebuild (and so of
-- etl reparse), and the migration that created it. Runs before the author store's drain empties
-- dirty_papers, in the same transaction, under the load lock.
--
-- The index is dropped and built again over the new rows: one sorted build instead of 200,000 inserts
-- through the pending list. It must stay the index of sql/schema/011_paper_search.sql (SearchStoreTests
-- compares the two after a backfill).
--
-- The words are computed first, into a temporary table: CREATE TABLE AS may run its query in parallel
-- (INSERT … SELECT may not), and turning every title and abstract into words is most of this script's
-- time (about 100 µs a paper). The rows then go in by primary category: the papers matching a search
-- within a category lie on few pages (a topic's papers share a category), so its ranking reads a
-- fraction of the pages it would read with rows in load order.
CREATE TEMPORARY TABLE search_rows ON COMMIT DROP AS
SELECT p.arxiv_id, p.primary_category, coalesce(l.categories, '{}'::text[]) AS categories, p.published_at,
       report_store.paper_words(p.title, p.abstract) AS document,
       report_store.author_words(coalesce(k.author_keys, '{}'::text[])) AS authors
FROM warehouse.papers p
LEFT JOIN report_store.paper_lists l ON l.arxiv_id = p.arxiv_id
LEFT JOIN (SELECT arxiv_id, array_agg(author_key ORDER BY position) AS author_keys
           FROM warehouse.paper_authors GROUP BY arxiv_id) k ON k.arxiv_id = p.arxiv_id;

DROP INDEX report_store.paper_search_words;
TRUNCATE report_store.paper_search;

INSERT INTO report_store.paper_search (arxiv_id, categories, published_at, document, authors)
SELECT arxiv_id, categories, published_at, document, authors
FROM search_rows
ORDER BY primary_category COLLATE "C", arxiv_id COLLATE "C";

DROP TABLE search_rows;

SET LOCAL maintenance_work_mem = '256MB';
CREATE INDEX paper_search_words ON report_store.paper_search USING gin (document, authors, categories);
