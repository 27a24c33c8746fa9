-- Rebuild every derived row from the evidence alone (etl rebuild). Runs after begin_batch.sql, in the
-- same transaction and under the same lock as a load; then the loader stages and applies every paper
-- exactly as it does for the papers a batch touches.
--
-- Invariant: afterwards the warehouse is what loading all stored file contents into an empty
-- database gives, whatever state the derived tables were in before.

-- Spelling counts are derived too: recount them from every entry (formats without authors add nothing).
TRUNCATE warehouse.author_variants;
INSERT INTO warehouse.author_variants (author_key, spelling, entries)
SELECT a.author_key, a.spelling, count(*)
FROM warehouse.evidence e
CROSS JOIN LATERAL unnest(e.author_keys, e.authors) AS a (author_key, spelling)
GROUP BY a.author_key, a.spelling;

-- Papers that somehow lost all their evidence (hand edits) must not survive a rebuild. They count as
-- touched, so the report stores forget them too (refresh_paper_lists.sql and the drain drop the rows of
-- touched papers that are gone).
WITH gone AS (
    DELETE FROM warehouse.papers p WHERE NOT EXISTS (SELECT 1 FROM warehouse.evidence e WHERE e.arxiv_id = p.arxiv_id)
    RETURNING p.arxiv_id
)
INSERT INTO touched_papers (arxiv_id) SELECT arxiv_id FROM gone;
-- Every paper left is touched below, and apply_papers.sql writes its compact_versions again; rows of
-- papers just removed have no key that would cascade (sql/schema/014_load_keys.sql).
TRUNCATE warehouse.compact_versions;

INSERT INTO touched_papers (arxiv_id) SELECT DISTINCT arxiv_id FROM warehouse.evidence;
INSERT INTO touched_authors (author_key) SELECT DISTINCT author_key FROM warehouse.author_variants;

ANALYZE touched_papers;
ANALYZE touched_authors;
