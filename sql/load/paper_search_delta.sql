-- Brings report_store.paper_search (sql/schema/011_paper_search.sql) up to date for the papers the load
-- touched (dirty_papers: their text, categories, authors or v1 time may have changed) and the papers of
-- the authors whose display name it changed (dirty_authors). Runs in the drain of the load's last batch,
-- before the author store's drain empties both tables, under the load lock; papers no longer in the
-- warehouse lose their row. Keys are looked up with = ANY (ARRAY(…)), which PostgreSQL plans as index
-- scans whatever the statistics (see docs/reporting.md, the author store's delta).
DELETE FROM report_store.paper_search
WHERE arxiv_id = ANY (ARRAY(SELECT arxiv_id FROM report_store.dirty_papers
                            UNION
                            SELECT pa.arxiv_id FROM warehouse.paper_authors pa
                            WHERE pa.author_key = ANY (ARRAY(SELECT author_key FROM report_store.dirty_authors))));

INSERT INTO report_store.paper_search (arxiv_id, categories, published_at, document, authors)
SELECT p.arxiv_id, coalesce(l.categories, '{}'::text[]), p.published_at, report_store.paper_words(p.title, p.abstract),
       report_store.author_words(coalesce(l.authors, '{}'::text[]))
FROM warehouse.papers p
LEFT JOIN report_store.paper_lists l ON l.arxiv_id = p.arxiv_id
WHERE p.arxiv_id = ANY (ARRAY(SELECT arxiv_id FROM report_store.dirty_papers
                              UNION
                              SELECT pa.arxiv_id FROM warehouse.paper_authors pa
                              WHERE pa.author_key = ANY (ARRAY(SELECT author_key FROM report_store.dirty_authors))));
