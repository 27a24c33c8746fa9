-- Brings report_store.paper_search (sql/schema/011_paper_search.sql) up to date for the papers the load
-- touched (dirty_papers: their text, categories, author list or v1 time may have changed; nothing else
-- can change a paper's words, since author names are indexed by their keys, which a change of display
-- name leaves alone). Runs in the drain of the load's last batch, before the author store's drain
-- empties dirty_papers, under the load lock; papers no longer in the warehouse lose their row. Keys are
-- looked up with = ANY (ARRAY(…)), which PostgreSQL plans as index scans whatever the statistics (see
-- docs/reporting.md, the author store's delta).
DELETE FROM report_store.paper_search WHERE arxiv_id = ANY (ARRAY(SELECT arxiv_id FROM report_store.dirty_papers));

INSERT INTO report_store.paper_search (arxiv_id, categories, published_at, document, authors)
SELECT p.arxiv_id, coalesce(l.categories, '{}'::text[]), p.published_at, report_store.paper_words(p.title, p.abstract),
       report_store.author_words(ARRAY(SELECT pa.author_key FROM warehouse.paper_authors pa WHERE pa.arxiv_id = p.arxiv_id ORDER BY pa.position))
FROM warehouse.papers p
LEFT JOIN report_store.paper_lists l ON l.arxiv_id = p.arxiv_id
WHERE p.arxiv_id = ANY (ARRAY(SELECT arxiv_id FROM report_store.dirty_papers));
