-- Full-text search for psql, Metabase's native questions and etl_reader (docs/reporting.md, "Search").
--
-- query is PostgreSQL's websearch_to_tsquery language: words (all must match), "quoted phrases", or,
-- -word. It is read twice: with the english configuration against title and abstract (stemmed, stop
-- words dropped), and with the simple configuration against the author names (no stemming, no stop
-- words, so 'Di He' keeps "he"); a paper matches when either matches. Author names are indexed by their
-- identity keys (accents dropped, lowercase, punctuation as spaces), so for them the query is read the
-- same way: 'Amélie', 'AMELIE' and 'Amelie' find the same author, 'Jean-Baptiste' both words. category matches any of the
-- paper's categories; since and until bound published_at (v1) as UTC dates, both inclusive; max_rows
-- caps the rows (null: all).
--
-- rank = ts_rank(title and abstract, english query) + ts_rank(author names, simple query): ts_rank counts
-- a title word and an author name (weight A) 1.0 and an abstract word (weight B) 0.4, grows with the
-- occurrences and, for several words, with how close they stand; document length is ignored. Excluded
-- words (-word) only filter: ranks are taken with the query's positive part (querytree), since ts_rank
-- gives any query with a negation a rank of about 1e-20. Ties go to the lower arxiv_id (byte order). snippet is up to two fragments of the abstract with the matched words between « and ».
--
-- The words are read from report_store.paper_search (sql/schema/011_paper_search.sql), which the loader
-- keeps current in the transaction of each load's last batch. SECURITY DEFINER, so etl_reader needs no
-- grant on report_store or warehouse (its search_path is pinned, and its SQL names every schema). The
-- query runs through EXECUTE, planned for each call with its values: the two tsqueries are computed once
-- (as constants), a category becomes a condition of the index, and an absent bound disappears.
CREATE FUNCTION report.search_papers(
    query     text,
    category  text DEFAULT NULL,
    since     date DEFAULT NULL,
    until     date DEFAULT NULL,
    max_rows  integer DEFAULT 50)
RETURNS TABLE (
    arxiv_id         text,
    latest_version   integer,
    title            text,
    authors          text[],
    primary_category text,
    published_at     timestamptz,
    rank             real,
    snippet          text)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $function$
BEGIN
    RETURN QUERY EXECUTE $query$
        WITH top AS (
            SELECT s.arxiv_id,
                   (coalesce(ts_rank(s.document, nullif(querytree(websearch_to_tsquery('english', $1)), 'T')::tsquery), 0)
                    + coalesce(ts_rank(s.authors, nullif(querytree(websearch_to_tsquery('simple', $6)), 'T')::tsquery), 0))::real AS rank
            FROM report_store.paper_search s
            WHERE (s.document @@ websearch_to_tsquery('english', $1) OR s.authors @@ websearch_to_tsquery('simple', $6))
              AND ($2::text IS NULL OR s.categories @> ARRAY[$2::text])
              AND ($3::date IS NULL OR s.published_at >= $3::timestamp AT TIME ZONE 'UTC')
              AND ($4::date IS NULL OR s.published_at < ($4 + 1)::timestamp AT TIME ZONE 'UTC')
            ORDER BY rank DESC, s.arxiv_id COLLATE "C"
            LIMIT $5
        )
        SELECT t.arxiv_id, p.latest_version, p.title, coalesce(l.authors, '{}'::text[]), p.primary_category, p.published_at, t.rank,
               ts_headline('english', coalesce(p.abstract, ''), websearch_to_tsquery('english', $1),
                           'MaxFragments=2, MaxWords=20, MinWords=8, StartSel=«, StopSel=», FragmentDelimiter=" … "')
        FROM top t
        JOIN warehouse.papers p ON p.arxiv_id = t.arxiv_id
        LEFT JOIN report_store.paper_lists l ON l.arxiv_id = t.arxiv_id
        ORDER BY t.rank DESC, t.arxiv_id COLLATE "C"
        $query$
    USING query, category, since, until, max_rows,
          -- the query as author keys are written (src/Etl.Core/Normalization/AuthorKey.cs): NFKD without
          -- combining marks, lowercase, and inner punctuation ("Jean-Baptiste", "O'Brien") as a space;
          -- quotes and a leading minus keep their meaning
          regexp_replace(lower(regexp_replace(normalize(query, NFKD), '[\u0300-\u036f]', '', 'g')),
                         '([[:alnum:]])[^[:alnum:][:space:]"]+(?=[[:alnum:]])', '\1 ', 'g');
END
$function$;

-- Only the roles sql/roles/etl_reader.sql names may call it (functions are executable by everyone by default).
REVOKE ALL ON FUNCTION report.search_papers(text, text, date, date, integer) FROM PUBLIC;

COMMENT ON FUNCTION report.search_papers(text, text, date, date, integer) IS 'Full-text search: papers whose title or abstract (english) or author names (simple) match a websearch_to_tsquery query, optionally within a category and a range of v1 dates (UTC, inclusive), best rank first, with a highlighted snippet of the abstract.';
