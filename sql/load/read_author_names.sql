-- The display names of one range of the authors the batch touched (@after < author_key <= @last, see
-- KeyRanges), grouped by author (byte order): each author's current name, with null entries (none for
-- an author new to the warehouse), then, for the authors whose name the batch may change, every
-- spelling with its entries. The loader picks the name from those (AuthorDisplayName, in C#) and tells
-- renamed authors by the current name.
--
-- An author whose every spelling in this batch (staged_spellings) is its current name keeps that name:
-- the spelling only gained entries, and AuthorDisplayName ranks by entries first, so it still beats every
-- other. Most authors of a daily file are such, and their spellings are not read. Authors touched
-- without spellings of their own (etl rebuild, which recounts every spelling) are all read.
--
-- Keys are looked up with "= ANY (ARRAY(SELECT …))", which always plans as index scans: a join with the
-- small scratch table was planned as a scan of every author's spellings.
WITH range AS MATERIALIZED (
    SELECT author_key FROM touched_authors
    WHERE (@after::text IS NULL OR author_key > @after) AND author_key <= @last
),
named AS MATERIALIZED (
    SELECT a.author_key, a.display_name
    FROM warehouse.authors a
    WHERE a.author_key = ANY (ARRAY(SELECT author_key FROM range))
),
spelled AS (
    -- Per author, the first and last of its spellings in this batch: both are its current name when
    -- every spelling is. Grouped once, not looked up per author (correlated, it scanned the scratch
    -- table once for every author).
    SELECT author_key, min(spelling) AS first_spelling, max(spelling) AS last_spelling
    FROM staged_spellings
    WHERE (@after::text IS NULL OR author_key > @after) AND author_key <= @last
    GROUP BY author_key
),
unsettled AS MATERIALIZED (
    SELECT r.author_key
    FROM range r
    LEFT JOIN named n ON n.author_key = r.author_key
    LEFT JOIN spelled b ON b.author_key = r.author_key
    WHERE n.display_name IS NULL
       OR b.author_key IS NULL
       OR b.first_spelling <> n.display_name
       OR b.last_spelling <> n.display_name
)
SELECT author_key, spelling, entries
FROM (SELECT author_key, display_name AS spelling, NULL::bigint AS entries
      FROM named
      UNION ALL
      SELECT v.author_key, v.spelling, v.entries
      FROM warehouse.author_variants v
      WHERE v.author_key = ANY (ARRAY(SELECT author_key FROM unsettled))) AS names
ORDER BY author_key COLLATE "C", entries NULLS FIRST;
