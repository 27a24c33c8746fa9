-- After the batch's digests and evidence are in: which papers and authors it touches, and the author
-- spelling counts it adds. Only these papers and authors can change.
INSERT INTO touched_papers (arxiv_id)
SELECT DISTINCT e.arxiv_id
FROM warehouse.evidence e
WHERE e.digest_id IN (SELECT digest_id FROM batch_digests);

-- Every detailed entry counts once per spelling it uses; a file content is stored once, so a file
-- loaded twice is never counted twice.
WITH counted AS (
    SELECT a.author_key, a.spelling, count(*) AS entries
    FROM warehouse.evidence e
    CROSS JOIN LATERAL unnest(e.author_keys, e.authors) AS a (author_key, spelling)
    WHERE e.digest_id IN (SELECT digest_id FROM batch_digests)
      AND e.format = 'detailed'
    GROUP BY a.author_key, a.spelling
), upserted AS (
    INSERT INTO warehouse.author_variants AS v (author_key, spelling, entries)
    SELECT author_key, spelling, entries FROM counted
    ON CONFLICT (author_key, spelling) DO UPDATE SET entries = v.entries + excluded.entries
    RETURNING v.author_key
)
INSERT INTO touched_authors (author_key)
SELECT DISTINCT author_key FROM upserted;

ANALYZE touched_papers;
ANALYZE touched_authors;
