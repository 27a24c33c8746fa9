-- One author's rows of report.coauthorships, found through the primary key alone: for psql, Metabase's
-- native questions and etl_reader (docs/reporting.md, "Per-paper queries").
--
-- A pair is stored once, author_key_a < author_key_b in byte order, so a plain
-- WHERE 'x' IN (author_key_a, author_key_b) can use the key only on the a side and reads every pair for
-- the other (0.4-1.2 s at a million papers). Here the author's co-signers come from their papers
-- (warehouse.paper_authors, by its author index), each pair's two keys are put in the stored order, and
-- the pairs are read by their key: milliseconds, and no second index on the pairs for every load to keep.
-- Co-signers of papers too large to form pairs (report_store.settings) have no pair and are not found.
--
-- SECURITY DEFINER, so etl_reader needs no grant on report_store or warehouse (its search_path is pinned,
-- and its SQL names every schema).
CREATE OR REPLACE FUNCTION report.coauthorships_of(author_key text)
RETURNS TABLE (
    author_key_a     text,
    display_name_a   text,
    author_key_b     text,
    display_name_b   text,
    joint_papers     integer,
    first_joint_date date,
    last_joint_date  date)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $function$
    SELECT c.author_key_a, c.display_name_a, c.author_key_b, c.display_name_b, c.joint_papers, c.first_joint_date, c.last_joint_date
    FROM report_store.coauthor_pairs c
    WHERE (c.author_key_a, c.author_key_b) IN (
        SELECT CASE WHEN o.author_key COLLATE "C" < $1 COLLATE "C" THEN o.author_key ELSE $1 END,
               CASE WHEN o.author_key COLLATE "C" < $1 COLLATE "C" THEN $1 ELSE o.author_key END
        FROM warehouse.paper_authors m
        JOIN warehouse.paper_authors o ON o.arxiv_id = m.arxiv_id
        WHERE m.author_key = $1 AND o.author_key <> $1)
$function$;

-- Only the roles sql/roles/etl_reader.sql names may call it (functions are executable by everyone by default).
REVOKE ALL ON FUNCTION report.coauthorships_of(text) FROM PUBLIC;

COMMENT ON FUNCTION report.coauthorships_of(text) IS 'The rows of report.coauthorships in which this author key stands on either side, found by the pairs'' primary key.';
