-- Every spelling of one range of the authors the batch touched (@after < author_key <= @last, see
-- KeyRanges), grouped by author; the loader picks the display name (AuthorDisplayName, in C#) from
-- each group. The keys are looked up with "= ANY (ARRAY(SELECT …))", which always plans as index
-- scans: a join with the small scratch table was planned as a scan of every author's spellings.
SELECT v.author_key, v.spelling, v.entries
FROM warehouse.author_variants v
WHERE v.author_key = ANY (ARRAY(SELECT author_key FROM touched_authors
                                WHERE (@after::text IS NULL OR author_key > @after) AND author_key <= @last))
ORDER BY v.author_key COLLATE "C";
