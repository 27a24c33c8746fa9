-- Recomputes report_store.paper_search (sql/schema/011_paper_search.sql) for every paper: the drain of a
-- load whose dirty papers are a large share of the warehouse (a backfill), of etl rebuild (and so of
-- etl reparse), and the migration that created it. Runs before the author store's drain empties
-- dirty_papers, in the same transaction, under the load lock.
--
-- The table is made again rather than emptied and filled: CREATE TABLE AS may run its query in
-- parallel (INSERT … SELECT may not), and turning every title and abstract into words is most of this
-- script's time (about 60 µs of CPU a paper). Writing the rows straight into their table, in their
-- final order, saves writing and sorting them a second time through a scratch table (3 s of 20 at
-- 200,000 papers). The rows go in by primary category: the papers matching a search within a category
-- lie on few pages (a topic's papers share a category), so its ranking reads a fraction of the pages
-- it would read with rows in load order.
--
-- Invariant: the table this script leaves is the one sql/schema/011_paper_search.sql defines (columns,
-- NOT NULLs, key, index, comment). SearchStoreTests compares the two after a backfill. Nothing else
-- depends on the table: report.search_papers reads it through EXECUTE, and no role holds a grant on
-- it. Its key and index are built once over the sorted rows, not row by row.
CREATE TABLE report_store.paper_search_next AS
SELECT p.arxiv_id, coalesce(l.categories, '{}'::text[]) AS categories, p.published_at,
       report_store.paper_words(p.title, p.abstract) AS document,
       report_store.author_words(coalesce(k.author_keys, '{}'::text[])) AS authors
FROM warehouse.papers p
LEFT JOIN report_store.paper_lists l ON l.arxiv_id = p.arxiv_id
LEFT JOIN (SELECT arxiv_id, array_agg(author_key ORDER BY position) AS author_keys
           FROM warehouse.paper_authors GROUP BY arxiv_id) k ON k.arxiv_id = p.arxiv_id
ORDER BY p.primary_category COLLATE "C", p.arxiv_id COLLATE "C";

-- The table's comment is carried over from the schema's table, so it is written in one place.
DO $$
BEGIN
    EXECUTE format('COMMENT ON TABLE report_store.paper_search_next IS %L', obj_description('report_store.paper_search'::regclass, 'pg_class'));
END
$$;
DROP TABLE report_store.paper_search;
ALTER TABLE report_store.paper_search_next RENAME TO paper_search;

-- One scan checks the four NOT NULLs, and the key is built from it.
ALTER TABLE report_store.paper_search
    ALTER arxiv_id SET NOT NULL,
    ALTER categories SET NOT NULL,
    ALTER document SET NOT NULL,
    ALTER authors SET NOT NULL,
    ADD CONSTRAINT paper_search_pkey PRIMARY KEY (arxiv_id);

SET LOCAL maintenance_work_mem = '256MB';
CREATE INDEX paper_search_words ON report_store.paper_search USING gin (document, authors, categories);
