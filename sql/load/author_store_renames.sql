-- The part of the author store's drain for authors whose display name changed (dirty_authors), after
-- author_store_delta.sql in the same transaction: the names copied into the store follow. Runs only
-- when dirty_authors is not empty (ReportStore.DrainAsync), and empties it.
SET LOCAL client_min_messages = warning;
CREATE TEMP TABLE IF NOT EXISTS renamed (author_key text NOT NULL, display_name text NOT NULL) ON COMMIT DELETE ROWS;

INSERT INTO renamed (author_key, display_name)
SELECT a.author_key, a.display_name
FROM warehouse.authors a
WHERE a.author_key = ANY (ARRAY(SELECT author_key FROM report_store.dirty_authors));
DELETE FROM report_store.dirty_authors;

UPDATE report_store.author_stats s
SET display_name = r.display_name
FROM renamed r
WHERE s.author_key = ANY (ARRAY(SELECT author_key FROM renamed))
  AND s.author_key = r.author_key AND s.display_name <> r.display_name;

UPDATE report_store.coauthor_pairs c
SET display_name_a = r.display_name
FROM renamed r
WHERE c.author_key_a = ANY (ARRAY(SELECT author_key FROM renamed))
  AND c.author_key_a = r.author_key AND c.display_name_a <> r.display_name;

-- Pairs where the renamed author is the second key: found through the author's papers' co-signers
-- (author index, then the pairs' primary key), so the pairs need no index on author_key_b.
UPDATE report_store.coauthor_pairs c
SET display_name_b = s.display_name
FROM (SELECT DISTINCT o.author_key AS author_key_a, r.author_key AS author_key_b, r.display_name
      FROM renamed r
      JOIN warehouse.paper_authors x ON x.author_key = r.author_key
                                    AND x.author_key = ANY (ARRAY(SELECT author_key FROM renamed))
      JOIN warehouse.paper_authors o ON o.arxiv_id = x.arxiv_id AND o.author_key COLLATE "C" < r.author_key COLLATE "C") s
WHERE c.author_key_a = s.author_key_a AND c.author_key_b = s.author_key_b AND c.display_name_b <> s.display_name;
