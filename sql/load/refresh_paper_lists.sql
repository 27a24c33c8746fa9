-- Keeps report_store.paper_lists current (see sql/schema/006_report_store.sql, 013_report_at_scale.sql)
-- after apply_papers.sql, in the same transaction. Runs for a batch (touched_papers: the batch's papers,
-- staged_versions: their versions; touched_authors: authors of its detailed entries, staged_authors:
-- their display names now; renamed_authors: those whose name apply_papers.sql changed, staged by
-- AuthorNames) and for etl rebuild (every paper).
--
-- A paper's lists change when the paper is touched or when one of its authors' display name changes;
-- a display name can only change for a touched author, so the work is proportional to the batch.

-- Scratch tables: once per session, empty at the start of each transaction (see begin_batch.sql).
SET LOCAL client_min_messages = warning;
CREATE TEMP TABLE IF NOT EXISTS list_papers (arxiv_id text NOT NULL) ON COMMIT DELETE ROWS;

INSERT INTO list_papers (arxiv_id)
SELECT arxiv_id FROM touched_papers
UNION
SELECT pa.arxiv_id FROM warehouse.paper_authors pa WHERE pa.author_key = ANY (ARRAY(SELECT author_key FROM renamed_authors));
ANALYZE list_papers;

-- Rewrite the lists of those papers (papers gone from the warehouse lose theirs too).
DELETE FROM report_store.paper_lists WHERE arxiv_id IN (SELECT arxiv_id FROM list_papers);

INSERT INTO report_store.paper_lists (arxiv_id, authors, categories, primary_category, published_at, revised_at, known_versions)
SELECT p.arxiv_id, coalesce(a.authors, '{}'::text[]), coalesce(c.categories, '{}'::text[]),
       p.primary_category, p.published_at, coalesce(v.revised_at, '{}'::timestamptz[]), coalesce(v.known_versions, 0)
FROM warehouse.papers p
-- The batch's authors were just written from staged_authors (apply_papers.sql), names included: only
-- the other authors of these papers (of a renamed author's other papers, say) are looked up, lazily.
LEFT JOIN (SELECT pa.arxiv_id,
                  array_agg(coalesce(s.display_name,
                                     (SELECT au.display_name FROM warehouse.authors au WHERE au.author_key = pa.author_key))
                            ORDER BY pa.position) AS authors
           FROM warehouse.paper_authors pa
           LEFT JOIN staged_authors s ON s.author_key = pa.author_key
           WHERE pa.arxiv_id IN (SELECT arxiv_id FROM list_papers)
           GROUP BY pa.arxiv_id) a ON a.arxiv_id = p.arxiv_id
LEFT JOIN (SELECT pc.arxiv_id, array_agg(pc.code ORDER BY pc.code COLLATE "C") AS categories
           FROM warehouse.paper_categories pc
           WHERE pc.arxiv_id IN (SELECT arxiv_id FROM list_papers)
           GROUP BY pc.arxiv_id) c ON c.arxiv_id = p.arxiv_id
-- A touched paper's versions are the rows apply_papers.sql has just written from staged_versions, so they
-- are read there: warehouse.paper_versions' rows carry every version's texts, and a batch of a tenth of
-- the papers or more would read them all. Only the other papers (of renamed authors) are looked up there.
-- staged_versions holds touched papers only, all of them in list_papers, so it needs no filter.
LEFT JOIN (SELECT v.arxiv_id, count(*)::integer AS known_versions,
                  array_agg(v.submitted_at ORDER BY v.version) FILTER (WHERE v.version > 1 AND v.submitted_at IS NOT NULL) AS revised_at
           FROM (SELECT sv.arxiv_id, sv.version, sv.submitted_at FROM staged_versions sv
                 UNION ALL
                 SELECT pv.arxiv_id, pv.version, pv.submitted_at
                 FROM warehouse.paper_versions pv
                 WHERE pv.arxiv_id = ANY (ARRAY(SELECT l.arxiv_id FROM list_papers l
                                                WHERE NOT EXISTS (SELECT FROM touched_papers t WHERE t.arxiv_id = l.arxiv_id)))) v
           GROUP BY v.arxiv_id) v ON v.arxiv_id = p.arxiv_id
WHERE p.arxiv_id IN (SELECT arxiv_id FROM list_papers);
