-- Every spelling of every author the batch touched, grouped by author; the loader picks the display
-- name (AuthorDisplayName, in C#) from each group.
SELECT v.author_key, v.spelling, v.entries
FROM warehouse.author_variants v
WHERE v.author_key IN (SELECT author_key FROM touched_authors)
ORDER BY v.author_key COLLATE "C";
