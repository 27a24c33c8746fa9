-- Full-text search of the papers (report.search_papers, sql/report/search_papers.sql): one row per paper
-- with the words it is found by, kept by the loader once per load, in the transaction of its last batch
-- (sql/load/paper_search_delta.sql for the papers it touched; sql/load/paper_search_full.sql when those
-- are a large share of the warehouse: a backfill, etl rebuild).
--
-- The vectors are stored, not computed per query: ranking reads the vector of every match, and computing
-- it from the texts costs ~50-90 µs per paper. They live here rather than on warehouse.papers, so the
-- papers' own rows (and every scan of report.papers) stay narrow, and so a load writes each vector once
-- per load, not once per batch that touches the paper.
--
-- Invariant (whenever dirty_papers is empty, i.e. after every committed load):
-- each paper of warehouse.papers has exactly one row here, equal to what paper_search_full.sql computes
-- for it; when they are not empty, the invariant holds for every other paper.

-- What a paper is found by: title (weight A) and abstract (weight B) with the english configuration
-- (stemmed, stop words dropped), so "transformers" finds "transformer" and a title match ranks first.
CREATE FUNCTION report_store.paper_words(title text, abstract text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, coalesce(abstract, '')), 'B');

-- Author names by their identity keys (warehouse.paper_authors.author_key: NFKD, no accents, lowercase,
-- non-word runs as one space; docs/data-contract.md) with the simple configuration (no stemming, no stop
-- words): "Di He" keeps "he", and "Amélie" and "Amelie" are one name. Keys rather than display names:
-- a load that changes an author's display name (the most frequent spelling) leaves every word of the
-- key as it was, so it never has to rewrite the author's other papers here. Weight A, as a title word: a
-- paper found by its author's name ranks with papers found by their title.
CREATE FUNCTION report_store.author_words(author_keys text[]) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN setweight(to_tsvector('simple'::regconfig, array_to_string(author_keys, ' ')), 'A');

CREATE TABLE report_store.paper_search (
    arxiv_id     text PRIMARY KEY,
    categories   text[] NOT NULL,      -- every category of the paper (report.papers.categories)
    published_at timestamptz,          -- v1 submission, for the since/until bounds
    document     tsvector NOT NULL,    -- paper_words(title, abstract)
    authors      tsvector NOT NULL     -- author_words(author keys in author order)
);

-- One index answers a query's words, its author names and its category together: a search within a
-- category reads only the rows of that category that match. fastupdate (the default) lets a daily load
-- add its ~100 papers to the pending list instead of ~7,000 posting lists; autovacuum merges it.
CREATE INDEX paper_search_words ON report_store.paper_search USING gin (document, authors, categories);

COMMENT ON TABLE report_store.paper_search IS 'What each paper is found by in report.search_papers: its english title and abstract words, its author names, categories and v1 time.';
