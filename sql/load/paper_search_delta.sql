-- Brings report_store.paper_search (sql/schema/011_paper_search.sql) up to date for the papers the load
-- touched (dirty_papers: their text, categories, authors or v1 time may have changed) and the papers of
-- the authors whose display name it changed (dirty_authors). Runs in the drain of the load's last batch,
-- before the author store's drain empties both tables, under the load lock. Keys are looked up with
-- = ANY (ARRAY(…)), which PostgreSQL plans as index scans whatever the statistics (see
-- docs/reporting.md, the author store's delta).

-- Touched papers: their words computed again; papers no longer in the warehouse lose their row.
DELETE FROM report_store.paper_search WHERE arxiv_id = ANY (ARRAY(SELECT arxiv_id FROM report_store.dirty_papers));

INSERT INTO report_store.paper_search (arxiv_id, categories, published_at, document, authors)
SELECT p.arxiv_id, coalesce(l.categories, '{}'::text[]), p.published_at, report_store.paper_words(p.title, p.abstract),
       report_store.author_words(coalesce(l.authors, '{}'::text[]))
FROM warehouse.papers p
LEFT JOIN report_store.paper_lists l ON l.arxiv_id = p.arxiv_id
WHERE p.arxiv_id = ANY (ARRAY(SELECT arxiv_id FROM report_store.dirty_papers));

-- The other papers of renamed authors: only their author names changed, so their title and abstract
-- words (the costly part) stay.
UPDATE report_store.paper_search s
SET authors = report_store.author_words(l.authors)
FROM report_store.paper_lists l
WHERE l.arxiv_id = s.arxiv_id
  AND s.arxiv_id = ANY (ARRAY(SELECT pa.arxiv_id FROM warehouse.paper_authors pa
                              WHERE pa.author_key = ANY (ARRAY(SELECT author_key FROM report_store.dirty_authors))
                              EXCEPT
                              SELECT arxiv_id FROM report_store.dirty_papers));
