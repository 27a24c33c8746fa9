-- The touched papers and author spellings of the batch's streamed files (larger than
-- DigestReader.StreamAboveBytes), read back from their evidence after the COPY: such a file can hold a
-- million entries, too many to gather in the loader's memory as it does for the other files. The facts
-- are the same: every entry counts once per author spelling it uses (touch_batch.sql adds up the rows of
-- one spelling that come from both ways).
INSERT INTO touched_papers (arxiv_id)
SELECT DISTINCT arxiv_id FROM warehouse.evidence WHERE digest_id = ANY(@digest_ids)
ON CONFLICT (arxiv_id) DO NOTHING;

INSERT INTO staged_spellings (author_key, spelling, entries)
SELECT a.author_key, a.spelling, count(*)
FROM warehouse.evidence e
CROSS JOIN LATERAL unnest(e.author_keys, e.authors) AS a (author_key, spelling)
WHERE e.digest_id = ANY(@digest_ids)
GROUP BY a.author_key, a.spelling;
